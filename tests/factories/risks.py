"""The risk method and risks created through the real API."""

from __future__ import annotations

from typing import Any

import httpx

from tests.factories.auth import OrgFixture

# A 4 x 4 method: matrix[likelihood - 1][impact - 1].
METHOD: dict[str, Any] = {
    "likelihood_scale": ["Rare", "Unlikely", "Likely", "Almost certain"],
    "impact_scale": ["Minor", "Moderate", "Major", "Severe"],
    "levels": ["low", "medium", "high"],
    "matrix": [
        ["low", "low", "medium", "medium"],
        ["low", "medium", "medium", "high"],
        ["medium", "medium", "high", "high"],
        ["medium", "high", "high", "high"],
    ],
    "acceptance_criteria": "Low risks may be accepted by the risk owner; medium by the SMS "
    "manager; high risks are treated.",
    "acceptable_levels": ["low", "medium"],
}


def risks_url(org: OrgFixture, *parts: object) -> str:
    return "/".join([f"/api/v1/orgs/{org.slug}/risks", *(str(p) for p in parts)])


async def create_method(
    client: httpx.AsyncClient,
    org: OrgFixture,
    headers: dict[str, str] | None = None,
    expect: int = 201,
    **fields: Any,
) -> dict[str, Any]:
    r = await client.post(
        risks_url(org, "method"), json={**METHOD, **fields}, headers=headers or org.admin.headers
    )
    assert r.status_code == expect, r.text
    return dict(r.json())


async def approve_method(
    client: httpx.AsyncClient, org: OrgFixture, approved_on: str
) -> dict[str, Any]:
    url = risks_url(org, "method")
    etag = (await client.get(url, headers=org.admin.headers)).headers["etag"]
    r = await client.patch(
        url,
        json={"approved_on": approved_on},
        headers={**org.admin.headers, "If-Match": etag},
    )
    assert r.status_code == 200, r.text
    return dict(r.json())


async def create_risk(
    client: httpx.AsyncClient,
    org: OrgFixture,
    headers: dict[str, str] | None = None,
    expect: int = 201,
    **fields: Any,
) -> dict[str, Any]:
    body = {
        "title": "Loss of the primary data centre",
        "description": "Power or cooling failure takes the hosting site down.",
        "likelihood": 2,
        "impact": 4,
        "treatment": "treat",
        "review_date": "2027-06-30",
        **fields,
    }
    r = await client.post(risks_url(org), json=body, headers=headers or org.admin.headers)
    assert r.status_code == expect, r.text
    return dict(r.json())
