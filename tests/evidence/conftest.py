"""Evidence test helpers: a small upload limit and a look inside the real file store."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from certready.config import Settings
from certready.db.session import Database
from certready.main import create_app
from sqlalchemy import text

SMALL_LIMIT = 256 * 1024


@pytest.fixture
async def small_client(settings: Settings, database: Database) -> AsyncIterator[httpx.AsyncClient]:
    """The app with a 256 KiB upload limit (SECURITY.md U1)."""
    app = create_app(
        settings.model_copy(update={"max_upload_bytes": SMALL_LIMIT}), database=database
    )
    transport = httpx.ASGITransport(app=app, client=("127.0.0.1", 50000))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
        yield c


def temp_files(settings: Settings) -> list[Path]:
    tmp = settings.evidence_dir / "tmp"
    return sorted(tmp.iterdir()) if tmp.is_dir() else []


def blobs(settings: Settings) -> list[Path]:
    root = settings.evidence_dir
    if not root.is_dir():
        return []
    return sorted(p for p in root.glob("*/*/*") if p.is_file() and p.parent.parent.name != "tmp")


async def count_rows(database: Database, table: str) -> int:
    async with database.engine.connect() as conn:
        return int((await conn.execute(text(f"SELECT count(*) FROM {table}"))).scalar_one())
