"""Configuration items, CMDB verifications, continuity plans and service reports through the
API, and the race makers of their PATCH routes (merged into tests/concurrency/test_races.py)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import httpx

from tests.factories.auth import OrgFixture


def org_url(org: OrgFixture, path: str) -> str:
    return f"/api/v1/orgs/{org.slug}/{path}"


async def post(
    client: httpx.AsyncClient, org: OrgFixture, path: str, body: dict[str, Any]
) -> dict[str, Any]:
    r = await client.post(org_url(org, path), json=body, headers=org.admin.headers)
    assert r.status_code == 201, r.text
    data: dict[str, Any] = r.json()
    return data


async def create_ci(client: httpx.AsyncClient, org: OrgFixture, **body: Any) -> dict[str, Any]:
    return await post(
        client, org, "configuration-items", {"name": "Mail server", "type": "server", **body}
    )


async def create_verification(
    client: httpx.AsyncClient, org: OrgFixture, verified_on: str, **body: Any
) -> dict[str, Any]:
    return await post(
        client,
        org,
        "cmdb-verifications",
        {"verified_on": verified_on, "sample_size": 10, "result": "pass", **body},
    )


Made = tuple[str, str, Callable[[int], Any]]


async def _ci(c: httpx.AsyncClient, live: Any) -> Made:
    ci = await create_ci(c, live.org)
    return (
        org_url(live.org, f"configuration-items/{ci['id']}"),
        ci["id"],
        lambda i: {"name": f"CI {i}"},
    )


async def _verification(c: httpx.AsyncClient, live: Any) -> Made:
    v = await create_verification(c, live.org, "2026-01-10")
    return (
        org_url(live.org, f"cmdb-verifications/{v['id']}"),
        v["id"],
        lambda i: {"notes": f"Notes {i}"},
    )


OPERATIONS_PATCH_KINDS: dict[str, Callable[[httpx.AsyncClient, Any], Awaitable[Made]]] = {
    "/api/v1/orgs/{org}/configuration-items/{item_id}": _ci,
    "/api/v1/orgs/{org}/cmdb-verifications/{verification_id}": _verification,
}


async def create_plan(client: httpx.AsyncClient, org: OrgFixture, **body: Any) -> dict[str, Any]:
    return await post(client, org, "continuity-plans", {"title": "Data centre loss", **body})


async def create_test(
    client: httpx.AsyncClient, org: OrgFixture, plan_id: str, tested_on: str, **body: Any
) -> dict[str, Any]:
    return await post(
        client,
        org,
        f"continuity-plans/{plan_id}/tests",
        {"tested_on": tested_on, "scenario": "Fail over to site B", "result": "passed", **body},
    )


async def create_definition(
    client: httpx.AsyncClient, org: OrgFixture, **body: Any
) -> dict[str, Any]:
    return await post(
        client,
        org,
        "report-definitions",
        {"title": "Monthly SLA report", "frequency": "monthly", **body},
    )


async def create_report(
    client: httpx.AsyncClient,
    org: OrgFixture,
    definition_id: str,
    start: str,
    end: str,
    **body: Any,
) -> dict[str, Any]:
    return await post(
        client,
        org,
        f"report-definitions/{definition_id}/reports",
        {"period_start": start, "period_end": end, "produced_on": end, **body},
    )


async def _plan(c: httpx.AsyncClient, live: Any) -> Made:
    p = await create_plan(c, live.org)
    return (
        org_url(live.org, f"continuity-plans/{p['id']}"),
        p["id"],
        lambda i: {"title": f"Plan {i}"},
    )


async def _test(c: httpx.AsyncClient, live: Any) -> Made:
    p = await create_plan(c, live.org)
    t = await create_test(c, live.org, p["id"], "2026-01-10")
    return (
        org_url(live.org, f"continuity-tests/{t['id']}"),
        t["id"],
        lambda i: {"issues_found": f"Issue {i}"},
    )


async def _definition(c: httpx.AsyncClient, live: Any) -> Made:
    d = await create_definition(c, live.org)
    return (
        org_url(live.org, f"report-definitions/{d['id']}"),
        d["id"],
        lambda i: {"title": f"Report {i}"},
    )


async def _report(c: httpx.AsyncClient, live: Any) -> Made:
    d = await create_definition(c, live.org)
    r = await create_report(c, live.org, d["id"], "2026-01-01", "2026-01-31")
    return (
        org_url(live.org, f"service-reports/{r['id']}"),
        r["id"],
        lambda i: {"produced_on": f"2026-02-{i + 1:02d}"},
    )


OPERATIONS_PATCH_KINDS.update(
    {
        "/api/v1/orgs/{org}/continuity-plans/{plan_id}": _plan,
        "/api/v1/orgs/{org}/continuity-tests/{test_id}": _test,
        "/api/v1/orgs/{org}/report-definitions/{definition_id}": _definition,
        "/api/v1/orgs/{org}/service-reports/{report_id}": _report,
    }
)
