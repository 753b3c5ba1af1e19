"""Management reviews created through the real API."""

from __future__ import annotations

from typing import Any

import httpx

from tests.factories.auth import OrgFixture, designate_top_management


def reviews_url(org: OrgFixture, *parts: object) -> str:
    return "/".join([f"/api/v1/orgs/{org.slug}/management-reviews", *(str(p) for p in parts)])


async def create_review(
    client: httpx.AsyncClient,
    org: OrgFixture,
    headers: dict[str, str] | None = None,
    expect: int = 201,
    **fields: Any,
) -> dict[str, Any]:
    body: dict[str, Any] = {
        "title": "Management review Q4",
        "planned_date": "2026-01-15",
        "chair_name": "Carla CEO",
        "agenda": "The 9.3 inputs; decisions on improvement.",
        **fields,
    }
    r = await client.post(reviews_url(org), json=body, headers=headers or org.admin.headers)
    assert r.status_code == expect, r.text
    return dict(r.json())


async def patch_review(
    client: httpx.AsyncClient,
    org: OrgFixture,
    review_id: str,
    headers: dict[str, str] | None = None,
    expect: int | None = 200,
    **fields: Any,
) -> httpx.Response:
    h = dict(headers or org.admin.headers)
    current = await client.get(reviews_url(org, review_id), headers=h)
    h["If-Match"] = current.headers["etag"]
    r = await client.patch(reviews_url(org, review_id), json=fields, headers=h)
    if expect is not None:
        assert r.status_code == expect, r.text
    return r


async def resolve_all_inputs(
    client: httpx.AsyncClient, org: OrgFixture, review: dict[str, Any]
) -> None:
    """Cover every topic (the last one marked not applicable)."""
    inputs = review["inputs"]
    for item in inputs[:-1]:
        r = await client.patch(
            reviews_url(org, review["id"], "inputs", item["key"]),
            json={"covered": True, "notes": "Discussed."},
            headers=org.admin.headers,
        )
        assert r.status_code == 200, r.text
    r = await client.patch(
        reviews_url(org, review["id"], "inputs", inputs[-1]["key"]),
        json={"not_applicable_reason": "No changes this period."},
        headers=org.admin.headers,
    )
    assert r.status_code == 200, r.text


async def move_review(
    client: httpx.AsyncClient,
    org: OrgFixture,
    review_id: str,
    to: str,
    headers: dict[str, str] | None = None,
    note: str = "",
) -> httpx.Response:
    return await client.post(
        reviews_url(org, review_id, "transitions"),
        json={"to": to, "note": note},
        headers=headers or org.admin.headers,
    )


async def approved_evidence(client: httpx.AsyncClient, org: OrgFixture, approver: Any) -> str:
    """A file-less evidence item (the minutes) approved by someone other than its author."""
    from tests.factories.evidence import create_statement, evidence_url

    item = await create_statement(client, org, title="Minutes MR", kind="record")
    r = await client.post(
        evidence_url(org, item["id"], "transitions"),
        json={"to": "in_review"},
        headers=org.admin.headers,
    )
    assert r.status_code == 200, r.text
    r = await client.post(
        evidence_url(org, item["id"], "transitions"),
        json={"to": "approved"},
        headers=approver.headers,
    )
    assert r.status_code == 200, r.text
    return str(item["id"])


async def top_chair(client: httpx.AsyncClient, org: OrgFixture) -> dict[str, Any]:
    """The admin designated top management, as the chair (iso20000.md 6.6)."""
    await designate_top_management(client, org, org.admin.user_id)
    return {"chair_id": org.admin.user_id}


async def held_review(
    client: httpx.AsyncClient, org: OrgFixture, held_date: str = "2026-01-15", **fields: Any
) -> dict[str, Any]:
    """A review held on ``held_date``, chaired by the admin designated top management
    (unless a chair is given)."""
    if "chair_id" not in fields and "chair_name" not in fields:
        fields.update(await top_chair(client, org))
    review = await create_review(client, org, **fields)
    await resolve_all_inputs(client, org, review)
    await patch_review(client, org, review["id"], held_date=held_date)
    r = await move_review(client, org, review["id"], "held")
    assert r.status_code == 200, r.text
    return dict(r.json())
