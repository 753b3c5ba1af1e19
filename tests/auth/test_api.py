"""Setup, login, refresh rotation, logout and revocation (SECURITY.md A1-A8)."""

from __future__ import annotations

import httpx
import pytest
from certready.orgs.enums import Role
from certready.orgs.permissions import PERMISSIONS, Action

from tests.factories.auth import PASSWORD, add_member, first_run, login

PROBLEM = "application/problem+json"


async def test_setup_runs_once_only(client: httpx.AsyncClient) -> None:
    assert (await client.get("/api/v1/setup")).json() == {"needed": True}
    await first_run(client)
    assert (await client.get("/api/v1/setup")).json() == {"needed": False}
    r = await client.post(
        "/api/v1/setup",
        json={
            "organisation": {"name": "Evil", "slug": "evil"},
            "admin": {"email": "evil@evil.example", "full_name": "Eve", "password": PASSWORD},
        },
    )
    assert r.status_code == 409
    assert r.headers["content-type"] == PROBLEM
    assert r.json()["type"] == "urn:certready:problem:conflict"
    # nothing was created by the refused call
    r = await client.post(
        "/api/v1/auth/token", data={"username": "evil@evil.example", "password": PASSWORD}
    )
    assert r.status_code == 401


async def test_setup_rejects_weak_password_and_creates_nothing(client: httpx.AsyncClient) -> None:
    r = await client.post(
        "/api/v1/setup",
        json={
            "organisation": {"name": "Acme", "slug": "acme"},
            "admin": {"email": "a@acme.example", "full_name": "Ada", "password": "password1"},
        },
    )
    assert r.status_code == 422
    assert r.json()["errors"][0]["loc"] == ["body", "admin", "password"]
    assert (await client.get("/api/v1/setup")).json() == {"needed": True}


async def test_login_returns_tokens_and_me_lists_memberships(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    me = await client.get("/api/v1/me", headers=org.admin.headers)
    assert me.status_code == 200
    body = me.json()
    assert body["email"] == "admin@acme.example"
    [membership] = body["memberships"]
    assert {k: v for k, v in membership.items() if k != "permissions"} == {
        "org_id": org.id,
        "org_slug": "acme",
        "org_name": "Acme IT",
        "role": "admin",
    }


async def test_me_lists_each_memberships_permissions_from_the_table(
    client: httpx.AsyncClient,
) -> None:
    org = await first_run(client)
    owner = await add_member(client, org, "process_owner")
    admin = (await client.get("/api/v1/me", headers=org.admin.headers)).json()
    # The admin may do everything in the table, sorted by value.
    assert admin["memberships"][0]["permissions"] == sorted(a.value for a in Action)
    mine = (await client.get("/api/v1/me", headers=owner.headers)).json()["memberships"][0]
    assert mine["role"] == "process_owner"
    assert mine["permissions"] == sorted(a.value for a in PERMISSIONS[Role.process_owner])
    assert "measures:write" in mine["permissions"]
    assert "requirements:edit_own" in mine["permissions"]
    assert "requirements:edit" not in mine["permissions"]
    assert "members:manage" not in mine["permissions"]


async def test_wrong_password_and_unknown_user_get_the_same_401(client: httpx.AsyncClient) -> None:
    await first_run(client)
    wrong = await client.post(
        "/api/v1/auth/token", data={"username": "admin@acme.example", "password": "nope-nope-nope"}
    )
    unknown = await client.post(
        "/api/v1/auth/token", data={"username": "ghost@acme.example", "password": "nope-nope-nope"}
    )
    assert wrong.status_code == unknown.status_code == 401
    assert wrong.json() == unknown.json()
    assert wrong.headers["www-authenticate"] == "Bearer"


async def test_refresh_rotates_and_reuse_revokes_the_family(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    first = org.admin.refresh_token
    r = await client.post("/api/v1/auth/refresh", json={"refresh_token": first})
    assert r.status_code == 200
    second = r.json()["refresh_token"]
    assert second != first
    # reusing the rotated token is refused and revokes the whole family ...
    assert (
        await client.post("/api/v1/auth/refresh", json={"refresh_token": first})
    ).status_code == 401
    # ... so even the newest token of that family no longer works
    assert (
        await client.post("/api/v1/auth/refresh", json={"refresh_token": second})
    ).status_code == 401
    # a fresh login starts a new family
    again = await login(client, org.admin.email)
    assert (
        await client.post("/api/v1/auth/refresh", json={"refresh_token": again.refresh_token})
    ).status_code == 200


async def test_logout_revokes_access_and_refresh_token(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    other = await login(client, org.admin.email)
    r = await client.post(
        "/api/v1/auth/logout",
        json={"refresh_token": org.admin.refresh_token},
        headers=org.admin.headers,
    )
    assert r.status_code == 204
    assert (await client.get("/api/v1/me", headers=org.admin.headers)).status_code == 401
    assert (
        await client.post("/api/v1/auth/refresh", json={"refresh_token": org.admin.refresh_token})
    ).status_code == 401
    # another session of the same user is untouched by a single logout
    assert (await client.get("/api/v1/me", headers=other.headers)).status_code == 200


async def test_logout_all_revokes_every_session(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    other = await login(client, org.admin.email)
    r = await client.post("/api/v1/auth/logout", json={"all": True}, headers=org.admin.headers)
    assert r.status_code == 204
    assert (await client.get("/api/v1/me", headers=other.headers)).status_code == 401
    assert (
        await client.post("/api/v1/auth/refresh", json={"refresh_token": other.refresh_token})
    ).status_code == 401


async def test_password_change_revokes_tokens(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    new = "a different long passphrase 77"
    r = await client.post(
        "/api/v1/me/password",
        json={"current_password": PASSWORD, "new_password": new},
        headers=org.admin.headers,
    )
    assert r.status_code == 204
    assert (await client.get("/api/v1/me", headers=org.admin.headers)).status_code == 401
    await login(client, org.admin.email, new)


async def test_role_change_and_removal_revoke_tokens_for_that_membership(
    client: httpx.AsyncClient,
) -> None:
    """Revocation is per membership (issue 11): the organisation's routes refuse the token;
    the person's account and other organisations are not the organisation's to end."""
    org = await first_run(client)
    member = await add_member(client, org, "auditor")
    org_url = f"/api/v1/orgs/{org.slug}"
    assert (await client.get(org_url, headers=member.headers)).status_code == 200
    r = await client.patch(
        f"{org_url}/members/{member.user_id}",
        json={"role": "viewer"},
        headers=org.admin.headers,
    )
    assert r.status_code == 200
    assert (await client.get(org_url, headers=member.headers)).status_code == 401
    member = await login(client, member.email)
    assert (await client.get(org_url, headers=member.headers)).status_code == 200
    r = await client.delete(f"{org_url}/members/{member.user_id}", headers=org.admin.headers)
    assert r.status_code == 204
    assert (await client.get(org_url, headers=member.headers)).status_code == 404
    me = await client.get("/api/v1/me", headers=member.headers)
    assert me.status_code == 200 and me.json()["memberships"] == []


async def test_login_is_throttled_per_account_with_same_answer_for_unknown(
    client: httpx.AsyncClient,
) -> None:
    await first_run(client)
    for _ in range(5):
        r = await client.post(
            "/api/v1/auth/token", data={"username": "admin@acme.example", "password": "wrong-wrong"}
        )
        assert r.status_code == 401
    r = await client.post(
        "/api/v1/auth/token", data={"username": "admin@acme.example", "password": PASSWORD}
    )
    assert r.status_code == 429
    assert int(r.headers["retry-after"]) > 0
    assert r.headers["content-type"] == PROBLEM
    for _ in range(5):
        await client.post(
            "/api/v1/auth/token", data={"username": "ghost@acme.example", "password": "wrong-wrong"}
        )
    ghost = await client.post(
        "/api/v1/auth/token", data={"username": "ghost@acme.example", "password": "wrong-wrong"}
    )
    assert ghost.status_code == 429
    assert ghost.json()["title"] == r.json()["title"]


async def test_login_is_throttled_per_client(client: httpx.AsyncClient) -> None:
    await first_run(client)  # one successful login from this client already counts
    statuses = []
    for i in range(20):
        r = await client.post(
            "/api/v1/auth/token", data={"username": f"user{i}@x.example", "password": "wrong-wrong"}
        )
        statuses.append(r.status_code)
    assert statuses[:19] == [401] * 19
    assert statuses[19] == 429


@pytest.mark.parametrize("header", ["", "Bearer", "Bearer not-a-jwt", "Basic YWRtaW46YWRtaW4="])
async def test_missing_or_malformed_credentials_are_401(
    client: httpx.AsyncClient, header: str
) -> None:
    await first_run(client)
    r = await client.get("/api/v1/me", headers={"Authorization": header} if header else {})
    assert r.status_code == 401
    assert r.headers["content-type"] == PROBLEM
    assert r.headers["www-authenticate"] == "Bearer"


async def test_token_in_query_string_is_refused(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    r = await client.get(
        "/api/v1/me", params={"access_token": org.admin.access_token}, headers=org.admin.headers
    )
    assert r.status_code == 401


async def test_disabled_account_is_refused_at_once(client: httpx.AsyncClient, database) -> None:  # type: ignore[no-untyped-def]
    from certready.auth.models import User
    from certready.auth.service import revoke_all_sessions
    from sqlalchemy import select

    org = await first_run(client)
    async with database.transaction() as session:
        user = (
            (await session.execute(select(User).where(User.email == org.admin.email)))
            .scalars()
            .one()
        )
        user.is_active = False
        await revoke_all_sessions(session, user)
    assert (await client.get("/api/v1/me", headers=org.admin.headers)).status_code == 401
    r = await client.post(
        "/api/v1/auth/token", data={"username": org.admin.email, "password": PASSWORD}
    )
    assert r.status_code == 401
