"""Corrective measures on nonconformities (ISO/IEC 20000-1 10.1)."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import Index, String, UniqueConstraint
from sqlmodel import Field, SQLModel

from certready.core.clock import utcnow
from certready.corrective_measures.enums import (
    EffectivenessResult,
    MeasureStatus,
    RootCauseMethod,
)
from certready.db.base import IdMixin, TimestampMixin, UTCDateTime, Versioned, utc_field


class CorrectiveMeasure(IdMixin, TimestampMixin, Versioned, table=True):
    __tablename__ = "corrective_measure"
    __table_args__ = (
        UniqueConstraint("org_id", "number"),
        # status lists, and the readiness checks (overdue, closed without review) read
        # from the index alone
        Index(
            "ix_corrective_measure_org_status_due",
            "org_id",
            "status",
            "due_date",
            "review_result",
            "number",
            "id",
        ),
    )

    org_id: uuid.UUID = Field(foreign_key="organisation.id", ondelete="RESTRICT")
    # Human key CM-<number>, per organisation.
    number: int
    title: str = Field(max_length=300)
    description: str = Field(default="", max_length=20000)
    status: MeasureStatus = Field(default=MeasureStatus.open, sa_type=String(32))
    owner_id: uuid.UUID | None = Field(
        default=None, foreign_key="user_account.id", index=True, ondelete="SET NULL"
    )
    due_date: date | None = None
    # Step 1, react: the correction of the instance.
    correction: str = Field(default="", max_length=20000)
    correction_date: date | None = None
    correction_by_id: uuid.UUID | None = Field(
        default=None, foreign_key="user_account.id", ondelete="SET NULL"
    )
    # Step 2, evaluate: root cause and whether it could occur elsewhere.
    root_cause_method: RootCauseMethod | None = Field(default=None, sa_type=String(32))
    root_cause: str = Field(default="", max_length=20000)
    extent: str = Field(default="", max_length=20000)
    # Step 4, the latest effectiveness review (earlier ones live in the activity log).
    review_by_id: uuid.UUID | None = Field(
        default=None, foreign_key="user_account.id", ondelete="SET NULL"
    )
    review_method: str = Field(default="", max_length=2000)
    review_result: EffectivenessResult | None = Field(default=None, sa_type=String(32))
    review_date: date | None = None
    review_evidence_id: uuid.UUID | None = Field(
        default=None, foreign_key="evidence.id", ondelete="RESTRICT"
    )
    review_note: str = Field(default="", max_length=10000)
    review_recorded_at: datetime | None = utc_field(default=None)
    reopen_count: int = 0
    cancel_reason: str = Field(default="", max_length=10000)
    closed_at: datetime | None = utc_field(default=None)
    # The day it was closed as the user states it (``closed_at``: when recorded).
    closed_on: date | None = None


class CorrectiveMeasureFinding(SQLModel, table=True):
    """The findings a measure acts on (one measure may serve several findings)."""

    __tablename__ = "corrective_measure_finding"

    measure_id: uuid.UUID = Field(
        foreign_key="corrective_measure.id", primary_key=True, ondelete="CASCADE"
    )
    finding_id: uuid.UUID = Field(
        foreign_key="finding.id", primary_key=True, index=True, ondelete="RESTRICT"
    )
    org_id: uuid.UUID = Field(foreign_key="organisation.id", index=True, ondelete="RESTRICT")


class CorrectiveMeasureSmsChange(SQLModel, table=True):
    """Step 5: evidence of the SMS changes (evidence is never deleted while linked)."""

    __tablename__ = "corrective_measure_sms_change"

    measure_id: uuid.UUID = Field(
        foreign_key="corrective_measure.id", primary_key=True, ondelete="CASCADE"
    )
    evidence_item_id: uuid.UUID = Field(
        foreign_key="evidence.id", primary_key=True, ondelete="RESTRICT"
    )
    org_id: uuid.UUID = Field(foreign_key="organisation.id", index=True, ondelete="RESTRICT")


class CorrectiveAction(IdMixin, table=True):
    """Step 3: one planned action of a measure."""

    __tablename__ = "corrective_action"

    org_id: uuid.UUID = Field(foreign_key="organisation.id", index=True, ondelete="RESTRICT")
    measure_id: uuid.UUID = Field(
        foreign_key="corrective_measure.id", index=True, ondelete="CASCADE"
    )
    description: str = Field(max_length=10000)
    owner_id: uuid.UUID | None = Field(
        default=None, foreign_key="user_account.id", ondelete="SET NULL"
    )
    due_date: date | None = None
    done: bool = False
    done_at: datetime | None = utc_field(default=None)
    # Completion evidence.
    evidence_id: uuid.UUID | None = Field(
        default=None, foreign_key="evidence.id", ondelete="RESTRICT"
    )
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)
