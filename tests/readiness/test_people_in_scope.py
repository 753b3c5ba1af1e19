"""People in scope (iso20000.md 6.6) for RDY-15 / RDY-16: every member holding an SMS role
and every owner of a requirement, objective, corrective measure or action, computed by
the competence loader; the training register ties entries to members and adds people who
are not members. Through the API on both databases, plus the rules on hand-built facts."""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

import httpx
import pytest
from certready.core.clock import today
from certready.readiness.facts import CourseFacts, PersonFacts, RecordFacts

from tests.factories.auth import (
    OrgFixture,
    Session,
    accept_invitation,
    first_run,
    invite,
    second_org,
    token_of,
)
from tests.factories.objectives import create_objective
from tests.factories.readiness import good_facts, rule_result, run
from tests.factories.requirements import requirements_url
from tests.factories.training import add_person, add_record, create_course, require

pytestmark = pytest.mark.anyio


async def add_member(
    client: httpx.AsyncClient, org: OrgFixture, role: str, email: str, name: str
) -> Session:
    invitation = await invite(client, org, email, role)
    return await accept_invitation(client, token_of(invitation), email, name)


def ago(days: int) -> str:
    return (today() - timedelta(days=days)).isoformat()


def failing(result: dict[str, object]) -> dict[str, str]:
    return {f["key"]: f["message"] for f in result["failing"]}  # type: ignore[attr-defined]


async def test_rdy15_names_an_untrained_requirement_owner(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    awareness = await create_course(client, org, "SMS awareness", kind="awareness")
    # the admin (an SMS role) is trained through their register entry
    admin = await add_person(client, org, user_id=org.admin.user_id, name=None)
    await add_record(client, org, admin["id"], awareness["id"], ago(30))
    assert (await rule_result(client, org, "RDY-15"))["passed"] is True

    # a viewer (no SMS role) who owns a requirement is in scope by that ownership alone
    owner = await add_member(client, org, "viewer", "olga.owner@acme.example", "Olga Owner")
    r = await client.post(
        requirements_url(org) + "/bulk",
        json={"changes": [{"ref": "8.6.1", "owner_id": owner.user_id}]},
        headers=org.admin.headers,
    )
    assert r.status_code == 200, r.text
    # a service-desk agent without an account, added by the register
    await add_person(client, org, name="Sid Desk", email="sid@acme.example")
    result = await rule_result(client, org, "RDY-15")
    assert result["passed"] is False
    messages = failing(result)
    assert sorted(messages) == ["Olga Owner", "Sid Desk"]
    assert "owner of 8.6.1" in messages["Olga Owner"]
    assert "training register" in messages["Sid Desk"]
    routes = {f["key"]: f["route"] for f in result["failing"]}
    assert routes["Olga Owner"] == "/orgs/acme/training"  # not in the register yet
    assert "1 of 3 people in scope" in str(result["message"])

    # an objective owned by the same person adds a reason, not a second person
    await create_objective(client, org, owner_id=owner.user_id)
    messages = failing(await rule_result(client, org, "RDY-15"))
    assert "owner of O-1" in messages["Olga Owner"]
    assert len(messages) == 2

    # once in the register and trained, the owner passes; an out-of-scope flag on the
    # entry does not take an owner out of scope
    entry = await add_person(client, org, user_id=owner.user_id, name=None, in_scope=False)
    assert "Olga Owner" in failing(await rule_result(client, org, "RDY-15"))
    await add_record(client, org, entry["id"], awareness["id"], ago(10))
    assert list(failing(await rule_result(client, org, "RDY-15"))) == ["Sid Desk"]


async def test_rdy16_never_passes_vacuously(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    auditor = await add_member(client, org, "auditor", "ian.auditor@acme.example", "Ian Auditor")
    # nobody in the register, no competence requirement: the role holders still fail
    result = await rule_result(client, org, "RDY-16")
    assert result["passed"] is False
    messages = failing(result)
    assert sorted(messages) == ["Ada Admin", "Ian Auditor"]
    assert "without competence evidence" in messages["Ian Auditor"]

    course = await create_course(client, org, "Internal auditor (ISO 19011)")
    await require(client, org, "auditor", course["id"])
    messages = failing(await rule_result(client, org, "RDY-16"))
    assert "'Internal auditor (ISO 19011)' is missing" in messages["Ian Auditor"]

    person = await add_person(client, org, user_id=auditor.user_id, name=None)
    await add_record(client, org, person["id"], course["id"], ago(20))
    # the admin holds a role without any competence evidence: still failing
    assert list(failing(await rule_result(client, org, "RDY-16"))) == ["Ada Admin"]
    admin = await add_person(client, org, user_id=org.admin.user_id, name=None)
    await add_record(client, org, admin["id"], course["id"], ago(20))
    assert (await rule_result(client, org, "RDY-16"))["passed"] is True


def test_rdy16_role_holder_without_any_record_fails_on_facts() -> None:
    facts = good_facts()
    pid = uuid.uuid4()
    facts.people = [PersonFacts(pid, "Rita Role", ("sms_manager",), reasons=("role sms_manager",))]
    facts.competence = {}
    out = run("RDY-16", facts)
    assert [f.key for f in out.failures] == ["Rita Role"]
    assert "without competence evidence" in out.failures[0].message
    # a current role-specific record is competence evidence; awareness is not
    course = uuid.uuid4()
    facts.courses[course] = CourseFacts(course, "SMS awareness", "awareness")
    facts.records[(pid, course)] = RecordFacts(facts.today, None, True)
    assert not run("RDY-16", facts).passed
    facts.courses[course] = CourseFacts(course, "Foundation", "role")
    assert run("RDY-16", facts).passed
    # nobody holding a role: nothing to check
    facts.people = [PersonFacts(pid, "Sid Desk", ())]
    assert run("RDY-16", facts).passed


def scope_url(org: OrgFixture) -> str:
    return f"/api/v1/orgs/{org.slug}/readiness/people-in-scope"


async def test_people_in_scope_list_says_who_why_and_where_they_stand(
    client: httpx.AsyncClient, count_queries: Any
) -> None:
    org = await first_run(client)
    awareness = await create_course(client, org, "SMS awareness", kind="awareness")
    admin = await add_person(client, org, user_id=org.admin.user_id, name=None)
    await add_record(client, org, admin["id"], awareness["id"], ago(30))
    count_queries.count = 0
    r = await client.get(scope_url(org), headers=org.admin.headers)
    assert r.status_code == 200, r.text
    small = count_queries.count
    body = r.json()
    assert (body["total"], body["aware"], body["awareness_months"]) == (1, 1, 24)
    [ada] = body["items"]
    assert ada["name"] == "Ada Admin" and ada["registered"] is True
    assert ada["reasons"] == ["role admin"]
    assert ada["awareness_completed_on"] == ago(30)
    assert ada["competence_gaps"] == ["holds admin without competence evidence"]

    owner = await add_member(client, org, "viewer", "olga.owner@acme.example", "Olga Owner")
    r = await client.post(
        requirements_url(org) + "/bulk",
        json={"changes": [{"ref": ref, "owner_id": owner.user_id} for ref in ("8.6.1", "8.6.2")]},
        headers=org.admin.headers,
    )
    assert r.status_code == 200, r.text
    await create_objective(client, org, owner_id=owner.user_id)
    await add_person(client, org, name="Sid Desk", email="sid@acme.example")
    count_queries.count = 0
    r = await client.get(scope_url(org), headers=owner.headers)  # a viewer may read it
    assert r.status_code == 200, r.text
    assert count_queries.count == small  # the same statements whatever the size
    body = r.json()
    people = {p["name"]: p for p in body["items"]}
    assert sorted(people) == ["Ada Admin", "Olga Owner", "Sid Desk"]
    assert (body["total"], body["aware"]) == (3, 1)
    olga = people["Olga Owner"]
    assert olga["registered"] is False and olga["user_id"] == str(owner.user_id)
    assert olga["reasons"] == ["owner of 8.6.1, 8.6.2", "owner of O-1"]
    assert olga["awareness_completed_on"] is None and olga["competence_gaps"] == []
    assert people["Sid Desk"]["reasons"] == ["training register"]
    # the list and the verdict agree: RDY-15 names exactly the people without awareness
    unaware = {n for n, p in people.items() if p["awareness_completed_on"] is None}
    assert set(failing(await rule_result(client, org, "RDY-15"))) == unaware

    globex = await second_org(client, org)
    r = await client.get(scope_url(org), headers=globex.admin.headers)
    assert r.status_code == 404
