"""Top management designation (iso20000.md 6.6): set by an admin through the members API
with If-Match, logged; RDY-04 needs the policy approved by a designated member; holding a
management review and approving its minutes need a chair designated top management."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.factories.auth import (
    OrgFixture,
    Session,
    add_member,
    designate_top_management,
    first_run,
    second_org,
)
from tests.factories.evidence import create_statement, evidence_url
from tests.factories.management_reviews import (
    approved_evidence,
    create_review,
    move_review,
    patch_review,
    resolve_all_inputs,
)
from tests.factories.readiness import rule_result

pytestmark = pytest.mark.anyio


def members_url(org: OrgFixture, *parts: object) -> str:
    return "/".join([f"/api/v1/orgs/{org.slug}/members", *(str(p) for p in parts)])


async def member(client: httpx.AsyncClient, org: OrgFixture, user_id: str) -> dict[str, Any]:
    r = await client.get(members_url(org), params={"limit": 500}, headers=org.admin.headers)
    assert r.status_code == 200, r.text
    return dict(next(m for m in r.json()["items"] if m["user_id"] == user_id))


async def test_designation_needs_if_match_and_is_logged(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    ceo = await add_member(client, org, "sms_manager")
    before = await member(client, org, ceo.user_id)
    assert before["top_management"] is False
    url = members_url(org, ceo.user_id)
    r = await client.patch(url, json={"top_management": True}, headers=org.admin.headers)
    assert r.status_code == 428, r.text
    stale = {**org.admin.headers, "If-Match": f'"{before["version"] + 7}"'}
    r = await client.patch(url, json={"top_management": True}, headers=stale)
    assert r.status_code == 412, r.text
    assert r.headers["content-type"].startswith("application/problem+json")
    r = await client.patch(url, json={"top_management": None}, headers=org.admin.headers)
    assert r.status_code == 422, r.text
    assert (await member(client, org, ceo.user_id))["top_management"] is False

    ok = {**org.admin.headers, "If-Match": f'"{before["version"]}"'}
    r = await client.patch(url, json={"top_management": True}, headers=ok)
    assert r.status_code == 200, r.text
    assert r.json()["top_management"] is True
    assert r.headers["etag"] == f'"{before["version"] + 1}"'
    # the same ETag again is stale now
    r = await client.patch(url, json={"top_management": False}, headers=ok)
    assert r.status_code == 412
    # the designation does not end the person's sessions (only a role change does)
    assert (await client.get(f"/api/v1/orgs/{org.slug}", headers=ceo.headers)).status_code == 200

    await designate_top_management(client, org, ceo.user_id, on=False)
    assert (await member(client, org, ceo.user_id))["top_management"] is False
    r = await client.get(
        f"/api/v1/orgs/{org.slug}/activity",
        params={"object_type": "member"},
        headers=org.admin.headers,
    )
    entries = [e for e in r.json()["items"] if e["action"] == "member.update"]
    assert len(entries) == 2
    by_after = {e["after"]["top_management"]: e for e in entries}
    assert by_after[True]["before"] == {"top_management": False}
    assert "designated top management" in by_after[True]["summary"]
    assert "designation removed" in by_after[False]["summary"]


async def test_only_admins_designate_and_only_in_their_organisation(
    client: httpx.AsyncClient,
) -> None:
    org = await first_run(client)
    manager = await add_member(client, org, "sms_manager")
    target = await member(client, org, org.admin.user_id)
    r = await client.patch(
        members_url(org, org.admin.user_id),
        json={"top_management": True},
        headers={**manager.headers, "If-Match": f'"{target["version"]}"'},
    )
    assert r.status_code == 403, r.text
    assert (await member(client, org, org.admin.user_id))["top_management"] is False

    other = await second_org(client, org)
    # another organisation's admin cannot see or designate this organisation's member
    r = await client.patch(
        members_url(org, manager.user_id),
        json={"top_management": True},
        headers={**other.admin.headers, "If-Match": '"1"'},
    )
    assert r.status_code == 404, r.text
    # nor can this admin reach a member through the other organisation
    r = await client.patch(
        members_url(other, manager.user_id),
        json={"top_management": True},
        headers={**other.admin.headers, "If-Match": '"1"'},
    )
    assert r.status_code == 404, r.text
    assert (await member(client, org, manager.user_id))["top_management"] is False


async def _policy(client: httpx.AsyncClient, org: OrgFixture, approver: Session) -> str:
    """The service management policy (D2) by the admin, approved by ``approver``, and a
    communication record (5.2.2) approved the same way."""
    ids = []
    for title, kind, keys, refs in (
        ("Service management policy", "policy", ["D2"], ["5.2.1"]),
        ("Policy communication: all-staff e-mail", "record", [], ["5.2.2"]),
    ):
        item = await create_statement(
            client,
            org,
            title=title,
            kind=kind,
            description=f"{title}.",
            owner_id=org.admin.user_id,
            documented_information_keys=keys,
            requirement_refs=refs,
        )
        for to, who in (("in_review", org.admin), ("approved", approver)):
            r = await client.post(
                evidence_url(org, item["id"], "transitions"), json={"to": to}, headers=who.headers
            )
            assert r.status_code == 200, r.text
        ids.append(str(item["id"]))
    return ids[0]


async def test_rdy04_needs_the_policy_approved_by_top_management(
    client: httpx.AsyncClient,
) -> None:
    org = await first_run(client)
    manager = await add_member(client, org, "sms_manager")
    policy = await _policy(client, org, manager)
    result = await rule_result(client, org, "RDY-04")
    assert result["passed"] is False
    assert [(f["type"], f["key"]) for f in result["failing"]] == [("documented_information", "D2")]
    assert "top management" in result["failing"][0]["message"]

    # designating the approver afterwards does not turn the past approval into one
    await designate_top_management(client, org, manager.user_id)
    assert (await rule_result(client, org, "RDY-04"))["passed"] is False

    # approved again by the designated member: passes
    for to in ("draft", "in_review"):
        r = await client.post(
            evidence_url(org, policy, "transitions"), json={"to": to}, headers=manager.headers
        )
        assert r.status_code == 200, r.text
    r = await client.post(
        evidence_url(org, policy, "transitions"), json={"to": "approved"}, headers=manager.headers
    )
    assert r.status_code == 200, r.text
    assert (await rule_result(client, org, "RDY-04"))["passed"] is True

    # removing the designation later does not undo an approval given by top management
    await designate_top_management(client, org, manager.user_id, on=False)
    assert (await rule_result(client, org, "RDY-04"))["passed"] is True


async def test_the_chair_must_be_top_management(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    approver = await add_member(client, org, "sms_manager")
    minutes = await approved_evidence(client, org, approver)
    # a free-text chair (no member) cannot be top management
    named = await create_review(client, org, chair_name="Carla CEO")
    await resolve_all_inputs(client, org, named)
    await patch_review(client, org, named["id"], held_date="2026-01-15")
    r = await move_review(client, org, named["id"], "held")
    assert r.status_code == 409, r.text
    assert "designated top management" in r.json()["detail"]

    review = await create_review(client, org, chair_id=approver.user_id)
    await resolve_all_inputs(client, org, review)
    await patch_review(client, org, review["id"], held_date="2026-01-15")
    r = await move_review(client, org, review["id"], "held")
    assert r.status_code == 409, r.text
    assert r.json()["type"].endswith("illegal-transition")
    assert "designated top management" in r.json()["detail"]

    await designate_top_management(client, org, approver.user_id)
    r = await move_review(client, org, review["id"], "held")
    assert r.status_code == 200, r.text
    await patch_review(client, org, review["id"], minutes_evidence_id=minutes)
    # the designation is checked again when the minutes are approved
    await designate_top_management(client, org, approver.user_id, on=False)
    r = await move_review(client, org, review["id"], "minutes_approved")
    assert r.status_code == 409, r.text
    assert "designated top management" in r.json()["detail"]
    await designate_top_management(client, org, approver.user_id)
    r = await move_review(client, org, review["id"], "minutes_approved")
    assert r.status_code == 200, r.text
