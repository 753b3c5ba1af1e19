"""Finding <-> corrective measures coherence over HTTP (issue 13), on both databases.

A finding lists its measures; planning a measure (or linking a finding to a planned one)
plans the finding's action and says so; the last open measure closing effective closes
the nonconformity by itself, logged; observations and OFIs close on a correction only.
"""

from __future__ import annotations

from typing import Any

import httpx

from tests.conftest import QueryCounter
from tests.factories.auth import first_run
from tests.factories.corrective_measures import (
    measure_in,
    move_measure,
    open_measure,
    patch_measure,
    satisfy,
)
from tests.factories.findings import findings_url, move_finding, raise_finding


async def _finding(client: httpx.AsyncClient, org: Any, finding_id: str) -> dict[str, Any]:
    r = await client.get(findings_url(org, finding_id), headers=org.admin.headers)
    assert r.status_code == 200, r.text
    return dict(r.json())


async def _entries(client: httpx.AsyncClient, org: Any, finding_id: str) -> list[dict[str, Any]]:
    r = await client.get(
        f"/api/v1/orgs/{org.slug}/activity",
        params={"object_type": "finding", "object_id": finding_id},
        headers=org.admin.headers,
    )
    return list(r.json()["items"])


async def test_a_finding_lists_its_measures(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    finding = await raise_finding(client, org)
    other = await raise_finding(client, org)
    assert (await _finding(client, org, finding["id"]))["measures"] == []
    first = await open_measure(client, org, finding_ids=[finding["id"]], due_date="2020-01-01")
    second = await open_measure(client, org, finding_ids=[finding["id"], other["id"]])
    await open_measure(client, org, finding_ids=[other["id"]])
    measures = (await _finding(client, org, finding["id"]))["measures"]
    assert [m["key"] for m in measures] == [first["key"], second["key"]]
    assert measures[0] == {
        "id": first["id"],
        "key": first["key"],
        "title": first["title"],
        "status": "open",
        "owner_id": first["owner_id"],
        "due_date": "2020-01-01",
        "overdue": True,
        "effectiveness_result": None,
        "closed_at": None,
    }
    listed = await client.get(findings_url(org), headers=org.admin.headers)
    by_key = {f["key"]: f for f in listed.json()["items"]}
    assert [m["key"] for m in by_key[other["key"]]["measures"]] == ["CM-2", "CM-3"]


async def test_finding_reads_load_measures_without_n_plus_1(
    client: httpx.AsyncClient, count_queries: QueryCounter
) -> None:
    org = await first_run(client)

    async def one_more() -> None:
        f = await raise_finding(client, org)
        await open_measure(client, org, finding_ids=[f["id"]])
        await open_measure(client, org, finding_ids=[f["id"]])

    async def cost() -> int:
        count_queries.count = 0
        r = await client.get(findings_url(org), params={"limit": 500}, headers=org.admin.headers)
        assert r.status_code == 200
        assert all(len(f["measures"]) == 2 for f in r.json()["items"])
        return count_queries.count

    await one_more()
    one = await cost()
    for _ in range(6):
        await one_more()
    assert await cost() == one


async def test_planning_a_measure_moves_its_findings_and_says_so(
    client: httpx.AsyncClient,
) -> None:
    org = await first_run(client)
    nc = await raise_finding(client, org)
    obs = await raise_finding(client, org, grade="observation")
    measure = await measure_in(client, org, "analysed", finding_ids=[nc["id"], obs["id"]])
    assert measure["consequences"] == []
    await satisfy(client, org, measure, "planned")
    r = await move_measure(client, org, measure["id"], "planned")
    assert r.status_code == 200, r.text
    assert r.json()["consequences"] == [
        {
            "finding_id": nc["id"],
            "key": nc["key"],
            "from_status": "open",
            "to_status": "action_planned",
            "reason": f"{measure['key']} planned",
        }
    ]
    assert (await _finding(client, org, obs["id"]))["status"] == "open"
    last = (await _entries(client, org, nc["id"]))[0]
    assert last["action"] == "finding.transition"
    assert last["after"]["because"] == {"measure": measure["key"], "event": "planned"}
    # a read says nothing moved
    again = await client.get(r.request.url.path.rsplit("/", 1)[0], headers=org.admin.headers)
    assert again.json()["consequences"] == []


async def test_linking_a_finding_to_a_planned_measure_plans_its_action(
    client: httpx.AsyncClient,
) -> None:
    org = await first_run(client)
    first = await raise_finding(client, org)
    late = await raise_finding(client, org)
    measure = await measure_in(client, org, "implemented", finding_ids=[first["id"]])
    r = await patch_measure(client, org, measure["id"], {"finding_ids": [first["id"], late["id"]]})
    assert r.status_code == 200, r.text
    assert [(c["key"], c["to_status"]) for c in r.json()["consequences"]] == [
        (late["key"], "action_planned")
    ]
    assert (await _finding(client, org, late["id"]))["status"] == "action_planned"
    entry = (await _entries(client, org, late["id"]))[0]
    assert entry["after"]["note"] == f"{measure['key']} planned"
    # linking to a measure still being analysed moves nothing
    early = await measure_in(client, org, "analysed")
    third = await raise_finding(client, org)
    r = await patch_measure(client, org, early["id"], {"finding_ids": [third["id"]]})
    assert r.json()["consequences"] == []
    assert (await _finding(client, org, third["id"]))["status"] == "open"


async def test_last_measure_closing_effective_closes_the_nc(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    finding = await raise_finding(client, org)
    first = await measure_in(client, org, "effectiveness_review", finding_ids=[finding["id"]])
    second = await measure_in(client, org, "effectiveness_review", finding_ids=[finding["id"]])
    await satisfy(client, org, first, "closed")
    r = await move_measure(client, org, first["id"], "closed")
    assert r.status_code == 200, r.text
    assert r.json()["consequences"] == []  # the second measure is still open
    assert (await _finding(client, org, finding["id"]))["status"] == "action_planned"
    await satisfy(client, org, second, "closed")
    r = await move_measure(client, org, second["id"], "closed")
    assert r.json()["consequences"] == [
        {
            "finding_id": finding["id"],
            "key": finding["key"],
            "from_status": "action_planned",
            "to_status": "closed",
            "reason": f"{second['key']} closed effective",
        }
    ]
    closed = await _finding(client, org, finding["id"])
    assert (closed["status"], closed["closure_decision"]) == ("closed", "corrective_action")
    assert [m["effectiveness_result"] for m in closed["measures"]] == ["effective", "effective"]
    last = (await _entries(client, org, finding["id"]))[0]
    assert last["summary"] == f"{finding['key']}: action_planned -> closed"
    assert last["after"]["note"] == f"{second['key']} closed effective"
    assert last["after"]["because"] == {"measure": second["key"], "event": "closed"}
    assert last["actor_id"] == org.admin.user_id


async def test_a_cb_major_waits_for_the_body_before_moving_on(
    client: httpx.AsyncClient,
) -> None:
    org = await first_run(client)
    major = await raise_finding(client, org, grade="major_nc", source="certification_audit")
    measure = await measure_in(client, org, "effectiveness_review", finding_ids=[major["id"]])
    await satisfy(client, org, measure, "closed")
    r = await move_measure(client, org, measure["id"], "closed")
    assert r.status_code == 200, r.text
    assert r.json()["consequences"] == []
    assert (await _finding(client, org, major["id"]))["status"] == "action_planned"


async def test_observations_close_on_a_correction_only(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    obs = await raise_finding(client, org, grade="observation")
    r = await move_finding(client, org, obs["id"], "closed")
    assert r.status_code == 409
    assert "reason for the correction-only decision" in r.json()["detail"]
    r = await client.post(
        findings_url(org, obs["id"], "transitions"),
        json={"to": "closed", "note": "x", "decision": "corrective_action"},
        headers=org.admin.headers,
    )
    assert r.status_code == 409
    assert "correction-only" in r.json()["detail"]
    assert (await _finding(client, org, obs["id"]))["status"] == "open"
    r = await client.post(
        findings_url(org, obs["id"], "transitions"),
        json={
            "to": "closed",
            "note": "Fixed the wiki page; no cause to remove.",
            "decision": "correction_only",
        },
        headers=org.admin.headers,
    )
    assert r.status_code == 200, r.text
    body = r.json()
    assert (body["status"], body["closure_decision"]) == ("closed", "correction_only")
    assert body["decision_note"] == "Fixed the wiki page; no cause to remove."
    last = (await _entries(client, org, obs["id"]))[0]
    assert last["after"]["decision"] == "correction_only"
    ofi = await raise_finding(client, org, grade="ofi")
    r = await move_finding(client, org, ofi["id"], "closed", note="Noted for next year.")
    assert r.json()["closure_decision"] == "correction_only"


async def test_an_nc_never_closes_on_a_correction_only(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    nc = await raise_finding(client, org)
    await measure_in(client, org, "planned", finding_ids=[nc["id"]])
    r = await client.post(
        findings_url(org, nc["id"], "transitions"),
        json={"to": "closed", "note": "Fixed it", "decision": "correction_only"},
        headers=org.admin.headers,
    )
    assert r.status_code == 409
    assert "correction only" in r.json()["detail"]
    r = await client.post(
        findings_url(org, nc["id"], "transitions"),
        json={"to": "action_planned", "decision": "correction_only"},
        headers=org.admin.headers,
    )
    assert r.status_code == 422
    assert (await _finding(client, org, nc["id"]))["status"] == "action_planned"
