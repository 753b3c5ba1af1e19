"""Evidence items, files and API tokens created through the real API."""

from __future__ import annotations

import hashlib
import os
from typing import Any

import httpx

from tests.factories.auth import OrgFixture


def pdf_bytes(size: int = 4096, seed: bytes | None = None) -> bytes:
    """A file that sniffs as PDF: the header, then (pseudo-)random bytes."""
    head = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"
    if size <= len(head):
        return head[:size]
    if seed is None:
        return head + os.urandom(size - len(head))
    body = bytearray()
    counter = 0
    while len(body) < size - len(head):
        body += hashlib.sha256(seed + counter.to_bytes(8, "big")).digest()
        counter += 1
    return head + bytes(body[: size - len(head)])


def png_bytes() -> bytes:
    return b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02" + bytes(
        64
    )


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def evidence_url(org: OrgFixture | str, *parts: str) -> str:
    slug = org if isinstance(org, str) else org.slug
    return "/".join([f"/api/v1/orgs/{slug}/evidence", *parts])


async def upload_new(
    client: httpx.AsyncClient,
    org: OrgFixture,
    data: bytes | None = None,
    *,
    headers: dict[str, str] | None = None,
    filename: str = "policy.pdf",
    title: str = "Service management policy",
    kind: str = "policy",
    key: str | None = None,
    params: dict[str, Any] | None = None,
    expect: int | None = 201,
) -> httpx.Response:
    """``PUT .../evidence/upload``: a new item with its first version (raw body)."""
    body = pdf_bytes() if data is None else data
    query: dict[str, Any] = {
        "title": title,
        "kind": kind,
        "filename": filename,
        **(params or {}),
    }
    h = dict(headers or org.admin.headers)
    if key:
        h["Idempotency-Key"] = key
    r = await client.put(evidence_url(org, "upload"), params=query, content=body, headers=h)
    if expect is not None:
        assert r.status_code == expect, r.text
    return r


async def upload_version(
    client: httpx.AsyncClient,
    org: OrgFixture,
    evidence_id: str,
    data: bytes,
    *,
    headers: dict[str, str] | None = None,
    filename: str = "policy-v2.pdf",
    key: str | None = None,
    expect: int | None = 201,
) -> httpx.Response:
    """``PUT .../evidence/{id}/versions/new``."""
    h = dict(headers or org.admin.headers)
    if key:
        h["Idempotency-Key"] = key
    r = await client.put(
        evidence_url(org, evidence_id, "versions", "new"),
        params={"filename": filename},
        content=data,
        headers=h,
    )
    if expect is not None:
        assert r.status_code == expect, r.text
    return r


async def create_statement(
    client: httpx.AsyncClient,
    org: OrgFixture,
    *,
    headers: dict[str, str] | None = None,
    **fields: Any,
) -> dict[str, Any]:
    """A file-less item from JSON."""
    body = {
        "title": "Statement: no internal suppliers",
        "kind": "statement",
        "description": "We have no internal suppliers in the SMS scope.",
        **fields,
    }
    r = await client.post(evidence_url(org), json=body, headers=headers or org.admin.headers)
    assert r.status_code == 201, r.text
    data: dict[str, Any] = r.json()
    return data


async def create_token(
    client: httpx.AsyncClient,
    org: OrgFixture,
    scopes: list[str],
    *,
    name: str = "ci",
    expires_in_days: int = 30,
) -> dict[str, Any]:
    r = await client.post(
        f"/api/v1/orgs/{org.slug}/tokens",
        json={"name": name, "scopes": scopes, "expires_in_days": expires_in_days},
        headers=org.admin.headers,
    )
    assert r.status_code == 201, r.text
    data: dict[str, Any] = r.json()
    return data


def bearer(secret: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {secret}"}
