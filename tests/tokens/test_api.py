"""API tokens: shown once, hashed, org-bound, scoped, expiring, revocable (J12, A8)."""

from __future__ import annotations

import uuid
from datetime import timedelta

import httpx
import pytest
from certready.core.clock import utcnow
from certready.core.security import token_hash
from certready.db.session import Database
from certready.tokens.models import ApiToken
from sqlalchemy import text, update
from sqlmodel import col

from tests.factories.auth import add_member, first_run, second_org
from tests.factories.evidence import (
    bearer,
    create_token,
    evidence_url,
    pdf_bytes,
    upload_new,
    upload_version,
)


async def test_secret_is_shown_once_and_only_its_hash_is_stored(
    client: httpx.AsyncClient, database: Database
) -> None:
    org = await first_run(client)
    created = await create_token(client, org, ["evidence:write"], name="GitLab CI")
    secret = created["secret"]
    assert secret.startswith("crt_") and len(secret) >= 40
    assert created["hint"] == secret[:8]
    assert created["active"] is True
    listed = await client.get(f"/api/v1/orgs/{org.slug}/tokens", headers=org.admin.headers)
    assert listed.status_code == 200
    (item,) = listed.json()["items"]
    assert "secret" not in item and item["name"] == "GitLab CI"
    assert secret not in listed.text
    async with database.engine.connect() as conn:
        rows = (await conn.execute(text("SELECT * FROM api_token"))).mappings().all()
        dump = repr([dict(r) for r in rows])
    assert secret not in dump and secret[4:] not in dump
    assert rows[0]["token_hash"] == token_hash(secret)
    log = await client.get(
        f"/api/v1/orgs/{org.slug}/activity",
        params={"action": "token.create"},
        headers=org.admin.headers,
    )
    assert secret not in log.text and log.json()["total"] == 1


async def test_token_acts_inside_its_org_with_its_scopes(
    client: httpx.AsyncClient, database: Database
) -> None:
    org = await first_run(client)
    writer = bearer((await create_token(client, org, ["evidence:write"]))["secret"])
    reader = bearer((await create_token(client, org, ["evidence:read"]))["secret"])
    general = bearer((await create_token(client, org, ["read"]))["secret"])
    item = (await upload_new(client, org, pdf_bytes(500), headers=writer)).json()
    assert item["created_by"] is not None
    # write implies read of the same domain
    assert (await client.get(evidence_url(org, item["id"]), headers=writer)).status_code == 200
    await upload_version(client, org, item["id"], pdf_bytes(600), headers=writer)
    # read-only tokens cannot write
    await upload_new(client, org, pdf_bytes(1), headers=reader, expect=403)
    await upload_new(client, org, pdf_bytes(1), headers=general, expect=403)
    assert (await client.get(evidence_url(org), headers=reader)).status_code == 200
    assert (
        await client.get(f"/api/v1/orgs/{org.slug}/activity", headers=general)
    ).status_code == 200
    assert (
        await client.get(f"/api/v1/orgs/{org.slug}/activity", headers=reader)
    ).status_code == 403
    # no token may approve, manage members or tokens
    await client.post(
        evidence_url(org, item["id"], "transitions"),
        json={"to": "in_review"},
        headers=writer,
    )
    r = await client.post(
        evidence_url(org, item["id"], "transitions"),
        json={"to": "approved"},
        headers=writer,
    )
    assert r.status_code == 403
    r = await client.post(
        f"/api/v1/orgs/{org.slug}/tokens",
        json={"name": "x", "scopes": ["read"]},
        headers=writer,
    )
    assert r.status_code == 403
    # outside the organisation's routes: refused
    assert (await client.get("/api/v1/me", headers=writer)).status_code == 403
    r = await client.post("/api/v1/orgs", json={"name": "Evil", "slug": "evil"}, headers=writer)
    assert r.status_code == 403
    assert (await client.get("/api/v1/orgs", headers=writer)).status_code == 403
    current = await client.get("/api/v1/tokens/current", headers=writer)
    assert current.status_code == 200
    assert current.json()["org_slug"] == org.slug and current.json()["scopes"] == ["evidence:write"]
    assert current.json()["role"] == "admin"
    jwt_current = await client.get("/api/v1/tokens/current", headers=org.admin.headers)
    assert jwt_current.status_code == 404


async def test_revoked_expired_other_org_and_url_tokens_are_401(
    client: httpx.AsyncClient, database: Database
) -> None:
    """SECURITY.md A8."""
    acme = await first_run(client)
    globex = await second_org(client, acme)
    token = await create_token(client, acme, ["evidence:write"])
    secret = token["secret"]
    assert (await client.get(evidence_url(acme), headers=bearer(secret))).status_code == 200
    # another organisation: 401, the same for one that does not exist
    other = await client.get(evidence_url(globex), headers=bearer(secret))
    nowhere = await client.get(evidence_url("no-such-org"), headers=bearer(secret))
    assert other.status_code == nowhere.status_code == 401
    assert other.json() == nowhere.json()
    assert other.headers["www-authenticate"] == "Bearer"
    # in the query string: never
    for param in ("access_token", "token", "api_key"):
        r = await client.get(evidence_url(acme), params={param: secret})
        assert r.status_code == 401
    # unknown / tampered
    assert (await client.get(evidence_url(acme), headers=bearer(secret + "x"))).status_code == 401
    assert (
        await client.get(evidence_url(acme), headers=bearer("crt_" + "A" * 43))
    ).status_code == 401
    # expired
    expired = await create_token(client, acme, ["evidence:read"])
    async with database.transaction() as session:
        await session.execute(
            update(ApiToken)
            .where(col(ApiToken.id) == uuid.UUID(expired["id"]))
            .values(expires_at=utcnow() - timedelta(seconds=1))
        )
    assert (
        await client.get(evidence_url(acme), headers=bearer(expired["secret"]))
    ).status_code == 401
    # revoked: at once, and revoking twice is fine
    r = await client.delete(
        f"/api/v1/orgs/{acme.slug}/tokens/{token['id']}", headers=acme.admin.headers
    )
    assert r.status_code == 204
    assert (
        await client.delete(
            f"/api/v1/orgs/{acme.slug}/tokens/{token['id']}", headers=acme.admin.headers
        )
    ).status_code == 204
    r = await client.get(evidence_url(acme), headers=bearer(secret))
    assert r.status_code == 401
    listed = (
        await client.get(f"/api/v1/orgs/{acme.slug}/tokens", headers=acme.admin.headers)
    ).json()
    states = {t["id"]: t["active"] for t in listed["items"]}
    assert states[token["id"]] is False and states[expired["id"]] is False
    log = await client.get(
        f"/api/v1/orgs/{acme.slug}/activity",
        params={"action": "token.revoke"},
        headers=acme.admin.headers,
    )
    assert log.json()["total"] == 1
    # other org's admin cannot see or revoke acme's tokens
    r = await client.delete(
        f"/api/v1/orgs/{globex.slug}/tokens/{token['id']}", headers=globex.admin.headers
    )
    assert r.status_code == 404


async def test_token_follows_its_creators_membership(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    second_admin = await add_member(client, org, "admin")
    token = await create_token(client, org, ["evidence:write"])
    headers = bearer(token["secret"])
    assert (await client.get(evidence_url(org), headers=headers)).status_code == 200
    # the creator becomes a viewer: the token can no longer write
    r = await client.patch(
        f"/api/v1/orgs/{org.slug}/members/{org.admin.user_id}",
        json={"role": "viewer"},
        headers=second_admin.headers,
    )
    assert r.status_code == 200
    await upload_new(client, org, pdf_bytes(10), headers=headers, expect=403)
    # removed from the organisation: the token is dead
    r = await client.delete(
        f"/api/v1/orgs/{org.slug}/members/{org.admin.user_id}",
        headers=second_admin.headers,
    )
    assert r.status_code == 204
    assert (await client.get(evidence_url(org), headers=headers)).status_code == 401


async def test_last_used_is_recorded(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    token = await create_token(client, org, ["read"])
    assert token["last_used_at"] is None
    await client.get(evidence_url(org), headers=bearer(token["secret"]))
    listed = (await client.get(f"/api/v1/orgs/{org.slug}/tokens", headers=org.admin.headers)).json()
    assert listed["items"][0]["last_used_at"] is not None


@pytest.mark.parametrize(
    "body",
    [
        {"name": "x", "scopes": []},
        {"name": "x", "scopes": ["admin"]},
        {"name": "x", "scopes": ["read"], "expires_in_days": 366},
        {"name": "x", "scopes": ["read"], "expires_in_days": 0},
        {"name": "", "scopes": ["read"]},
        {"name": "x", "scopes": ["read"], "org_id": "x"},
    ],
)
async def test_invalid_token_requests_are_422(client: httpx.AsyncClient, body: dict) -> None:
    org = await first_run(client)
    r = await client.post(f"/api/v1/orgs/{org.slug}/tokens", json=body, headers=org.admin.headers)
    assert r.status_code == 422


async def test_only_admins_manage_tokens(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    manager = await add_member(client, org, "sms_manager")
    r = await client.post(
        f"/api/v1/orgs/{org.slug}/tokens",
        json={"name": "x", "scopes": ["read"]},
        headers=manager.headers,
    )
    assert r.status_code == 403
    assert (
        await client.get(f"/api/v1/orgs/{org.slug}/tokens", headers=manager.headers)
    ).status_code == 403
