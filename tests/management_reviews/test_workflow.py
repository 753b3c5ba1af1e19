"""Management review lifecycle: every pair of states and the held / minutes guards."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from certready.core.clock import today

from tests.factories.auth import OrgFixture, add_member, first_run
from tests.factories.management_reviews import (
    approved_evidence,
    create_review,
    held_review,
    move_review,
    patch_review,
    resolve_all_inputs,
    reviews_url,
    top_chair,
)

STATES = ["planned", "held", "minutes_approved", "cancelled"]
TABLE = {
    "planned": ["held", "cancelled"],
    "held": ["minutes_approved"],
    "minutes_approved": [],
    "cancelled": [],
}


async def review_in(
    client: httpx.AsyncClient, org: OrgFixture, state: str, minutes_id: str
) -> dict[str, Any]:
    """A review in ``state`` that satisfies every guard of its next moves."""
    if state == "planned":
        review = await create_review(client, org, **await top_chair(client, org))
        await resolve_all_inputs(client, org, review)
        await patch_review(client, org, review["id"], held_date="2026-01-15")
        r = await client.get(reviews_url(org, review["id"]), headers=org.admin.headers)
        return dict(r.json())
    if state == "cancelled":
        review = await create_review(client, org)
        r = await move_review(client, org, review["id"], "cancelled")
        assert r.status_code == 200, r.text
        return dict(r.json())
    review = await held_review(client, org)
    r = await patch_review(client, org, review["id"], minutes_evidence_id=minutes_id)
    if state == "minutes_approved":
        r = await move_review(client, org, review["id"], "minutes_approved")
        assert r.status_code == 200, r.text
    return dict(r.json())


@pytest.mark.parametrize("current", STATES)
async def test_every_transition_pair(client: httpx.AsyncClient, current: str) -> None:
    org = await first_run(client)
    approver = await add_member(client, org, "sms_manager")
    minutes_id = await approved_evidence(client, org, approver)
    illegal = await review_in(client, org, current, minutes_id)
    assert illegal["status"] == current
    assert illegal["allowed_transitions"] == TABLE[current]
    for target in STATES:
        if target in TABLE[current]:
            review = await review_in(client, org, current, minutes_id)
            r = await move_review(client, org, review["id"], target, note="ok")
            assert r.status_code == 200, (current, target, r.text)
            body = r.json()
            assert body["status"] == target
            stamp = {"held": "held_at", "minutes_approved": "minutes_approved_at"}.get(
                target, "cancelled_at"
            )
            assert body[stamp] is not None
        else:
            r = await move_review(client, org, illegal["id"], target)
            assert r.status_code == 409, (current, target, r.text)
            body = r.json()
            assert body["type"] == "urn:certready:problem:illegal-transition"
            assert (body["current"], body["requested"], body["allowed"]) == (
                current,
                target,
                TABLE[current],
            )


async def test_held_needs_every_topic_resolved_and_a_held_date(
    client: httpx.AsyncClient,
) -> None:
    org = await first_run(client)
    review = await create_review(client, org, **await top_chair(client, org))
    url = reviews_url(org, review["id"], "inputs")
    r = await client.patch(
        f"{url}/previous_actions", json={"covered": True}, headers=org.admin.headers
    )
    assert r.status_code == 200, r.text
    r = await move_review(client, org, review["id"], "held")
    assert r.status_code == 409
    body = r.json()
    assert "held date" not in body["detail"]  # the move's day is the held date
    assert "previous_actions" not in body["uncovered_topics"]
    assert "customer_satisfaction" in body["uncovered_topics"]
    assert len(body["uncovered_topics"]) == 11
    assert "customer_satisfaction" in body["detail"]

    await resolve_all_inputs(client, org, review)
    # without a held date given before, the move's day is the held date (default today:
    # tests/dates covers the stated day)
    r = await move_review(client, org, review["id"], "held")
    assert r.status_code == 200, r.text
    assert r.json()["uncovered_topics"] == []
    assert r.json()["held_date"] == today().isoformat()

    # a held review keeps every topic resolved
    r = await client.patch(
        f"{url}/changes", json={"not_applicable_reason": None}, headers=org.admin.headers
    )
    assert r.status_code == 409
    r = await patch_review(client, org, review["id"], expect=422, held_date=None)


async def test_not_applicable_needs_a_reason_and_excludes_covered(
    client: httpx.AsyncClient,
) -> None:
    org = await first_run(client)
    review = await create_review(client, org)
    url = reviews_url(org, review["id"], "inputs", "customer_satisfaction")
    before = (await client.get(reviews_url(org, review["id"]), headers=org.admin.headers)).json()
    for blank in ("", "   "):
        r = await client.patch(
            url, json={"not_applicable_reason": blank}, headers=org.admin.headers
        )
        assert r.status_code == 422, r.text
        assert r.json()["errors"][0]["loc"] == ["body", "not_applicable_reason"]
        assert "only with a reason" in r.json()["detail"] + str(r.json()["errors"])
    after = (await client.get(reviews_url(org, review["id"]), headers=org.admin.headers)).json()
    assert after == before  # nothing changed, not even the version
    r = await client.patch(
        url, json={"covered": True, "not_applicable_reason": "n/a"}, headers=org.admin.headers
    )
    assert r.status_code == 422
    r = await client.patch(
        url, json={"not_applicable_reason": "No customers yet."}, headers=org.admin.headers
    )
    assert (r.json()["covered"], r.json()["resolved"]) == (False, True)
    r = await client.patch(url, json={"covered": True}, headers=org.admin.headers)
    assert (r.json()["not_applicable_reason"], r.json()["resolved"]) == (None, True)


async def test_minutes_must_be_linked_and_approved(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    approver = await add_member(client, org, "sms_manager")
    review = await held_review(client, org)
    r = await move_review(client, org, review["id"], "minutes_approved")
    assert r.status_code == 409
    assert "Link the minutes" in r.json()["detail"]

    from tests.factories.evidence import create_statement

    draft = await create_statement(client, org, title="Draft minutes", kind="record")
    await patch_review(client, org, review["id"], minutes_evidence_id=draft["id"])
    r = await move_review(client, org, review["id"], "minutes_approved")
    assert r.status_code == 409
    assert "draft" in r.json()["detail"]

    approved = await approved_evidence(client, org, approver)
    r = await patch_review(client, org, review["id"], minutes_evidence_id=approved)
    assert r.json()["minutes_status"] == "approved"
    r = await move_review(client, org, review["id"], "minutes_approved")
    assert r.status_code == 200, r.text
    # approved minutes make the review read-only
    await patch_review(client, org, review["id"], expect=409, title="Changed")
