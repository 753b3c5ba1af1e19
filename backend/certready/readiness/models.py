"""Readiness snapshots (the trend) and per-organisation rule parameters."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Index, String
from sqlmodel import Field

from certready.core.clock import utcnow
from certready.db.base import IdMixin, UTCDateTime, Versioned, utc_field
from certready.readiness.enums import SnapshotTrigger


class ReadinessSnapshot(IdMixin, table=True):
    """The verdicts and score at one moment; written manually or by the daily worker."""

    __tablename__ = "readiness_snapshot"
    __table_args__ = (
        Index("ix_readiness_snapshot_org_taken", "org_id", "taken_at"),
        Index("ix_readiness_snapshot_org_date", "org_id", "snapshot_date"),
    )

    org_id: uuid.UUID = Field(foreign_key="organisation.id", ondelete="CASCADE")
    framework: str = Field(max_length=64)
    taken_at: datetime = utc_field()
    snapshot_date: date
    trigger: SnapshotTrigger = Field(sa_type=String(16))
    score: int
    # None: not confirmed, blocker rules not evaluated (for the last two also: not applicable).
    stage1_ready: bool | None = None
    stage2_ready: bool | None = None
    certification_ready: bool | None = None
    maintenance_ready: bool | None = None
    blockers: int
    warnings: int
    failing_rules: list[str] = Field(default_factory=list, sa_type=JSON)
    # The gates object of the response, for the dashboard's history tooltip.
    verdicts: dict[str, Any] = Field(default_factory=dict, sa_type=JSON)
    created_by: uuid.UUID | None = Field(
        default=None, foreign_key="user_account.id", ondelete="SET NULL"
    )


class ReadinessSettings(Versioned, table=True):
    """Rule parameter overrides of one organisation: ``{"RDY-10": {"months": 6}}``."""

    __tablename__ = "readiness_settings"

    org_id: uuid.UUID = Field(foreign_key="organisation.id", primary_key=True, ondelete="CASCADE")
    parameters: dict[str, dict[str, int]] = Field(default_factory=dict, sa_type=JSON)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)
    updated_by: uuid.UUID | None = Field(
        default=None, foreign_key="user_account.id", ondelete="SET NULL"
    )
