"""ITSM records written straight to the database in bulk (the receivers are tested elsewhere)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
from certready.core.clock import utcnow
from certready.db.session import Database
from certready.integrations.enums import KIND_CLAUSES, RecordKind
from certready.integrations.models import ItsmRecord
from sqlalchemy import insert

from tests.factories.auth import OrgFixture

BASE = datetime(2026, 9, 1, 8, 0, tzinfo=UTC)


async def create_integration(client: httpx.AsyncClient, org: OrgFixture) -> str:
    r = await client.post(
        f"/api/v1/orgs/{org.slug}/integrations",
        json={"name": "Jira desk", "source": "jira"},
        headers=org.admin.headers,
    )
    assert r.status_code == 201, r.text
    return str(r.json()["id"])


async def insert_records(
    database: Database,
    org: OrgFixture,
    integration_id: str,
    count: int,
    *,
    kind: str = "incident",
    start: int = 0,
    **fields: Any,
) -> list[str]:
    """``count`` records of one kind, opened a day apart from ``BASE`` (plus ``start`` days)."""
    now = utcnow()
    rows = []
    for i in range(start, start + count):
        rows.append(
            {
                "id": uuid.uuid4(),
                "org_id": uuid.UUID(org.id),
                "integration_id": uuid.UUID(integration_id),
                "source": "jira",
                "external_id": f"{kind}-{i}-{uuid.uuid4().hex[:6]}",
                "external_key": f"SD-{i}",
                "kind": kind,
                "clause": KIND_CLAUSES[RecordKind(kind)],
                "title": f"{kind} {i}",
                "status": "open",
                "priority": "medium",
                "opened_at": BASE + timedelta(days=i),
                "delivery_count": 1,
                "created_at": now,
                "updated_at": now,
                **fields,
            }
        )
    if rows:
        async with database.transaction() as session:
            await session.execute(insert(ItsmRecord.__table__), rows)  # type: ignore[attr-defined]
    return [str(r["id"]) for r in rows]
