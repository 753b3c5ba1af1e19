"""Service report definitions and the reports produced (ISO/IEC 20000-1 9.4; RDY-24)."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import Index, String, UniqueConstraint
from sqlmodel import Field

from certready.db.base import IdMixin, TimestampMixin, Versioned
from certready.service_reports.enums import ReportFrequency


class ReportDefinition(IdMixin, TimestampMixin, Versioned, table=True):
    """A report agreed with a customer or recipient, at a frequency, from a start date."""

    __tablename__ = "report_definition"
    __table_args__ = (UniqueConstraint("org_id", "number"),)

    org_id: uuid.UUID = Field(foreign_key="organisation.id", ondelete="RESTRICT")
    number: int  # human key RD-<n>
    title: str = Field(max_length=300)
    audience: str = Field(default="", max_length=300)
    frequency: ReportFrequency = Field(sa_type=String(16))
    # The first day reports are due for (periods ending before it are not expected).
    starts_on: date | None = None
    owner_id: uuid.UUID | None = Field(
        default=None, foreign_key="user_account.id", ondelete="SET NULL"
    )


class ProducedReport(IdMixin, TimestampMixin, Versioned, table=True):
    __tablename__ = "produced_report"
    __table_args__ = (
        UniqueConstraint("org_id", "number"),
        Index("ix_produced_report_org_definition_end", "org_id", "definition_id", "period_end"),
    )

    org_id: uuid.UUID = Field(foreign_key="organisation.id", ondelete="RESTRICT")
    definition_id: uuid.UUID = Field(foreign_key="report_definition.id", ondelete="RESTRICT")
    number: int  # human key SR-<n>
    period_start: date
    period_end: date
    produced_on: date
    evidence_item_id: uuid.UUID | None = Field(
        default=None, foreign_key="evidence.id", index=True, ondelete="RESTRICT"
    )
