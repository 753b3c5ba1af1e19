"""The mail outbox against a real SMTP server: after commit only, retried, given up loudly."""

from __future__ import annotations

import logging
import os
import subprocess
from datetime import timedelta
from pathlib import Path

import anyio
import pytest
from certready.config import Settings
from certready.core.clock import utcnow
from certready.db.session import Database
from certready.mail import service as mail
from certready.mail import worker
from certready.mail.models import OutboxMail
from sqlmodel import select

from tests.factories.smtp import SmtpServer, free_port, html_of, text_of

CONTEXT = {"sent_from": "<pytest & co>"}
CERTREADY = Path(__file__).resolve().parents[2] / ".venv" / "bin" / "certready"


async def _rows(database: Database) -> list[OutboxMail]:
    async with database.read_sessions() as session:
        return list((await session.execute(select(OutboxMail))).scalars())


async def test_sent_after_the_commit_as_text_and_html(
    mail_settings: Settings, database: Database, smtp: SmtpServer
) -> None:
    async with database.transaction() as session:
        mail.queue(session, mail_settings, to="ada@acme.example", template="test", context=CONTEXT)
        await session.flush()
        await anyio.sleep(0.3)
        assert smtp.inbox.messages == []  # nothing leaves inside the transaction
    [message] = await smtp.inbox.wait(1)
    assert message["To"] == "ada@acme.example"
    assert message["Subject"] == "Certready test mail"
    assert message.get_content_type() == "multipart/alternative"
    assert "(<pytest & co>)" in text_of(message)
    assert "(&lt;pytest &amp; co&gt;)" in html_of(message)  # HTML autoescaped
    await mail.settle()
    [row] = await _rows(database)
    assert row.sent_at is not None and row.attempts == 1 and row.content == ""


async def test_nothing_is_sent_when_the_transaction_rolls_back(
    mail_settings: Settings, database: Database, smtp: SmtpServer
) -> None:
    with pytest.raises(RuntimeError):
        async with database.transaction() as session:
            mail.queue(
                session, mail_settings, to="a@acme.example", template="test", context=CONTEXT
            )
            await session.flush()
            raise RuntimeError("the change failed")
    async with database.transaction() as session:  # the session's next commit sends nothing
        pass
    await mail.settle()
    await anyio.sleep(0.5)
    assert smtp.inbox.messages == []
    assert await _rows(database) == []


async def test_retried_while_smtp_is_down_then_delivered(
    settings: Settings, database: Database, caplog: pytest.LogCaptureFixture
) -> None:
    port = free_port()
    down = SmtpServer(port)
    quick = down.settings(settings, mail_retry_seconds=0.3, mail_max_attempts=5)
    caplog.set_level(logging.WARNING, logger="certready.mail")
    async with database.transaction() as session:
        mail.queue(session, quick, to="ada@acme.example", template="test", context=CONTEXT)
    await mail.settle()
    [row] = await _rows(database)
    assert row.attempts == 1 and row.sent_at is None and row.last_error
    assert "attempt 1 of 5" in caplog.text
    async with worker.run(database.engine, quick, enabled=True, interval=0.1):
        await anyio.sleep(0.5)  # the worker retries into the closed port
        assert (await _rows(database))[0].attempts >= 2
        server = SmtpServer(port).start()  # SMTP is back
        try:
            [message] = await server.inbox.wait(1)
            for _ in range(100):  # the worker records the delivery
                [row] = await _rows(database)
                if row.sent_at is not None:
                    break
                await anyio.sleep(0.05)
        finally:
            server.stop()
    assert message["Subject"] == "Certready test mail"
    assert row.sent_at is not None and row.failed_at is None and 2 <= row.attempts <= 5


async def test_given_up_after_the_last_attempt_and_logged(
    settings: Settings, database: Database, caplog: pytest.LogCaptureFixture
) -> None:
    quick = SmtpServer(free_port()).settings(settings, mail_retry_seconds=0.05, mail_max_attempts=3)
    async with database.transaction() as session:
        mail.queue(session, quick, to="ada@acme.example", template="test", context=CONTEXT)
    await mail.settle()
    later = utcnow() + timedelta(hours=2)
    assert (await worker.deliver(database.engine, quick, now=later)).retrying == 1
    with caplog.at_level(logging.ERROR, logger="certready.mail"):
        outcome = await worker.deliver(database.engine, quick, now=later + timedelta(hours=2))
    assert outcome.failed == 1
    assert "given up after 3 attempts" in caplog.text
    [row] = await _rows(database)
    assert row.failed_at is not None and row.attempts == 3 and row.content == ""
    assert (await worker.deliver(database.engine, quick, now=later + timedelta(days=1))).failed == 0


async def test_a_claimed_mail_is_not_sent_twice(
    mail_settings: Settings, database: Database, smtp: SmtpServer
) -> None:
    async with database.transaction() as session:
        mail.queue(session, mail_settings, to="ada@acme.example", template="test", context=CONTEXT)
    results = [
        *await _gather(
            worker.deliver(database.engine, mail_settings),
            worker.deliver(database.engine, mail_settings),
        )
    ]
    await mail.settle()
    await smtp.inbox.wait(1)
    await anyio.sleep(0.3)
    assert len(smtp.inbox.messages) == 1
    assert sum(r.sent for r in results) <= 1


async def _gather(*coros):  # type: ignore[no-untyped-def]
    out = []

    async def run(c):  # type: ignore[no-untyped-def]
        out.append(await c)

    async with anyio.create_task_group() as tg:
        for c in coros:
            tg.start_soon(run, c)
    return out


def _cli(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(CERTREADY), *args],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_cli_mail_test(smtp: SmtpServer) -> None:
    env = {
        "CERTREADY_SMTP_HOST": "127.0.0.1",
        "CERTREADY_SMTP_STARTTLS": "false",
        "CERTREADY_SMTP_FROM": "ops@acme.example",
    }
    ok = _cli("mail", "test", "ops@acme.example", CERTREADY_SMTP_PORT=str(smtp.port), **env)
    assert ok.returncode == 0, ok.stderr
    [message] = smtp.inbox.wait_sync(1)
    assert message["To"] == "ops@acme.example" and message["From"] == "ops@acme.example"
    down = _cli("mail", "test", "ops@acme.example", CERTREADY_SMTP_PORT=str(free_port()), **env)
    assert down.returncode == 1 and "ConnectionRefusedError" in down.stderr
    unset = _cli("mail", "test", "ops@acme.example", CERTREADY_SMTP_HOST="")
    assert unset.returncode == 2 and "not configured" in unset.stderr
