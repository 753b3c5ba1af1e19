"""Evidence approval: every pair of states, four-eyes, reset on a new version, expiry."""

from __future__ import annotations

from datetime import timedelta

import httpx
import pytest
from certready.core.clock import today
from certready.evidence.enums import EvidenceStatus
from certready.evidence.workflow import EVIDENCE_WORKFLOW

from tests.factories.auth import OrgFixture, Session, add_member, first_run
from tests.factories.evidence import evidence_url, pdf_bytes, upload_new, upload_version

S = EvidenceStatus
ALLOWED = {
    S.draft: {S.in_review},
    S.in_review: {S.approved, S.rejected, S.draft},
    S.rejected: {S.draft},
    S.approved: {S.draft},
}
# how to reach each state from draft, as (actor, to) steps: "uploader" or "approver"
PATHS: dict[S, list[S]] = {
    S.draft: [],
    S.in_review: [S.in_review],
    S.approved: [S.in_review, S.approved],
    S.rejected: [S.in_review, S.rejected],
}


def test_the_table_is_the_one_documented() -> None:
    assert {s: set(EVIDENCE_WORKFLOW.allowed(s)) for s in S} == ALLOWED


async def _move(
    client: httpx.AsyncClient,
    org: OrgFixture,
    item: dict,
    to: S,
    who: Session,
    note: str = "",
) -> httpx.Response:
    return await client.post(
        evidence_url(org, item["id"], "transitions"),
        json={"to": to.value, "note": note},
        headers=who.headers,
    )


async def _setup(client: httpx.AsyncClient) -> tuple[OrgFixture, Session, dict]:
    org = await first_run(client)
    manager = await add_member(client, org, "sms_manager")
    # the admin uploads; the SMS manager approves (someone else)
    item = (await upload_new(client, org, pdf_bytes(2000))).json()
    return org, manager, item


@pytest.mark.parametrize("start", list(S))
async def test_every_transition_pair(client: httpx.AsyncClient, start: S) -> None:
    org, manager, item = await _setup(client)
    for step in PATHS[start]:
        r = await _move(client, org, item, step, manager)
        assert r.status_code == 200, r.text
    for target in S:
        current = (
            await client.get(evidence_url(org, item["id"]), headers=org.admin.headers)
        ).json()
        assert current["status"] == start.value
        assert current["allowed_transitions"] == [s.value for s in EVIDENCE_WORKFLOW.allowed(start)]
        r = await _move(client, org, item, target, manager)
        if target in ALLOWED[start]:
            assert r.status_code == 200, (start, target, r.text)
            assert r.json()["status"] == target.value
            # back to the start state for the next pair
            await _reset(client, org, item, manager, start)
        else:
            assert r.status_code == 409, (start, target, r.text)
            body = r.json()
            assert body["type"] == "urn:certready:problem:illegal-transition"
            assert body["current"] == start.value and body["requested"] == target.value
            assert body["allowed"] == [s.value for s in EVIDENCE_WORKFLOW.allowed(start)]


async def _reset(
    client: httpx.AsyncClient, org: OrgFixture, item: dict, manager: Session, start: S
) -> None:
    now = (await client.get(evidence_url(org, item["id"]), headers=org.admin.headers)).json()
    if now["status"] != "draft":
        r = await _move(client, org, item, S.draft, manager)
        if r.status_code != 200:  # in_review -> rejected -> draft
            await _move(client, org, item, S.rejected, manager)
            await _move(client, org, item, S.draft, manager)
    for step in PATHS[start]:
        assert (await _move(client, org, item, step, manager)).status_code == 200


async def test_uploader_cannot_approve_own_version(client: httpx.AsyncClient) -> None:
    org, manager, item = await _setup(client)
    assert (await _move(client, org, item, S.in_review, org.admin)).status_code == 200
    r = await _move(client, org, item, S.approved, org.admin)
    assert r.status_code == 409
    assert "someone else" in r.json()["detail"]
    assert r.json()["allowed"] == ["draft", "approved", "rejected"]
    ok = await _move(client, org, item, S.approved, manager, note="Reviewed against 5.2")
    assert ok.status_code == 200
    body = ok.json()
    assert body["approved_by"] == manager.user_id and body["approved_at"]
    # a new version by the manager: back to draft, and now the manager may not approve it
    await upload_version(client, org, item["id"], pdf_bytes(3000), headers=manager.headers)
    now = (await client.get(evidence_url(org, item["id"]), headers=org.admin.headers)).json()
    assert now["status"] == "draft" and now["approved_by"] is None
    await _move(client, org, item, S.in_review, manager)
    assert (await _move(client, org, item, S.approved, manager)).status_code == 409
    assert (await _move(client, org, item, S.approved, org.admin)).status_code == 200


async def test_new_version_resets_approval_and_is_logged(
    client: httpx.AsyncClient,
) -> None:
    org, manager, item = await _setup(client)
    await _move(client, org, item, S.in_review, org.admin)
    await _move(client, org, item, S.approved, manager)
    await upload_version(client, org, item["id"], pdf_bytes(2500))
    now = (await client.get(evidence_url(org, item["id"]), headers=org.admin.headers)).json()
    assert now["status"] == "draft"
    assert now["version_count"] == 2
    log = await client.get(
        f"/api/v1/orgs/{org.slug}/activity",
        params={"object_id": item["id"]},
        headers=org.admin.headers,
    )
    entries = log.json()["items"]
    added = [e for e in entries if e["action"] == "evidence.version_add"]
    assert "approval reset (approved -> draft)" in added[0]["summary"]
    assert [e["action"] for e in entries].count("evidence.transition") == 2


async def test_only_approvers_decide(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    auditor = await add_member(client, org, "auditor")  # may write evidence, not approve
    owner = await add_member(client, org, "process_owner")
    viewer = await add_member(client, org, "viewer")
    # the process owner's own item (they change only what they own, issue 11)
    params = {"owner_id": owner.user_id}
    item = (await upload_new(client, org, pdf_bytes(2000), params=params)).json()
    assert (await _move(client, org, item, S.in_review, owner)).status_code == 200
    for who in (auditor, owner):
        r = await _move(client, org, item, S.approved, who)
        assert r.status_code == 403, r.text
        assert (await _move(client, org, item, S.rejected, who)).status_code == 403
    assert (await _move(client, org, item, S.draft, viewer)).status_code == 403
    # withdrawing a submission is an editor's move
    assert (await _move(client, org, item, S.draft, owner)).status_code == 200


async def test_empty_statement_cannot_be_submitted(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    r = await client.post(
        evidence_url(org),
        json={"title": "Placeholder", "kind": "statement"},
        headers=org.admin.headers,
    )
    item = r.json()
    r = await _move(client, org, item, S.in_review, org.admin)
    assert r.status_code == 409 and "nothing to review" in r.json()["detail"]


async def test_expired_is_computed_for_approved_items_past_valid_until(
    client: httpx.AsyncClient,
) -> None:
    org, manager, _ = await _setup(client)
    past = (today() - timedelta(days=1)).isoformat()
    future = (today() + timedelta(days=10)).isoformat()
    old = (await upload_new(client, org, pdf_bytes(100), params={"valid_until": past})).json()
    fresh = (await upload_new(client, org, pdf_bytes(200), params={"valid_until": future})).json()
    assert old["expired"] is False  # a draft is not "expired"
    for item in (old, fresh):
        await _move(client, org, item, S.in_review, org.admin)
        await _move(client, org, item, S.approved, manager)
    got_old = (await client.get(evidence_url(org, old["id"]), headers=org.admin.headers)).json()
    got_fresh = (await client.get(evidence_url(org, fresh["id"]), headers=org.admin.headers)).json()
    assert got_old["status"] == "approved" and got_old["expired"] is True
    assert got_fresh["expired"] is False
    expiring = await client.get(
        evidence_url(org),
        params={"expiring_within_days": 30},
        headers=org.admin.headers,
    )
    assert {e["key"] for e in expiring.json()["items"]} == {old["key"], fresh["key"]}
    soon = await client.get(
        evidence_url(org), params={"expiring_within_days": 0}, headers=org.admin.headers
    )
    assert [e["key"] for e in soon.json()["items"]] == [old["key"]]


async def test_archived_items_cannot_move(client: httpx.AsyncClient) -> None:
    org, _manager, item = await _setup(client)
    await client.post(evidence_url(org, item["id"], "archive"), headers=org.admin.headers)
    r = await _move(client, org, item, S.in_review, org.admin)
    assert r.status_code == 409 and "archived" in r.json()["detail"]
    await upload_version(client, org, item["id"], pdf_bytes(10), expect=409)
