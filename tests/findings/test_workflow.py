"""Finding lifecycles: every pair of states per grade family and the closing guards."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.factories.auth import OrgFixture, first_run
from tests.factories.corrective_measures import measure_in, move_measure, open_measure
from tests.factories.findings import findings_url, move_finding, raise_finding

STATES = ["open", "action_planned", "closed"]
NC_TABLE = {"open": ["action_planned"], "action_planned": ["closed"], "closed": []}
NOTE_TABLE = {"open": ["closed"], "action_planned": [], "closed": []}
PATHS = {"open": [], "action_planned": ["action_planned"], "closed": ["action_planned", "closed"]}


async def finding_in(
    client: httpx.AsyncClient, org: OrgFixture, grade: str, state: str
) -> dict[str, Any]:
    finding = await raise_finding(client, org, grade=grade)
    steps = PATHS[state] if grade.endswith("_nc") else (["closed"] if state == "closed" else [])
    for step in steps:
        if step == "closed" and grade.endswith("_nc"):
            await corrected(client, org, finding)
        r = await move_finding(client, org, finding["id"], step, note="Decided at review")
        assert r.status_code == 200, r.text
        finding = r.json()
    return finding


async def corrected(client: httpx.AsyncClient, org: OrgFixture, finding: dict[str, Any]) -> None:
    """A corrective measure for ``finding`` closed with an effective review (10.1).

    A second linked measure stays open while the first closes (so the finding does not
    move on by itself) and is then cancelled: the finding is left for a manual close.
    """
    blocker = await open_measure(client, org, finding_ids=[finding["id"]])
    measure = await measure_in(client, org, "closed", finding_ids=[finding["id"]])
    assert measure["status"] == "closed"
    assert measure["effectiveness_review"]["result"] == "effective"
    r = await move_measure(client, org, blocker["id"], "cancelled", note="Merged")
    assert r.status_code == 200, r.text


@pytest.mark.parametrize(
    ("grade", "current"),
    [(g, s) for g in ("major_nc", "minor_nc") for s in STATES]
    + [(g, s) for g in ("observation", "ofi") for s in ("open", "closed")],
)
async def test_every_transition_pair(client: httpx.AsyncClient, grade: str, current: str) -> None:
    org = await first_run(client)
    table = NC_TABLE if grade.endswith("_nc") else NOTE_TABLE
    illegal = await finding_in(client, org, grade, current)
    assert illegal["status"] == current
    assert illegal["allowed_transitions"] == table[current]
    for target in STATES:
        if target in table[current]:
            finding = await finding_in(client, org, grade, current)
            if target == "closed" and grade.endswith("_nc"):
                await corrected(client, org, finding)
            r = await move_finding(client, org, finding["id"], target, note="Accepted")
            assert r.status_code == 200, (grade, current, target, r.text)
            assert r.json()["status"] == target
            if target == "closed":
                assert r.json()["closed_at"] is not None
                assert r.json()["decision_note"] == "Accepted"
        else:
            r = await move_finding(client, org, illegal["id"], target, note="x")
            assert r.status_code == 409, (grade, current, target, r.text)
            body = r.json()
            assert body["type"] == "urn:certready:problem:illegal-transition"
            assert (body["current"], body["requested"], body["allowed"]) == (
                current,
                target,
                table[current],
            )


@pytest.mark.parametrize("grade", ["observation", "ofi"])
async def test_closing_an_observation_needs_a_decision_note(
    client: httpx.AsyncClient, grade: str
) -> None:
    org = await first_run(client)
    finding = await raise_finding(client, org, grade=grade)
    r = await move_finding(client, org, finding["id"], "closed", note="  ")
    assert r.status_code == 409
    assert "correction-only decision" in r.json()["detail"]
    r = await move_finding(client, org, finding["id"], "closed", note="Logged for 10.2")
    assert r.status_code == 200, r.text


async def test_nonconformity_closes_only_when_its_measures_are_closed(
    client: httpx.AsyncClient,
) -> None:
    org = await first_run(client)
    finding = await finding_in(client, org, "minor_nc", "action_planned")
    await open_measure(client, org, finding_ids=[finding["id"]])
    r = await move_finding(client, org, finding["id"], "closed")
    assert r.status_code == 409
    assert "corrective measure" in r.json()["detail"]
    # cancelling the only measure leaves no corrective action at all: still refused
    (measure_id,) = [m["id"] for m in await _measures_of(client, org, finding)]
    r = await move_measure(client, org, measure_id, "cancelled", note="Duplicate")
    assert r.status_code == 200, r.text
    r = await move_finding(client, org, finding["id"], "closed")
    assert r.status_code == 409 and "effectiveness review" in r.json()["detail"]
    # observations have no measures to wait for
    obs = await raise_finding(client, org, grade="observation")
    assert (await move_finding(client, org, obs["id"], "closed", note="ok")).status_code == 200


async def test_nonconformity_never_closes_without_corrective_action(
    client: httpx.AsyncClient,
) -> None:
    """Issue 13: an NC with no measure at all could be closed (and RDY-33 then passed)."""
    org = await first_run(client)
    for grade in ("minor_nc", "major_nc"):
        finding = await finding_in(client, org, grade, "action_planned")
        r = await move_finding(client, org, finding["id"], "closed", note="Fixed, trust me")
        assert r.status_code == 409, r.text
        assert "corrective measure" in r.json()["detail"]
        still = await client.get(findings_url(org, finding["id"]), headers=org.admin.headers)
        assert still.json()["status"] == "action_planned"
        await corrected(client, org, finding)
        r = await move_finding(client, org, finding["id"], "closed", note="Corrected")
        assert r.status_code == 200, r.text


async def _measures_of(
    client: httpx.AsyncClient, org: OrgFixture, finding: dict[str, Any]
) -> list[dict[str, Any]]:
    r = await client.get(
        f"/api/v1/orgs/{org.slug}/corrective-measures",
        params={"finding_id": finding["id"]},
        headers=org.admin.headers,
    )
    assert r.status_code == 200, r.text
    return list(r.json()["items"])


async def test_certification_body_major_closes_after_verification(
    client: httpx.AsyncClient,
) -> None:
    org = await first_run(client)
    finding = await raise_finding(client, org, grade="major_nc", source="certification_audit")
    await move_finding(client, org, finding["id"], "action_planned")
    r = await move_finding(client, org, finding["id"], "closed")
    assert r.status_code == 409
    assert "cb_verified_at" in r.json()["detail"]
    etag = (await client.get(findings_url(org, finding["id"]), headers=org.admin.headers)).headers[
        "etag"
    ]
    r = await client.patch(
        findings_url(org, finding["id"]),
        json={"cb_verified_at": "2026-11-20T10:00:00Z"},
        headers={**org.admin.headers, "If-Match": etag},
    )
    assert r.status_code == 200, r.text
    # verified by the body, and corrected by an effective measure (10.1)
    r = await move_finding(client, org, finding["id"], "closed")
    assert r.status_code == 409 and "corrective measure" in r.json()["detail"]
    await corrected(client, org, finding)
    r = await move_finding(client, org, finding["id"], "closed")
    assert r.status_code == 200, r.text
