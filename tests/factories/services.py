"""Services, customers, processes and the scope list created through the real API."""

from __future__ import annotations

from typing import Any

import httpx

from tests.factories.auth import OrgFixture


def services_url(org: OrgFixture, *parts: object) -> str:
    return "/".join([f"/api/v1/orgs/{org.slug}/services", *(str(p) for p in parts)])


def customers_url(org: OrgFixture, *parts: object) -> str:
    return "/".join([f"/api/v1/orgs/{org.slug}/customers", *(str(p) for p in parts)])


def scope_url(org: OrgFixture) -> str:
    return f"/api/v1/orgs/{org.slug}/scope/services"


async def create_customer(
    client: httpx.AsyncClient,
    org: OrgFixture,
    name: str = "Retail division",
    kind: str = "internal",
    headers: dict[str, str] | None = None,
    expect: int = 201,
    **fields: Any,
) -> dict[str, Any]:
    body = {"name": name, "kind": kind, "contact": "service.desk@example.com", **fields}
    r = await client.post(customers_url(org), json=body, headers=headers or org.admin.headers)
    assert r.status_code == expect, r.text
    return dict(r.json())


async def create_service(
    client: httpx.AsyncClient,
    org: OrgFixture,
    name: str = "Managed workplace",
    headers: dict[str, str] | None = None,
    expect: int = 201,
    **fields: Any,
) -> dict[str, Any]:
    body = {"name": name, "description": "Laptops, mail and collaboration.", **fields}
    r = await client.post(services_url(org), json=body, headers=headers or org.admin.headers)
    assert r.status_code == expect, r.text
    return dict(r.json())


async def etag(client: httpx.AsyncClient, url: str, headers: dict[str, str]) -> str:
    r = await client.get(url, headers=headers)
    assert r.status_code == 200, r.text
    return r.headers["etag"]


async def add_process(
    client: httpx.AsyncClient,
    org: OrgFixture,
    service_id: str,
    ref: str = "8.6.1",
    expect: int = 201,
    **fields: Any,
) -> dict[str, Any]:
    r = await client.post(
        services_url(org, service_id, "processes"),
        json={"requirement_ref": ref, **fields},
        headers=org.admin.headers,
    )
    assert r.status_code == expect, r.text
    return dict(r.json())


async def set_scope(
    client: httpx.AsyncClient, org: OrgFixture, service_ids: list[str], expect: int = 200
) -> dict[str, Any]:
    tag = await etag(client, scope_url(org), org.admin.headers)
    r = await client.put(
        scope_url(org),
        json={"service_ids": service_ids},
        headers={**org.admin.headers, "If-Match": tag},
    )
    assert r.status_code == expect, r.text
    return dict(r.json())


async def transition(
    client: httpx.AsyncClient, org: OrgFixture, service_id: str, to: str, note: str = ""
) -> httpx.Response:
    return await client.post(
        services_url(org, service_id, "transitions"),
        json={"to": to, "note": note},
        headers=org.admin.headers,
    )
