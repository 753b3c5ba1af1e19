"""Suppliers created through the real API."""

from __future__ import annotations

from typing import Any

import httpx

from tests.factories.auth import OrgFixture


def suppliers_url(org: OrgFixture, *parts: object) -> str:
    return "/".join([f"/api/v1/orgs/{org.slug}/suppliers", *(str(p) for p in parts)])


async def create_supplier(
    client: httpx.AsyncClient,
    org: OrgFixture,
    headers: dict[str, str] | None = None,
    expect: int = 201,
    **fields: Any,
) -> dict[str, Any]:
    body = {
        "name": "Northwind Hosting",
        "kind": "external",
        "contact": "service-desk@northwind.example",
        **fields,
    }
    r = await client.post(suppliers_url(org), json=body, headers=headers or org.admin.headers)
    assert r.status_code == expect, r.text
    return dict(r.json())


def statements_url(org: OrgFixture, *parts: object) -> str:
    return "/".join([f"/api/v1/orgs/{org.slug}/supplier-statements", *(str(p) for p in parts)])


def agreements_url(org: OrgFixture, *parts: object) -> str:
    return "/".join([f"/api/v1/orgs/{org.slug}/agreements", *(str(p) for p in parts)])


async def create_agreement(
    client: httpx.AsyncClient,
    org: OrgFixture,
    headers: dict[str, str] | None = None,
    expect: int = 201,
    **fields: Any,
) -> dict[str, Any]:
    body = {"title": "Hosting contract", "type": "contract", "status": "active", **fields}
    r = await client.post(agreements_url(org), json=body, headers=headers or org.admin.headers)
    assert r.status_code == expect, r.text
    return dict(r.json())


async def approve_none_exist(
    client: httpx.AsyncClient, org: OrgFixture, category: str, statement: str = ""
) -> dict[str, Any]:
    """Draft and approve the statement that no supplier of ``category`` exists."""
    body = {"category": category, "statement": statement or f"We have no {category} suppliers."}
    r = await client.post(statements_url(org), json=body, headers=org.admin.headers)
    assert r.status_code == 201, r.text
    r = await client.post(
        statements_url(org, r.json()["id"], "transitions"),
        json={"to": "approved"},
        headers=org.admin.headers,
    )
    assert r.status_code == 200, r.text
    return dict(r.json())
