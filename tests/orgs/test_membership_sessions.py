"""Revocation per membership: an organisation's admin ends access to their organisation only."""

from __future__ import annotations

import httpx

from tests.factories.auth import add_member, first_run, login, second_org


async def _both(client: httpx.AsyncClient) -> tuple[str, str, dict[str, str], str, str]:
    """Acme, Globex, and Globex's admin who is also an Acme viewer (one person, two orgs)."""
    acme = await first_run(client)
    globex = await second_org(client, acme)
    person = await add_member(client, acme, "viewer", email=globex.admin.email)
    return acme.slug, globex.slug, acme.admin.headers, person.user_id, person.access_token


async def test_removal_ends_that_org_only_and_keeps_the_other_session(
    client: httpx.AsyncClient,
) -> None:
    acme, globex, acme_admin, person_id, token = await _both(client)
    headers = {"Authorization": f"Bearer {token}"}
    assert (await client.get(f"/api/v1/orgs/{acme}", headers=headers)).status_code == 200
    r = await client.delete(f"/api/v1/orgs/{acme}/members/{person_id}", headers=acme_admin)
    assert r.status_code == 204, r.text
    # the very same access token: Acme is gone at once, Globex keeps working
    gone = await client.get(f"/api/v1/orgs/{acme}/requirements", headers=headers)
    assert gone.status_code == 404
    assert (await client.get(f"/api/v1/orgs/{globex}", headers=headers)).status_code == 200
    me = (await client.get("/api/v1/me", headers=headers)).json()
    assert [m["org_slug"] for m in me["memberships"]] == [globex]
    # an admin of Acme cannot touch Globex's membership of the person
    r = await client.delete(f"/api/v1/orgs/{globex}/members/{person_id}", headers=acme_admin)
    assert r.status_code == 404


async def test_role_change_ends_sessions_in_that_org_only(client: httpx.AsyncClient) -> None:
    acme, globex, acme_admin, person_id, token = await _both(client)
    headers = {"Authorization": f"Bearer {token}"}
    r = await client.patch(
        f"/api/v1/orgs/{acme}/members/{person_id}", json={"role": "auditor"}, headers=acme_admin
    )
    assert r.status_code == 200, r.text
    assert r.json()["role"] == "auditor"
    assert (await client.get(f"/api/v1/orgs/{acme}", headers=headers)).status_code == 401
    assert (await client.get(f"/api/v1/orgs/{globex}", headers=headers)).status_code == 200
    # a fresh token works in Acme with the new role
    again = await login(client, "admin@globex.example")
    me = (await client.get("/api/v1/me", headers=again.headers)).json()
    assert {m["org_slug"]: m["role"] for m in me["memberships"]} == {
        acme: "auditor",
        globex: "admin",
    }
    assert (await client.get(f"/api/v1/orgs/{acme}", headers=again.headers)).status_code == 200
    # the same role again changes nothing and keeps the fresh session
    r = await client.patch(
        f"/api/v1/orgs/{acme}/members/{person_id}", json={"role": "auditor"}, headers=acme_admin
    )
    assert r.status_code == 200
    assert (await client.get(f"/api/v1/orgs/{acme}", headers=again.headers)).status_code == 200
    entries = (
        await client.get(
            f"/api/v1/orgs/{acme}/activity", params={"object_type": "member"}, headers=acme_admin
        )
    ).json()["items"]
    assert [e["action"] for e in entries].count("member.update") == 1
