"""A revoked login session ends its access tokens at once, not 15 minutes later (J8)."""

from __future__ import annotations

import httpx
from jose import jwt

from tests.factories.auth import PASSWORD, first_run, login


async def _me(client: httpx.AsyncClient, access_token: str) -> int:
    r = await client.get("/api/v1/me", headers={"Authorization": f"Bearer {access_token}"})
    return r.status_code


async def _refresh(client: httpx.AsyncClient, refresh_token: str) -> httpx.Response:
    return await client.post("/api/v1/auth/refresh", json={"refresh_token": refresh_token})


async def test_access_tokens_carry_their_session(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    first = jwt.get_unverified_claims(org.admin.access_token)
    r = await _refresh(client, org.admin.refresh_token)
    assert r.status_code == 200, r.text
    rotated = jwt.get_unverified_claims(r.json()["access_token"])
    assert first["sid"] == rotated["sid"]  # rotation stays in the family
    other = await login(client, org.admin.email)
    assert jwt.get_unverified_claims(other.access_token)["sid"] != first["sid"]


async def test_refresh_token_reuse_ends_the_familys_access_tokens_at_once(
    client: httpx.AsyncClient,
) -> None:
    org = await first_run(client)
    stolen = org.admin.refresh_token
    r = await _refresh(client, stolen)  # the thief (or the user) rotates it
    assert r.status_code == 200, r.text
    rotated = r.json()
    other_session = await login(client, org.admin.email, PASSWORD)
    assert await _me(client, org.admin.access_token) == 200
    assert await _me(client, rotated["access_token"]) == 200

    r = await _refresh(client, stolen)  # reuse of the rotated token: the family is revoked
    assert r.status_code == 401
    assert await _me(client, org.admin.access_token) == 401
    assert await _me(client, rotated["access_token"]) == 401
    assert (await _refresh(client, rotated["refresh_token"])).status_code == 401
    # another login session of the same person is not affected
    assert await _me(client, other_session.access_token) == 200


async def test_logout_with_the_refresh_token_ends_the_sessions_access_tokens(
    client: httpx.AsyncClient,
) -> None:
    org = await first_run(client)
    r = await _refresh(client, org.admin.refresh_token)
    rotated = r.json()
    r = await client.post(
        "/api/v1/auth/logout",
        json={"refresh_token": rotated["refresh_token"]},
        headers={"Authorization": f"Bearer {rotated['access_token']}"},
    )
    assert r.status_code == 204, r.text
    # the earlier access token of the same session was not the one logged out: still refused
    assert await _me(client, org.admin.access_token) == 401
