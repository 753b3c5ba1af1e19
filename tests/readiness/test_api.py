"""Readiness over HTTP on SQLite and PostgreSQL: demo verdicts, settings, snapshots,
cross-organisation 404 and a constant number of SQL statements at two data sizes."""

from __future__ import annotations

import random
import uuid
from datetime import timedelta
from typing import Any

import httpx
import pytest
from certready.core.clock import today, utcnow
from certready.db.session import Database
from certready.evidence.models import Evidence, EvidenceRequirement
from certready.readiness.repository import FACT_STATEMENTS
from certready.readiness.service import snapshot_all_orgs
from certready.requirements.models import Framework, Requirement
from sqlalchemy import delete, insert, select

from tests.conftest import QueryCounter
from tests.factories.auth import OrgFixture, add_member, first_run, login, second_org
from tests.factories.readiness import get_readiness, readiness_url
from tests.factories.requirements import drop_framework, insert_generated_framework

pytestmark = pytest.mark.anyio

# Stage 1 has exactly one blocker in the demo: the missing service continuity plan.
DEMO_STAGE1_BLOCKERS = ["RDY-02", "RDY-03", "RDY-07", "RDY-11", "RDY-13"]
DEMO_STAGE2_BLOCKERS = [
    "RDY-02",
    "RDY-03",
    "RDY-07",
    "RDY-11",
    "RDY-13",
    "RDY-10",
    "RDY-15",
    "RDY-20",
    "RDY-21",
    "RDY-24",
    "RDY-28",
    "RDY-32",
    "RDY-34",
    "RDY-IMPL",
]
DEMO_WARNINGS = ["RDY-18", "RDY-25", "RDY-31", "RDY-IMPL-S1"]
# Stage 1 blockers Certready cannot evaluate yet (no SMS registers): listed on every report.
STAGE1_UNEVALUATED: list[str] = []


async def _demo(client: httpx.AsyncClient) -> OrgFixture:
    r = await client.post("/api/v1/demo")
    assert r.status_code == 201, r.text
    body = r.json()
    admin = await login(client, body["admin_email"], body["admin_password"])
    orgs = await client.get("/api/v1/orgs", headers=admin.headers)
    org_id = orgs.json()["items"][0]["id"]
    return OrgFixture(slug=body["organisation_slug"], id=org_id, admin=admin)


async def test_demo_organisation_verdicts(client: httpx.AsyncClient) -> None:
    org = await _demo(client)
    report = await get_readiness(client, org)
    gates = report["gates"]
    assert gates["stage1"] == {
        "ready": False,
        "applicable": True,
        "blockers": DEMO_STAGE1_BLOCKERS,
        "warnings": DEMO_WARNINGS,
        "unevaluated": STAGE1_UNEVALUATED,
        "reason": None,
    }
    assert sorted(gates["stage2"]["blockers"]) == sorted(DEMO_STAGE2_BLOCKERS)
    assert gates["certification"]["applicable"] is False
    assert gates["maintenance"]["applicable"] is False
    rules = {r["id"]: r for r in report["rules"]}
    d8 = rules["RDY-11"]["failing"]
    assert [(f["type"], f["key"], f["route"]) for f in d8] == [
        ("documented_information", "D8", "/orgs/demo/evidence?fulfils=D8")
    ]
    assert [f["key"] for f in rules["RDY-34"]["failing"]] == ["CM-1"]
    assert [f["key"] for f in rules["RDY-21"]["failing"]] == ["CP-1"]
    assert [f["key"] for f in rules["RDY-24"]["failing"]] == ["RD-1"]
    assert [f["key"] for f in rules["RDY-28"]["failing"]] == ["10.1", "10.2"]
    assert [f["key"] for f in rules["RDY-10"]["failing"]] == ["O-3"]
    assert [f["key"] for f in rules["RDY-07"]["failing"]] == ["RSK-7"]
    assert "climate change" in rules["RDY-03"]["failing"][0]["message"]
    assert rules["RDY-15"]["failing_count"] == 2
    assert rules["RDY-31"]["severity"] == "warning"
    assert [s["rule_id"] for s in report["next_steps"][:2]] == ["RDY-02", "RDY-03"]
    assert [c["ref"] for c in report["clauses"]] == ["4", "5", "6", "7", "8", "9", "10"]
    clause8 = report["clauses"][4]
    assert clause8["statuses"]["in_progress"] == 3 and clause8["requirements"] == 30
    assert [f["key"] for f in rules["RDY-02"]["failing"]] == ["SVC-3"]
    assert rules["RDY-23"]["passed"] is True
    # every rule of iso20000.md section 6 is evaluated (RDY-22 last, issue 14)
    assert report["not_implemented"] == []
    assert rules["RDY-22"]["passed"] is True
    assert 0 < report["score"] < 100
    activity = await client.get(f"/api/v1/orgs/{org.slug}/activity", headers=org.admin.headers)
    assert activity.json()["total"] > 100
    # first run only
    assert (await client.post("/api/v1/demo")).status_code == 409


async def test_rule_detail(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    r = await client.get(readiness_url(org, "rules", "RDY-05"), headers=org.admin.headers)
    assert r.status_code == 200, r.text
    assert r.json()["failing_count"] == 57 and len(r.json()["failing"]) == 50
    assert [f["key"] for f in r.json()["failing"][:3]] == ["4.1", "4.2", "4.3"]
    # the whole report lists the first 10 of each rule, with the same exact count
    report = {x["id"]: x for x in (await get_readiness(client, org))["rules"]}
    assert report["RDY-05"]["failing_count"] == 57
    assert report["RDY-05"]["failing"] == r.json()["failing"][:10]
    r = await client.get(readiness_url(org, "rules", "RDY-22"), headers=org.admin.headers)
    assert r.json()["implemented"] is True and r.json()["passed"] is False
    assert [f["type"] for f in r.json()["failing"]] == ["service"]
    r = await client.get(readiness_url(org, "rules", "RDY-99"), headers=org.admin.headers)
    assert r.status_code == 404


async def test_other_org_gets_404(client: httpx.AsyncClient) -> None:
    acme = await first_run(client)
    globex = await second_org(client, acme)
    for path in ("", "/settings", "/history", "/rules/RDY-01"):
        r = await client.get(readiness_url(acme) + path, headers=globex.admin.headers)
        assert r.status_code == 404, path
    r = await client.post(readiness_url(acme, "snapshots"), headers=globex.admin.headers)
    assert r.status_code == 404


async def test_settings_validated_with_if_match(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    r = await client.get(readiness_url(org, "settings"), headers=org.admin.headers)
    assert r.status_code == 200 and r.headers["etag"] == '"0"'
    body = {"parameters": {"RDY-10": {"months": 6}}}
    url = readiness_url(org, "settings")
    assert (await client.patch(url, json=body, headers=org.admin.headers)).status_code == 428
    stale = {**org.admin.headers, "If-Match": '"7"'}
    assert (await client.patch(url, json=body, headers=stale)).status_code == 412
    h = {**org.admin.headers, "If-Match": '"0"'}
    for bad in ({"RDY-10": {"months": 0}}, {"RDY-10": {"weeks": 1}}, {"RDY-99": {"months": 1}}):
        r = await client.patch(url, json={"parameters": bad}, headers=h)
        assert r.status_code == 422, r.text
    r = await client.patch(url, json=body, headers=h)
    assert r.status_code == 200 and r.headers["etag"] == '"1"'
    rdy10 = next(x for x in r.json()["rules"] if x["rule_id"] == "RDY-10")
    assert {p["name"]: p["value"] for p in rdy10["parameters"]} == {"measurements": 1, "months": 6}
    report = await get_readiness(client, org)
    assert next(x for x in report["rules"] if x["id"] == "RDY-10")["parameters"]["months"] == 6
    viewer = await add_member(client, org, "viewer")
    r = await client.patch(url, json=body, headers={**viewer.headers, "If-Match": '"1"'})
    assert r.status_code == 403


async def test_snapshots_and_history(client: httpx.AsyncClient, database: Database) -> None:
    org = await first_run(client)
    for _ in range(3):
        r = await client.post(readiness_url(org, "snapshots"), headers=org.admin.headers)
        assert r.status_code == 201, r.text
    snap = r.json()
    assert snap["stage1_ready"] is False and snap["certification_ready"] is None
    assert "RDY-01" in snap["failing_rules"]
    r = await client.get(
        readiness_url(org, "history"), params={"limit": 2}, headers=org.admin.headers
    )
    page = r.json()
    assert page["total"] == 3 and len(page["items"]) == 2 and page["next_cursor"]
    assert page["items"][0]["id"] == snap["id"]
    # the daily worker's job: one per organisation and day, never twice
    day = today() + timedelta(days=1)
    assert await snapshot_all_orgs(database, day) == 1
    assert await snapshot_all_orgs(database, day) == 0
    r = await client.get(readiness_url(org, "history"), headers=org.admin.headers)
    assert r.json()["total"] == 4 and r.json()["items"][0]["trigger"] == "daily"


async def _bulk_evidence(database: Database, org_id: str, code: str, count: int) -> None:
    """``count`` evidence items linked over the framework's requirements (Zipf-ish)."""
    rng = random.Random(7)
    async with database.transaction() as session:
        fw = (
            await session.execute(select(Framework.id).where(Framework.code == code))
        ).scalar_one()
        req_ids = list(
            (
                await session.execute(select(Requirement.id).where(Requirement.framework_id == fw))
            ).scalars()
        )
        now = utcnow()
        org = uuid.UUID(org_id)
        rows: list[dict[str, Any]] = []
        links: list[dict[str, Any]] = []
        kinds = ["policy", "procedure", "record", "ticket_export", "statement"]
        for i in range(count):
            eid = uuid.uuid4()
            rows.append(
                {
                    "id": eid,
                    "org_id": org,
                    "number": 10_000 + i,
                    "title": f"E {i}",
                    "description": "",
                    "kind": kinds[i % 5],
                    "source": "api",
                    "external_ref": "",
                    "owner_id": None,
                    "effective_date": today() - timedelta(days=i % 200),
                    "valid_until": today() + timedelta(days=i % 400 - 30),
                    "tags": [],
                    "status": ["approved", "draft", "in_review", "approved"][i % 4],
                    "current_version": 0,
                    "approved_by": None,
                    "approved_at": None,
                    "archived_at": None,
                    "archived_by": None,
                    "created_by": None,
                    "revision": 1,
                    "created_at": now,
                    "updated_at": now,
                }
            )
            for rid in {
                req_ids[min(int(rng.paretovariate(1.2)) - 1, len(req_ids) - 1)],
                rng.choice(req_ids),
            }:
                links.append(
                    {"evidence_id": eid, "requirement_id": rid, "org_id": org, "created_at": now}
                )
        await session.execute(insert(Evidence.__table__), rows)
        await session.execute(insert(EvidenceRequirement.__table__), links)


async def test_statement_count_is_constant_at_two_sizes(
    client: httpx.AsyncClient, database: Database, count_queries: QueryCounter
) -> None:
    org = await first_run(client)
    count_queries.count = 0
    small = await get_readiness(client, org)
    small_count = count_queries.count
    code = await insert_generated_framework(database, org.id, 1000)
    try:
        await _bulk_evidence(database, org.id, code, 3000)
        count_queries.count = 0
        large = await get_readiness(client, org, framework=code)
        large_count = count_queries.count
    finally:
        async with database.transaction() as session:
            fw = select(Framework.id).where(Framework.code == code).scalar_subquery()
            ids = select(Requirement.id).where(Requirement.framework_id == fw)
            await session.execute(
                delete(EvidenceRequirement).where(EvidenceRequirement.requirement_id.in_(ids))
            )
        await drop_framework(database, code)
    assert len(small["clauses"]) == 7 and len(large["clauses"]) == 1000
    assert large["rules"][0]["id"] == "RDY-01"
    assert small_count == large_count
    # authentication (principal, organisation and membership in one), settings, the fact
    # statements, the review provider: PERFORMANCE.md's budget of at most 10 for the dashboard
    assert small_count == 1 + 1 + FACT_STATEMENTS + 1 <= 10
