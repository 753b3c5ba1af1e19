"""Session factories and the per-request session (one commit point)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from certready.db.engine import writer

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
# Session.info key set on write sessions: loads of the object a request changes lock its row.
WRITE_SESSION = "certready.write"


def is_write_session(session: AsyncSession) -> bool:
    return bool(session.info.get(WRITE_SESSION))


@dataclass
class Database:
    engine: AsyncEngine
    read_sessions: async_sessionmaker[AsyncSession]
    write_sessions: async_sessionmaker[AsyncSession]

    @classmethod
    def from_engine(cls, engine: AsyncEngine) -> Database:
        return cls(
            engine=engine,
            read_sessions=async_sessionmaker(engine, expire_on_commit=False, autoflush=False),
            write_sessions=async_sessionmaker(
                writer(engine), expire_on_commit=False, autoflush=False, info={WRITE_SESSION: True}
            ),
        )

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[AsyncSession]:
        """A write transaction outside a request (CLI, worker, seeders)."""
        async with self.write_sessions() as session:
            try:
                yield session
                await session.commit()
            except BaseException:
                await session.rollback()
                raise

    async def refresh_statistics(self, analysis_limit: int = 1000) -> None:
        """Refresh SQLite's planner statistics (``sqlite_stat1``).

        Without them SQLite guesses, and for the readiness aggregates it guesses wrong (it
        walks every link of the organisation instead of the framework's, and reads the
        evidence table instead of its covering index). ``analysis_limit`` bounds the cost
        (a few milliseconds for 50,000 evidence items). PostgreSQL's autovacuum keeps its
        own statistics: nothing to do there.
        """
        if self.engine.dialect.name != "sqlite":
            return
        async with writer(self.engine).connect() as conn:
            await conn.exec_driver_sql(f"PRAGMA analysis_limit = {int(analysis_limit)}")
            await conn.exec_driver_sql("ANALYZE")
            await conn.commit()

    async def dispose(self) -> None:
        await self.engine.dispose()
