"""Corrective-measure lifecycle: every pair of states, each guard, reopening (10.1)."""

from __future__ import annotations

import httpx
import pytest

from tests.factories.auth import add_member, first_run
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

STATES = [
    "open",
    "contained",
    "analysed",
    "planned",
    "implemented",
    "effectiveness_review",
    "closed",
    "cancelled",
]
TABLE = {
    "open": ["contained", "cancelled"],
    "contained": ["analysed", "cancelled"],
    "analysed": ["planned", "cancelled"],
    "planned": ["implemented", "cancelled"],
    "implemented": ["effectiveness_review"],
    "effectiveness_review": ["analysed", "closed"],
    "closed": [],
    "cancelled": [],
}


@pytest.mark.parametrize("current", STATES)
async def test_every_transition_pair(client: httpx.AsyncClient, current: str) -> None:
    org = await first_run(client)
    illegal = await measure_in(client, org, current)
    assert illegal["status"] == current
    assert illegal["allowed_transitions"] == TABLE[current]
    for target in STATES:
        if target in TABLE[current]:
            measure = await measure_in(client, org, current)
            if (current, target) == ("effectiveness_review", "analysed"):
                # reached through a not-effective review, which runs the transition
                r = await review(client, org, measure["id"], result="not_effective")
            else:
                await satisfy(client, org, measure, target)
                r = await move_measure(client, org, measure["id"], target, note="Because")
            assert r.status_code == 200, (current, target, r.text)
            assert r.json()["status"] == target
        else:
            r = await move_measure(client, org, illegal["id"], target, note="x")
            assert r.status_code == 409, (current, target, r.text)
            body = r.json()
            assert body["type"] == "urn:certready:problem:illegal-transition"
            assert (body["current"], body["requested"], body["allowed"]) == (
                current,
                target,
                TABLE[current],
            )


async def _guard_fails(
    client: httpx.AsyncClient, org: object, measure_id: str, to: str, words: str, note: str = ""
) -> None:
    r = await move_measure(client, org, measure_id, to, note=note)  # type: ignore[arg-type]
    assert r.status_code == 409, r.text
    assert words in r.json()["detail"]


async def test_analysed_needs_a_root_cause(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    measure = await measure_in(client, org, "contained")
    await _guard_fails(client, org, measure["id"], "analysed", "root-cause")
    r = await patch_measure(client, org, measure["id"], {"root_cause_method": "fishbone"})
    assert r.status_code == 200, r.text
    await _guard_fails(client, org, measure["id"], "analysed", "root-cause")
    r = await patch_measure(client, org, measure["id"], {"root_cause": "Tool allows blank field"})
    assert (await move_measure(client, org, measure["id"], "analysed")).status_code == 200


async def test_planned_needs_an_action_with_owner_and_due_date(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    measure = await measure_in(client, org, "analysed")
    await _guard_fails(client, org, measure["id"], "planned", "at least one action")
    body = await add_action(client, org, measure["id"], owner_id=org.admin.user_id)
    await _guard_fails(client, org, measure["id"], "planned", "owner and a due date")
    action_id = body["actions"][0]["id"]
    r = await update_action(client, org, measure["id"], action_id, {"due_date": "2027-01-15"})
    assert r.status_code == 200, r.text
    assert (await move_measure(client, org, measure["id"], "planned")).status_code == 200


async def test_implemented_needs_every_action_done(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    measure = await measure_in(client, org, "planned")
    second = await add_action(
        client, org, measure["id"], owner_id=org.admin.user_id, due_date="2027-01-01"
    )
    first_id, second_id = (a["id"] for a in second["actions"])
    done_proof = (await create_statement(client, org, title="Field made mandatory"))["id"]
    r = await update_action(
        client, org, measure["id"], first_id, {"done": True, "evidence_id": done_proof}
    )
    assert r.status_code == 200, r.text
    assert r.json()["actions"][0]["evidence_id"] == done_proof
    assert r.json()["actions"][0]["done_at"] is not None
    await _guard_fails(client, org, measure["id"], "implemented", "1 action(s) are not done")
    await update_action(client, org, measure["id"], second_id, {"done": True})
    r = await move_measure(client, org, measure["id"], "implemented")
    assert r.status_code == 200, r.text
    # actions are frozen once implemented
    r = await update_action(client, org, measure["id"], second_id, {"done": False})
    assert r.status_code == 409


async def test_close_needs_an_independent_complete_effective_review(
    client: httpx.AsyncClient,
) -> None:
    org = await first_run(client)
    manager = await add_member(client, org, "sms_manager")
    measure = await measure_in(client, org, "effectiveness_review", owner_id=manager.user_id)
    mid = measure["id"]
    assert measure["effectiveness_review"] is None
    await _guard_fails(client, org, mid, "closed", "Record the effectiveness review")
    # the owner reviewing their own measure does not count
    assert (await review(client, org, mid, headers=manager.headers)).status_code == 200
    await _guard_fails(client, org, mid, "closed", "someone other than the owner")
    r = await review(client, org, mid, evidence_id=None)
    assert r.status_code == 200, r.text
    assert r.json()["effectiveness_review"]["reviewer_id"] == org.admin.user_id
    await _guard_fails(client, org, mid, "closed", "evidence id")
    assert (await review(client, org, mid)).status_code == 200
    r = await move_measure(client, org, mid, "closed")
    assert r.status_code == 200, r.text
    assert r.json()["closed_at"] is not None
    assert r.json()["allowed_transitions"] == []


async def test_not_effective_review_reopens_the_analysis(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    measure = await measure_in(client, org, "effectiveness_review")
    mid = measure["id"]
    # the explicit move back needs a not-effective review
    await _guard_fails(client, org, mid, "analysed", "not-effective review")
    r = await review(client, org, mid, result="not_effective", note="Recurred in week 2")
    assert r.status_code == 200, r.text
    body = r.json()
    assert (body["status"], body["reopen_count"]) == ("analysed", 1)
    assert body["effectiveness_review"]["result"] == "not_effective"
    # a second round: new action, implement, fresh review, close
    await satisfy(client, org, body, "planned")
    for step in ("planned", "implemented", "effectiveness_review"):
        if step == "implemented":
            await satisfy(client, org, body, "implemented")
        r = await move_measure(client, org, mid, step)
        assert r.status_code == 200, (step, r.text)
    assert r.json()["effectiveness_review"] is None
    assert r.json()["reopen_count"] == 1
    assert (await review(client, org, mid)).status_code == 200
    assert (await move_measure(client, org, mid, "closed")).status_code == 200
    # reviews are recorded only in effectiveness_review
    assert (await review(client, org, mid)).status_code == 409


async def test_cancel_needs_a_reason(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    measure = await open_measure(client, org)
    await _guard_fails(client, org, measure["id"], "cancelled", "reason", note="  ")
    r = await move_measure(client, org, measure["id"], "cancelled", note="Duplicate of CM-1")
    assert r.status_code == 200, r.text
    assert r.json()["cancel_reason"] == "Duplicate of CM-1"
    r = await patch_measure(client, org, measure["id"], {"title": "Other"})
    assert r.status_code == 409
    r = await client.get(measures_url(org, measure["id"]), headers=org.admin.headers)
    assert r.json()["title"] != "Other"
