"""Invitations (issue 11): the inviting organisation learns nothing about the address; the
token is one-time, expiring and hashed; every unusable token gets the same problem."""

from __future__ import annotations

import hashlib
import re

import anyio
import httpx
from sqlalchemy import text

from tests.factories.auth import (
    PASSWORD,
    add_member,
    first_run,
    invite,
    login,
    second_org,
    token_of,
)

PROBLEM = "application/problem+json"
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
STAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)?")
TOKEN = re.compile(r"cri_[A-Za-z0-9_-]+")


def _neutral(raw: bytes, email: str) -> bytes:
    """The answer with what must differ (ids, times, the token, the address) masked."""
    body = raw.decode()
    body = UUID.sub("<id>", STAMP.sub("<time>", TOKEN.sub("<token>", body)))
    return body.replace(email, "<email>").encode()


async def _invite_raw(client: httpx.AsyncClient, slug: str, headers: dict[str, str], email: str):  # type: ignore[no-untyped-def]
    return await client.post(
        f"/api/v1/orgs/{slug}/invitations",
        json={"email": email, "role": "auditor"},
        headers=headers,
    )


async def test_same_answer_for_an_account_elsewhere_and_no_account(
    client: httpx.AsyncClient,
) -> None:
    acme = await first_run(client)
    globex = await second_org(client, acme)  # admin@globex.example: an account in Globex
    known = await _invite_raw(client, acme.slug, acme.admin.headers, "admin@globex.example")
    unknown = await _invite_raw(client, acme.slug, acme.admin.headers, "nobody@nowhere.example")
    assert known.status_code == unknown.status_code == 201
    assert known.headers["content-type"] == unknown.headers["content-type"]
    assert _neutral(known.content, "admin@globex.example") == _neutral(
        unknown.content, "nobody@nowhere.example"
    )
    assert "Globex" not in known.text and "Ada" not in known.text
    body = known.json()
    assert body["delivery"] == "link" and body["status"] == "pending"
    assert set(body) == {
        "id",
        "email",
        "role",
        "status",
        "created_at",
        "expires_at",
        "delivery",
        "accept_url",
    }
    listed = await client.get(f"/api/v1/orgs/{acme.slug}/invitations", headers=acme.admin.headers)
    items = listed.json()["items"]
    assert [i["email"] for i in items] == ["nobody@nowhere.example", "admin@globex.example"]
    assert _neutral(str(items[1]).encode(), "admin@globex.example") == _neutral(
        str(items[0]).encode(), "nobody@nowhere.example"
    )
    assert all("accept_url" not in i for i in items)

    # the person accepts signed in with their Globex account; their Globex session goes on
    token = token_of(body)
    preview = await client.post("/api/v1/invitations/lookup", json={"token": token})
    assert preview.status_code == 200
    assert preview.json()["organisation_name"] == "Acme IT"
    assert preview.json()["email"] == "admin@globex.example"
    r = await client.post(
        "/api/v1/invitations/accept", json={"token": token}, headers=globex.admin.headers
    )
    assert r.status_code == 200, r.text
    assert r.json() == {
        "org_slug": "acme",
        "org_name": "Acme IT",
        "role": "auditor",
        "email": "admin@globex.example",
    }
    me = (await client.get("/api/v1/me", headers=globex.admin.headers)).json()
    assert {m["org_slug"]: m["role"] for m in me["memberships"]} == {
        "acme": "auditor",
        "globex": "admin",
    }
    assert (
        await client.get(f"/api/v1/orgs/{globex.slug}", headers=globex.admin.headers)
    ).status_code == 200
    # used up: the same link again is the invalid-link problem
    again = await client.post(
        "/api/v1/invitations/accept", json={"token": token}, headers=globex.admin.headers
    )
    assert again.status_code == 404
    assert again.json()["type"] == "urn:certready:problem:invitation-not-valid"
    actions = [
        e["action"]
        for e in (
            await client.get(
                f"/api/v1/orgs/{acme.slug}/activity",
                params={"object_type": "invitation"},
                headers=acme.admin.headers,
            )
        ).json()["items"]
    ]
    # (second_org's earlier invitation of the same person comes first)
    assert actions == [
        "invitation.accept",
        "invitation.create",
        "invitation.create",
        "invitation.accept",
        "invitation.create",
    ]


async def test_new_address_sets_a_password_and_can_log_in(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    invitation = await invite(client, org, "New.Person@Acme.example", "process_owner")
    assert invitation["email"] == "new.person@acme.example"
    token = token_of(invitation)
    weak = await client.post(
        "/api/v1/invitations/register",
        json={"token": token, "full_name": "Nia New", "password": "short"},
    )
    assert weak.status_code == 422
    assert weak.headers["content-type"] == PROBLEM
    r = await client.post(
        "/api/v1/invitations/register",
        json={"token": token, "full_name": "Nia New", "password": PASSWORD},
    )
    assert r.status_code == 201, r.text
    assert r.json()["org_slug"] == "acme" and r.json()["role"] == "process_owner"
    person = await login(client, "new.person@acme.example")
    me = (await client.get("/api/v1/me", headers=person.headers)).json()
    assert me["full_name"] == "Nia New"
    assert [(m["org_slug"], m["role"]) for m in me["memberships"]] == [("acme", "process_owner")]
    # one-time: the link cannot make a second account or membership
    again = await client.post(
        "/api/v1/invitations/register",
        json={"token": token, "full_name": "Someone Else", "password": PASSWORD + "x"},
    )
    assert again.status_code == 404
    assert (await login(client, "new.person@acme.example")).user_id == person.user_id
    listed = await client.get(f"/api/v1/orgs/{org.slug}/invitations", headers=org.admin.headers)
    assert listed.json()["total"] == 0


async def test_unusable_tokens_get_one_problem_and_change_nothing(
    client: httpx.AsyncClient, database
) -> None:  # type: ignore[no-untyped-def]
    org = await first_run(client)
    expired = token_of(await invite(client, org, "late@acme.example", "viewer"))
    async with database.transaction() as session:
        await session.execute(
            text("UPDATE invitation SET expires_at = created_at WHERE email = 'late@acme.example'")
        )
    revoked_inv = await invite(client, org, "gone@acme.example", "viewer")
    r = await client.delete(
        f"/api/v1/orgs/{org.slug}/invitations/{revoked_inv['id']}", headers=org.admin.headers
    )
    assert r.status_code == 204
    old = token_of(await invite(client, org, "twice@acme.example", "viewer"))
    newer = token_of(await invite(client, org, "twice@acme.example", "auditor"))
    used = token_of(await invite(client, org, "used@acme.example", "viewer"))
    ok = await client.post(
        "/api/v1/invitations/register",
        json={"token": used, "full_name": "Una Used", "password": PASSWORD},
    )
    assert ok.status_code == 201
    forged = "cri_" + "A" * 43
    bodies = []
    for token in (expired, token_of(revoked_inv), old, used, forged, "x"):
        for path, body in (
            ("/api/v1/invitations/lookup", {"token": token}),
            (
                "/api/v1/invitations/register",
                {"token": token, "full_name": "Mal Lory", "password": PASSWORD},
            ),
        ):
            r = await client.post(path, json=body)
            assert r.status_code == 404, (token, path, r.text)
            assert r.headers["content-type"] == PROBLEM
            bodies.append(r.content)
    assert len(set(bodies)) == 1
    assert b"invitation-not-valid" in bodies[0]
    # nothing changed: no account, no membership beyond the one accepted invitation
    members = await client.get(f"/api/v1/orgs/{org.slug}/members", headers=org.admin.headers)
    assert sorted(m["email"] for m in members.json()["items"]) == [
        "admin@acme.example",
        "used@acme.example",
    ]
    r = await client.post(
        "/api/v1/auth/token", data={"username": "late@acme.example", "password": PASSWORD}
    )
    assert r.status_code == 401
    # the newer invitation supersedes the old one and works, with its role
    r = await client.post(
        "/api/v1/invitations/register",
        json={"token": newer, "full_name": "Tia Twice", "password": PASSWORD},
    )
    assert r.status_code == 201 and r.json()["role"] == "auditor"
    # revoking a closed invitation is a conflict
    r = await client.delete(
        f"/api/v1/orgs/{org.slug}/invitations/{revoked_inv['id']}", headers=org.admin.headers
    )
    assert r.status_code == 409


async def test_only_the_token_hash_is_stored(client: httpx.AsyncClient, database) -> None:  # type: ignore[no-untyped-def]
    org = await first_run(client)
    token = token_of(await invite(client, org, "hash@acme.example", "viewer"))
    async with database.transaction() as session:
        stored = (await session.execute(text("SELECT token_hash FROM invitation"))).scalar_one()
    assert stored == hashlib.sha256(token.encode()).hexdigest()
    assert token not in stored


async def test_accepting_needs_the_invited_account(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    other = await add_member(client, org, "viewer", email="other@acme.example")
    await second_org(client, org)
    token = token_of(await invite(client, org, "admin@globex.example", "viewer"))
    wrong = await client.post(
        "/api/v1/invitations/accept", json={"token": token}, headers=other.headers
    )
    assert wrong.status_code == 403
    anonymous = await client.post("/api/v1/invitations/accept", json={"token": token})
    assert anonymous.status_code == 401
    # a new account for an address that has one is refused; its password is untouched
    r = await client.post(
        "/api/v1/invitations/register",
        json={"token": token, "full_name": "Mal Lory", "password": PASSWORD + " changed"},
    )
    assert r.status_code == 409
    assert (await login(client, "admin@globex.example")).email == "admin@globex.example"
    r = await client.post(
        "/api/v1/auth/token",
        data={"username": "admin@globex.example", "password": PASSWORD + " changed"},
    )
    assert r.status_code == 401
    # still open for the right person
    preview = await client.post("/api/v1/invitations/lookup", json={"token": token})
    assert preview.status_code == 200


async def test_invitations_are_tenant_isolated(client: httpx.AsyncClient) -> None:
    acme = await first_run(client)
    globex = await second_org(client, acme)
    theirs = await invite(client, globex, "x@globex.example", "viewer")
    for method, path in (
        ("GET", f"/api/v1/orgs/{globex.slug}/invitations"),
        ("POST", f"/api/v1/orgs/{globex.slug}/invitations"),
        ("DELETE", f"/api/v1/orgs/{globex.slug}/invitations/{theirs['id']}"),
        ("DELETE", f"/api/v1/orgs/{acme.slug}/invitations/{theirs['id']}"),
    ):
        r = await client.request(
            method, path, json={"email": "y@x.example", "role": "admin"}, headers=acme.admin.headers
        )
        assert r.status_code == 404, (method, path)
    listed = await client.get(
        f"/api/v1/orgs/{globex.slug}/invitations", headers=globex.admin.headers
    )
    assert [i["email"] for i in listed.json()["items"]] == ["x@globex.example"]
    mine = await client.get(f"/api/v1/orgs/{acme.slug}/invitations", headers=acme.admin.headers)
    assert mine.json()["total"] == 0


async def test_public_endpoints_are_throttled_per_client(client: httpx.AsyncClient) -> None:
    await first_run(client)
    codes = []
    for i in range(31):
        r = await client.post("/api/v1/invitations/lookup", json={"token": f"cri_guess{i}"})
        codes.append(r.status_code)
    assert codes == [404] * 30 + [429]
    assert r.headers["content-type"] == PROBLEM and int(r.headers["retry-after"]) > 0


async def test_concurrent_uses_of_one_link_have_exactly_one_winner(
    client: httpx.AsyncClient,
) -> None:
    org = await first_run(client)
    token = token_of(await invite(client, org, "race@acme.example", "viewer"))
    codes: list[int] = []

    async def register(i: int) -> None:
        r = await client.post(
            "/api/v1/invitations/register",
            json={"token": token, "full_name": f"Racer {i}", "password": PASSWORD},
        )
        codes.append(r.status_code)

    async with anyio.create_task_group() as tg:
        for i in range(6):
            tg.start_soon(register, i)
    assert sorted(codes) == [201] + [404] * 5, codes
    members = await client.get(f"/api/v1/orgs/{org.slug}/members", headers=org.admin.headers)
    assert members.json()["total"] == 2
