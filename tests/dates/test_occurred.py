"""Occurred vs recorded dates (issue 13): past events are recorded with the day they happened,
validated (not in the future, not before what they depend on: a 422 that changes nothing),
logged beside the recording instant, and used by the readiness rules and the coverage."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import httpx
from certready.core.clock import add_months, today

from tests.factories.audits import assess, audits_url, create_audit, patch_audit, transition
from tests.factories.auth import OrgFixture, add_member, first_run
from tests.factories.corrective_measures import measure_in, measures_url, move_measure, review
from tests.factories.evidence import create_statement, evidence_url
from tests.factories.findings import findings_url, move_finding, raise_finding
from tests.factories.management_reviews import (
    approved_evidence,
    create_review,
    resolve_all_inputs,
    reviews_url,
    top_chair,
)
from tests.factories.readiness import named, rule_result

TODAY = today()


def iso(day: date) -> str:
    return day.isoformat()


async def activity(client: httpx.AsyncClient, org: OrgFixture, **params: str) -> list[Any]:
    r = await client.get(
        f"/api/v1/orgs/{org.slug}/activity", params=params, headers=org.admin.headers
    )
    assert r.status_code == 200, r.text
    return list(r.json()["items"])


async def unchanged(
    client: httpx.AsyncClient, org: OrgFixture, url: str, call: Any, field: str
) -> dict[str, Any]:
    """``call()`` is a 422 on ``field`` and changes neither the object nor the log."""
    before = (await client.get(url, headers=org.admin.headers)).json()
    entries = len(await activity(client, org))
    r = await call()
    assert r.status_code == 422, r.text
    assert r.headers["content-type"].startswith("application/problem+json")
    assert r.json()["errors"][-1]["loc"][-1] == field, r.json()
    assert (await client.get(url, headers=org.admin.headers)).json() == before
    assert len(await activity(client, org)) == entries
    return dict(r.json())


async def past_audit(
    client: httpx.AsyncClient,
    org: OrgFixture,
    start: date,
    scope: list[str],
    *,
    close: bool = True,
) -> dict[str, Any]:
    """An internal audit held from ``start`` for three days, assessed and closed on those days."""
    audit = await create_audit(client, org, scope=scope, lead=org.admin.user_id)
    url = audits_url(org, audit["id"], "transitions")
    r = await client.post(
        url, json={"to": "in_progress", "occurred_on": iso(start)}, headers=org.admin.headers
    )
    assert r.status_code == 200, r.text
    lines = await client.get(audits_url(org, audit["id"], "checklist"), headers=org.admin.headers)
    for line in lines.json()["items"]:
        r = await assess(
            client, org, audit["id"], line["ref"], org.admin.headers, assessed_on=iso(start)
        )
        assert r.status_code == 200, r.text
    body = {"report_summary": "Conforming.", "distribution": ["Top management"]}
    assert (await patch_audit(client, org, audit["id"], body)).status_code == 200
    end = start + timedelta(days=2)
    r = await client.post(
        url, json={"to": "reporting", "occurred_on": iso(end)}, headers=org.admin.headers
    )
    assert r.status_code == 200, r.text
    if close:
        r = await client.post(
            url, json={"to": "closed", "occurred_on": iso(end)}, headers=org.admin.headers
        )
        assert r.status_code == 200, r.text
    return dict(r.json())


async def test_an_audit_held_last_spring_keeps_its_dates(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    start = add_months(TODAY, -8)
    audit = await past_audit(client, org, start, ["4.1"])
    assert audit["actual_start_date"] == iso(start)
    assert audit["actual_end_date"] == iso(start + timedelta(days=2))
    assert audit["closed_on"] == iso(start + timedelta(days=2))
    assert audit["closed_at"][:10] == iso(TODAY)  # recorded now
    line = (
        await client.get(audits_url(org, audit["id"], "checklist"), headers=org.admin.headers)
    ).json()["items"][0]
    assert line["assessed_on"] == iso(start)
    assert line["assessed_at"][:10] == iso(TODAY)
    # the log records both: the day it happened and when it was recorded
    entries = await activity(client, org, object_type="audit", object_id=audit["id"])
    moves = {e["after"]["status"]: e for e in entries if e["action"] == "audit.transition"}
    assert moves["in_progress"]["occurred_on"] == iso(start)
    assert moves["closed"]["occurred_on"] == iso(start + timedelta(days=2))
    assert moves["closed"]["at"][:10] == iso(TODAY)
    assessed = await activity(client, org, action="audit.checklist.assess")
    assert [e["occurred_on"] for e in assessed] == [iso(start)]


async def test_audit_dates_are_validated_and_a_refusal_changes_nothing(
    client: httpx.AsyncClient,
) -> None:
    org = await first_run(client)
    audit = await create_audit(client, org, scope=["4.1"], lead=org.admin.user_id)
    url = audits_url(org, audit["id"])
    moves = audits_url(org, audit["id"], "transitions")
    tomorrow = iso(TODAY + timedelta(days=1))

    def move(to: str, day: str) -> Any:
        return lambda: client.post(
            moves, json={"to": to, "occurred_on": day}, headers=org.admin.headers
        )

    body = await unchanged(client, org, url, move("in_progress", tomorrow), "occurred_on")
    assert "future" in body["detail"]
    r = await patch_audit(client, org, audit["id"], {"actual_end_date": tomorrow})
    assert r.status_code == 422, r.text
    start = TODAY - timedelta(days=30)
    assert (await move("in_progress", iso(start))()).status_code == 200
    # a line is not assessed before the audit started, nor in the future
    line_url = audits_url(org, audit["id"], "checklist")

    def assess_on(day: str) -> Any:
        return lambda: assess(client, org, audit["id"], "4.1", org.admin.headers, assessed_on=day)

    await unchanged(client, org, line_url, assess_on(iso(start - timedelta(days=1))), "assessed_on")
    await unchanged(client, org, line_url, assess_on(tomorrow), "assessed_on")
    # the audit work does not end before it started
    before = await unchanged(
        client, org, url, move("reporting", iso(start - timedelta(days=1))), "occurred_on"
    )
    assert before["not_before"] == iso(start)
    r = await assess(client, org, audit["id"], "4.1", org.admin.headers)  # default: today
    assert r.status_code == 200 and r.json()["assessed_on"] == iso(TODAY)
    r = await assess(client, org, audit["id"], "4.1", org.admin.headers, notes="Sampled 10.")
    assert r.json()["assessed_on"] == iso(TODAY)  # kept, not restamped


async def test_findings_are_raised_and_closed_on_the_stated_day(
    client: httpx.AsyncClient,
) -> None:
    org = await first_run(client)
    start = TODAY - timedelta(days=60)
    audit = await past_audit(client, org, start, ["4.1"], close=False)
    raised_day = start + timedelta(days=1)

    async def count() -> int:
        r = await client.get(findings_url(org), headers=org.admin.headers)
        return int(r.json()["total"])

    for day in (start - timedelta(days=1), TODAY + timedelta(days=1)):
        r = await raise_finding(
            client, org, expect=422, grade="observation", audit_id=audit["id"], raised_on=iso(day)
        )
        assert r["errors"][-1]["loc"] == ["body", "raised_on"]
    assert await count() == 0
    finding = await raise_finding(
        client, org, grade="observation", audit_id=audit["id"], raised_on=iso(raised_day)
    )
    assert finding["raised_on"] == iso(raised_day)
    assert finding["raised_at"][:10] == iso(TODAY)
    url = findings_url(org, finding["id"])

    def close_on(day: date) -> Any:
        return lambda: client.post(
            findings_url(org, finding["id"], "transitions"),
            json={"to": "closed", "note": "Noted in the report.", "occurred_on": iso(day)},
            headers=org.admin.headers,
        )

    await unchanged(client, org, url, close_on(raised_day - timedelta(days=1)), "occurred_on")
    await unchanged(client, org, url, close_on(TODAY + timedelta(days=1)), "occurred_on")
    r = await close_on(raised_day + timedelta(days=5))()
    assert r.status_code == 200, r.text
    assert r.json()["closed_on"] == iso(raised_day + timedelta(days=5))
    created = await activity(client, org, action="finding.create")
    assert created[0]["occurred_on"] == iso(raised_day)
    # default: today
    other = await raise_finding(client, org, grade="ofi")
    assert other["raised_on"] == iso(TODAY)
    r = await move_finding(client, org, other["id"], "closed", note="Not pursued.")
    assert r.status_code == 200, r.text
    assert r.json()["closed_on"] == iso(TODAY)


async def test_measure_closure_not_before_its_effectiveness_review(
    client: httpx.AsyncClient,
) -> None:
    org = await first_run(client)
    reviewer = await add_member(client, org, "sms_manager")
    measure = await measure_in(client, org, "effectiveness_review")
    url = measures_url(org, measure["id"])
    future = iso(TODAY + timedelta(days=1))
    sample = (await create_statement(client, org, title="Change sample"))["id"]

    def review_on(day: str) -> Any:
        return review(
            client,
            org,
            measure["id"],
            headers=reviewer.headers,
            review_date=day,
            evidence_id=sample,
        )

    await unchanged(client, org, url, lambda: review_on(future), "review_date")
    reviewed = TODAY - timedelta(days=20)
    r = await review_on(iso(reviewed))
    assert r.status_code == 200, r.text

    def close_on(day: date) -> Any:
        return lambda: client.post(
            measures_url(org, measure["id"], "transitions"),
            json={"to": "closed", "occurred_on": iso(day)},
            headers=org.admin.headers,
        )

    body = await unchanged(client, org, url, close_on(reviewed - timedelta(days=1)), "occurred_on")
    assert "effectiveness review" in body["detail"]
    await unchanged(client, org, url, close_on(TODAY + timedelta(days=1)), "occurred_on")
    r = await close_on(reviewed)()
    assert r.status_code == 200, r.text
    assert r.json()["closed_on"] == iso(reviewed)
    entries = await activity(client, org, object_type="corrective_measure", object_id=measure["id"])
    assert entries[0]["occurred_on"] == iso(reviewed)
    review_entry = [e for e in entries if e["action"] == "corrective_measure.effectiveness_review"]
    assert review_entry[0]["occurred_on"] == iso(reviewed)
    assert (await move_measure(client, org, measure["id"], "closed")).status_code == 409


async def test_a_review_held_last_month_with_minutes_approved_later(
    client: httpx.AsyncClient,
) -> None:
    org = await first_run(client)
    approver = await add_member(client, org, "sms_manager")
    review_ = await create_review(client, org, **await top_chair(client, org))
    await resolve_all_inputs(client, org, review_)
    url = reviews_url(org, review_["id"])
    moves = reviews_url(org, review_["id"], "transitions")

    def move(to: str, day: date) -> Any:
        return lambda: client.post(
            moves, json={"to": to, "occurred_on": iso(day)}, headers=org.admin.headers
        )

    await unchanged(client, org, url, move("held", TODAY + timedelta(days=1)), "occurred_on")
    held = TODAY - timedelta(days=35)
    r = await move("held", held)()
    assert r.status_code == 200, r.text
    assert r.json()["held_date"] == iso(held)
    minutes = await approved_evidence(client, org, approver)
    r = await client.patch(
        url, json={"minutes_evidence_id": minutes}, headers={**org.admin.headers, "If-Match": "*"}
    )
    assert r.status_code == 200, r.text
    await unchanged(client, org, url, move("minutes_approved", held - timedelta(1)), "occurred_on")
    await unchanged(
        client, org, url, move("minutes_approved", TODAY + timedelta(days=1)), "occurred_on"
    )
    r = await move("minutes_approved", held + timedelta(days=7))()
    assert r.status_code == 200, r.text
    assert r.json()["minutes_approved_on"] == iso(held + timedelta(days=7))
    assert r.json()["minutes_approved_at"][:10] == iso(TODAY)
    # RDY-31 counts the review as held on its held date
    result = await rule_result(client, org, "RDY-31")
    assert result["passed"] is True, result


async def test_evidence_approved_on_a_past_day(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    approver = await add_member(client, org, "sms_manager")
    item = await create_statement(client, org, title="Change policy", kind="policy")
    moves = evidence_url(org, item["id"], "transitions")
    r = await client.post(moves, json={"to": "in_review"}, headers=org.admin.headers)
    assert r.status_code == 200, r.text

    def approve(day: date) -> Any:
        return lambda: client.post(
            moves, json={"to": "approved", "occurred_on": iso(day)}, headers=approver.headers
        )

    url = evidence_url(org, item["id"])
    await unchanged(client, org, url, approve(TODAY + timedelta(days=1)), "occurred_on")
    day = TODAY - timedelta(days=200)
    r = await approve(day)()
    assert r.status_code == 200, r.text
    assert r.json()["approved_on"] == iso(day)
    assert r.json()["approved_at"][:10] == iso(TODAY)
    entries = await activity(client, org, object_type="evidence", object_id=item["id"])
    assert entries[0]["occurred_on"] == iso(day)


async def test_rdy_27_28_and_coverage_use_the_days_audits_happened(
    client: httpx.AsyncClient,
) -> None:
    org = await first_run(client)
    # last year's audit of 4.1 (13 months ago): outside RDY-28's 12 months
    await past_audit(client, org, add_months(TODAY, -13), ["4.1"])
    # last spring's audit of 4.2 (8 months ago): inside
    spring = add_months(TODAY, -8)
    await past_audit(client, org, spring, ["4.2"])
    assert (await rule_result(client, org, "RDY-27"))["passed"] is True
    rdy28 = await rule_result(client, org, "RDY-28")
    failing = {key for _type, key in named(rdy28)}
    assert "4.1" in failing
    assert "4.2" not in failing
    r = await client.get(
        audits_url(org, "coverage"), params={"months": 12}, headers=org.admin.headers
    )
    assert r.status_code == 200, r.text
    lines = {i["ref"]: i for i in r.json()["items"]}
    assert lines["4.2"]["assessed_on"] == iso(spring)
    assert lines["4.1"]["audit_id"] is None
    assert "4.1" in r.json()["not_covered"]
    r = await client.get(
        audits_url(org, "coverage"), params={"months": 14}, headers=org.admin.headers
    )
    assert "4.1" not in r.json()["not_covered"]


async def test_transition_moves_log_no_occurred_day_in_the_future(
    client: httpx.AsyncClient,
) -> None:
    org = await first_run(client)
    audit = await create_audit(client, org, scope=["4.1"], lead=org.admin.user_id)
    r = await transition(client, org, audit["id"], "in_progress")
    assert r.status_code == 200, r.text
    assert r.json()["actual_start_date"] == iso(TODAY)
    entries = await activity(client, org, action="audit.transition")
    assert entries[0]["occurred_on"] == iso(TODAY)
