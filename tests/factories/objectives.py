"""Objectives and measurements created through the real API."""

from __future__ import annotations

from typing import Any

import httpx

from tests.factories.auth import OrgFixture


def objectives_url(org: OrgFixture, *parts: object) -> str:
    return "/".join([f"/api/v1/orgs/{org.slug}/objectives", *(str(p) for p in parts)])


async def create_objective(
    client: httpx.AsyncClient,
    org: OrgFixture,
    headers: dict[str, str] | None = None,
    expect: int = 201,
    **fields: Any,
) -> dict[str, Any]:
    body = {
        "title": "Resolve incidents on time",
        "requirement_refs": ["6.2", "8.6.1"],
        "metric": "P1 incidents resolved within SLA",
        "unit": "%",
        "target": 95,
        "direction": "at_least",
        "frequency": "quarterly",
        **fields,
    }
    r = await client.post(objectives_url(org), json=body, headers=headers or org.admin.headers)
    assert r.status_code == expect, r.text
    return dict(r.json())


async def measure(
    client: httpx.AsyncClient,
    org: OrgFixture,
    objective_id: str,
    value: float,
    period_date: str,
    headers: dict[str, str] | None = None,
    expect: int = 201,
    **fields: Any,
) -> dict[str, Any]:
    body = {"value": value, "period_date": period_date, "source": "ITSM report", **fields}
    r = await client.post(
        objectives_url(org, objective_id, "measurements"),
        json=body,
        headers=headers or org.admin.headers,
    )
    assert r.status_code == expect, r.text
    return dict(r.json())
