"""Delivering the outbox: one attempt right after the commit, retries by the mail worker.

An attempt first claims the row in its own short transaction (attempts + 1, not due again
for a lease longer than the SMTP timeout), sends outside any transaction, then records the
outcome: sent (content emptied), or due again after a backoff (``mail_retry_seconds``
doubled per attempt, at most an hour), or, after ``mail_max_attempts``, given up with the
error logged at ERROR and kept on the row (``last_error``, ``failed_at``).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import uuid
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

import anyio
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from certready.config import Settings
from certready.core.clock import utcnow
from certready.db.engine import writer
from certready.mail import repository
from certready.mail.content import unseal
from certready.mail.smtp import DELIVERY_ERRORS, send

log = logging.getLogger("certready.mail")
MAX_BACKOFF_SECONDS = 3600
BATCH = 50


@dataclass
class Outcome:
    sent: int = 0
    retrying: int = 0
    failed: int = 0


def backoff(settings: Settings, attempts: int) -> timedelta:
    seconds = settings.mail_retry_seconds * 2 ** max(attempts - 1, 0)
    return timedelta(seconds=min(seconds, MAX_BACKOFF_SECONDS))


def _sessions(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(writer(engine), expire_on_commit=False, autoflush=False)


async def deliver(
    engine: AsyncEngine,
    settings: Settings,
    ids: Sequence[uuid.UUID] | None = None,
    now: datetime | None = None,
) -> Outcome:
    """Attempt every due mail (or the due ones of ``ids``) once."""
    sessions = _sessions(engine)
    outcome = Outcome()
    now = now or utcnow()
    async with sessions() as session:
        rows = await repository.due(session, now, ids, BATCH)
    lease = timedelta(seconds=settings.smtp_timeout_seconds * 2 + 60)
    for row in rows:
        async with sessions() as session, session.begin():
            if not await repository.claim(session, row, utcnow() + lease):
                continue
        attempts = row.attempts + 1
        error: str | None = None
        try:
            await anyio.to_thread.run_sync(send, settings, unseal(settings, row))
        except DELIVERY_ERRORS as exc:
            error = f"{type(exc).__name__}: {exc}"[:500]
        done = utcnow()
        async with sessions() as session, session.begin():
            if error is None:
                await repository.mark(session, row.id, sent_at=done, content="", last_error=None)
                outcome.sent += 1
                log.info("mail %s (%s) sent to %s", row.id, row.kind, row.to_address)
            elif attempts >= settings.mail_max_attempts:
                await repository.mark(session, row.id, failed_at=done, content="", last_error=error)
                outcome.failed += 1
                log.error(
                    "mail %s (%s) to %s given up after %d attempts: %s",
                    row.id,
                    row.kind,
                    row.to_address,
                    attempts,
                    error,
                )
            else:
                retry_at = done + backoff(settings, attempts)
                await repository.mark(session, row.id, next_attempt_at=retry_at, last_error=error)
                outcome.retrying += 1
                log.warning(
                    "mail %s (%s) to %s not sent (attempt %d of %d, retry at %s): %s",
                    row.id,
                    row.kind,
                    row.to_address,
                    attempts,
                    settings.mail_max_attempts,
                    f"{retry_at:%H:%M:%S}",
                    error,
                )
    return outcome


async def deliver_once(
    engine: AsyncEngine, settings: Settings, ids: Sequence[uuid.UUID]
) -> Outcome:
    """The attempt right after a commit; never raises (the worker retries what is left)."""
    try:
        return await deliver(engine, settings, ids)
    except Exception:
        log.exception("mail delivery after commit failed; the mail worker retries it")
        return Outcome()


async def _loop(engine: AsyncEngine, settings: Settings, interval: float) -> None:
    while True:
        try:
            await deliver(engine, settings)
        except Exception:  # the worker must outlive a bad SMTP day
            log.exception("mail worker run failed")
        await asyncio.sleep(interval)


@contextlib.asynccontextmanager
async def run(
    engine: AsyncEngine, settings: Settings, enabled: bool, interval: float | None = None
) -> AsyncIterator[None]:
    """Retry due mail every ``mail_poll_seconds`` for the lifetime of the app."""
    if not enabled:
        yield
        return
    period = settings.mail_poll_seconds if interval is None else interval
    task = asyncio.create_task(_loop(engine, settings, period), name="mail-worker")
    try:
        yield
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
