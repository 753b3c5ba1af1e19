"""Alembic environment: async engines for SQLite and PostgreSQL, batch mode on SQLite."""

from __future__ import annotations

import asyncio
from logging.config import fileConfig
from typing import Any, Literal

from alembic import context
from certready.config import get_settings
from certready.db.base import UTCDateTime
from certready.db.engine import create_engine
from certready.db.registry import metadata
from sqlalchemy.engine import Connection
from sqlmodel.sql.sqltypes import AutoString

config = context.config
if config.config_file_name is not None and not config.attributes.get("skip_logging"):
    fileConfig(config.config_file_name, disable_existing_loggers=False)


def database_url() -> str:
    url = config.attributes.get("database_url")
    return str(url) if url else get_settings().resolved_database_url


def render_item(type_: str, obj: Any, autogen_context: Any) -> str | Literal[False]:
    """Render our column types with importable paths in generated migrations."""
    if type_ == "type" and isinstance(obj, UTCDateTime):
        return "certready.db.base.UTCDateTime()"
    if type_ == "type" and isinstance(obj, AutoString):
        return f"sqlmodel.sql.sqltypes.AutoString(length={obj.length!r})"
    return False


def _sqlite_foreign_keys(connection: Connection, on: bool) -> None:
    # through the driver: the pragma only takes effect outside a transaction
    cursor = connection.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute(f"PRAGMA foreign_keys = {'ON' if on else 'OFF'}")
    finally:
        cursor.close()


def do_run_migrations(connection: Connection) -> None:
    sqlite = connection.dialect.name == "sqlite"
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=sqlite,
        compare_type=True,
        compare_server_default=True,
        render_item=render_item,
    )
    # SQLite alters a table by rebuilding it (batch mode): with foreign keys enforced,
    # dropping the old table would fire the ON DELETE actions of the rows citing it
    # (CASCADE would delete them). Off while migrating, checked before the commit.
    toggle = sqlite and not connection.in_transaction()
    if toggle:
        _sqlite_foreign_keys(connection, on=False)
    try:
        with context.begin_transaction():
            context.run_migrations()
            if sqlite:
                broken = connection.exec_driver_sql("PRAGMA foreign_key_check").all()
                if broken:
                    raise RuntimeError(f"foreign keys violated after migrating: {broken[:20]}")
    finally:
        if toggle:
            _sqlite_foreign_keys(connection, on=True)


async def run_async_migrations() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        await connection.run_sync(do_run_migrations)
        return
    engine = create_engine(get_settings(), database_url())
    try:
        async with engine.connect() as conn:
            await conn.run_sync(do_run_migrations)
            await conn.commit()
    finally:
        await engine.dispose()


if context.is_offline_mode():
    context.configure(url=database_url(), target_metadata=metadata, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()
else:
    asyncio.run(run_async_migrations())
