"""Signing like each vendor does, over the shared samples (copied from shared/samples)."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
from pathlib import Path
from typing import Any

import httpx

from tests.factories.auth import OrgFixture

SAMPLES = Path(__file__).parent / "samples"
VECTORS: dict[str, Any] = json.loads((SAMPLES / "signature_test_vectors.json").read_text())
PROBLEM = "application/problem+json"


def sample(name: str) -> bytes:
    return (SAMPLES / name).read_bytes()


def integrations_url(org: OrgFixture) -> str:
    return f"/api/v1/orgs/{org.slug}/integrations"


async def create_integration(
    client: httpx.AsyncClient,
    org: OrgFixture,
    source: str,
    secret: str | None = None,
    mapping: dict[str, Any] | None = None,
) -> dict[str, Any]:
    body: dict[str, Any] = {"name": f"{source} desk", "source": source}
    if secret is not None:
        body["secret"] = secret
    if mapping is not None:
        body["mapping"] = mapping
    r = await client.post(integrations_url(org), json=body, headers=org.admin.headers)
    assert r.status_code == 201, r.text
    created: dict[str, Any] = r.json()
    return created


def hub(secret: str, body: bytes, digest: str = "sha256") -> str:
    return f"{digest}=" + hmac.new(secret.encode(), body, digest).hexdigest()


def glpi_headers(secret: str, body: bytes, stamp: int | None = None) -> dict[str, str]:
    ts = str(int(time.time()) if stamp is None else stamp)
    sig = hmac.new(secret.encode(), body + ts.encode(), hashlib.sha256).hexdigest()
    return {"X-GLPI-signature": sig, "X-GLPI-timestamp": ts}


def standard_headers(
    secret: str, msg_id: str, body: bytes, stamp: int | None = None
) -> dict[str, str]:
    ts = str(int(time.time()) if stamp is None else stamp)
    key = base64.b64decode(secret.removeprefix("whsec_"))
    sig = base64.b64encode(hmac.new(key, f"{msg_id}.{ts}.".encode() + body, "sha256").digest())
    return {
        "webhook-id": msg_id,
        "webhook-timestamp": ts,
        "webhook-signature": f"v1,{sig.decode()}",
    }


async def post_hook(
    client: httpx.AsyncClient,
    integration: dict[str, Any],
    body: bytes,
    headers: dict[str, str],
    params: dict[str, str] | None = None,
) -> httpx.Response:
    return await client.post(
        integration["receiver_path"],
        content=body,
        headers={"Content-Type": "application/json", **headers},
        params=params,
    )


async def records(
    client: httpx.AsyncClient, org: OrgFixture, **params: str
) -> list[dict[str, Any]]:
    r = await client.get(
        f"/api/v1/orgs/{org.slug}/itsm-records", params=params, headers=org.admin.headers
    )
    assert r.status_code == 200, r.text
    items: list[dict[str, Any]] = r.json()["items"]
    return items


async def record(client: httpx.AsyncClient, org: OrgFixture, record_id: str) -> dict[str, Any]:
    r = await client.get(
        f"/api/v1/orgs/{org.slug}/itsm-records/{record_id}", headers=org.admin.headers
    )
    assert r.status_code == 200, r.text
    out: dict[str, Any] = r.json()
    return out


async def deliveries(
    client: httpx.AsyncClient, org: OrgFixture, integration: dict[str, Any]
) -> list[dict[str, Any]]:
    r = await client.get(
        f"{integrations_url(org)}/{integration['id']}/deliveries", headers=org.admin.headers
    )
    assert r.status_code == 200, r.text
    items: list[dict[str, Any]] = r.json()["items"]
    return items


async def read_integration(
    client: httpx.AsyncClient, org: OrgFixture, integration: dict[str, Any]
) -> dict[str, Any]:
    r = await client.get(f"{integrations_url(org)}/{integration['id']}", headers=org.admin.headers)
    assert r.status_code == 200, r.text
    out: dict[str, Any] = r.json()
    return out
