"""Password reset by e-mail (issue 17, SECURITY.md A9) on both databases, with the mail read
from a real SMTP server (the ``smtp`` fixture)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

import anyio
import httpx
import pytest
from certready.auth import service
from certready.auth.models import PasswordReset, User
from certready.config import Settings
from certready.core.clock import utcnow
from certready.core.security import token_hash
from certready.db.session import Database
from certready.mail.service import settle
from certready.main import create_app
from sqlmodel import col, select

from tests.conftest import TEST_SECRET
from tests.factories.auth import PASSWORD, OrgFixture, first_run, login
from tests.factories.smtp import SmtpServer, link_in

NEW_PASSWORD = "a brand new passphrase for ada 77"
LINK = r"https://certready\.acme\.example/reset-password\?token=crp_[A-Za-z0-9_-]+"
INVALID = "urn:certready:problem:reset-token-invalid"
# headers that differ between any two answers
ROOT = Path(__file__).resolve().parents[2]
VOLATILE = {"date", "x-request-id", "x-response-time", "server-timing"}


async def _client(settings: Settings, database: Database) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(settings, database=database)
    transport = httpx.ASGITransport(app=app, client=("127.0.0.1", 50000))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
        yield c


async def _request(client: httpx.AsyncClient, email: str) -> httpx.Response:
    r = await client.post("/api/v1/auth/password-reset", json={"email": email})
    await settle()
    return r


async def _confirm(client: httpx.AsyncClient, token: str, password: str) -> httpx.Response:
    return await client.post(
        "/api/v1/auth/password-reset/confirm", json={"token": token, "new_password": password}
    )


async def _token(client: httpx.AsyncClient, smtp: SmtpServer, email: str, count: int) -> str:
    r = await _request(client, email)
    assert r.status_code == 202, r.text
    mails = await smtp.inbox.wait(count)
    return link_in(mails[count - 1], LINK).split("token=", 1)[1]


async def _password_hash(database: Database, email: str) -> str | None:
    async with database.read_sessions() as session:
        user = (await session.execute(select(User).where(col(User.email) == email))).scalar_one()
        return user.password_hash


def _comparable(r: httpx.Response) -> tuple[int, str, dict[str, str]]:
    headers = {k: v for k, v in r.headers.items() if k.lower() not in VOLATILE}
    return r.status_code, r.text, headers


@pytest.fixture
async def client(mail_settings: Settings, database: Database) -> AsyncIterator[httpx.AsyncClient]:
    async for c in _client(mail_settings, database):
        yield c


@pytest.fixture
async def acme(client: httpx.AsyncClient) -> OrgFixture:
    return await first_run(client)


async def test_known_and_unknown_addresses_get_the_same_answer(
    mail_settings: Settings,
    database: Database,
    smtp: SmtpServer,
    acme: OrgFixture,
    client: httpx.AsyncClient,
) -> None:
    known = await _request(client, "Admin@Acme.example")
    unknown = await _request(client, "nobody@acme.example")
    assert known.status_code == 202
    assert _comparable(known) == _comparable(unknown)
    assert "crp_" not in known.text
    [mail] = await smtp.inbox.wait(1)
    await anyio.sleep(0.3)
    assert len(smtp.inbox.messages) == 1  # nothing for the unknown address
    assert mail["X-Envelope-To"] == "admin@acme.example"
    assert mail["Subject"] == "Reset your Certready password"
    link_in(mail, LINK)


async def test_the_link_sets_the_password_once_and_ends_every_session(
    mail_settings: Settings,
    database: Database,
    smtp: SmtpServer,
    acme: OrgFixture,
    client: httpx.AsyncClient,
) -> None:
    token = await _token(client, smtp, "admin@acme.example", 1)
    r = await _confirm(client, token, NEW_PASSWORD)
    assert r.status_code == 204, r.text
    # the old session: access token and refresh token refused
    assert (await client.get("/api/v1/me", headers=acme.admin.headers)).status_code == 401
    r = await client.post("/api/v1/auth/refresh", json={"refresh_token": acme.admin.refresh_token})
    assert r.status_code == 401
    old = await client.post(
        "/api/v1/auth/token", data={"username": "admin@acme.example", "password": PASSWORD}
    )
    assert old.status_code == 401
    await login(client, "admin@acme.example", NEW_PASSWORD)
    # single use: the second confirmation is refused and changes nothing
    stored = await _password_hash(database, "admin@acme.example")
    again = await _confirm(client, token, "yet another passphrase for ada 99")
    assert again.status_code == 400
    assert again.headers["content-type"].startswith("application/problem+json")
    assert again.json()["type"] == INVALID
    assert await _password_hash(database, "admin@acme.example") == stored


async def test_an_expired_link_is_refused_and_changes_nothing(
    mail_settings: Settings,
    database: Database,
    smtp: SmtpServer,
    acme: OrgFixture,
    client: httpx.AsyncClient,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    token = await _token(client, smtp, "admin@acme.example", 1)
    before = await _password_hash(database, "admin@acme.example")
    later = utcnow() + timedelta(minutes=mail_settings.password_reset_minutes, seconds=1)
    monkeypatch.setattr(service, "utcnow", lambda: later)
    r = await _confirm(client, token, NEW_PASSWORD)
    assert r.status_code == 400 and r.json()["type"] == INVALID
    monkeypatch.undo()
    assert await _password_hash(database, "admin@acme.example") == before
    assert (await client.get("/api/v1/me", headers=acme.admin.headers)).status_code == 200
    # a minute before the expiry the same link still works
    almost = utcnow() + timedelta(minutes=mail_settings.password_reset_minutes - 1)
    monkeypatch.setattr(service, "utcnow", lambda: almost)
    assert (await _confirm(client, token, NEW_PASSWORD)).status_code == 204


async def test_a_newer_link_replaces_the_older(
    mail_settings: Settings,
    database: Database,
    smtp: SmtpServer,
    acme: OrgFixture,
    client: httpx.AsyncClient,
) -> None:
    first = await _token(client, smtp, "admin@acme.example", 1)
    second = await _token(client, smtp, "admin@acme.example", 2)
    assert first != second
    r = await _confirm(client, first, NEW_PASSWORD)
    assert r.status_code == 400 and r.json()["type"] == INVALID
    assert (await _confirm(client, second, NEW_PASSWORD)).status_code == 204


async def test_bad_input_is_a_problem_and_changes_nothing(
    mail_settings: Settings,
    database: Database,
    smtp: SmtpServer,
    acme: OrgFixture,
    client: httpx.AsyncClient,
) -> None:
    token = await _token(client, smtp, "admin@acme.example", 1)
    before = await _password_hash(database, "admin@acme.example")
    for bad in ("crp_guessed", "", token + "x"):
        r = await _confirm(client, bad, NEW_PASSWORD)
        assert r.status_code == 400 and r.json()["type"] == INVALID, r.text
    weak = await _confirm(client, token, "short")
    assert weak.status_code == 422
    assert weak.json()["errors"][0]["loc"] == ["body", "new_password"]
    r = await client.post("/api/v1/auth/password-reset/confirm", json={"token": token})
    assert r.status_code == 422
    r = await client.post("/api/v1/auth/password-reset", json={"mail": "x"})
    assert r.status_code == 422
    assert await _password_hash(database, "admin@acme.example") == before
    assert (await client.get("/api/v1/me", headers=acme.admin.headers)).status_code == 200
    # the refused password did not use the link up
    assert (await _confirm(client, token, NEW_PASSWORD)).status_code == 204


async def test_two_concurrent_confirmations_one_wins(
    mail_settings: Settings,
    database: Database,
    smtp: SmtpServer,
    acme: OrgFixture,
    client: httpx.AsyncClient,
) -> None:
    token = await _token(client, smtp, "admin@acme.example", 1)
    answers: list[int] = []

    async def confirm(password: str) -> None:
        answers.append((await _confirm(client, token, password)).status_code)

    async with anyio.create_task_group() as tg:
        tg.start_soon(confirm, NEW_PASSWORD)
        tg.start_soon(confirm, "the other concurrent passphrase 55")
    assert sorted(answers) == [204, 400]
    async with database.read_sessions() as session:
        row = (
            await session.execute(
                select(PasswordReset).where(col(PasswordReset.token_hash) == token_hash(token))
            )
        ).scalar_one()
        assert row.used_at is not None


async def test_requests_are_throttled_per_address_and_per_client(
    mail_settings: Settings,
    database: Database,
    smtp: SmtpServer,
    acme: OrgFixture,
    client: httpx.AsyncClient,
) -> None:
    limit = mail_settings.password_reset_address_limit
    answers = [await _request(client, "admin@acme.example") for _ in range(limit + 2)]
    assert all(_comparable(a) == _comparable(answers[0]) for a in answers)
    await smtp.inbox.wait(limit)
    await anyio.sleep(0.3)
    assert len(smtp.inbox.messages) == limit  # the extra requests sent nothing
    left = mail_settings.password_reset_client_attempts - len(answers)
    for i in range(left):
        assert (await _request(client, f"n{i}@acme.example")).status_code == 202
    r = await _request(client, "other@acme.example")
    assert r.status_code == 429 and int(r.headers["retry-after"]) > 0


async def test_the_cli_prints_the_link_and_mails_it(
    mail_settings: Settings,
    database: Database,
    smtp: SmtpServer,
    acme: OrgFixture,
    client: httpx.AsyncClient,
) -> None:
    env = {
        **os.environ,
        "CERTREADY_ENV": "development",
        "CERTREADY_DATABASE_URL": mail_settings.database_url,
        "CERTREADY_SECRET_KEY": TEST_SECRET,
        "CERTREADY_DATA_DIR": str(mail_settings.data_dir),
        "CERTREADY_PUBLIC_URL": "https://certready.acme.example",
        "CERTREADY_SMTP_HOST": "127.0.0.1",
        "CERTREADY_SMTP_PORT": str(smtp.port),
        "CERTREADY_SMTP_STARTTLS": "false",
    }

    async def cli(*args: str, **extra: str) -> subprocess.CompletedProcess[bytes]:
        return await anyio.run_process(
            [sys.executable, "-m", "certready", "users", "reset-password", *args],
            env={**env, **extra},
            check=False,
            cwd=ROOT,
        )

    ok = await cli("Admin@acme.example")
    assert ok.returncode == 0, ok.stderr
    assert "mailed to admin@acme.example" in ok.stdout.decode()
    printed = ok.stdout.decode().strip().splitlines()[-1]
    [mail] = await smtp.inbox.wait(1)
    assert re.fullmatch(LINK, printed)
    assert link_in(mail, LINK) == printed
    unmailed = await cli("admin@acme.example", CERTREADY_SMTP_HOST="")
    assert unmailed.returncode == 0 and "not mailed" in unmailed.stdout.decode()
    second = unmailed.stdout.decode().strip().splitlines()[-1]
    assert re.fullmatch(LINK, second) and second != printed
    unknown = await cli("nobody@acme.example")
    assert unknown.returncode == 1
    assert "no such user: nobody@acme.example" in unknown.stderr.decode()
    # the link printed without mail replaced the mailed one
    first = await _confirm(client, printed.split("token=", 1)[1], NEW_PASSWORD)
    assert first.status_code == 400
    assert (await _confirm(client, second.split("token=", 1)[1], NEW_PASSWORD)).status_code == 204
    await login(client, "admin@acme.example", NEW_PASSWORD)
