"""Users and organisations created through the real API, with real tokens."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

import httpx

PASSWORD = "correct horse battery staple 42"


@dataclass
class Session:
    email: str
    access_token: str
    refresh_token: str
    user_id: str = ""
    headers: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.headers = {"Authorization": f"Bearer {self.access_token}"}


@dataclass
class OrgFixture:
    slug: str
    id: str
    admin: Session


async def login(client: httpx.AsyncClient, email: str, password: str = PASSWORD) -> Session:
    r = await client.post("/api/v1/auth/token", data={"username": email, "password": password})
    assert r.status_code == 200, r.text
    body = r.json()
    s = Session(email=email, access_token=body["access_token"], refresh_token=body["refresh_token"])
    me = await client.get("/api/v1/me", headers=s.headers)
    s.user_id = me.json()["id"]
    return s


async def first_run(
    client: httpx.AsyncClient, slug: str = "acme", email: str = "admin@acme.example"
) -> OrgFixture:
    r = await client.post(
        "/api/v1/setup",
        json={
            "organisation": {"name": slug.title() + " IT", "slug": slug},
            "admin": {"email": email, "full_name": "Ada Admin", "password": PASSWORD},
        },
    )
    assert r.status_code == 201, r.text
    admin = await login(client, email)
    return OrgFixture(slug=slug, id=r.json()["organisation"]["id"], admin=admin)


async def invite(
    client: httpx.AsyncClient, org: OrgFixture, email: str, role: str
) -> dict[str, object]:
    """The admin invites ``email``; without mail the answer carries the link (token) once."""
    r = await client.post(
        f"/api/v1/orgs/{org.slug}/invitations",
        json={"email": email, "role": role},
        headers=org.admin.headers,
    )
    assert r.status_code == 201, r.text
    body: dict[str, object] = r.json()
    return body


def token_of(invitation: dict[str, object]) -> str:
    url = invitation["accept_url"]
    assert isinstance(url, str) and "/invite/" in url, invitation
    return url.rsplit("/invite/", 1)[1]


async def accept_invitation(
    client: httpx.AsyncClient, token: str, email: str, full_name: str, password: str = PASSWORD
) -> Session:
    """Accept as the invited person: register a new account, or sign in and accept."""
    r = await client.post(
        "/api/v1/invitations/register",
        json={"token": token, "full_name": full_name, "password": password},
    )
    if r.status_code == 409 and r.json().get("field") == "email":
        session = await login(client, email, password)
        r = await client.post(
            "/api/v1/invitations/accept", json={"token": token}, headers=session.headers
        )
        assert r.status_code == 200, r.text
        return session
    assert r.status_code == 201, r.text
    return await login(client, email, password)


async def add_member(
    client: httpx.AsyncClient, org: OrgFixture, role: str, email: str | None = None
) -> Session:
    """A member with ``role``: invited by the admin, accepted by the person (any account)."""
    email = email or f"{role}-{uuid.uuid4().hex[:6]}@{org.slug}.example"
    invitation = await invite(client, org, email, role)
    return await accept_invitation(
        client, token_of(invitation), email.lower(), role.replace("_", " ").title()
    )


async def second_org(
    client: httpx.AsyncClient, first: OrgFixture, slug: str = "globex"
) -> OrgFixture:
    """Another tenant whose admin is not a member of ``first``.

    Accounts are created by accepting an invitation, so the first org's admin invites the
    person, they create their own organisation, and the first admin removes them.
    """
    newcomer = await add_member(client, first, "viewer", email=f"admin@{slug}.example")
    r = await client.post(
        "/api/v1/orgs",
        json={"name": slug.title() + " Corp", "slug": slug},
        headers=newcomer.headers,
    )
    assert r.status_code == 201, r.text
    org_id = r.json()["id"]
    r = await client.delete(
        f"/api/v1/orgs/{first.slug}/members/{newcomer.user_id}", headers=first.admin.headers
    )
    assert r.status_code == 204, r.text
    return OrgFixture(slug=slug, id=org_id, admin=newcomer)


async def designate_top_management(
    client: httpx.AsyncClient, org: OrgFixture, user_id: str, on: bool = True
) -> dict[str, object]:
    """An admin designates a member top management (or removes it), with If-Match."""
    url = f"/api/v1/orgs/{org.slug}/members"
    r = await client.get(url, params={"limit": 500}, headers=org.admin.headers)
    assert r.status_code == 200, r.text
    member = next(m for m in r.json()["items"] if m["user_id"] == str(user_id))
    r = await client.patch(
        f"{url}/{user_id}",
        json={"top_management": on},
        headers={**org.admin.headers, "If-Match": f'"{member["version"]}"'},
    )
    assert r.status_code == 200, r.text
    return dict(r.json())
