"""Planner statistics: SQLite gets ``sqlite_stat1`` at start-up and from the daily worker
(the readiness aggregates depend on them); PostgreSQL's autovacuum keeps its own."""

from __future__ import annotations

from certready.db.session import Database
from sqlalchemy import text


async def _sqlite_stat_rows(database: Database) -> int | None:
    async with database.read_sessions() as session:
        exists = (
            await session.execute(
                text("SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'")
            )
        ).scalar_one()
        if not exists:
            return None
        n = (
            await session.execute(
                text("SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'requirement'")
            )
        ).scalar_one()
        return int(n)


async def test_refresh_statistics(database: Database) -> None:
    if database.engine.dialect.name != "sqlite":
        await database.refresh_statistics()  # a no-op there, but it must not fail
        return
    before = await _sqlite_stat_rows(database)
    await database.refresh_statistics()
    after = await _sqlite_stat_rows(database)
    assert after, (before, after)  # the catalogue's requirement indexes are described
    await database.refresh_statistics()  # idempotent
    assert await _sqlite_stat_rows(database) == after
