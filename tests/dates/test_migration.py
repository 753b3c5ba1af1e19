"""The occurred-dates migration on a database with data: every new day column is backfilled
from its recorded timestamp (the UTC day), no row is lost, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import anyio
import httpx
from alembic import command
from alembic.script import ScriptDirectory
from certready.activity.models import ActivityEntry
from certready.audits.models import Audit, AuditChecklistLine
from certready.db.engine import create_engine
from certready.db.session import Database
from certready.evidence.models import Evidence
from certready.findings.models import Finding
from certready.main import create_app
from sqlalchemy import func, select, text, update

from tests.db import test_migrations
from tests.db.test_evidence_link_keys import _counts, _migrate, _settings
from tests.factories.audits import assess_all, create_audit, patch_audit, transition
from tests.factories.auth import add_member, first_run
from tests.factories.evidence import create_statement, evidence_url
from tests.factories.findings import move_finding, raise_finding

REVISION = "7c1d2e9a4b60"
empty_db_url = test_migrations.empty_db_url  # a fresh database per dialect
# late in the evening UTC: the backfill takes the UTC day, whatever the server's zone
RECORDED = datetime(2025, 4, 3, 23, 30, tzinfo=UTC)
TIMESTAMPS = {
    Finding: ["raised_at", "closed_at"],
    Audit: ["closed_at"],
    AuditChecklistLine: ["assessed_at"],
    Evidence: ["approved_at"],
}
BACKFILLED = {
    "finding": ["raised_on", "closed_on"],
    "audit": ["closed_on"],
    "audit_checklist_line": ["assessed_on"],
    "evidence": ["approved_on"],
}


async def _history(client: httpx.AsyncClient) -> None:
    """A closed audit with assessed lines, a closed finding and an approved item."""
    org = await first_run(client)
    approver = await add_member(client, org, "sms_manager")
    audit = await create_audit(client, org, scope=["4.1"], lead=org.admin.user_id)
    assert (await transition(client, org, audit["id"], "in_progress")).status_code == 200
    await assess_all(client, org, audit["id"], org.admin.headers)
    body = {"report_summary": "Conforming.", "distribution": ["Top management"]}
    assert (await patch_audit(client, org, audit["id"], body)).status_code == 200
    for to in ("reporting", "closed"):
        assert (await transition(client, org, audit["id"], to)).status_code == 200
    finding = await raise_finding(client, org, grade="observation")
    r = await move_finding(client, org, finding["id"], "closed", note="Noted.")
    assert r.status_code == 200, r.text
    item = await create_statement(client, org, title="Policy", kind="policy")
    for to, who in (("in_review", org.admin), ("approved", approver)):
        r = await client.post(
            evidence_url(org, item["id"], "transitions"), json={"to": to}, headers=who.headers
        )
        assert r.status_code == 200, r.text


async def _days(db: Database) -> dict[str, list[Any]]:
    async with db.engine.connect() as conn:
        return {
            f"{table}.{column}": [
                r[0] for r in await conn.execute(text(f"SELECT {column} FROM {table}"))
            ]
            for table, columns in BACKFILLED.items()
            for column in columns
        }


async def test_backfill_from_the_recorded_timestamps(empty_db_url: str, tmp_path: Path) -> None:
    cfg = test_migrations._config(empty_db_url)
    await _migrate(cfg, "head")
    settings = _settings(empty_db_url, tmp_path)
    db = Database.from_engine(create_engine(settings))
    transport = httpx.ASGITransport(
        app=create_app(settings, database=db), client=("127.0.0.1", 50000)
    )
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        await _history(client)
    before = await _counts(db)
    previous = ScriptDirectory.from_config(cfg).get_revision(REVISION).down_revision
    assert isinstance(previous, str)
    await _migrate(cfg, previous, down=True)
    async with db.engine.begin() as conn:
        for model, names in TIMESTAMPS.items():
            table = model.__table__  # type: ignore[attr-defined]
            await conn.execute(update(table).values({n: RECORDED for n in names}))
    await _migrate(cfg, "head")
    await anyio.to_thread.run_sync(command.check, cfg)
    assert await _counts(db) == before  # no row lost (SQLite rebuilds the finding table)
    days = await _days(db)
    assert days["finding.raised_on"] and days["audit_checklist_line.assessed_on"]
    for column, values in days.items():
        assert values, column
        assert {str(v)[:10] for v in values} == {date(2025, 4, 3).isoformat()}, column
    async with db.engine.connect() as conn:
        entries = ActivityEntry.__table__  # type: ignore[attr-defined]
        stated = select(func.count()).select_from(entries).where(entries.c.occurred_on.is_not(None))
        assert (await conn.execute(stated)).scalar_one() == 0  # written before: no stated day
    await db.dispose()
