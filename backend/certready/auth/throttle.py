"""Login throttling: fixed-window counters taken atomically before a password is checked.

Each attempt increments its account's and its client's counter in ONE upsert (``INSERT ...
ON CONFLICT DO UPDATE ... RETURNING``, on SQLite and PostgreSQL alike), so N concurrent
attempts see N distinct counts and exactly ``limit`` of them get their password checked.
The counters live in the database: every API process shares them.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import case, delete, literal
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from certready.auth.models import LoginThrottle
from certready.db.base import UTCDateTime

_TABLE = LoginThrottle.__table__  # type: ignore[attr-defined]


def account_key(account: str) -> str:
    return f"account:{account}"


def client_key(client: str) -> str:
    return f"client:{client}"


async def take(
    session: AsyncSession, key: str, window_seconds: int, now: datetime
) -> tuple[int, datetime]:
    """Count one attempt for ``key``; the count in the current window and when it started."""
    insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    start = literal(now, UTCDateTime)
    expired = _TABLE.c.window_start <= literal(now - timedelta(seconds=window_seconds), UTCDateTime)
    stmt = (
        insert(_TABLE)
        .values(key=key, window_start=start, count=1)
        .on_conflict_do_update(
            index_elements=[_TABLE.c.key],
            set_={
                "count": case((expired, 1), else_=_TABLE.c.count + 1),
                "window_start": case((expired, start), else_=_TABLE.c.window_start),
            },
        )
        .returning(_TABLE.c.count, _TABLE.c.window_start)
    )
    count, window_start = (await session.execute(stmt)).one()
    return int(count), window_start


async def forget(session: AsyncSession, key: str) -> None:
    """A successful login clears its account's failure count."""
    await session.execute(delete(LoginThrottle).where(col(LoginThrottle.key) == key))


def retry_after(window_start: datetime, window_seconds: int, now: datetime) -> int:
    return max(window_seconds - int((now - window_start).total_seconds()), 1)
