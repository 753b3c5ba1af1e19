"""Findings created through the real API."""

from __future__ import annotations

from typing import Any

import httpx

from tests.factories.auth import OrgFixture


def findings_url(org: OrgFixture, *parts: object) -> str:
    return "/".join([f"/api/v1/orgs/{org.slug}/findings", *(str(p) for p in parts)])


async def raise_finding(
    client: httpx.AsyncClient,
    org: OrgFixture,
    headers: dict[str, str] | None = None,
    expect: int = 201,
    **fields: Any,
) -> dict[str, Any]:
    body = {
        "grade": "minor_nc",
        "statement": "Change records lack an approval for 2 of 10 sampled changes.",
        **fields,
    }
    if (
        body["grade"] in ("major_nc", "minor_nc")
        and "requirement_ref" not in body
        and ("checklist_line_id" not in body)
    ):
        body["requirement_ref"] = "8.5.1.2"
    r = await client.post(findings_url(org), json=body, headers=headers or org.admin.headers)
    assert r.status_code == expect, r.text
    return dict(r.json())


async def move_finding(
    client: httpx.AsyncClient,
    org: OrgFixture,
    finding_id: str,
    to: str,
    headers: dict[str, str] | None = None,
    note: str = "",
) -> httpx.Response:
    return await client.post(
        findings_url(org, finding_id, "transitions"),
        json={"to": to, "note": note},
        headers=headers or org.admin.headers,
    )
