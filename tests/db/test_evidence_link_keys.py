"""Evidence-link foreign keys on a database with data: orphans stop it, no row is lost."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

import anyio
import httpx
import pytest
from alembic import command
from alembic.script import ScriptDirectory
from certready.config import Settings
from certready.db.engine import create_engine
from certready.db.registry import metadata
from certready.db.session import Database
from certready.findings.models import FindingEvidence
from certready.main import create_app
from sqlalchemy import func, inspect, select, text
from sqlalchemy.exc import IntegrityError

from tests.db import test_migrations
from tests.factories.audits import assess, create_audit, transition
from tests.factories.auth import first_run
from tests.factories.corrective_measures import (
    add_action,
    measure_in,
    open_measure,
    patch_measure,
    review,
    update_action,
)
from tests.factories.evidence import create_statement
from tests.factories.findings import raise_finding

REVISION = "d4f2fae09cd9"
empty_db_url = test_migrations.empty_db_url  # a fresh database per dialect


def _settings(url: str, tmp_path: Path) -> Settings:
    return Settings(
        env="development",
        data_dir=tmp_path / "data",
        database_url=url,
        secret_key="x" * 40,  # type: ignore[arg-type]
        spa_dir=tmp_path / "no-spa",
        argon2_time_cost=1,
        argon2_memory_cost=1024,
        argon2_parallelism=1,
        worker=False,
    )


async def _links(client: httpx.AsyncClient) -> None:
    """One organisation whose evidence is cited from every kind of link."""
    acme = await first_run(client)
    own = (await create_statement(client, acme))["id"]
    cite = [{"evidence_item_id": own}]
    audit = await create_audit(client, acme, scope=["4.1"], lead=acme.admin.user_id)
    await transition(client, acme, audit["id"], "in_progress")
    r = await assess(client, acme, audit["id"], "4.1", acme.admin.headers, evidence=cite)
    assert r.status_code == 200, r.text
    await raise_finding(client, acme, evidence=cite)
    measure = (await open_measure(client, acme))["id"]
    r = await patch_measure(client, acme, measure, {"sms_change_evidence_ids": [own]})
    assert r.status_code == 200, r.text
    action = (await add_action(client, acme, measure, owner_id=acme.admin.user_id))["actions"][0]
    r = await update_action(client, acme, measure, action["id"], {"evidence_id": own})
    assert r.status_code == 200, r.text
    reviewed = (await measure_in(client, acme, "effectiveness_review"))["id"]
    r = await review(client, acme, reviewed, evidence_id=own)
    assert r.status_code == 200, r.text


async def _counts(db: Database) -> dict[str, Any]:
    async with db.engine.connect() as conn:
        counts: dict[str, Any] = {}
        # the tables of the schema at the revision the database is at (later ones are absent)
        present = set(await conn.run_sync(lambda c: inspect(c).get_table_names()))
        for table in (t for t in metadata.sorted_tables if t.name in present):
            stmt = select(func.count()).select_from(table)
            counts[table.name] = (await conn.execute(stmt)).scalar_one()
        for table, column in (
            ("corrective_action", "evidence_id"),
            ("corrective_measure", "review_evidence_id"),
        ):
            sql = f"SELECT count({column}) FROM {table}"
            counts[f"{table}.{column}"] = (await conn.execute(text(sql))).scalar_one()
    return counts


async def _migrate(cfg: Any, to: str, *, down: bool = False) -> None:
    # env.py runs its own event loop: migrate from a worker thread
    await anyio.to_thread.run_sync(command.downgrade if down else command.upgrade, cfg, to)


async def test_links_keep_their_rows_and_orphans_stop_the_migration(
    empty_db_url: str, tmp_path: Path
) -> None:
    cfg = test_migrations._config(empty_db_url)
    await _migrate(cfg, "head")
    db = Database.from_engine(create_engine(_settings(empty_db_url, tmp_path)))
    app = create_app(_settings(empty_db_url, tmp_path), database=db)
    transport = httpx.ASGITransport(app=app, client=("127.0.0.1", 50000))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        await _links(client)
    before = await _counts(db)
    assert all(before[t] == 1 for t in ("audit_checklist_evidence", "finding_evidence"))
    assert before["corrective_measure_sms_change"] == 1
    assert before["corrective_action.evidence_id"] == 1
    assert before["corrective_measure.review_evidence_id"] == 1
    previous = ScriptDirectory.from_config(cfg).get_revision(REVISION).down_revision
    assert isinstance(previous, str)
    await _migrate(cfg, previous, down=True)
    # without the keys, a link to an item that does not exist could be written
    async with db.engine.begin() as conn:
        link = (await conn.execute(select(FindingEvidence))).one()
        orphan = uuid.uuid4()
        await conn.execute(
            FindingEvidence.__table__.insert().values(  # type: ignore[attr-defined]
                finding_id=link.finding_id, evidence_item_id=orphan, org_id=link.org_id
            )
        )
    with pytest.raises(RuntimeError, match=r"finding_evidence\.evidence_item_id: 1 orphan") as info:
        await _migrate(cfg, "head")
    assert str(orphan) in str(info.value) or orphan.hex in str(info.value)
    during = await _counts(db)
    assert during == {**{t: before[t] for t in during}, "finding_evidence": 2}  # nothing changed
    async with db.engine.begin() as conn:
        table = FindingEvidence.__table__  # type: ignore[attr-defined]
        await conn.execute(table.delete().where(table.c.evidence_item_id == orphan))
    await _migrate(cfg, "head")
    await anyio.to_thread.run_sync(command.check, cfg)
    assert await _counts(db) == before  # every row kept (no cascade on SQLite's rebuild)
    # and now the database refuses the orphan itself
    with pytest.raises(IntegrityError):
        async with db.engine.begin() as conn:
            await conn.execute(
                FindingEvidence.__table__.insert().values(  # type: ignore[attr-defined]
                    finding_id=link.finding_id, evidence_item_id=orphan, org_id=link.org_id
                )
            )
    await db.dispose()
