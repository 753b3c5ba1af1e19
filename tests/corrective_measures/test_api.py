"""Corrective measures over HTTP: findings integration, filters, overdue, roles, tenancy."""

from __future__ import annotations

import uuid
from typing import Any

import httpx
import pytest

from tests.conftest import QueryCounter
from tests.factories.auth import add_member, first_run, second_org
from tests.factories.corrective_measures import (
    add_action,
    measure_in,
    measures_url,
    move_measure,
    open_measure,
    patch_measure,
    review,
    satisfy,
    update_action,
)
from tests.factories.evidence import create_statement
from tests.factories.findings import findings_url, move_finding, raise_finding


async def _finding(client: httpx.AsyncClient, org: Any, finding_id: str) -> dict[str, Any]:
    r = await client.get(findings_url(org, finding_id), headers=org.admin.headers)
    return dict(r.json())


async def test_keys_links_and_validation(client: httpx.AsyncClient) -> None:
    acme = await first_run(client)
    globex = await second_org(client, acme)
    finding = await raise_finding(client, acme)
    theirs = await raise_finding(client, globex)
    alone = await open_measure(client, acme)
    assert (alone["key"], alone["status"], alone["finding_ids"]) == ("CM-1", "open", [])
    linked = await open_measure(client, acme, finding_ids=[finding["id"], finding["id"]])
    assert (linked["key"], linked["finding_ids"]) == ("CM-2", [finding["id"]])
    assert (await open_measure(client, globex))["key"] == "CM-1"
    r = await client.post(
        measures_url(acme),
        json={"title": "x", "finding_ids": [theirs["id"]]},
        headers=acme.admin.headers,
    )
    assert r.status_code == 422
    assert r.json()["errors"][0]["loc"] == ["body", "finding_ids", 0]
    await open_measure(client, acme, owner_id=globex.admin.user_id, expect=422)
    await open_measure(client, acme, title="", expect=422)
    r = await patch_measure(
        client,
        acme,
        alone["id"],
        {
            "correction": "Reverted the unapproved change",
            "correction_date": "2026-11-02",
            "correction_by_id": acme.admin.user_id,
            "extent": "Same gap in the release process",
            "sms_change_evidence_ids": [(await create_statement(client, acme))["id"]],
            "finding_ids": [finding["id"]],
        },
    )
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["correction_by_id"] == acme.admin.user_id
    assert len(body["sms_change_evidence_ids"]) == 1
    assert body["finding_ids"] == [finding["id"]]
    url = measures_url(acme, alone["id"])
    assert (
        await client.patch(url, json={"title": "x"}, headers=acme.admin.headers)
    ).status_code == 428
    r = await client.patch(
        url, json={"title": "x"}, headers={**acme.admin.headers, "If-Match": '"99"'}
    )
    assert r.status_code == 412
    r = await patch_measure(client, acme, alone["id"], {"status": "closed"})
    assert r.status_code == 422  # status only through transitions
    r = await update_action(client, acme, alone["id"], str(uuid.uuid4()), {"done": True})
    assert r.status_code == 404


async def test_finding_closes_only_after_its_measures(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    finding = await raise_finding(client, org)
    first = await open_measure(client, org, finding_ids=[finding["id"]])
    second = await open_measure(client, org, finding_ids=[finding["id"]])
    await move_finding(client, org, finding["id"], "action_planned")
    r = await move_finding(client, org, finding["id"], "closed")
    assert r.status_code == 409
    assert "2 linked corrective measure(s)" in r.json()["detail"]
    r = await move_measure(client, org, second["id"], "cancelled", note="Merged into CM-1")
    assert r.status_code == 200
    r = await move_finding(client, org, finding["id"], "closed")
    assert "1 linked corrective measure(s)" in r.json()["detail"]
    for step in ("contained", "analysed", "planned", "implemented", "effectiveness_review"):
        await satisfy(client, org, first, step)
        assert (await move_measure(client, org, first["id"], step)).status_code == 200
    assert (await move_finding(client, org, finding["id"], "closed")).status_code == 409
    await satisfy(client, org, first, "closed")
    r = await move_measure(client, org, first["id"], "closed")
    assert r.status_code == 200, r.text
    # the last open measure closed effective: the finding moved on by itself
    assert [c["to_status"] for c in r.json()["consequences"]] == ["closed"]
    assert (await _finding(client, org, finding["id"]))["status"] == "closed"


async def test_planning_moves_open_findings_to_action_planned(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    nc = await raise_finding(client, org)
    planned_nc = await raise_finding(client, org)
    await move_finding(client, org, planned_nc["id"], "action_planned")
    obs = await raise_finding(client, org, grade="observation")
    ids = [nc["id"], planned_nc["id"], obs["id"]]
    measure = await measure_in(client, org, "analysed", finding_ids=ids)
    assert (await _finding(client, org, nc["id"]))["status"] == "open"
    await satisfy(client, org, measure, "planned")
    r = await move_measure(client, org, measure["id"], "planned")
    assert r.status_code == 200, r.text
    assert (await _finding(client, org, nc["id"]))["status"] == "action_planned"
    assert (await _finding(client, org, planned_nc["id"]))["status"] == "action_planned"
    assert (await _finding(client, org, obs["id"]))["status"] == "open"
    entries = await client.get(
        f"/api/v1/orgs/{org.slug}/activity",
        params={"object_type": "finding", "object_id": nc["id"]},
        headers=org.admin.headers,
    )
    last = entries.json()["items"][0]
    assert last["action"] == "finding.transition"
    assert last["after"] == {
        "status": "action_planned",
        "note": f"{measure['key']} planned",
        "because": {"measure": measure["key"], "event": "planned"},
    }


async def test_every_change_writes_activity(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    measure = await open_measure(client, org)
    mid = measure["id"]
    await patch_measure(client, org, mid, {"correction": "Rolled back"})
    body = await add_action(client, org, mid, owner_id=org.admin.user_id, due_date="2027-01-01")
    await update_action(client, org, mid, body["actions"][0]["id"], {"done": True})
    await move_measure(client, org, mid, "contained")
    r = await client.get(
        f"/api/v1/orgs/{org.slug}/activity",
        params={"object_type": "corrective_measure", "object_id": mid},
        headers=org.admin.headers,
    )
    assert [e["action"] for e in reversed(r.json()["items"])] == [
        "corrective_measure.create",
        "corrective_measure.update",
        "corrective_measure.action_add",
        "corrective_measure.action_update",
        "corrective_measure.transition",
    ]
    measure_after = (await client.get(measures_url(org, mid), headers=org.admin.headers)).json()
    assert measure_after["version"] == 5


async def test_filters_overdue_and_paging(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    manager = await add_member(client, org, "sms_manager")
    finding = await raise_finding(client, org)
    late = await open_measure(client, org, due_date="2020-01-01", owner_id=manager.user_id)
    future = await open_measure(client, org, due_date="2999-01-01", finding_ids=[finding["id"]])
    done_late = await measure_in(client, org, "implemented", due_date="2020-01-01")
    cancelled_late = await measure_in(client, org, "cancelled", due_date="2020-01-01")

    async def ids(**params: Any) -> list[str]:
        r = await client.get(measures_url(org), params=params, headers=org.admin.headers)
        assert r.status_code == 200, r.text
        return [m["id"] for m in r.json()["items"]]

    everything = [cancelled_late["id"], done_late["id"], future["id"], late["id"]]
    assert await ids() == everything
    assert await ids(overdue="true") == [late["id"]]
    assert await ids(overdue="false") == everything[:3]
    assert await ids(status="implemented") == [done_late["id"]]
    assert await ids(owner_id=manager.user_id) == [late["id"]]
    assert await ids(finding_id=finding["id"]) == [future["id"]]
    assert await ids(finding_id=str(uuid.uuid4())) == []
    r = await client.get(measures_url(org, late["id"]), headers=org.admin.headers)
    assert r.json()["overdue"] is True
    r = await client.get(measures_url(org, done_late["id"]), headers=org.admin.headers)
    assert r.json()["overdue"] is False
    r = await client.get(measures_url(org), params={"limit": 3}, headers=org.admin.headers)
    assert r.json()["total"] == 4
    r = await client.get(
        measures_url(org),
        params={"limit": 3, "cursor": r.json()["next_cursor"]},
        headers=org.admin.headers,
    )
    assert [m["id"] for m in r.json()["items"]] == [late["id"]]
    r = await client.get(measures_url(org), params={"status": "done"}, headers=org.admin.headers)
    assert r.status_code == 422


async def test_other_org_gets_404_identical_to_missing(client: httpx.AsyncClient) -> None:
    acme = await first_run(client)
    globex = await second_org(client, acme)
    theirs = await measure_in(client, globex, "planned")
    action_id = theirs["actions"][0]["id"]
    missing = await client.get(measures_url(acme, uuid.uuid4()), headers=acme.admin.headers)
    assert missing.status_code == 404
    for method, path, body in [
        ("GET", measures_url(acme, theirs["id"]), None),
        ("PATCH", measures_url(acme, theirs["id"]), {"title": "Pwned"}),
        ("POST", measures_url(acme, theirs["id"], "transitions"), {"to": "cancelled", "note": "x"}),
        ("POST", measures_url(acme, theirs["id"], "actions"), {"description": "x"}),
        ("PATCH", measures_url(acme, theirs["id"], "actions", action_id), {"done": True}),
        (
            "POST",
            measures_url(acme, theirs["id"], "effectiveness-review"),
            {"method": "x", "result": "effective", "review_date": "2026-11-01"},
        ),
    ]:
        r = await client.request(
            method, path, json=body, headers={**acme.admin.headers, "If-Match": "*"}
        )
        assert r.status_code == 404, (method, path)
        assert r.json() == missing.json()
    assert (await client.get(measures_url(acme), headers=acme.admin.headers)).json()["total"] == 0
    after = await client.get(measures_url(globex, theirs["id"]), headers=globex.admin.headers)
    assert (after.json()["title"], after.json()["status"]) == (theirs["title"], "planned")
    assert after.json()["actions"][0]["done"] is False


@pytest.mark.parametrize(
    ("role", "may_write"),
    [
        ("sms_manager", True),
        ("process_owner", True),
        ("auditor", False),
        ("external_auditor", False),
        ("viewer", False),
    ],
)
async def test_roles(client: httpx.AsyncClient, role: str, may_write: bool) -> None:
    org = await first_run(client)
    member = await add_member(client, org, role)
    # process owners write the measures they own (the ownership rule, tested below)
    mine = {"owner_id": member.user_id} if role == "process_owner" else {}
    measure = await open_measure(client, org, **mine)
    r = await client.get(measures_url(org, measure["id"]), headers=member.headers)
    assert r.status_code == 200
    assert (await client.get(measures_url(org), headers=member.headers)).status_code == 200
    expected = 201 if may_write else 403
    await open_measure(client, org, headers=member.headers, expect=expected)
    r = await move_measure(client, org, measure["id"], "contained", headers=member.headers)
    assert r.status_code == (200 if may_write else 403)
    r = await client.post(
        measures_url(org, measure["id"], "actions"),
        json={"description": "x"},
        headers=member.headers,
    )
    assert r.status_code == (201 if may_write else 403)
    r = await review(client, org, measure["id"], headers=member.headers)
    assert r.status_code == (409 if may_write else 403)  # not in effectiveness_review yet


async def test_process_owner_changes_only_their_own_measures(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    owner = await add_member(client, org, "process_owner")
    colleague = await add_member(client, org, "process_owner")
    manager = await add_member(client, org, "sms_manager")
    theirs = await open_measure(client, org, owner_id=colleague.user_id)
    tid = theirs["id"]
    assigned = await add_action(client, org, tid, owner_id=owner.user_id, due_date="2027-01-01")
    mine_action = assigned["actions"][0]["id"]
    body = await add_action(client, org, tid, owner_id=colleague.user_id, due_date="2027-01-01")
    other_action = next(a["id"] for a in body["actions"] if a["id"] != mine_action)
    before = (await client.get(measures_url(org, tid), headers=org.admin.headers)).json()
    # another person's measure: editing, cancelling, moving, planning, reviewing are 403
    r = await patch_measure(client, org, tid, {"title": "Mine now"}, headers=owner.headers)
    assert r.status_code == 403, r.text
    assert "corrective measures you own" in r.json()["detail"]
    r = await move_measure(client, org, tid, "cancelled", headers=owner.headers, note="Not needed")
    assert r.status_code == 403, r.text
    r = await move_measure(client, org, tid, "contained", headers=owner.headers)
    assert r.status_code == 403
    r = await client.post(
        measures_url(org, tid, "actions"), json={"description": "x"}, headers=owner.headers
    )
    assert r.status_code == 403
    r = await update_action(client, org, tid, other_action, {"done": True}, headers=owner.headers)
    assert r.status_code == 403
    r = await review(client, org, tid, headers=owner.headers)
    assert r.status_code == 403
    after = (await client.get(measures_url(org, tid), headers=org.admin.headers)).json()
    assert after == before  # nothing changed, not even the version
    # ... but the action assigned to them is theirs to change
    r = await update_action(client, org, tid, mine_action, {"done": True}, headers=owner.headers)
    assert r.status_code == 200, r.text
    done = {a["id"]: a["done"] for a in r.json()["actions"]}
    assert done == {mine_action: True, other_action: False}
    # their own measure: edit and move; what they open (and its actions) is theirs
    mine = await open_measure(client, org, headers=owner.headers)
    assert mine["owner_id"] == owner.user_id
    r = await patch_measure(client, org, mine["id"], {"correction": "Fixed"}, headers=owner.headers)
    assert r.status_code == 200, r.text
    r = await move_measure(client, org, mine["id"], "contained", headers=owner.headers)
    assert r.status_code == 200, r.text
    planned = await add_action(client, org, mine["id"], headers=owner.headers)
    assert planned["actions"][0]["owner_id"] == owner.user_id
    # what they own stays theirs: opening one for someone else, or handing it over, is 403
    await open_measure(client, org, headers=owner.headers, owner_id=colleague.user_id, expect=403)
    r = await patch_measure(
        client, org, mine["id"], {"owner_id": colleague.user_id}, headers=owner.headers
    )
    assert r.status_code == 403
    # the owner of the measure assigns its actions; an assignee cannot pass theirs on
    r = await update_action(
        client,
        org,
        mine["id"],
        planned["actions"][0]["id"],
        {"owner_id": colleague.user_id},
        headers=owner.headers,
    )
    assert r.status_code == 200, r.text
    r = await update_action(
        client, org, tid, mine_action, {"owner_id": colleague.user_id}, headers=owner.headers
    )
    assert r.status_code == 403
    # the SMS manager is not restricted by ownership
    r = await patch_measure(client, org, tid, {"title": "Managed"}, headers=manager.headers)
    assert r.status_code == 200, r.text
    r = await update_action(client, org, tid, other_action, {"done": True}, headers=manager.headers)
    assert r.status_code == 200, r.text
    r = await move_measure(client, org, tid, "cancelled", headers=manager.headers, note="Merged")
    assert r.status_code == 200, r.text


async def test_list_query_count_is_constant(
    client: httpx.AsyncClient, count_queries: QueryCounter
) -> None:
    org = await first_run(client)
    finding = await raise_finding(client, org)

    async def one_more() -> None:
        m = await open_measure(client, org, finding_ids=[finding["id"]])
        await add_action(client, org, m["id"], owner_id=org.admin.user_id)
        item = (await create_statement(client, org))["id"]
        await patch_measure(client, org, m["id"], {"sms_change_evidence_ids": [item]})

    await one_more()

    async def cost() -> int:
        count_queries.count = 0
        r = await client.get(measures_url(org), params={"limit": 500}, headers=org.admin.headers)
        assert r.status_code == 200
        return count_queries.count

    one = await cost()
    for _ in range(15):
        await one_more()
    assert await cost() == one


async def test_read_says_whether_actions_are_editable(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    measure = await open_measure(client, org)
    assert measure["actions_editable"] is True
    seen: dict[str, bool] = {"open": True}
    for step in ("contained", "analysed", "planned", "implemented", "effectiveness_review"):
        await satisfy(client, org, measure, step)
        r = await move_measure(client, org, measure["id"], step)
        assert r.status_code == 200, r.text
        seen[step] = r.json()["actions_editable"]
    assert seen == {
        "open": True,
        "contained": True,
        "analysed": True,
        "planned": True,
        "implemented": False,
        "effectiveness_review": False,
    }
    # The flag matches what the server enforces: an implemented measure refuses new actions.
    r = await client.post(
        measures_url(org, measure["id"], "actions"),
        json={"description": "Late idea"},
        headers=org.admin.headers,
    )
    assert r.status_code == 409
    listed = await client.get(measures_url(org), headers=org.admin.headers)
    assert listed.json()["items"][0]["actions_editable"] is False
