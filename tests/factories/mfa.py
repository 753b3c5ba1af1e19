"""The second factor through the real API; codes computed with pyotp from the secret."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pyotp

from tests.factories.auth import PASSWORD, Session


def code(secret: str, steps_ahead: int = 0) -> str:
    """The code an authenticator app shows now (or ``steps_ahead`` 30-second steps later:
    the server accepts one step of drift, so the next step's code is a fresh one)."""
    when = datetime.now(UTC) + timedelta(seconds=30 * steps_ahead)
    return pyotp.TOTP(secret).at(when)


@dataclass
class Enrolled:
    secret: str
    recovery_codes: list[str]


async def enrol(client: httpx.AsyncClient, who: Session) -> Enrolled:
    """Enrol and confirm a TOTP factor for ``who`` (the confirmation spends the current step)."""
    r = await client.post("/api/v1/me/mfa/totp", headers=who.headers)
    assert r.status_code == 201, r.text
    secret = r.json()["secret"]
    r = await client.post(
        "/api/v1/me/mfa/totp/confirm", json={"code": code(secret)}, headers=who.headers
    )
    assert r.status_code == 200, r.text
    return Enrolled(secret=secret, recovery_codes=r.json()["codes"])


async def password_step(
    client: httpx.AsyncClient, email: str, password: str = PASSWORD
) -> dict[str, Any]:
    """``POST /auth/token`` expecting the mfa-required problem; its body."""
    r = await client.post("/api/v1/auth/token", data={"username": email, "password": password})
    assert r.status_code == 403, r.text
    body: dict[str, Any] = r.json()
    assert body["type"] == "urn:certready:problem:mfa-required", body
    return body


async def second_step(client: httpx.AsyncClient, mfa_token: str, **proof: str) -> httpx.Response:
    return await client.post("/api/v1/auth/mfa", json={"mfa_token": mfa_token, **proof})


def session_of(email: str, tokens: dict[str, Any]) -> Session:
    return Session(
        email=email, access_token=tokens["access_token"], refresh_token=tokens["refresh_token"]
    )
