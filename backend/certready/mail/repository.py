"""Outbox queries: due rows, the claim of one attempt, its outcome."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import ColumnElement, CursorResult, and_, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col, select

from certready.mail.models import OutboxMail


def _open() -> ColumnElement[bool]:
    return and_(col(OutboxMail.sent_at).is_(None), col(OutboxMail.failed_at).is_(None))


async def due(
    session: AsyncSession, now: datetime, ids: Sequence[uuid.UUID] | None, limit: int
) -> list[OutboxMail]:
    stmt = select(OutboxMail).where(_open(), col(OutboxMail.next_attempt_at) <= now)
    if ids is not None:
        stmt = stmt.where(col(OutboxMail.id).in_(list(ids)))
    stmt = stmt.order_by(col(OutboxMail.next_attempt_at), col(OutboxMail.id)).limit(limit)
    return list((await session.execute(stmt)).scalars())


async def claim(session: AsyncSession, row: OutboxMail, lease_until: datetime) -> bool:
    """Take this attempt (attempts + 1, due again only after the lease) unless another
    process took it first: a conditional update, on SQLite and PostgreSQL alike."""
    result = await session.execute(
        update(OutboxMail)
        .where(
            col(OutboxMail.id) == row.id,
            col(OutboxMail.attempts) == row.attempts,
            _open(),
        )
        .values(attempts=row.attempts + 1, next_attempt_at=lease_until)
    )
    assert isinstance(result, CursorResult)
    return result.rowcount == 1


async def mark(session: AsyncSession, mail_id: uuid.UUID, **values: object) -> None:
    await session.execute(update(OutboxMail).where(col(OutboxMail.id) == mail_id).values(**values))


async def next_due(session: AsyncSession) -> datetime | None:
    stmt = select(OutboxMail.next_attempt_at).where(_open())
    stmt = stmt.order_by(col(OutboxMail.next_attempt_at)).limit(1)
    return (await session.execute(stmt)).scalars().first()
