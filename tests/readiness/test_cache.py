"""The readiness cache (readiness/cache.py): a report is served from memory only while the
organisation's data is unchanged; every committed change made through the API bumps the
organisation's data version, so the next request computes afresh."""

from __future__ import annotations

from typing import Any

import httpx
from certready.db.session import Database
from certready.orgs.models import Organisation
from certready.readiness.cache import Key, ReadinessCache, no_cache
from sqlalchemy import select

from tests.conftest import QueryCounter
from tests.factories.auth import OrgFixture, first_run, second_org
from tests.factories.evidence import create_statement
from tests.factories.readiness import readiness_url

HIT = "certready; hit"
MISS = "certready; fwd=miss"
FRESH = "certready; fwd=request"


async def _get(
    client: httpx.AsyncClient, org: OrgFixture, *parts: str, **headers: str
) -> httpx.Response:
    r = await client.get(readiness_url(org, *parts), headers={**org.admin.headers, **headers})
    assert r.status_code == 200, r.text
    return r


async def _data_version(database: Database, org: OrgFixture) -> int:
    async with database.read_sessions() as session:
        stmt = select(Organisation.data_version).where(Organisation.slug == org.slug)
        return int((await session.execute(stmt)).scalar_one())


def _rule(report: dict[str, Any], rule_id: str) -> dict[str, Any]:
    return next(r for r in report["rules"] if r["id"] == rule_id)


async def test_hit_until_a_change_is_committed(
    client: httpx.AsyncClient, database: Database
) -> None:
    org = await first_run(client)
    first = await _get(client, org)
    assert first.headers["cache-status"] == MISS
    again = await _get(client, org)
    assert again.headers["cache-status"] == HIT
    assert again.json() == first.json()  # the very report, evaluated_at included
    owners = _rule(first.json(), "RDY-05")["failing_count"]

    version = await _data_version(database, org)
    r = await client.patch(
        f"/api/v1/orgs/{org.slug}/requirements/4.1",
        json={"owner_id": org.admin.user_id},
        headers={**org.admin.headers, "If-Match": "*"},
    )
    assert r.status_code == 200, r.text
    assert await _data_version(database, org) == version + 1  # one bump per transaction
    after = await _get(client, org)
    assert after.headers["cache-status"] == MISS
    assert _rule(after.json(), "RDY-05")["failing_count"] == owners - 1
    assert (await _get(client, org)).headers["cache-status"] == HIT


async def test_no_cache_request_and_rule_detail(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    cached = await _get(client, org)
    fresh = await _get(client, org, **{"Cache-Control": "no-cache"})
    assert fresh.headers["cache-status"] == FRESH
    assert fresh.json()["evaluated_at"] > cached.json()["evaluated_at"]
    # the fresh report replaced the cached one
    assert (await _get(client, org)).json()["evaluated_at"] == fresh.json()["evaluated_at"]
    # the rule detail lists more objects, so it has an entry of its own
    detail = await _get(client, org, "rules", "RDY-05")
    assert detail.headers["cache-status"] == MISS
    assert len(detail.json()["failing"]) == 50
    assert (await _get(client, org, "rules", "RDY-05")).headers["cache-status"] == HIT


async def test_refused_write_and_other_organisations_keep_the_entry(
    client: httpx.AsyncClient, database: Database
) -> None:
    acme = await first_run(client)
    globex = await second_org(client, acme)
    await _get(client, acme)
    version = await _data_version(database, acme)
    # a refused write rolls back: nothing changed, the version and the entry stay
    r = await client.patch(
        f"/api/v1/orgs/{acme.slug}/requirements/4.1",
        json={"status": "no_such_status"},
        headers={**acme.admin.headers, "If-Match": "*"},
    )
    assert r.status_code == 422
    assert await _data_version(database, acme) == version
    assert (await _get(client, acme)).headers["cache-status"] == HIT
    # another organisation's change does not touch acme's version
    await create_statement(client, globex)
    assert await _data_version(database, acme) == version
    assert (await _get(client, acme)).headers["cache-status"] == HIT
    # ... its own does
    await create_statement(client, acme)
    assert await _data_version(database, acme) == version + 1
    assert (await _get(client, acme)).headers["cache-status"] == MISS


async def test_settings_change_invalidates(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    await _get(client, org)
    r = await client.patch(
        readiness_url(org, "settings"),
        json={"parameters": {"RDY-25": {"days": 90}}},
        headers={**org.admin.headers, "If-Match": '"0"'},
    )
    assert r.status_code == 200, r.text
    after = await _get(client, org)
    assert after.headers["cache-status"] == MISS
    assert _rule(after.json(), "RDY-25")["parameters"] == {"days": 90}


async def test_a_hit_costs_only_the_request_statements(
    client: httpx.AsyncClient, count_queries: QueryCounter
) -> None:
    org = await first_run(client)
    count_queries.count = 0
    await _get(client, org)
    miss = count_queries.count
    count_queries.count = 0
    await _get(client, org)
    hit = count_queries.count
    count_queries.count = 0
    await client.get(f"/api/v1/orgs/{org.slug}", headers=org.admin.headers)
    plain = count_queries.count  # authentication and the organisation
    assert hit == plain and miss > hit + 5, (miss, hit, plain)


def test_cache_is_bounded_and_drops_old_versions() -> None:
    import uuid
    from datetime import date

    from certready.readiness.schemas import ReadinessRead

    report = ReadinessRead.model_construct()
    cache = ReadinessCache(2)
    a, b, c = (uuid.uuid4() for _ in range(3))
    day = date(2026, 11, 26)
    cache.put(Key(a, 1, "fw", day, 10), report)
    cache.put(Key(a, 2, "fw", day, 10), report)  # replaces version 1
    assert len(cache) == 1 and cache.get(Key(a, 1, "fw", day, 10)) is None
    cache.put(Key(b, 1, "fw", day, 10), report)
    assert cache.get(Key(a, 2, "fw", day, 10)) is report  # now the most recent
    cache.put(Key(c, 1, "fw", day, 10), report)
    assert len(cache) == 2 and cache.get(Key(b, 1, "fw", day, 10)) is None
    off = ReadinessCache(0)
    off.put(Key(a, 1, "fw", day, 10), report)
    assert len(off) == 0


def test_no_cache_directives() -> None:
    assert no_cache("no-cache") and no_cache("max-age=0") and no_cache("No-Store, x")
    assert not no_cache(None) and not no_cache("max-age=60") and not no_cache("")
