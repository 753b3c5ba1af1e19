"""ITSM samples on checklist lines: reproducible draws, suggested sizes, filters, problems that
change nothing, the audit team and state rules, tenancy and constant query counts."""

from __future__ import annotations

import uuid
from typing import Any

import httpx
import pytest
from certready.audits.sampling import draw, suggested_size
from certready.db.session import Database

from tests.conftest import QueryCounter
from tests.factories.audits import audits_url, create_audit, transition
from tests.factories.auth import OrgFixture, add_member, first_run, second_org
from tests.factories.itsm import create_integration, insert_records

PROBLEM = "application/problem+json"


def sample_url(org: OrgFixture, audit_id: str, ref: str, *parts: str) -> str:
    return audits_url(org, audit_id, "checklist", ref, "sample", *parts)


async def started_audit(
    client: httpx.AsyncClient, org: OrgFixture, scope: list[str] | None = None
) -> str:
    audit = await create_audit(
        client, org, scope=scope or ["8.5", "8.6", "4.1"], lead=org.admin.user_id
    )
    r = await transition(client, org, audit["id"], "in_progress")
    assert r.status_code == 200, r.text
    return str(audit["id"])


async def draw_sample(
    client: httpx.AsyncClient,
    org: OrgFixture,
    audit_id: str,
    ref: str,
    expect: int = 200,
    headers: dict[str, str] | None = None,
    **body: Any,
) -> dict[str, Any]:
    r = await client.post(
        sample_url(org, audit_id, ref), json=body, headers=headers or org.admin.headers
    )
    assert r.status_code == expect, r.text
    if expect != 200:
        assert r.headers["content-type"] == PROBLEM
    out: dict[str, Any] = r.json()
    return out


async def get_sample(
    client: httpx.AsyncClient, org: OrgFixture, audit_id: str, ref: str
) -> dict[str, Any]:
    r = await client.get(sample_url(org, audit_id, ref), headers=org.admin.headers)
    assert r.status_code == 200, r.text
    out: dict[str, Any] = r.json()
    return out


async def population(
    client: httpx.AsyncClient, org: OrgFixture, audit_id: str, ref: str, **params: str
) -> dict[str, Any]:
    r = await client.get(
        sample_url(org, audit_id, ref, "population"), params=params, headers=org.admin.headers
    )
    assert r.status_code == 200, r.text
    out: dict[str, Any] = r.json()
    return out


async def sample_activity(client: httpx.AsyncClient, org: OrgFixture) -> list[dict[str, Any]]:
    r = await client.get(
        f"/api/v1/orgs/{org.slug}/activity",
        params={"object_type": "audit_checklist_line", "limit": 500},
        headers=org.admin.headers,
    )
    assert r.status_code == 200, r.text
    return [e for e in r.json()["items"] if e["action"] == "audit.checklist.sample"]


def ids(sample: dict[str, Any]) -> list[str]:
    return [r["id"] for r in sample["records"]]


# --- pure -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("size", "expected"),
    [(0, 0), (1, 1), (4, 4), (5, 5), (50, 5), (51, 10), (250, 10), (251, 25), (10**6, 25)],
)
def test_suggested_size_table(size: int, expected: int) -> None:
    assert suggested_size(size) == expected


def test_draw_depends_on_seed_and_population_not_on_its_order() -> None:
    population = [uuid.uuid4() for _ in range(100)]
    first = draw(population, 10, 7)
    assert draw(list(reversed(population)), 10, 7) == first
    assert draw(population, 10, 8) != first
    assert len(set(first)) == 10 and set(first) <= set(population)


# --- over HTTP ------------------------------------------------------------------------------


async def test_same_seed_and_filters_draw_the_same_records(
    client: httpx.AsyncClient, database: Database
) -> None:
    org = await first_run(client)
    integration = await create_integration(client, org)
    incidents = await insert_records(database, org, integration, 60)
    await insert_records(database, org, integration, 5, kind="change")
    audit = await started_audit(client, org)

    empty = await get_sample(client, org, audit, "8.6.1")
    assert empty["seed"] is None and empty["records"] == [] and empty["size"] == 0
    assert empty["clauses"] == ["8.6.1"]

    first = await draw_sample(client, org, audit, "8.6.1", seed=42)
    assert (first["seed"], first["population"], first["size"]) == (42, 60, 10)
    assert first["suggested_size"] == 10 and first["filters"] == {
        "service_key": None,
        "kind": None,
        "priority": None,
        "opened_from": None,
        "opened_to": None,
    }
    assert set(ids(first)) <= set(incidents) and len(set(ids(first))) == 10
    assert {r["kind"] for r in first["records"]} == {"incident"}
    assert first["drawn_by_id"] == org.admin.user_id and first["drawn_at"]

    again = await draw_sample(client, org, audit, "8.6.1", seed=42)
    assert ids(again) == ids(first)
    assert again["version"] == first["version"]  # nothing changed: no new version, no entry
    assert len(await sample_activity(client, org)) == 1

    other = await draw_sample(client, org, audit, "8.6.1", seed=43)
    assert set(ids(other)) != set(ids(first))
    assert other["version"] == first["version"] + 1
    stored = await get_sample(client, org, audit, "8.6.1")
    assert ids(stored) == ids(other) and stored["seed"] == 43 and stored["population"] == 60

    back = await draw_sample(client, org, audit, "8.6.1", seed=42)
    assert ids(back) == ids(first)  # replaced again, the same records as the first draw

    entries = await sample_activity(client, org)
    assert len(entries) == 3
    newest = entries[0]
    assert newest["before"]["sample_seed"] == 43 and newest["after"]["sample_seed"] == 42
    assert newest["after"]["sample"] == ids(first) and newest["after"]["ref"] == "8.6.1"
    assert newest["before"]["sample"] == ids(other)

    generated = await draw_sample(client, org, audit, "8.6.1", size=3)
    assert isinstance(generated["seed"], int) and generated["size"] == 3
    repeat = await draw_sample(client, org, audit, "8.6.1", size=3, seed=generated["seed"])
    assert ids(repeat) == ids(generated)

    r = await client.get(audits_url(org, audit, "checklist"), headers=org.admin.headers)
    lines = {line["ref"]: line for line in r.json()["items"]}
    assert lines["8.6.1"]["sample_seed"] == generated["seed"]
    assert lines["8.6.1"]["sample_size"] == 3 and lines["8.6.1"]["itsm_clauses"] == ["8.6.1"]
    assert lines["8.5.1.2"]["itsm_clauses"] == ["8.5.1"] and lines["8.5.1.2"]["sample_size"] == 0
    assert lines["4.1"]["itsm_clauses"] == []


async def test_suggested_size_follows_the_population(
    client: httpx.AsyncClient, database: Database
) -> None:
    org = await first_run(client)
    integration = await create_integration(client, org)
    audit = await started_audit(client, org)
    total = 0
    for count, suggested in [(50, 5), (1, 10), (199, 10), (1, 25)]:
        await insert_records(database, org, integration, count, start=total)
        total += count
        got = await population(client, org, audit, "8.6.1")
        assert (got["population"], got["suggested_size"]) == (total, suggested)
        drawn = await draw_sample(client, org, audit, "8.6.1", seed=1)
        assert drawn["size"] == suggested and drawn["population"] == total
    small = await population(client, org, audit, "8.6.2")
    assert (small["population"], small["suggested_size"]) == (0, 0)
    await insert_records(database, org, integration, 3, kind="service_request")
    three = await draw_sample(client, org, audit, "8.6.2")
    assert three["size"] == 3 and three["suggested_size"] == 3
    bigger = await draw_sample(client, org, audit, "8.6.1", size=40, seed=5)
    assert bigger["size"] == 40


async def test_filters_narrow_the_population(client: httpx.AsyncClient, database: Database) -> None:
    org = await first_run(client)
    integration = await create_integration(client, org)
    payroll = await insert_records(
        database, org, integration, 10, service_key="payroll", priority="high"
    )
    await insert_records(database, org, integration, 10, start=10, service_key="hosting")
    problems = await insert_records(database, org, integration, 4, kind="problem")
    known = await insert_records(database, org, integration, 2, kind="known_error")
    audit = await started_audit(client, org)

    assert (await population(client, org, audit, "8.6.1"))["population"] == 20
    by_service = await population(client, org, audit, "8.6.1", service_key="payroll")
    assert by_service["population"] == 10 and by_service["filters"]["service_key"] == "payroll"
    by_priority = await population(client, org, audit, "8.6.1", priority="high")
    assert by_priority["population"] == 10
    # opened a day apart from 2026-09-01: the 3rd to the 7th of September inclusive is 5
    period = {"opened_from": "2026-09-03", "opened_to": "2026-09-07"}
    assert (await population(client, org, audit, "8.6.1", **period))["population"] == 5
    assert (await population(client, org, audit, "8.6.3"))["population"] == 6
    assert (await population(client, org, audit, "8.6.3", kind="known_error"))["population"] == 2

    drawn = await draw_sample(
        client, org, audit, "8.6.1", service_key="payroll", priority="high", seed=9, size=10
    )
    assert set(ids(drawn)) == set(payroll)
    assert drawn["filters"]["service_key"] == "payroll" and drawn["filters"]["priority"] == "high"
    dated = await draw_sample(client, org, audit, "8.6.1", seed=9, **period)
    assert dated["population"] == 5 and dated["size"] == 5
    assert {r["opened_at"][:10] for r in dated["records"]} == {f"2026-09-0{d}" for d in range(3, 8)}
    assert dated["filters"]["opened_from"] == "2026-09-03"
    kinds = await draw_sample(client, org, audit, "8.6.3", kind="problem", size=4)
    assert set(ids(kinds)) == set(problems)
    everything = await draw_sample(client, org, audit, "8.6.3", size=6)
    assert set(ids(everything)) == set(problems) | set(known)


async def test_bad_filters_are_422_and_change_nothing(
    client: httpx.AsyncClient, database: Database
) -> None:
    org = await first_run(client)
    integration = await create_integration(client, org)
    await insert_records(database, org, integration, 12)
    audit = await started_audit(client, org)
    before = await draw_sample(client, org, audit, "8.6.1", seed=3)
    for ref, body in [
        ("8.6.1", {"kind": "change"}),  # change records are evidence for 8.5.1
        ("8.6.1", {"opened_from": "2026-10-01", "opened_to": "2026-09-01"}),
        ("8.6.1", {"size": 13}),  # more than the population
        ("8.6.1", {"size": 0}),
        ("8.6.1", {"seed": -1}),
        ("8.6.1", {"priority": "urgent"}),
        ("8.6.1", {"colour": "red"}),
        ("8.6.1", {"service_key": "nothing-here"}),  # an empty population
        ("4.1", {}),  # no kind of record is evidence for 4.1
        ("9.9", {}),  # not in the checklist
    ]:
        await draw_sample(client, org, audit, ref, expect=422, **body)
    after = await get_sample(client, org, audit, "8.6.1")
    assert ids(after) == ids(before) and after["version"] == before["version"]
    assert after["seed"] == 3
    assert len(await sample_activity(client, org)) == 1
    r = await client.get(
        sample_url(org, audit, "8.6.1", "population"),
        params={"kind": "release"},
        headers=org.admin.headers,
    )
    assert r.status_code == 422 and r.headers["content-type"] == PROBLEM
    stale = await client.post(
        sample_url(org, audit, "8.6.1"),
        json={"seed": 4},
        headers={**org.admin.headers, "If-Match": f'"{before["version"] + 5}"'},
    )
    assert stale.status_code == 412
    ok = await client.post(
        sample_url(org, audit, "8.6.1"),
        json={"seed": 4},
        headers={**org.admin.headers, "If-Match": f'"{before["version"]}"'},
    )
    assert ok.status_code == 200 and ok.headers["etag"] == f'"{before["version"] + 1}"'


async def test_only_the_team_draws_and_only_while_the_audit_runs(
    client: httpx.AsyncClient, database: Database
) -> None:
    org = await first_run(client)
    integration = await create_integration(client, org)
    await insert_records(database, org, integration, 8)
    outsider = await add_member(client, org, "auditor")
    viewer = await add_member(client, org, "viewer")
    audit = await started_audit(client, org)
    await draw_sample(client, org, audit, "8.6.1", expect=403, headers=outsider.headers)
    await draw_sample(client, org, audit, "8.6.1", expect=403, headers=viewer.headers)
    r = await client.get(sample_url(org, audit, "8.6.1"), headers=viewer.headers)
    assert r.status_code == 200  # readers see the sample
    drawn = await draw_sample(client, org, audit, "8.6.1", seed=1)
    r = await transition(client, org, audit, "cancelled")
    assert r.status_code == 200, r.text
    await draw_sample(client, org, audit, "8.6.1", expect=409, seed=2)
    assert ids(await get_sample(client, org, audit, "8.6.1")) == ids(drawn)
    planned = await create_audit(client, org, scope=["8.6"], lead=org.admin.user_id)
    await draw_sample(client, org, planned["id"], "8.6.1", expect=409)


async def test_other_organisations_records_and_audits_are_out_of_reach(
    client: httpx.AsyncClient, database: Database
) -> None:
    acme = await first_run(client)
    globex = await second_org(client, acme)
    ours = await insert_records(database, acme, await create_integration(client, acme), 6)
    await insert_records(database, globex, await create_integration(client, globex), 30)
    audit = await started_audit(client, acme)
    theirs = await started_audit(client, globex)
    drawn = await draw_sample(client, acme, audit, "8.6.1", size=6)
    assert drawn["population"] == 6 and set(ids(drawn)) == set(ours)
    missing = str(uuid.uuid4())
    for method, suffix in [("GET", ""), ("GET", "/population"), ("POST", "")]:
        foreign = await client.request(
            method,
            sample_url(acme, theirs, "8.6.1") + suffix,
            json={} if method == "POST" else None,
            headers=acme.admin.headers,
        )
        absent = await client.request(
            method,
            sample_url(acme, missing, "8.6.1") + suffix,
            json={} if method == "POST" else None,
            headers=acme.admin.headers,
        )
        assert foreign.status_code == absent.status_code == 404, foreign.text
        assert foreign.json() == absent.json()
    assert (await get_sample(client, globex, theirs, "8.6.1"))["seed"] is None


async def test_sample_query_counts_are_constant(
    client: httpx.AsyncClient, database: Database, count_queries: QueryCounter
) -> None:
    org = await first_run(client)
    integration = await create_integration(client, org)
    audit = await started_audit(client, org)

    async def cost(size: int) -> tuple[int, int, int]:
        count_queries.count = 0
        await draw_sample(client, org, audit, "8.6.1", size=size, seed=size)
        drawing = count_queries.count
        count_queries.count = 0
        got = await get_sample(client, org, audit, "8.6.1")
        reading = count_queries.count
        assert got["size"] == size
        count_queries.count = 0
        await population(client, org, audit, "8.6.1")
        return drawing, reading, count_queries.count

    await insert_records(database, org, integration, 10)
    small = await cost(5)
    await insert_records(database, org, integration, 300, start=10)
    big = await cost(100)
    assert small == big
    r = await client.get(audits_url(org, audit, "checklist"), headers=org.admin.headers)
    assert r.status_code == 200
