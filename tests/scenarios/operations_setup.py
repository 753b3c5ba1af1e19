"""The operation registers of a ready organisation, built through the public API: a
continuity plan tested 2 months ago (RDY-21) and a monthly service report produced for each
of the last three complete months (RDY-24), and a configuration item for every service in
scope with a CMDB verification a month ago (RDY-22)."""

from __future__ import annotations

from datetime import date, timedelta

import httpx

from tests.factories.auth import OrgFixture
from tests.factories.operations import create_definition, create_plan, create_report, create_test


def complete_months(today: date, count: int) -> list[tuple[date, date]]:
    """The last ``count`` complete calendar months before ``today``, newest first."""
    months = []
    end = today.replace(day=1) - timedelta(days=1)
    for _ in range(count):
        start = end.replace(day=1)
        months.append((start, end))
        end = start - timedelta(days=1)
    return months


async def configuration_ready(client: httpx.AsyncClient, org: OrgFixture) -> None:
    """One configuration item supporting every live service in scope, verified 30 days ago."""
    base = f"/api/v1/orgs/{org.slug}"
    r = await client.get(f"{base}/services", params={"limit": 200}, headers=org.admin.headers)
    assert r.status_code == 200, r.text
    ids = [s["id"] for s in r.json()["items"] if s["in_scope"] and s["status"] != "retired"]
    r = await client.post(
        f"{base}/configuration-items",
        json={"name": "Service platform", "type": "cluster", "service_ids": ids},
        headers=org.admin.headers,
    )
    assert r.status_code == 201, r.text
    day = (date.today() - timedelta(days=30)).isoformat()
    r = await client.post(
        f"{base}/cmdb-verifications",
        json={"verified_on": day, "sample_size": 10, "result": "pass"},
        headers=org.admin.headers,
    )
    assert r.status_code == 201, r.text


async def operations_ready(client: httpx.AsyncClient, org: OrgFixture) -> None:
    today = date.today()
    await configuration_ready(client, org)
    plan = await create_plan(
        client,
        org,
        owner_id=org.admin.user_id,
        approved_on=(today - timedelta(days=90)).isoformat(),
    )
    await create_test(client, org, plan["id"], (today - timedelta(days=60)).isoformat())
    definition = await create_definition(client, org, audience="All customers")
    for start, end in complete_months(today, 3):
        await create_report(client, org, definition["id"], start.isoformat(), end.isoformat())
