"""OpenID Connect sign-in against a real OpenID Provider (oidc-provider), both databases."""

from __future__ import annotations

import logging
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from certready.config import OidcProvider, Settings
from certready.db.session import Database
from certready.main import create_app
from certready.sso.models import OidcLogin
from sqlalchemy import text, update

from tests.factories.auth import OrgFixture, first_run
from tests.factories.oidc_provider import OpenIdProvider, drive_login, new_key

CALLBACK_PREFIX = "http://testserver/api/v1/auth/oidc/"


async def configure(client: httpx.AsyncClient, org: OrgFixture, **body: Any) -> httpx.Response:
    payload = {"provider_id": "test", "domains": ["acme.example"], **body}
    return await client.put(f"/api/v1/orgs/{org.slug}/sso", json=payload, headers=org.admin.headers)


async def sso(client: httpx.AsyncClient, login: str, provider_id: str = "test") -> str:
    """Sign in at the provider as ``login``; the SPA's fragment (``code=...`` or ``error=...``)."""
    start = await client.get(f"/api/v1/auth/oidc/{provider_id}/login")
    assert start.status_code == 303, start.text
    callback = await drive_login(start.headers["location"], login, CALLBACK_PREFIX)
    back = await client.get(callback.removeprefix("http://testserver"))
    assert back.status_code == 303, back.text
    location = back.headers["location"]
    assert location.startswith("/sso/callback#"), location
    return location.split("#", 1)[1]


async def exchange(client: httpx.AsyncClient, fragment: str) -> dict[str, Any]:
    assert fragment.startswith("code="), fragment
    r = await client.post("/api/v1/auth/oidc/exchange", json={"code": fragment[5:]})
    assert r.status_code == 200, r.text
    tokens: dict[str, Any] = r.json()
    me = await client.get(
        "/api/v1/me", headers={"Authorization": f"Bearer {tokens['access_token']}"}
    )
    assert me.status_code == 200
    return {**tokens, "me": me.json()}


async def activity(client: httpx.AsyncClient, org: OrgFixture, action: str) -> list[dict[str, Any]]:
    r = await client.get(f"/api/v1/orgs/{org.slug}/activity", headers=org.admin.headers)
    assert r.status_code == 200, r.text
    return [e for e in r.json()["items"] if e["action"] == action]


async def test_providers_listed_for_the_login_page(client: httpx.AsyncClient) -> None:
    r = await client.get("/api/v1/auth/oidc/providers")
    assert r.status_code == 200
    assert r.json() == {
        "items": [{"id": "test", "name": "Test IdP", "login_url": "/api/v1/auth/oidc/test/login"}]
    }
    assert (await client.get("/api/v1/auth/oidc/nope/login")).status_code == 404


async def test_login_redirect_carries_pkce_state_nonce(client: httpx.AsyncClient) -> None:
    start = await client.get("/api/v1/auth/oidc/test/login")
    query = parse_qs(urlsplit(start.headers["location"]).query)
    assert query["code_challenge_method"] == ["S256"]
    assert len(query["code_challenge"][0]) == 43
    assert len(query["state"][0]) >= 40 and len(query["nonce"][0]) >= 40
    assert query["redirect_uri"] == ["http://testserver/api/v1/auth/oidc/test/callback"]
    cookie = start.headers["set-cookie"]
    assert "certready_sso=" in cookie and "HttpOnly" in cookie and "SameSite=lax" in cookie


async def test_jit_membership_with_role_mapping_and_default_role(
    client: httpx.AsyncClient,
) -> None:
    org = await first_run(client)
    r = await configure(
        client, org, default_role="viewer", role_mapping={"certready-auditors": "auditor"}
    )
    assert r.status_code == 200, r.text
    assert r.json()["role_claim"] == "groups"

    alice = await exchange(client, await sso(client, "alice"))
    assert alice["me"]["email"] == "alice@acme.example"
    assert [(m["org_slug"], m["role"]) for m in alice["me"]["memberships"]] == [("acme", "auditor")]
    bob = await exchange(client, await sso(client, "bob"))
    assert [m["role"] for m in bob["me"]["memberships"]] == ["viewer"]

    joins = await activity(client, org, "member.sso_join")
    assert {e["after"]["email"]: e["after"]["role"] for e in joins} == {
        "alice@acme.example": "auditor",
        "bob@acme.example": "viewer",
    }
    logins = await activity(client, org, "auth.sso_login")
    assert len(logins) == 2

    # the second time: the linked identity, no second membership
    again = await exchange(client, await sso(client, "alice"))
    assert again["me"]["id"] == alice["me"]["id"]
    assert len(await activity(client, org, "member.sso_join")) == 2


async def test_existing_account_linked_by_verified_email(client: httpx.AsyncClient) -> None:
    org = await first_run(client)  # admin@acme.example, with a password
    assert (await configure(client, org)).status_code == 200  # no default role: no JIT
    admin = await exchange(client, await sso(client, "admin"))
    assert admin["me"]["id"] == org.admin.user_id
    assert [m["role"] for m in admin["me"]["memberships"]] == ["admin"]
    # nobody else joins without a role
    assert await sso(client, "bob") == "error=no_account"
    refused = await activity(client, org, "auth.sso_refused")
    assert refused[0]["after"] == {
        "provider": "test",
        "reason": "no_account",
        "email": "bob@acme.example",
    }


async def test_unverified_email_is_not_linked(client: httpx.AsyncClient) -> None:
    org = await first_run(client, email="carol@acme.example")
    assert (await configure(client, org, default_role="viewer")).status_code == 200
    assert await sso(client, "carol") == "error=email_unverified"
    assert len(await activity(client, org, "auth.sso_refused")) == 1
    assert await activity(client, org, "auth.sso_login") == []


async def test_other_organisations_domain_is_not_applied(
    client: httpx.AsyncClient, settings: Settings, database: Database, provider: OpenIdProvider
) -> None:
    # two deployment providers (the same real provider under two ids); acme uses "test"
    second = OidcProvider.model_validate(provider.settings("other", name="Other IdP"))
    provider.restart(
        redirect_uris=[*provider.redirect_uris, "http://testserver/api/v1/auth/oidc/other/callback"]
    )
    app = create_app(
        settings.model_copy(update={"oidc_providers": [*settings.oidc_providers, second]}),
        database=database,
    )
    transport = httpx.ASGITransport(app=app, client=("127.0.0.1", 50000))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
        org = await first_run(c)
        assert (await configure(c, org, default_role="viewer")).status_code == 200
        # acme.example belongs to acme, which signs in through "test" only
        assert await sso(c, "bob", "other") == "error=wrong_provider"
        assert await sso(c, "admin", "other") == "error=wrong_provider"
        # globex's people (no organisation claims globex.example) do not join acme
        assert await sso(c, "gina", "test") == "error=no_account"
        bob = await exchange(c, await sso(c, "bob", "test"))
        assert [m["org_slug"] for m in bob["me"]["memberships"]] == ["acme"]
        # a domain belongs to one organisation
        other = await c.post(
            "/api/v1/orgs", json={"name": "Globex", "slug": "globex"}, headers=org.admin.headers
        )
        assert other.status_code == 201, other.text
        taken = await c.put(
            "/api/v1/orgs/globex/sso",
            json={"provider_id": "other", "domains": ["ACME.example"]},
            headers=org.admin.headers,
        )
        assert taken.status_code == 422
        assert "acme.example" in taken.json()["detail"]


async def test_bad_state_refused(client: httpx.AsyncClient) -> None:
    await client.get("/api/v1/auth/oidc/test/login")
    r = await client.get("/api/v1/auth/oidc/test/callback?code=x&state=forged")
    assert r.headers["location"] == "/sso/callback#error=bad_state"
    # the right state, replayed: single use
    start = await client.get("/api/v1/auth/oidc/test/login")
    callback = await drive_login(start.headers["location"], "bob", CALLBACK_PREFIX)
    path = callback.removeprefix("http://testserver")
    # from another browser (no cookie): refused, and the state is used up
    async with httpx.AsyncClient(
        transport=client._transport, base_url="http://testserver"
    ) as other:
        r = await other.get(path)
    assert r.headers["location"] == "/sso/callback#error=bad_state"
    r = await client.get(path)
    assert r.headers["location"] == "/sso/callback#error=bad_state"


async def test_code_exchange_single_use_and_bound_to_browser(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    await configure(client, org, default_role="viewer")
    fragment = await sso(client, "bob")
    code = fragment.removeprefix("code=")
    async with httpx.AsyncClient(
        transport=client._transport, base_url="http://testserver"
    ) as other:
        stolen = await other.post("/api/v1/auth/oidc/exchange", json={"code": code})
    assert stolen.status_code == 401
    assert stolen.headers["content-type"] == "application/problem+json"
    await exchange(client, fragment)
    again = await client.post("/api/v1/auth/oidc/exchange", json={"code": code})
    assert again.status_code == 401


async def test_wrong_nonce_refused(
    client: httpx.AsyncClient, database: Database, caplog: pytest.LogCaptureFixture
) -> None:
    org = await first_run(client)
    await configure(client, org, default_role="viewer")
    start = await client.get("/api/v1/auth/oidc/test/login")
    callback = await drive_login(start.headers["location"], "bob", CALLBACK_PREFIX)
    # the ID token will carry the nonce we sent; the login now expects another one
    async with database.transaction() as session:
        await session.execute(update(OidcLogin).values(nonce="another-nonce"))
    r = await client.get(callback.removeprefix("http://testserver"))
    assert r.headers["location"] == "/sso/callback#error=id_token"
    assert "nonce" in caplog.text
    refused = await activity(client, org, "auth.sso_refused")
    assert refused == []  # the token was refused before any of its claims were believed
    async with database.transaction() as session:
        users = (await session.execute(text("SELECT count(*) FROM user_account"))).scalar()
    assert users == 1


@pytest.fixture
def own_provider() -> Any:
    op = OpenIdProvider(redirect_uris=["http://testserver/api/v1/auth/oidc/test/callback"]).start()
    yield op
    op.stop()


def _client_for(
    settings: Settings, database: Database, op: OpenIdProvider, **changes: Any
) -> httpx.AsyncClient:
    app = create_app(
        settings.model_copy(
            update={"oidc_providers": [OidcProvider.model_validate(op.settings())], **changes}
        ),
        database=database,
    )
    transport = httpx.ASGITransport(app=app, client=("127.0.0.1", 50000))
    return httpx.AsyncClient(transport=transport, base_url="http://testserver")


async def test_rotated_key_refetched_and_wrong_key_refused(
    settings: Settings,
    database: Database,
    own_provider: OpenIdProvider,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO, "certready.sso")
    async with _client_for(settings, database, own_provider) as c:
        org = await first_run(c)
        await configure(c, org, default_role="viewer")
        await exchange(c, await sso(c, "bob"))  # key-1 fetched and cached
        # the provider signs with a new key under the old kid: the signature is wrong
        own_provider.restart(keys=[new_key("key-1")])
        assert await sso(c, "bob") == "error=id_token"
        assert "signature is wrong" in caplog.text
        assert caplog.text.count("fetched 1 key(s)") == 1
        # the provider rotates to a new kid: the cached set lacks it, fetched again once
        own_provider.restart(keys=[new_key("key-2"), new_key("key-1")])
        bob = await exchange(c, await sso(c, "bob"))
        assert bob["me"]["email"] == "bob@acme.example"
        assert "fetched 2 key(s)" in caplog.text


async def test_expired_id_token_refused_clock_skew_allowed(
    settings: Settings,
    database: Database,
    own_provider: OpenIdProvider,
    caplog: pytest.LogCaptureFixture,
) -> None:
    async with _client_for(settings, database, own_provider) as c:
        org = await first_run(c)
        await configure(c, org, default_role="viewer")
        # the provider's clock is 5 minutes behind: its 60 s ID token expired 4 minutes ago
        own_provider.restart(clock_offset=-300, id_token_ttl=60)
        assert await sso(c, "bob") == "error=id_token"
        assert "expired_token" in caplog.text
        caplog.clear()
        # 30 s ahead: iat is in the future, within the allowed skew (60 s)
        own_provider.restart(clock_offset=30, id_token_ttl=600)
        assert (await sso(c, "bob")).startswith("code=")
        # 5 minutes ahead: issued in the future, refused
        own_provider.restart(clock_offset=300)
        assert await sso(c, "bob") == "error=id_token"
        assert "issued in the future" in caplog.text
