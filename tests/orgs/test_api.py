"""Organisations and members: tenancy (Z1), mass assignment (Z4), roles (Z5, Z6), ETag (C1)."""

from __future__ import annotations

import anyio
import httpx
import pytest

from tests.factories.auth import PASSWORD, add_member, first_run, login, second_org

PROBLEM = "application/problem+json"


async def test_org_read_carries_etag_and_patch_needs_if_match(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    r = await client.get(f"/api/v1/orgs/{org.slug}", headers=org.admin.headers)
    assert r.status_code == 200
    etag = r.headers["etag"]
    body = {"sms_scope": "Managed workplace and hosting services for Acme customers."}
    missing = await client.patch(f"/api/v1/orgs/{org.slug}", json=body, headers=org.admin.headers)
    assert missing.status_code == 428
    assert missing.headers["content-type"] == PROBLEM
    ok = await client.patch(
        f"/api/v1/orgs/{org.slug}", json=body, headers={**org.admin.headers, "If-Match": etag}
    )
    assert ok.status_code == 200
    assert ok.json()["sms_scope"] == body["sms_scope"]
    assert ok.headers["etag"] != etag
    stale = await client.patch(
        f"/api/v1/orgs/{org.slug}",
        json={"name": "Stale"},
        headers={**org.admin.headers, "If-Match": etag},
    )
    assert stale.status_code == 412
    assert stale.json()["type"] == "urn:certready:problem:precondition-failed"
    current = await client.get(f"/api/v1/orgs/{org.slug}", headers=org.admin.headers)
    assert current.json()["name"] == "Acme IT"


async def test_concurrent_patches_with_same_etag_one_wins(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    etag = (await client.get(f"/api/v1/orgs/{org.slug}", headers=org.admin.headers)).headers["etag"]
    results: dict[str, int] = {}

    async def patch(name: str) -> None:
        r = await client.patch(
            f"/api/v1/orgs/{org.slug}",
            json={"name": name},
            headers={**org.admin.headers, "If-Match": etag},
        )
        results[name] = r.status_code

    async with anyio.create_task_group() as tg:
        tg.start_soon(patch, "Winner A")
        tg.start_soon(patch, "Winner B")
    assert sorted(results.values()) == [200, 412]
    winner = next(k for k, v in results.items() if v == 200)
    final = await client.get(f"/api/v1/orgs/{org.slug}", headers=org.admin.headers)
    assert final.json()["name"] == winner
    assert final.json()["version"] == 2


async def test_other_org_gets_404_identical_to_missing(client: httpx.AsyncClient) -> None:
    acme = await first_run(client)
    globex = await second_org(client, acme)
    foreign = await client.get(f"/api/v1/orgs/{globex.slug}", headers=acme.admin.headers)
    missing = await client.get("/api/v1/orgs/does-not-exist", headers=acme.admin.headers)
    assert foreign.status_code == missing.status_code == 404
    assert foreign.json() == missing.json()
    assert foreign.headers["content-type"] == PROBLEM
    for method, path, body in [
        ("PATCH", f"/api/v1/orgs/{globex.slug}", {"name": "Pwned"}),
        ("GET", f"/api/v1/orgs/{globex.slug}/members", None),
        (
            "POST",
            f"/api/v1/orgs/{globex.slug}/invitations",
            {"email": "x@x.example", "role": "admin"},
        ),
        ("GET", f"/api/v1/orgs/{globex.slug}/invitations", None),
        ("DELETE", f"/api/v1/orgs/{globex.slug}/members/{globex.admin.user_id}", None),
        ("GET", f"/api/v1/orgs/{globex.slug}/activity", None),
    ]:
        r = await client.request(
            method, path, json=body, headers={**acme.admin.headers, "If-Match": "*"}
        )
        assert r.status_code == 404, (method, path)
        assert r.json() == missing.json()
    after = await client.get(f"/api/v1/orgs/{globex.slug}", headers=globex.admin.headers)
    assert after.json()["name"] == "Globex Corp"
    assert after.json()["version"] == 1
    members = await client.get(f"/api/v1/orgs/{globex.slug}/members", headers=globex.admin.headers)
    assert members.json()["total"] == 1
    listed = await client.get("/api/v1/orgs", headers=acme.admin.headers)
    assert [o["slug"] for o in listed.json()["items"]] == ["acme"]


@pytest.mark.parametrize(
    "field",
    [
        {"id": "00000000-0000-0000-0000-000000000000"},
        {"version": 99},
        {"slug": "evil"},
        {"org_id": "x"},
        {"created_at": "2020-01-01T00:00:00Z"},
    ],
)
async def test_mass_assignment_is_422_and_changes_nothing(
    client: httpx.AsyncClient, field: dict[str, object]
) -> None:
    org = await first_run(client)
    r = await client.patch(
        f"/api/v1/orgs/{org.slug}",
        json={"name": "Changed", **field},
        headers={**org.admin.headers, "If-Match": "*"},
    )
    assert r.status_code == 422
    assert r.headers["content-type"] == PROBLEM
    assert r.json()["errors"]
    after = (await client.get(f"/api/v1/orgs/{org.slug}", headers=org.admin.headers)).json()
    assert after["name"] == "Acme IT" and after["version"] == 1 and after["slug"] == "acme"


async def test_member_role_cannot_be_set_by_mass_assignment(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    viewer = await add_member(client, org, "viewer")
    r = await client.patch(
        f"/api/v1/orgs/{org.slug}/members/{viewer.user_id}",
        json={"role": "viewer", "is_admin": True},
        headers=org.admin.headers,
    )
    assert r.status_code == 422


WRITES = [
    ("PATCH", "/api/v1/orgs/{slug}", {"name": "X"}),
    ("POST", "/api/v1/orgs/{slug}/invitations", {"email": "new@x.example", "role": "viewer"}),
    ("GET", "/api/v1/orgs/{slug}/invitations", None),
    ("DELETE", "/api/v1/orgs/{slug}/invitations/00000000-0000-0000-0000-000000000000", None),
    ("PATCH", "/api/v1/orgs/{slug}/members/{admin}", {"role": "viewer"}),
    ("DELETE", "/api/v1/orgs/{slug}/members/{admin}", None),
]


@pytest.mark.parametrize(
    "role", ["sms_manager", "process_owner", "auditor", "external_auditor", "viewer"]
)
async def test_non_admins_cannot_manage_org_or_members(
    client: httpx.AsyncClient, role: str
) -> None:
    org = await first_run(client)
    member = await add_member(client, org, role)
    for method, path, body in WRITES:
        url = path.format(slug=org.slug, admin=org.admin.user_id)
        r = await client.request(
            method, url, json=body, headers={**member.headers, "If-Match": "*"}
        )
        assert r.status_code == 403, (role, method, url, r.text)
        assert r.headers["content-type"] == PROBLEM
    # reads are allowed for every role
    assert (
        await client.get(f"/api/v1/orgs/{org.slug}/members", headers=member.headers)
    ).status_code == 200
    after = await client.get(f"/api/v1/orgs/{org.slug}/members", headers=org.admin.headers)
    assert after.json()["total"] == 2


async def test_sms_manager_cannot_grant_self_admin(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    manager = await add_member(client, org, "sms_manager")
    r = await client.patch(
        f"/api/v1/orgs/{org.slug}/members/{manager.user_id}",
        json={"role": "admin"},
        headers=manager.headers,
    )
    assert r.status_code == 403
    members = (
        await client.get(f"/api/v1/orgs/{org.slug}/members", headers=org.admin.headers)
    ).json()["items"]
    assert {m["email"]: m["role"] for m in members}[manager.email] == "sms_manager"


async def test_last_admin_cannot_be_removed_or_demoted(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    other_admin = await add_member(client, org, "admin")
    r = await client.patch(
        f"/api/v1/orgs/{org.slug}/members/{org.admin.user_id}",
        json={"role": "viewer"},
        headers=other_admin.headers,
    )
    assert r.status_code == 200
    r = await client.delete(
        f"/api/v1/orgs/{org.slug}/members/{other_admin.user_id}", headers=other_admin.headers
    )
    assert r.status_code == 409
    assert r.json()["detail"] == "An organisation needs at least one admin."


async def test_inviting_an_existing_member_is_409_and_new_member_can_log_in(
    client: httpx.AsyncClient,
) -> None:
    org = await first_run(client)
    member = await add_member(client, org, "auditor", email="aud@acme.example")
    r = await client.post(
        f"/api/v1/orgs/{org.slug}/invitations",
        json={"email": "AUD@acme.example", "role": "viewer"},
        headers=org.admin.headers,
    )
    assert r.status_code == 409
    assert r.headers["content-type"] == PROBLEM
    assert (await login(client, "aud@acme.example")).user_id == member.user_id
    # adding a person directly is gone: membership is only by invitation
    r = await client.post(
        f"/api/v1/orgs/{org.slug}/members",
        json={"email": "x@acme.example", "full_name": "X", "role": "viewer", "password": PASSWORD},
        headers=org.admin.headers,
    )
    assert r.status_code == 405


async def test_members_list_pages_with_cursor(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    for i in range(4):
        await add_member(client, org, "viewer", email=f"v{i}@acme.example")
    seen: list[str] = []
    cursor = None
    while True:
        params = {"limit": 2, **({"cursor": cursor} if cursor else {})}
        page = (
            await client.get(
                f"/api/v1/orgs/{org.slug}/members", params=params, headers=org.admin.headers
            )
        ).json()
        assert page["total"] == 5
        seen += [m["email"] for m in page["items"]]
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert seen == sorted(seen) and len(seen) == 5
    bad = await client.get(
        f"/api/v1/orgs/{org.slug}/members", params={"limit": 501}, headers=org.admin.headers
    )
    assert bad.status_code == 422
    bad = await client.get(
        f"/api/v1/orgs/{org.slug}/members", params={"cursor": "garbage!"}, headers=org.admin.headers
    )
    assert bad.status_code == 422
    assert bad.json()["errors"][0]["loc"] == ["query", "cursor"]


async def test_members_filtered_by_what_their_role_allows(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    owner = await add_member(client, org, "process_owner", email="po@acme.example")
    await add_member(client, org, "external_auditor", email="cb@acme.example")
    await add_member(client, org, "auditor", email="au@acme.example")
    await add_member(client, org, "viewer", email="vi@acme.example")

    async def emails(can: str) -> list[str]:
        r = await client.get(
            f"/api/v1/orgs/{org.slug}/members", params={"can": can}, headers=owner.headers
        )
        assert r.status_code == 200, r.text
        assert r.json()["total"] == len(r.json()["items"])
        return [m["email"] for m in r.json()["items"]]

    # Owners of measures: admin and process owner; the certification body's auditor is not one.
    assert await emails("measures:write") == ["admin@acme.example", "po@acme.example"]
    assert await emails("audits:manage") == ["admin@acme.example", "au@acme.example"]
    assert await emails("audits:conduct") == [
        "admin@acme.example",
        "au@acme.example",
        "cb@acme.example",
    ]
    assert len(await emails("members:read")) == 5
    assert await emails("members:manage") == ["admin@acme.example"]


async def test_members_filter_with_an_unknown_action_is_422(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    r = await client.get(
        f"/api/v1/orgs/{org.slug}/members",
        params={"can": "members:destroy"},
        headers=org.admin.headers,
    )
    assert r.status_code == 422
    assert r.headers["content-type"] == PROBLEM
    assert r.json()["errors"][0]["loc"] == ["query", "can"]
