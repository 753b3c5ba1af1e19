"""Readiness settings and snapshots; the facts of a computation are read by
``readiness.loaders`` (one loader per rule family)."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlmodel import col, select

from certready.db.repository import OrgScopedRepository
from certready.readiness.loaders import FACT_STATEMENTS, FactsLoader
from certready.readiness.models import ReadinessSettings, ReadinessSnapshot

__all__ = ["FACT_STATEMENTS", "FactsLoader", "SettingsRepository", "SnapshotRepository"]


class SettingsRepository(OrgScopedRepository[ReadinessSettings]):
    model = ReadinessSettings

    async def current(self) -> ReadinessSettings | None:
        """The organisation's overrides (locked in a write request), None before the first."""
        return (
            (await self.session.execute(self.for_change(self.base_statement()))).scalars().first()
        )


class SnapshotRepository(OrgScopedRepository[ReadinessSnapshot]):
    model = ReadinessSnapshot

    def history(self, framework: str) -> Any:
        return self.base_statement().where(col(ReadinessSnapshot.framework) == framework)

    async def exists_on(self, day: date, framework: str) -> bool:
        stmt = (
            select(col(ReadinessSnapshot.id))
            .where(
                self.of_org(ReadinessSnapshot),
                col(ReadinessSnapshot.snapshot_date) == day,
                col(ReadinessSnapshot.framework) == framework,
            )
            .limit(1)
        )
        return (await self.session.execute(stmt)).first() is not None
