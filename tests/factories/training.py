"""Training courses, requirements, people and records created through the real API."""

from __future__ import annotations

from typing import Any

import httpx

from tests.factories.auth import OrgFixture


def training_url(org: OrgFixture, *parts: object) -> str:
    return "/".join([f"/api/v1/orgs/{org.slug}/training", *(str(p) for p in parts)])


async def _post(
    client: httpx.AsyncClient,
    org: OrgFixture,
    path: str,
    body: dict[str, Any],
    headers: dict[str, str] | None,
    expect: int,
) -> dict[str, Any]:
    r = await client.post(training_url(org, path), json=body, headers=headers or org.admin.headers)
    assert r.status_code == expect, r.text
    return dict(r.json())


async def create_course(
    client: httpx.AsyncClient,
    org: OrgFixture,
    title: str = "ITIL 4 Foundation",
    headers: dict[str, str] | None = None,
    expect: int = 201,
    **fields: Any,
) -> dict[str, Any]:
    body = {"title": title, "kind": "role", "validity_months": 24, **fields}
    return await _post(client, org, "courses", body, headers, expect)


async def require(
    client: httpx.AsyncClient, org: OrgFixture, role_key: str, course_id: str, expect: int = 201
) -> dict[str, Any]:
    body = {"role_key": role_key, "course_id": course_id}
    return await _post(client, org, "requirements", body, None, expect)


async def add_person(
    client: httpx.AsyncClient,
    org: OrgFixture,
    name: str = "Pat Person",
    email: str | None = None,
    role_keys: list[str] | None = None,
    expect: int = 201,
    **fields: Any,
) -> dict[str, Any]:
    body: dict[str, Any] = {"full_name": name, "role_keys": role_keys or [], **fields}
    if email is not None:
        body["email"] = email
    return await _post(client, org, "people", body, None, expect)


async def add_record(
    client: httpx.AsyncClient,
    org: OrgFixture,
    person_id: str,
    course_id: str,
    completed_on: str,
    expect: int = 201,
    **fields: Any,
) -> dict[str, Any]:
    body = {
        "person_id": person_id,
        "course_id": course_id,
        "completed_on": completed_on,
        **fields,
    }
    return await _post(client, org, "records", body, None, expect)
