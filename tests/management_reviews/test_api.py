"""Management reviews over HTTP: pre-filled inputs, snapshot, sub-resources, roles, tenancy."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import httpx
import pytest

from tests.conftest import QueryCounter
from tests.factories.audits import assess_all, create_audit, patch_audit, transition
from tests.factories.auth import OrgFixture, add_member, first_run, second_org
from tests.factories.findings import move_finding, raise_finding
from tests.factories.management_reviews import (
    create_review,
    held_review,
    patch_review,
    reviews_url,
)
from tests.factories.objectives import create_objective, measure
from tests.factories.training import add_person, add_record, create_course

TODAY = date.today()


async def closed_audit(client: httpx.AsyncClient, org: OrgFixture) -> dict[str, Any]:
    audit = await create_audit(client, org, scope=["8.5.1"], lead=org.admin.user_id)
    assert (await transition(client, org, audit["id"], "in_progress")).status_code == 200
    await assess_all(client, org, audit["id"], org.admin.headers)
    assert (await transition(client, org, audit["id"], "reporting")).status_code == 200
    r = await patch_audit(
        client, org, audit["id"], {"report_summary": "Conforming.", "distribution": ["CEO"]}
    )
    assert r.status_code == 200, r.text
    r = await transition(client, org, audit["id"], "closed")
    assert r.status_code == 200, r.text
    return dict(r.json())


async def seed(client: httpx.AsyncClient, org: OrgFixture, size: int) -> None:
    """Findings, objectives with measurements and training records, ``size`` of each."""
    for _ in range(size):
        await raise_finding(client, org, grade="minor_nc")
    obs = await raise_finding(client, org, grade="observation")
    assert (await move_finding(client, org, obs["id"], "closed", note="Noted")).status_code == 200
    for i in range(size):
        on = await create_objective(client, org, title=f"On target {i}")
        await measure(client, org, on["id"], 97, TODAY.isoformat())
        off = await create_objective(client, org, title=f"Off target {i}")
        await measure(client, org, off["id"], 80, TODAY.isoformat())
    await create_objective(client, org, title="Never measured")
    course = await create_course(client, org, title="SMS awareness", kind="awareness")
    for i in range(size + 1):
        person = await add_person(client, org, name=f"Person {i}")
        if i < size:
            await add_record(client, org, person["id"], course["id"], TODAY.isoformat())


async def test_inputs_are_prefilled_from_the_data(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    owner = await add_member(client, org, "process_owner")
    # an earlier review, held last month, with one overdue and one done action
    earlier = await held_review(client, org, held_date=(TODAY - timedelta(days=30)).isoformat())
    for description, due in (("Hire a problem manager", -5), ("Update policy", 10)):
        r = await client.post(
            reviews_url(org, earlier["id"], "actions"),
            json={
                "description": description,
                "owner_id": owner.user_id,
                "due_date": (TODAY + timedelta(days=due)).isoformat(),
            },
            headers=org.admin.headers,
        )
        assert r.status_code == 201, r.text
        last_action = r.json()
    r = await client.patch(
        reviews_url(org, earlier["id"], "actions", last_action["id"]),
        json={"status": "done"},
        headers=org.admin.headers,
    )
    assert r.status_code == 200 and r.json()["done_at"] is not None
    await seed(client, org, 2)
    audit = await closed_audit(client, org)

    review = await create_review(client, org, chair_id=org.admin.user_id)
    assert review["key"] == "MR-2"
    assert review["chair_name"] == "Ada Admin"
    assert review["since_date"] == earlier["held_date"]
    snap = review["snapshot"]
    actions = snap["previous_actions"]
    assert {k: actions[k] for k in ("total", "open", "done", "overdue")} == {
        "total": 2,
        "open": 1,
        "done": 1,
        "overdue": 1,
    }
    assert actions["items"][0]["description"] == "Hire a problem manager"
    assert actions["items"][0]["review_key"] == earlier["key"]
    findings = snap["findings"]
    assert findings["by_grade"]["minor_nc"] == {
        "total": 2,
        "open": 2,
        "raised_since": 2,
        "closed_since": 0,
    }
    assert findings["by_grade"]["observation"]["closed_since"] == 1
    assert (findings["total"], findings["open"], findings["net_change_since"]) == (3, 2, 2)
    assert snap["corrective_measures"]["total"] == 0
    audits = snap["audits"]
    assert audits["closed_since"] == 1
    assert audits["items"][0]["key"] == audit["key"]
    assert audits["results"] == {"conforming": 3}
    objectives = snap["objectives"]
    assert {k: objectives[k] for k in ("total", "on_target", "off_target", "no_recent_data")} == {
        "total": 5,
        "on_target": 2,
        "off_target": 2,
        "no_recent_data": 1,
    }
    training = snap["training"]
    assert training["people_in_scope"] == 3
    assert training["awareness"]["percent"] == pytest.approx(66.7)
    # each topic shows the sections that feed it
    by_key = {i["key"]: i for i in review["inputs"]}
    assert len(by_key) == 12
    assert by_key["resources"]["prefill"]["training"] == training
    assert set(by_key["sms_performance"]["prefill"]) == {
        "findings",
        "corrective_measures",
        "audits",
        "objectives",
    }
    assert by_key["customer_satisfaction"]["prefill"] == {}


async def test_snapshot_stays_as_reviewed(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    await seed(client, org, 1)
    review = await create_review(client, org)
    await raise_finding(client, org, grade="major_nc")
    objective = await create_objective(client, org, title="Later")
    await measure(client, org, objective["id"], 99, TODAY.isoformat())
    r = await client.get(reviews_url(org, review["id"]), headers=org.admin.headers)
    assert r.json()["snapshot"] == review["snapshot"]
    assert r.json()["snapshot_at"] == review["snapshot_at"]
    # a new review sees the new data
    newer = await create_review(client, org)
    assert newer["snapshot"]["findings"]["total"] == review["snapshot"]["findings"]["total"] + 1


async def test_create_prefill_uses_constant_statements(
    client: httpx.AsyncClient, count_queries: QueryCounter
) -> None:
    counts = []
    small = await first_run(client)
    large = await second_org(client, small, slug="large")
    for org, size in ((small, 1), (large, 4)):
        await seed(client, org, size)
        earlier = await held_review(client, org)
        for i in range(size):
            r = await client.post(
                reviews_url(org, earlier["id"], "actions"),
                json={
                    "description": f"Action {i}",
                    "owner_id": org.admin.user_id,
                    "due_date": TODAY.isoformat(),
                },
                headers=org.admin.headers,
            )
            assert r.status_code == 201, r.text
        if size > 1:
            await closed_audit(client, org)
        count_queries.count = 0
        await create_review(client, org)
        counts.append(count_queries.count)
    assert counts[0] == counts[1], counts
    assert counts[0] <= 30, counts


async def test_fields_chair_attendees_minutes_and_if_match(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    member = await add_member(client, org, "sms_manager")
    review = await create_review(
        client,
        org,
        attendees=[{"user_id": member.user_id}, {"name": "External Consultant"}],
        extra_topics=[{"key": "climate", "title": "Relevance of climate change"}],
    )
    assert review["attendees"] == [
        {"user_id": member.user_id, "name": "Sms Manager"},
        {"user_id": None, "name": "External Consultant"},
    ]
    assert [i["key"] for i in review["inputs"]][-1] == "climate"
    assert review["inputs"][-1]["mandatory"] is False
    url = reviews_url(org, review["id"])
    r = await client.patch(url, json={"title": "x"}, headers=org.admin.headers)
    assert r.status_code == 428
    r = await client.patch(
        url, json={"title": "x"}, headers={**org.admin.headers, "If-Match": '"99"'}
    )
    assert r.status_code == 412
    other = await second_org(client, org)
    r = await patch_review(
        client, org, review["id"], expect=422, attendees=[{"user_id": other.admin.user_id}]
    )
    assert r.json()["errors"][0]["loc"] == ["body", "attendees", 0, "user_id"]
    r = await patch_review(client, org, review["id"], expect=422, chair_id=other.admin.user_id)
    from tests.factories.evidence import create_statement

    foreign = await create_statement(client, other)
    await patch_review(client, org, review["id"], expect=422, minutes_evidence_id=foreign["id"])
    await patch_review(
        client, org, review["id"], expect=422, held_date=(TODAY + timedelta(days=1)).isoformat()
    )
    await create_review(client, org, expect=422, extra_topics=[{"key": "risks", "title": "x"}])
    r = await patch_review(client, org, review["id"], planned_date="2027-03-01")
    assert r.json()["version"] == review["version"] + 1


async def test_input_links_are_typed_and_same_org(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    other = await second_org(client, org)
    finding = await raise_finding(client, org)
    objective = await create_objective(client, org)
    foreign = await raise_finding(client, other)
    review = await create_review(client, org)
    url = reviews_url(org, review["id"], "inputs", "sms_performance")
    links = [{"type": "finding", "id": finding["id"]}, {"type": "objective", "id": objective["id"]}]
    r = await client.patch(
        url, json={"links": links, "notes": "Two NCs."}, headers=org.admin.headers
    )
    assert r.status_code == 200, r.text
    assert r.json()["links"] == links
    r = await client.patch(
        url, json={"links": [{"type": "finding", "id": foreign["id"]}]}, headers=org.admin.headers
    )
    assert r.status_code == 422
    r = await client.patch(
        reviews_url(org, review["id"], "inputs", "nope"),
        json={"covered": True},
        headers=org.admin.headers,
    )
    assert r.status_code == 404


async def test_decisions_and_actions(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    review = await create_review(client, org)
    r = await client.post(
        reviews_url(org, review["id"], "decisions"),
        json={"kind": "resource_need", "text": "Add one service desk agent."},
        headers=org.admin.headers,
    )
    assert r.status_code == 201, r.text
    decision = r.json()
    r = await client.patch(
        reviews_url(org, review["id"], "decisions", decision["id"]),
        json={"kind": "improvement"},
        headers=org.admin.headers,
    )
    assert r.json()["kind"] == "improvement"
    body = {
        "description": "Recruit",
        "owner_id": org.admin.user_id,
        "due_date": (TODAY - timedelta(days=1)).isoformat(),
        "decision_id": decision["id"],
    }
    r = await client.post(
        reviews_url(org, review["id"], "actions"), json=body, headers=org.admin.headers
    )
    assert r.status_code == 201, r.text
    action = r.json()
    assert (action["status"], action["overdue"]) == ("open", True)
    r = await client.post(
        reviews_url(org, review["id"], "decisions"),
        json={"kind": "bogus", "text": "x"},
        headers=org.admin.headers,
    )
    assert r.status_code == 422
    detail = (await client.get(reviews_url(org, review["id"]), headers=org.admin.headers)).json()
    assert [d["id"] for d in detail["decisions"]] == [decision["id"]]
    assert [a["id"] for a in detail["actions"]] == [action["id"]]
    # every change wrote an activity entry
    r = await client.get(
        f"/api/v1/orgs/{org.slug}/activity",
        params={"object_type": "management_review", "object_id": review["id"]},
        headers=org.admin.headers,
    )
    actions = {e["action"] for e in r.json()["items"]}
    assert actions == {
        "management_review.create",
        "management_review.decision.create",
        "management_review.decision.update",
        "management_review.action.create",
    }


async def test_list_filters_by_status_and_year(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    a = await create_review(client, org, planned_date="2025-06-01")
    b = await create_review(client, org, planned_date="2026-01-10")
    r = await client.post(
        reviews_url(org, a["id"], "transitions"),
        json={"to": "cancelled"},
        headers=org.admin.headers,
    )
    assert r.status_code == 200
    page = (await client.get(reviews_url(org), headers=org.admin.headers)).json()
    assert [i["key"] for i in page["items"]] == [b["key"], a["key"]]
    assert page["total"] == 2
    r = await client.get(reviews_url(org), params={"year": 2026}, headers=org.admin.headers)
    assert [i["id"] for i in r.json()["items"]] == [b["id"]]
    r = await client.get(
        reviews_url(org), params={"status": "cancelled"}, headers=org.admin.headers
    )
    assert [i["id"] for i in r.json()["items"]] == [a["id"]]
    r = await client.get(reviews_url(org), params={"limit": 501}, headers=org.admin.headers)
    assert r.status_code == 422


@pytest.mark.parametrize(
    ("role", "can_write"),
    [
        ("sms_manager", True),
        ("process_owner", False),
        ("auditor", False),
        ("external_auditor", False),
        ("viewer", False),
    ],
)
async def test_roles(client: httpx.AsyncClient, role: str, can_write: bool) -> None:
    org = await first_run(client)
    review = await create_review(client, org)
    who = await add_member(client, org, role)
    assert (await client.get(reviews_url(org), headers=who.headers)).status_code == 200
    r = await client.get(reviews_url(org, review["id"]), headers=who.headers)
    assert r.status_code == 200
    r = await client.post(
        reviews_url(org), json={"planned_date": "2026-02-01"}, headers=who.headers
    )
    assert r.status_code == (201 if can_write else 403)
    r = await client.patch(
        reviews_url(org, review["id"], "inputs", "risks"),
        json={"covered": True},
        headers=who.headers,
    )
    assert r.status_code == (200 if can_write else 403)


async def test_other_org_gets_404(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    review = await create_review(client, org)
    other = await second_org(client, org)
    missing = await client.get(
        f"/api/v1/orgs/{other.slug}/management-reviews/00000000-0000-4000-8000-000000000000",
        headers=other.admin.headers,
    )
    assert missing.status_code == 404
    base = f"/api/v1/orgs/{other.slug}/management-reviews/{review['id']}"
    h = {**other.admin.headers, "If-Match": "*"}
    for method, path, body in (
        ("GET", "", None),
        ("PATCH", "", {"title": "x"}),
        ("POST", "/transitions", {"to": "cancelled"}),
        ("PATCH", "/inputs/risks", {"covered": True}),
        ("POST", "/decisions", {"kind": "other", "text": "x"}),
        (
            "POST",
            "/actions",
            {"description": "x", "owner_id": other.admin.user_id, "due_date": "2026-02-01"},
        ),
    ):
        r = await client.request(method, base + path, json=body, headers=h)
        assert r.status_code == 404, (method, path, r.text)
        assert r.json() == missing.json()
    # the org slug of another tenant is a 404 too
    r = await client.get(reviews_url(org, review["id"]), headers=other.admin.headers)
    assert r.status_code == 404


async def test_readiness_provider_reports_reviews(
    client: httpx.AsyncClient, database: Any, count_queries: QueryCounter
) -> None:
    import uuid

    from certready.management_reviews.service import readiness_reviews

    org = await first_run(client)
    planned = await create_review(client, org, planned_date="2026-12-01")
    held = await held_review(client, org)
    await client.post(
        reviews_url(org, held["id"], "decisions"),
        json={"kind": "improvement", "text": "Automate change approvals."},
        headers=org.admin.headers,
    )
    count_queries.count = 0
    async with database.transaction() as session:
        facts = {f.key: f for f in await readiness_reviews(session, uuid.UUID(org.id), TODAY)}
    assert count_queries.count == 1
    p, h = facts[planned["key"]], facts[held["key"]]
    assert (p.held_on, p.scheduled_for, p.has_agenda) == (None, date(2026, 12, 1), True)
    assert len(p.missing_inputs) == 12 and p.decisions_recorded is False
    assert (h.held_on, h.missing_inputs, h.decisions_recorded, h.minutes_approved) == (
        date(2026, 1, 15),
        (),
        True,
        False,
    )
