from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from certready.core.problems import ServiceUnavailable


async def check_database(session: AsyncSession) -> None:
    try:
        await session.execute(text("SELECT 1"))
    except Exception as exc:
        raise ServiceUnavailable("The database is not reachable.") from exc
