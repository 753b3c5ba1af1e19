"""Corrective measures created and moved through the real API."""

from __future__ import annotations

from typing import Any

import httpx

from tests.factories.auth import OrgFixture
from tests.factories.evidence import create_statement

# The happy path to each state: the transitions that reach it from `open`.
PATH = ["contained", "analysed", "planned", "implemented", "effectiveness_review", "closed"]


def measures_url(org: OrgFixture, *parts: object) -> str:
    return "/".join([f"/api/v1/orgs/{org.slug}/corrective-measures", *(str(p) for p in parts)])


async def open_measure(
    client: httpx.AsyncClient,
    org: OrgFixture,
    headers: dict[str, str] | None = None,
    expect: int = 201,
    **fields: Any,
) -> dict[str, Any]:
    body = {"title": "Enforce change approval in the tool", **fields}
    r = await client.post(measures_url(org), json=body, headers=headers or org.admin.headers)
    assert r.status_code == expect, r.text
    return dict(r.json())


async def move_measure(
    client: httpx.AsyncClient,
    org: OrgFixture,
    measure_id: str,
    to: str,
    headers: dict[str, str] | None = None,
    note: str = "",
) -> httpx.Response:
    return await client.post(
        measures_url(org, measure_id, "transitions"),
        json={"to": to, "note": note},
        headers=headers or org.admin.headers,
    )


async def patch_measure(
    client: httpx.AsyncClient,
    org: OrgFixture,
    measure_id: str,
    body: dict[str, Any],
    headers: dict[str, str] | None = None,
) -> httpx.Response:
    headers = headers or org.admin.headers
    etag = (await client.get(measures_url(org, measure_id), headers=headers)).headers["etag"]
    return await client.patch(
        measures_url(org, measure_id), json=body, headers={**headers, "If-Match": etag}
    )


async def add_action(
    client: httpx.AsyncClient,
    org: OrgFixture,
    measure_id: str,
    headers: dict[str, str] | None = None,
    **fields: Any,
) -> dict[str, Any]:
    body = {"description": "Make approval a mandatory field", **fields}
    r = await client.post(
        measures_url(org, measure_id, "actions"), json=body, headers=headers or org.admin.headers
    )
    assert r.status_code == 201, r.text
    return dict(r.json())


async def update_action(
    client: httpx.AsyncClient,
    org: OrgFixture,
    measure_id: str,
    action_id: str,
    body: dict[str, Any],
    headers: dict[str, str] | None = None,
) -> httpx.Response:
    return await client.patch(
        measures_url(org, measure_id, "actions", action_id),
        json=body,
        headers=headers or org.admin.headers,
    )


async def review(
    client: httpx.AsyncClient,
    org: OrgFixture,
    measure_id: str,
    headers: dict[str, str] | None = None,
    **fields: Any,
) -> httpx.Response:
    if "evidence_id" not in fields:
        fields["evidence_id"] = (await create_statement(client, org, title="Change sample"))["id"]
    body = {
        "method": "Sampled 20 changes a month later",
        "result": "effective",
        "review_date": "2026-11-20",
        **fields,
    }
    return await client.post(
        measures_url(org, measure_id, "effectiveness-review"),
        json=body,
        headers=headers or org.admin.headers,
    )


async def satisfy(
    client: httpx.AsyncClient,
    org: OrgFixture,
    measure: dict[str, Any],
    to: str,
    reviewer: dict[str, str] | None = None,
) -> None:
    """Make the guard of the move to ``to`` pass for ``measure`` (the admin owns nothing)."""
    mid = measure["id"]
    if to == "analysed":
        r = await patch_measure(
            client, org, mid, {"root_cause_method": "five_whys", "root_cause": "No enforced field"}
        )
        assert r.status_code == 200, r.text
    elif to == "planned":
        await add_action(client, org, mid, owner_id=org.admin.user_id, due_date="2026-12-31")
    elif to == "implemented":
        current = (await client.get(measures_url(org, mid), headers=org.admin.headers)).json()
        for action in current["actions"]:
            r = await update_action(client, org, mid, action["id"], {"done": True})
            assert r.status_code == 200, r.text
    elif to == "closed":
        r = await review(client, org, mid, headers=reviewer)
        assert r.status_code == 200, r.text


async def measure_in(
    client: httpx.AsyncClient, org: OrgFixture, state: str, **fields: Any
) -> dict[str, Any]:
    """A new measure walked along the happy path to ``state`` (or cancelled from open)."""
    measure = await open_measure(client, org, **fields)
    steps = (
        ["cancelled"]
        if state == "cancelled"
        else PATH[: PATH.index(state) + 1]
        if state != "open"
        else []
    )
    for step in steps:
        await satisfy(client, org, measure, step)
        r = await move_measure(client, org, measure["id"], step, note="Reason recorded")
        assert r.status_code == 200, (step, r.text)
        measure = r.json()
    return measure
