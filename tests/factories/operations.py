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
