"""Alembic is the only schema source: upgrade, check (models = migrations), round trip."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from alembic import command
from alembic.script import ScriptDirectory
from certready.cli import alembic_config

from tests.conftest import _pg_admin_url


def _config(url: str):  # type: ignore[no-untyped-def]
    cfg = alembic_config(url)
    cfg.attributes["skip_logging"] = True  # type: ignore[attr-defined]
    return cfg


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite+aiosqlite:///{tmp_path / 'migrate.db'}"
        return
    admin = _pg_admin_url()
    plain = admin.replace("postgresql+psycopg://", "postgresql://")
    name = f"certready_mig_{uuid.uuid4().hex[:8]}"
    try:
        conn = psycopg.connect(plain, autocommit=True, connect_timeout=3)
    except psycopg.OperationalError as exc:
        if os.environ.get("CI") == "true":
            pytest.fail(f"PostgreSQL is required under CI=true: {exc}")
        pytest.skip(f"PostgreSQL not reachable: {exc}")
    with conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    yield admin.rsplit("/", 1)[0] + "/" + name
    with psycopg.connect(plain, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_upgrade_check_and_round_trip(empty_db_url: str) -> None:
    cfg = _config(empty_db_url)
    command.upgrade(cfg, "head")
    command.check(cfg)  # raises when the models and the migrations differ
    command.downgrade(cfg, "base")
    command.upgrade(cfg, "head")
    command.check(cfg)


def test_single_linear_history_with_dated_files() -> None:
    script = ScriptDirectory.from_config(_config("sqlite://"))
    assert len(script.get_heads()) == 1
    for rev in script.walk_revisions():
        assert Path(rev.path).name[:10].count("-") == 2, rev.path  # YYYY-MM-DD_<rev>_<slug>.py
