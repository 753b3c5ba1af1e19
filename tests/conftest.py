"""Test harness: every database test runs on SQLite *and* PostgreSQL.

The schema is built by the real migrations once per session; each test gets a
clean database (SQLite: a copy of the migrated template file; PostgreSQL:
DELETE of the data tables, keeping catalogue reference data). Nothing is
mocked: real databases, real files, the real ASGI stack, real tokens.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import psycopg
import pytest
from certready.cli import alembic_config
from certready.config import Settings
from certready.db.engine import create_engine
from certready.db.registry import metadata
from certready.db.session import Database
from certready.mail.service import settle as settle_mail
from certready.main import create_app
from sqlalchemy import event, text

from tests.factories.smtp import SmtpServer

PG_DEFAULT = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
TEST_SECRET = "test-secret-key-0123456789abcdef-0123456789"
# Reference data loaded by migrations: kept between tests.
REFERENCE_TABLES = frozenset(
    {"alembic_version", "framework", "requirement", "documented_information"}
)

# The append-only activity log refuses DELETE (its trigger): TRUNCATE bypasses row triggers.
APPEND_ONLY_TABLES = ("activity_entry",)
# Then children before parents, in one round trip: DELETE of a test's few rows is ~30x
# faster than a TRUNCATE of 70 tables (which swaps every table's files); no table has a
# sequence to reset.
PG_RESET = "; ".join(
    [f"TRUNCATE {', '.join(APPEND_ONLY_TABLES)} CASCADE"]
    + [
        f'DELETE FROM "{t.name}"'
        for t in reversed(metadata.sorted_tables)
        if t.name not in REFERENCE_TABLES | set(APPEND_ONLY_TABLES)
    ]
)


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


def _pg_admin_url() -> str:
    return os.environ.get("CERTREADY_TEST_POSTGRES_URL", PG_DEFAULT)


def _migrate(url: str) -> None:
    from alembic import command

    cfg = alembic_config(url)
    cfg.attributes["skip_logging"] = True  # type: ignore[attr-defined]
    command.upgrade(cfg, "head")  # type: ignore[arg-type]


@dataclass
class DbTarget:
    kind: str
    url: str
    template: Path | None = None


@pytest.fixture(scope="session")
def sqlite_target(tmp_path_factory: pytest.TempPathFactory) -> DbTarget:
    base = tmp_path_factory.mktemp("sqlite")
    template = base / "template.db"
    _migrate(f"sqlite+aiosqlite:///{template}")
    return DbTarget("sqlite", f"sqlite+aiosqlite:///{base / 'test.db'}", template)


@pytest.fixture(scope="session")
def postgresql_target() -> Iterator[DbTarget]:
    admin = _pg_admin_url()
    name = f"certready_test_{uuid.uuid4().hex[:8]}"
    plain = admin.replace("postgresql+psycopg://", "postgresql://")
    try:
        conn = psycopg.connect(plain, autocommit=True, connect_timeout=3)
    except psycopg.OperationalError as exc:
        if os.environ.get("CI") == "true":
            pytest.fail(f"PostgreSQL is required under CI=true and is not reachable: {exc}")
        pytest.skip(
            f"PostgreSQL not reachable at {plain.split('@')[-1]}: set CERTREADY_TEST_POSTGRES_URL"
        )
    with conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    url = admin.rsplit("/", 1)[0] + "/" + name
    _migrate(url)
    yield DbTarget("postgresql", url)
    with psycopg.connect(plain, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", "postgresql"])
def db_target(request: pytest.FixtureRequest) -> DbTarget:
    target: DbTarget = request.getfixturevalue(f"{request.param}_target")
    return target


@pytest.fixture
def settings(db_target: DbTarget, tmp_path: Path) -> Settings:
    if db_target.template is not None:
        db_file = Path(db_target.url.split("///", 1)[1])
        for suffix in ("", "-wal", "-shm"):
            Path(str(db_file) + suffix).unlink(missing_ok=True)
        shutil.copyfile(db_target.template, db_file)
    return Settings(
        env="development",
        data_dir=tmp_path / "data",
        database_url=db_target.url,
        secret_key=TEST_SECRET,  # type: ignore[arg-type]
        spa_dir=tmp_path / "no-spa",
        # cheap hashing in tests; test_passwords asserts the production parameters
        argon2_time_cost=1,
        argon2_memory_cost=1024,
        argon2_parallelism=1,
        worker=False,
    )


@pytest.fixture
async def database(settings: Settings, db_target: DbTarget) -> AsyncIterator[Database]:
    db = Database.from_engine(create_engine(settings))
    if db_target.kind == "postgresql":
        async with db.engine.begin() as conn:
            await conn.execute(text(PG_RESET))
    yield db
    await db.dispose()


@pytest.fixture
def app(settings: Settings, database: Database):  # type: ignore[no-untyped-def]
    return create_app(settings, database=database)


@pytest.fixture
async def client(app) -> AsyncIterator[httpx.AsyncClient]:  # type: ignore[no-untyped-def]
    transport = httpx.ASGITransport(app=app, client=("127.0.0.1", 50000))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
        yield c


@pytest.fixture
def smtp() -> Iterator[SmtpServer]:
    """A real SMTP server on a free port; ``smtp.inbox`` collects what it receives."""
    server = SmtpServer().start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
async def mail_settings(
    settings: Settings, smtp: SmtpServer, database: Database
) -> AsyncIterator[Settings]:
    """The test settings with mail through ``smtp``; pending deliveries settle at the end."""
    yield smtp.settings(settings)
    await settle_mail()


class QueryCounter:
    def __init__(self) -> None:
        self.count = 0
        self.statements: list[str] = []

    def __call__(self, conn, cursor, statement, parameters, context, executemany):  # type: ignore[no-untyped-def]
        if statement.strip().upper() in {"BEGIN", "BEGIN IMMEDIATE", "COMMIT", "ROLLBACK"}:
            return
        self.count += 1
        self.statements.append(statement)


@pytest.fixture
def count_queries(database: Database) -> Iterator[QueryCounter]:
    """Counts SQL statements (excluding transaction control) sent by the app."""
    counter = QueryCounter()
    event.listen(database.engine.sync_engine, "before_cursor_execute", counter)
    yield counter
    event.remove(database.engine.sync_engine, "before_cursor_execute", counter)
