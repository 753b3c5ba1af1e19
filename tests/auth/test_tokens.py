"""JWT handling of core/security.py against forged and malformed tokens (SECURITY.md A1-A4, A7, J1)."""

from __future__ import annotations

import base64
import json
import re
import time
import uuid

import httpx
import jose
import pytest
from certready.config import Settings
from certready.core.security import hash_password, password_problems
from jose import jwt

from tests.conftest import TEST_SECRET
from tests.factories.auth import first_run


def _b64(data: dict[str, object]) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).decode().rstrip("=")


async def _claims(client: httpx.AsyncClient) -> tuple[dict[str, object], str]:
    org = await first_run(client)
    claims = jwt.get_unverified_claims(org.admin.access_token)
    return claims, org.admin.access_token


def _sign(claims: dict[str, object], key: str = TEST_SECRET, alg: str = "HS256") -> str:
    return jwt.encode(claims, key, algorithm=alg, headers={"typ": "JWT"})


async def _status(client: httpx.AsyncClient, token: str) -> int:
    return (
        await client.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"})
    ).status_code


async def test_genuine_token_is_accepted(client: httpx.AsyncClient) -> None:
    claims, token = await _claims(client)
    assert await _status(client, token) == 200
    assert await _status(client, _sign(claims)) == 200  # re-signed with the real key: still fine


async def test_alg_none_is_401(client: httpx.AsyncClient) -> None:
    claims, _ = await _claims(client)
    unsigned = _b64({"alg": "none", "typ": "JWT"}) + "." + _b64(claims) + "."
    assert await _status(client, unsigned) == 401


@pytest.mark.parametrize("alg", ["HS384", "HS512"])
async def test_other_algorithms_are_401(client: httpx.AsyncClient, alg: str) -> None:
    claims, _ = await _claims(client)
    assert await _status(client, _sign(claims, alg=alg)) == 401


async def test_wrong_secret_is_401(client: httpx.AsyncClient) -> None:
    claims, _ = await _claims(client)
    assert await _status(client, _sign(claims, key="another-secret-" * 4)) == 401


async def test_tampered_payload_is_401(client: httpx.AsyncClient) -> None:
    _, token = await _claims(client)
    header, payload, sig = token.split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=="))
    claims["sub"] = str(uuid.uuid4())
    assert await _status(client, f"{header}.{_b64(claims)}.{sig}") == 401


@pytest.mark.parametrize(
    "change",
    [
        {"exp": int(time.time()) - 60},
        {"exp": None},
        {"aud": "someone-else"},
        {"aud": None},
        {"iss": "evil"},
        {"iss": None},
        {"iat": int(time.time()) + 3600},
        {"iat": int(time.time()) - 7200, "exp": int(time.time()) + 60},
        {"jti": None},
        {"typ": "refresh"},
        {"typ": None},
        {"tv": 99},
        {"sid": None},
        {"sid": "not-a-uuid"},
        {"sid": 12},
    ],
)
async def test_bad_claims_are_401(client: httpx.AsyncClient, change: dict[str, object]) -> None:
    claims, _ = await _claims(client)
    for key, value in change.items():
        if value is None:
            claims.pop(key, None)
        else:
            claims[key] = value
    assert await _status(client, _sign(claims)) == 401


async def test_oversized_token_is_401(client: httpx.AsyncClient) -> None:
    claims, _ = await _claims(client)
    claims["pad"] = "x" * 5000
    assert await _status(client, _sign(claims)) == 401


def test_jose_version_and_backend() -> None:
    from jose.backends import HMACKey

    major, minor, *_ = (int(p) for p in jose.__version__.split("."))
    assert (major, minor) >= (3, 4)
    assert HMACKey.__module__ == "jose.backends.cryptography_backend"


def test_jose_is_imported_only_by_core_security() -> None:
    from pathlib import Path

    root = Path(__file__).resolve().parents[2] / "backend" / "certready"
    offenders = []
    for path in root.rglob("*.py"):
        text = path.read_text()
        if path.name == "security.py" and path.parent.name == "core":
            continue
        # python-jose (``jose``), not joserfc (Authlib's JOSE library, which sso/oidc uses)
        if re.search(r"^\s*(from|import) jose\b", text, re.M) or "get_unverified_claims" in text:
            offenders.append(str(path))
    assert offenders == []


def test_stored_hash_uses_production_argon2_parameters() -> None:
    stored = hash_password(Settings(), "a long and unusual passphrase")
    assert stored.startswith("$argon2id$v=19$m=65536,t=3,p=4$")


@pytest.mark.parametrize(
    ("password", "ok"),
    [
        ("short", False),
        ("password", False),
        ("iloveyou", False),
        ("ada.lovelace@acme.example", False),
        ("certready", False),
        ("correct horse battery staple", True),
        ("Ünïcödé-pässwörd-" + "ж" * 50, True),
        ("x" * 1025, False),
    ],
)
def test_password_rules(password: str, ok: bool) -> None:
    assert (password_problems(password, "ada.lovelace@acme.example", "Ada Lovelace") == []) is ok
