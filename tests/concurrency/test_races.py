"""Concurrent clients against a real server process, on SQLite and PostgreSQL.

Every resource kind a client changes with ``If-Match`` and every workflow is raced here:
N requests carrying the same ETag (or moving the same object) are sent at once over N
connections; exactly one may win, the others get 412 (stale ETag) or 409 (the state
moved on), and the activity log holds exactly one change. ``PATCH_KINDS`` and
``MOVES`` are checked against the app's routes, so a new PATCH or transition route fails
until it is raced here too.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from certready.api.openapi import iter_api_routes
from certready.config import Settings
from certready.main import create_app

from tests.evidence.live import LiveServer, database_url
from tests.factories.audits import audits_url, create_audit, create_programme, programmes_url
from tests.factories.auth import PASSWORD, OrgFixture, add_member, first_run
from tests.factories.corrective_measures import measure_in, measures_url, open_measure
from tests.factories.evidence import create_statement, evidence_url
from tests.factories.findings import findings_url, raise_finding
from tests.factories.management_reviews import create_review, reviews_url
from tests.factories.objectives import create_objective, objectives_url
from tests.factories.operations import OPERATIONS_PATCH_KINDS
from tests.factories.risks import METHOD, create_risk, risks_url
from tests.factories.services import create_customer, create_service, customers_url, services_url
from tests.factories.suppliers import (
    agreements_url,
    create_agreement,
    create_supplier,
    statements_url,
    suppliers_url,
)
from tests.factories.training import add_person, add_record, create_course, training_url
from tests.integrations.helpers import create_integration, integrations_url

pytestmark = pytest.mark.slow
RACERS = 8


@dataclass
class Live:
    url: str
    org: OrgFixture
    approver: dict[str, str]  # a second manager (approvals need someone else)


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def live(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Live]:
    if request.param == "postgresql":
        request.getfixturevalue("postgresql_target")  # skips/fails like every PostgreSQL test
    tmp = tmp_path_factory.mktemp(f"race-{request.param}")
    with database_url(request.param, tmp) as url:
        server = LiveServer(tmp / "data", url)
        server.start()
        try:

            async def prepare() -> Live:
                async with httpx.AsyncClient(base_url=server.url, timeout=60) as c:
                    org = await first_run(c)
                    manager = await add_member(c, org, "sms_manager")
                    return Live(server.url, org, manager.headers)

            yield asyncio.run(prepare())
        finally:
            server.stop()


async def race(
    live: Live,
    make: Callable[[httpx.AsyncClient, int], Awaitable[httpx.Response]],
    n: int = RACERS,
) -> list[httpx.Response]:
    """Send ``n`` requests at once, each over its own connection."""
    clients = [httpx.AsyncClient(base_url=live.url, timeout=60) for _ in range(n)]
    try:
        return list(await asyncio.gather(*(make(c, i) for i, c in enumerate(clients))))
    finally:
        await asyncio.gather(*(c.aclose() for c in clients))


async def activity(c: httpx.AsyncClient, live: Live, object_id: str) -> list[dict[str, Any]]:
    r = await c.get(
        f"/api/v1/orgs/{live.org.slug}/activity",
        params={"object_id": object_id, "limit": 500},
        headers=live.org.admin.headers,
    )
    assert r.status_code == 200, r.text
    return list(r.json()["items"])


# --- If-Match: one winner ------------------------------------------------------------------

Maker = Callable[[httpx.AsyncClient, Live], Awaitable[tuple[str, str, Callable[[int], Any]]]]


async def _org(c: httpx.AsyncClient, live: Live) -> tuple[str, str, Callable[[int], Any]]:
    return f"/api/v1/orgs/{live.org.slug}", live.org.id, lambda i: {"sms_scope": f"Scope {i}"}


async def _requirement(c: httpx.AsyncClient, live: Live) -> tuple[str, str, Callable[[int], Any]]:
    url = f"/api/v1/orgs/{live.org.slug}/requirements/8.6.1"
    return url, "8.6.1", lambda i: {"notes": f"Note {i}"}


async def _evidence(c: httpx.AsyncClient, live: Live) -> tuple[str, str, Callable[[int], Any]]:
    item = await create_statement(c, live.org)
    return evidence_url(live.org, item["id"]), item["id"], lambda i: {"title": f"Title {i}"}


async def _programme(c: httpx.AsyncClient, live: Live) -> tuple[str, str, Callable[[int], Any]]:
    p = await create_programme(c, live.org)
    return programmes_url(live.org, p["id"]), p["id"], lambda i: {"title": f"Programme {i}"}


async def _audit(c: httpx.AsyncClient, live: Live) -> tuple[str, str, Callable[[int], Any]]:
    a = await create_audit(c, live.org)
    return audits_url(live.org, a["id"]), a["id"], lambda i: {"title": f"Audit {i}"}


async def _checklist_line(
    c: httpx.AsyncClient, live: Live
) -> tuple[str, str, Callable[[int], Any]]:
    a = await create_audit(c, live.org, scope=["8.6.1"], lead=live.org.admin.user_id)
    r = await c.post(
        audits_url(live.org, a["id"], "transitions"),
        json={"to": "in_progress"},
        headers=live.org.admin.headers,
    )
    assert r.status_code == 200, r.text
    url = audits_url(live.org, a["id"], "checklist", "8.6.1")
    line = await _line(c, live, url)
    return url, line["id"], lambda i: {"notes": f"Sampled {i} tickets", "result": "conforming"}


async def _line(c: httpx.AsyncClient, live: Live, url: str) -> dict[str, Any]:
    r = await c.get(url.rsplit("/", 1)[0], headers=live.org.admin.headers)
    assert r.status_code == 200, r.text
    lines = r.json()["items"] if isinstance(r.json(), dict) else r.json()
    return dict(next(x for x in lines if x["ref"] == url.rsplit("/", 1)[1]))


async def _line_etag(c: httpx.AsyncClient, live: Live, url: str) -> str:
    """A checklist line has no GET of its own: its version comes with the checklist."""
    return f'"{(await _line(c, live, url))["version"]}"'


async def _finding(c: httpx.AsyncClient, live: Live) -> tuple[str, str, Callable[[int], Any]]:
    f = await raise_finding(c, live.org, grade="observation")
    return findings_url(live.org, f["id"]), f["id"], lambda i: {"statement": f"Statement {i}"}


async def _measure(c: httpx.AsyncClient, live: Live) -> tuple[str, str, Callable[[int], Any]]:
    m = await open_measure(c, live.org)
    return measures_url(live.org, m["id"]), m["id"], lambda i: {"title": f"Measure {i}"}


async def _course(c: httpx.AsyncClient, live: Live) -> tuple[str, str, Callable[[int], Any]]:
    course = await create_course(c, live.org)
    url = training_url(live.org, f"courses/{course['id']}")
    return url, course["id"], lambda i: {"title": f"Course {i}"}


async def _person(c: httpx.AsyncClient, live: Live) -> tuple[str, str, Callable[[int], Any]]:
    person = await add_person(c, live.org)
    url = training_url(live.org, f"people/{person['id']}")
    return url, person["id"], lambda i: {"full_name": f"Person {i}"}


async def _record(c: httpx.AsyncClient, live: Live) -> tuple[str, str, Callable[[int], Any]]:
    person = await add_person(c, live.org, name="Rita Record")
    course = await create_course(c, live.org, title="Awareness")
    rec = await add_record(c, live.org, person["id"], course["id"], "2026-01-10")
    url = training_url(live.org, f"records/{rec['id']}")
    return url, rec["id"], lambda i: {"completed_on": f"2026-02-{i + 1:02d}"}


async def _objective(c: httpx.AsyncClient, live: Live) -> tuple[str, str, Callable[[int], Any]]:
    o = await create_objective(c, live.org)
    return objectives_url(live.org, o["id"]), o["id"], lambda i: {"title": f"Objective {i}"}


async def _supplier(c: httpx.AsyncClient, live: Live) -> tuple[str, str, Callable[[int], Any]]:
    s = await create_supplier(c, live.org)
    return suppliers_url(live.org, s["id"]), s["id"], lambda i: {"name": f"Supplier {i}"}


async def _agreement(c: httpx.AsyncClient, live: Live) -> tuple[str, str, Callable[[int], Any]]:
    s = await create_supplier(c, live.org, name=f"Carrier {uuid.uuid4().hex[:8]}")
    a = await create_agreement(c, live.org, supplier_id=s["id"])
    return agreements_url(live.org, a["id"]), a["id"], lambda i: {"title": f"Contract {i}"}


async def _integration(c: httpx.AsyncClient, live: Live) -> tuple[str, str, Callable[[int], Any]]:
    made = await create_integration(c, live.org, "jira")
    url = f"{integrations_url(live.org)}/{made['id']}"
    return url, made["id"], lambda i: {"name": f"Desk {i}"}


async def _none_exist(c: httpx.AsyncClient, live: Live) -> tuple[str, str, Callable[[int], Any]]:
    body = {"category": "external", "statement": "No external suppliers."}
    r = await c.post(statements_url(live.org), json=body, headers=live.org.admin.headers)
    assert r.status_code == 201, r.text
    url = statements_url(live.org, r.json()["id"])
    return url, r.json()["id"], lambda i: {"statement": f"Statement {i}"}


async def _review(c: httpx.AsyncClient, live: Live) -> tuple[str, str, Callable[[int], Any]]:
    r = await create_review(c, live.org)
    return reviews_url(live.org, r["id"]), r["id"], lambda i: {"agenda": f"Agenda {i}"}


async def _readiness_settings(
    c: httpx.AsyncClient, live: Live
) -> tuple[str, str, Callable[[int], Any]]:
    url = f"/api/v1/orgs/{live.org.slug}/readiness/settings"
    return url, live.org.id, lambda i: {"parameters": {"RDY-10": {"months": i + 1}}}


async def _risk_method(c: httpx.AsyncClient, live: Live) -> tuple[str, str, Callable[[int], Any]]:
    url = risks_url(live.org, "method")
    r = await c.post(url, json=METHOD, headers=live.org.admin.headers)
    assert r.status_code in (201, 409), r.text  # one method per organisation
    method = (await c.get(url, headers=live.org.admin.headers)).json()
    return url, method["id"], lambda i: {"acceptance_criteria": f"Criteria {i}"}


async def _risk(c: httpx.AsyncClient, live: Live) -> tuple[str, str, Callable[[int], Any]]:
    await c.post(risks_url(live.org, "method"), json=METHOD, headers=live.org.admin.headers)
    risk = await create_risk(c, live.org)
    return risks_url(live.org, risk["id"]), risk["id"], lambda i: {"title": f"Risk {i}"}


async def _context(c: httpx.AsyncClient, live: Live) -> tuple[str, str, Callable[[int], Any]]:
    url = f"/api/v1/orgs/{live.org.slug}/context"
    r = await c.post(url, json={}, headers=live.org.admin.headers)
    assert r.status_code in (201, 409), r.text  # one record per organisation
    rec = (await c.get(url, headers=live.org.admin.headers)).json()
    return url, rec["id"], lambda i: {"summary": f"Context {i}"}


# PATCH route (as the app declares it) -> how to make one object of that kind.
async def _service(c: httpx.AsyncClient, live: Live) -> tuple[str, str, Callable[[int], Any]]:
    s = await create_service(c, live.org)
    return services_url(live.org, s["id"]), s["id"], lambda i: {"name": f"Service {i}"}


async def _customer(c: httpx.AsyncClient, live: Live) -> tuple[str, str, Callable[[int], Any]]:
    s = await create_customer(c, live.org, name="Racing customer")
    return customers_url(live.org, s["id"]), s["id"], lambda i: {"contact": f"c{i}@x.example"}


PATCH_KINDS: dict[str, Maker] = {
    "/api/v1/orgs/{org}/services/{service_id}": _service,
    "/api/v1/orgs/{org}/customers/{customer_id}": _customer,
    "/api/v1/orgs/{org}": _org,
    "/api/v1/orgs/{org}/requirements/{ref}": _requirement,
    "/api/v1/orgs/{org}/evidence/{evidence_id}": _evidence,
    "/api/v1/orgs/{org}/audit-programmes/{programme_id}": _programme,
    "/api/v1/orgs/{org}/audits/{audit_id}": _audit,
    "/api/v1/orgs/{org}/audits/{audit_id}/checklist/{ref}": _checklist_line,
    "/api/v1/orgs/{org}/findings/{finding_id}": _finding,
    "/api/v1/orgs/{org}/corrective-measures/{measure_id}": _measure,
    "/api/v1/orgs/{org}/training/courses/{course_id}": _course,
    "/api/v1/orgs/{org}/training/people/{person_id}": _person,
    "/api/v1/orgs/{org}/training/records/{record_id}": _record,
    "/api/v1/orgs/{org}/objectives/{objective_id}": _objective,
    "/api/v1/orgs/{org}/management-reviews/{review_id}": _review,
    "/api/v1/orgs/{org}/suppliers/{supplier_id}": _supplier,
    "/api/v1/orgs/{org}/supplier-statements/{statement_id}": _none_exist,
    "/api/v1/orgs/{org}/readiness/settings": _readiness_settings,
    "/api/v1/orgs/{org}/risks/method": _risk_method,
    "/api/v1/orgs/{org}/risks/{risk_id}": _risk,
    **OPERATIONS_PATCH_KINDS,
    "/api/v1/orgs/{org}/context": _context,
    "/api/v1/orgs/{org}/agreements/{agreement_id}": _agreement,
    "/api/v1/orgs/{org}/integrations/{integration_id}": _integration,
}
# PATCH routes of parts of another object: they carry no ETag of their own and are raced
# through their parent's (reviewed list; see test_every_patch_route_is_raced).
PART_ROUTES = {
    "/api/v1/orgs/{org}/members/{user_id}",
    "/api/v1/orgs/{org}/corrective-measures/{measure_id}/actions/{action_id}",
    "/api/v1/orgs/{org}/management-reviews/{review_id}/inputs/{topic_key}",
    "/api/v1/orgs/{org}/management-reviews/{review_id}/decisions/{decision_id}",
    "/api/v1/orgs/{org}/management-reviews/{review_id}/actions/{action_id}",
    "/api/v1/orgs/{org}/risks/{risk_id}/actions/{action_id}",
    "/api/v1/orgs/{org}/suppliers/{supplier_id}/reviews/{review_id}",
    "/api/v1/orgs/{org}/services/{service_id}/processes/{process_id}",
    "/api/v1/orgs/{org}/context/issues/{issue_id}",
    "/api/v1/orgs/{org}/context/parties/{party_id}",
    "/api/v1/orgs/{org}/agreements/{agreement_id}/targets/{target_id}",
}


@pytest.mark.parametrize("route", sorted(PATCH_KINDS))
async def test_parallel_patches_with_one_etag_have_exactly_one_winner(
    live: Live, route: str
) -> None:
    async with httpx.AsyncClient(base_url=live.url, timeout=60) as c:
        url, object_id, body = await PATCH_KINDS[route](c, live)
        headers = live.org.admin.headers
        if route.endswith("/checklist/{ref}"):
            etag = await _line_etag(c, live, url)
        else:
            first = await c.get(url, headers=headers)
            assert first.status_code == 200, first.text
            etag = first.headers["etag"]
        before = len(await activity(c, live, object_id))

    async def patch(client: httpx.AsyncClient, i: int) -> httpx.Response:
        return await client.patch(url, json=body(i), headers={**headers, "If-Match": etag})

    responses = await race(live, patch)
    codes = sorted(r.status_code for r in responses)
    assert codes == [200] + [412] * (RACERS - 1), [r.text for r in responses]
    async with httpx.AsyncClient(base_url=live.url, timeout=60) as c:
        if route.endswith("/checklist/{ref}"):
            assert await _line_etag(c, live, url) != etag
        else:
            winner = next(r for r in responses if r.status_code == 200)
            now = await c.get(url, headers=headers)
            assert now.headers["etag"] == winner.headers["etag"] != etag
        assert len(await activity(c, live, object_id)) == before + 1


def _routes(tmp: Path) -> list[Any]:
    return list(iter_api_routes(create_app(Settings(data_dir=tmp, spa_dir=tmp))))


def test_every_patch_route_is_raced(tmp_path: Path) -> None:
    patch_routes = {r.path for r in _routes(tmp_path) if "PATCH" in r.methods}
    assert patch_routes == set(PATCH_KINDS) | PART_ROUTES


async def test_parallel_top_management_designations_have_exactly_one_winner(live: Live) -> None:
    """The designation is a PART route (no GET of its own): raced with the membership's
    version from the members list; one winner, one logged change."""
    members = f"/api/v1/orgs/{live.org.slug}/members"

    async def designations(c: httpx.AsyncClient) -> list[dict[str, Any]]:
        r = await c.get(
            f"/api/v1/orgs/{live.org.slug}/activity",
            params={"object_type": "member", "limit": 500},
            headers=live.org.admin.headers,
        )
        assert r.status_code == 200, r.text
        return [e for e in r.json()["items"] if e["action"] == "member.update"]

    async def row(c: httpx.AsyncClient, user_id: str) -> dict[str, Any]:
        r = await c.get(members, params={"limit": 500}, headers=live.org.admin.headers)
        assert r.status_code == 200, r.text
        return dict(next(m for m in r.json()["items"] if m["user_id"] == user_id))

    async with httpx.AsyncClient(base_url=live.url, timeout=60) as c:
        ceo = await add_member(c, live.org, "sms_manager")
        before = await row(c, ceo.user_id)
        logged = len(await designations(c))
    url = f"{members}/{ceo.user_id}"
    headers = {**live.org.admin.headers, "If-Match": f'"{before["version"]}"'}

    async def designate(client: httpx.AsyncClient, i: int) -> httpx.Response:
        return await client.patch(url, json={"top_management": True}, headers=headers)

    responses = await race(live, designate)
    codes = sorted(r.status_code for r in responses)
    assert codes == [200] + [412] * (RACERS - 1), [r.text for r in responses]
    async with httpx.AsyncClient(base_url=live.url, timeout=60) as c:
        now = await row(c, ceo.user_id)
        assert (now["top_management"], now["version"]) == (True, before["version"] + 1)
        assert len(await designations(c)) == logged + 1


# --- workflow moves: one winner --------------------------------------------------------------


async def _evidence_review(c: httpx.AsyncClient, live: Live) -> tuple[str, str, list[Any]]:
    item = await create_statement(c, live.org, title="Change policy v2")
    url = evidence_url(live.org, item["id"], "transitions")
    r = await c.post(url, json={"to": "in_review"}, headers=live.org.admin.headers)
    assert r.status_code == 200, r.text
    moves = [{"to": "approved"}, {"to": "rejected", "note": "Not signed."}] * (RACERS // 2)
    return url, item["id"], moves


async def _finding_close(c: httpx.AsyncClient, live: Live) -> tuple[str, str, list[Any]]:
    f = await raise_finding(c, live.org, grade="ofi")
    url = findings_url(live.org, f["id"], "transitions")
    return url, f["id"], [{"to": "closed", "note": f"Decided {i}"} for i in range(RACERS)]


async def _audit_start(c: httpx.AsyncClient, live: Live) -> tuple[str, str, list[Any]]:
    a = await create_audit(c, live.org, lead=live.org.admin.user_id)
    url = audits_url(live.org, a["id"], "transitions")
    return url, a["id"], [{"to": "in_progress"}] * RACERS


async def _measure_move(c: httpx.AsyncClient, live: Live) -> tuple[str, str, list[Any]]:
    m = await open_measure(c, live.org)
    url = measures_url(live.org, m["id"], "transitions")
    return url, m["id"], [{"to": "contained"}] * RACERS


async def _review_move(c: httpx.AsyncClient, live: Live) -> tuple[str, str, list[Any]]:
    r = await create_review(c, live.org)
    url = reviews_url(live.org, r["id"], "transitions")
    return url, r["id"], [{"to": "cancelled", "note": f"Clash {i}"} for i in range(RACERS)]


async def _statement_approval(c: httpx.AsyncClient, live: Live) -> tuple[str, str, list[Any]]:
    body = {"category": "customer_as_supplier", "statement": "No customer supplies us."}
    r = await c.post(statements_url(live.org), json=body, headers=live.org.admin.headers)
    assert r.status_code == 201, r.text
    url = statements_url(live.org, r.json()["id"], "transitions")
    return url, r.json()["id"], [{"to": "approved"}] * RACERS


async def _programme_approval(c: httpx.AsyncClient, live: Live) -> tuple[str, str, list[Any]]:
    p = await create_programme(c, live.org, title="Programme to approve")
    return programmes_url(live.org, p["id"], "approve"), p["id"], [{}] * RACERS


async def _service_move(c: httpx.AsyncClient, live: Live) -> tuple[str, str, list[Any]]:
    s = await create_service(c, live.org, owner_id=live.org.admin.user_id)
    url = services_url(live.org, s["id"], "transitions")
    moves = [{"to": "live"}, {"to": "retired", "note": "Not launched."}] * (RACERS // 2)
    return url, s["id"], moves


MOVES: dict[str, Callable[[httpx.AsyncClient, Live], Awaitable[tuple[str, str, list[Any]]]]] = {
    "/api/v1/orgs/{org}/services/{service_id}/transitions": _service_move,
    "/api/v1/orgs/{org}/evidence/{evidence_id}/transitions": _evidence_review,
    "/api/v1/orgs/{org}/findings/{finding_id}/transitions": _finding_close,
    "/api/v1/orgs/{org}/audits/{audit_id}/transitions": _audit_start,
    "/api/v1/orgs/{org}/corrective-measures/{measure_id}/transitions": _measure_move,
    "/api/v1/orgs/{org}/management-reviews/{review_id}/transitions": _review_move,
    "/api/v1/orgs/{org}/audit-programmes/{programme_id}/approve": _programme_approval,
    "/api/v1/orgs/{org}/supplier-statements/{statement_id}/transitions": _statement_approval,
}


@pytest.mark.parametrize("route", sorted(MOVES))
async def test_parallel_conflicting_moves_have_exactly_one_winner(live: Live, route: str) -> None:
    async with httpx.AsyncClient(base_url=live.url, timeout=60) as c:
        url, object_id, moves = await MOVES[route](c, live)
        before = len(await activity(c, live, object_id))
    # approvals need someone other than whoever created the object
    headers = live.approver if "evidence" in route or "approve" in route else live.org.admin.headers

    async def move(client: httpx.AsyncClient, i: int) -> httpx.Response:
        return await client.post(url, json=moves[i], headers=headers)

    responses = await race(live, move)
    codes = sorted(r.status_code for r in responses)
    assert codes == [200] + [409] * (RACERS - 1), [r.text for r in responses]
    winner = next(r for r in responses if r.status_code == 200).json()
    for loser in (r for r in responses if r.status_code == 409):
        body = loser.json()
        # the loser is told the state the object is in now
        if route.endswith("/approve"):
            assert "already approved" in body["detail"], body
        else:
            assert body.get("current") == winner["status"], body
    async with httpx.AsyncClient(base_url=live.url, timeout=60) as c:
        assert len(await activity(c, live, object_id)) == before + 1


def test_every_transition_route_is_raced(tmp_path: Path) -> None:
    moves = {
        r.path
        for r in _routes(tmp_path)
        if "POST" in r.methods and r.path.endswith(("/transitions", "/approve"))
    }
    assert moves == set(MOVES)


# --- first run and login throttling -----------------------------------------------------------


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
@pytest.mark.parametrize("path", ["/api/v1/setup", "/api/v1/demo"])
async def test_concurrent_first_runs_have_exactly_one_winner(
    request: pytest.FixtureRequest, tmp_path: Path, kind: str, path: str
) -> None:
    if kind == "postgresql":
        request.getfixturevalue("postgresql_target")
    with database_url(kind, tmp_path) as url:
        server = LiveServer(tmp_path / "data", url)
        server.start()
        try:
            live = Live(server.url, OrgFixture("", "", None), {})  # type: ignore[arg-type]

            async def first(client: httpx.AsyncClient, i: int) -> httpx.Response:
                body = {
                    "organisation": {"name": f"Org {i}", "slug": f"org-{i}"},
                    "admin": {"email": f"a{i}@x.example", "full_name": "A", "password": PASSWORD},
                }
                return await client.post(path, json=body if "setup" in path else None)

            responses = await race(live, first)
            codes = sorted(r.status_code for r in responses)
            assert codes == [201] + [409] * (RACERS - 1), [r.text for r in responses]
            async with httpx.AsyncClient(base_url=server.url, timeout=60) as c:
                assert (await c.get("/api/v1/setup")).json()["needed"] is False
        finally:
            server.stop()


async def test_a_burst_of_wrong_passwords_is_checked_exactly_up_to_the_limit(live: Live) -> None:
    email = "burst@acme.example"
    async with httpx.AsyncClient(base_url=live.url, timeout=60) as c:
        await add_member(c, live.org, "viewer", email=email)

    async def wrong(client: httpx.AsyncClient, i: int) -> httpx.Response:
        return await client.post(
            "/api/v1/auth/token", data={"username": email, "password": f"wrong {i}"}
        )

    # 16 at once: under the per-client limit (20 a minute), over the per-account one (5)
    responses = await race(live, wrong, n=16)
    checked = [r for r in responses if r.status_code == 401]
    limited = [r for r in responses if r.status_code == 429]
    assert len(checked) == Settings().login_account_failures, [r.status_code for r in responses]
    assert len(checked) + len(limited) == len(responses)
    assert all(int(r.headers["retry-after"]) > 0 for r in limited)


# --- the NC close guard under concurrent links (issue 13) -------------------------------------


async def _nc_ready_to_close(c: httpx.AsyncClient, live: Live) -> dict[str, Any]:
    """A minor NC with one measure closed effective and none open (left for a manual close)."""
    finding = await raise_finding(c, live.org)
    blocker = await open_measure(c, live.org, finding_ids=[finding["id"]])
    await measure_in(c, live.org, "closed", finding_ids=[finding["id"]])
    r = await c.post(
        measures_url(live.org, blocker["id"], "transitions"),
        json={"to": "cancelled", "note": "Merged"},
        headers=live.org.admin.headers,
    )
    assert r.status_code == 200, r.text
    return finding


@pytest.mark.parametrize("link", ["create", "patch"])
async def test_close_guard_holds_against_concurrent_links(live: Live, link: str) -> None:
    """Closing an NC while new measures are linked to it: never a closed NC with an open one."""
    headers = live.org.admin.headers
    async with httpx.AsyncClient(base_url=live.url, timeout=60) as c:
        finding = await _nc_ready_to_close(c, live)
        spare = [await open_measure(c, live.org) for _ in range(RACERS // 2)]
        etags = [
            (await c.get(measures_url(live.org, m["id"]), headers=headers)).headers["etag"]
            for m in spare
        ]

    async def go(client: httpx.AsyncClient, i: int) -> httpx.Response:
        if i % 2 == 0:
            return await client.post(
                findings_url(live.org, finding["id"], "transitions"),
                json={"to": "closed", "note": f"Closer {i}"},
                headers=headers,
            )
        if link == "create":
            return await client.post(
                measures_url(live.org),
                json={"title": f"Late measure {i}", "finding_ids": [finding["id"]]},
                headers=headers,
            )
        return await client.patch(
            measures_url(live.org, spare[i // 2]["id"]),
            json={"finding_ids": [finding["id"]]},
            headers={**headers, "If-Match": etags[i // 2]},
        )

    responses = await race(live, go)
    closes = [r.status_code for i, r in enumerate(responses) if i % 2 == 0]
    links = [r.status_code for i, r in enumerate(responses) if i % 2 == 1]
    assert set(closes) <= {200, 409} and closes.count(200) <= 1, [r.text for r in responses]
    assert set(links) <= {200, 201, 422}, [r.text for r in responses]
    async with httpx.AsyncClient(base_url=live.url, timeout=60) as c:
        now = (await c.get(findings_url(live.org, finding["id"]), headers=headers)).json()
    statuses = [m["status"] for m in now["measures"]]
    if now["status"] == "closed":
        assert closes.count(200) == 1
        # the invariant: closed only with an effective closed measure and none open
        assert all(s in ("closed", "cancelled") for s in statuses), statuses
        assert any(m["effectiveness_result"] == "effective" for m in now["measures"])
        assert all(code == 422 for code in links), links  # every link came after the close
    else:
        assert closes.count(200) == 0
        assert any(s not in ("closed", "cancelled") for s in statuses)  # a link won first
