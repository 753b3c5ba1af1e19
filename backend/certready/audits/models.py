"""Audit programmes, audits, their teams and checklists (ISO/IEC 20000-1 9.2)."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Index, String, UniqueConstraint
from sqlmodel import Field, SQLModel

from certready.audits.enums import AuditStatus, AuditType, ChecklistResult
from certready.db.base import IdMixin, TimestampMixin, Versioned, utc_field


class AuditProgramme(IdMixin, TimestampMixin, Versioned, table=True):
    """The internal audit programme: period, objectives and the audit method (procedure)."""

    __tablename__ = "audit_programme"

    org_id: uuid.UUID = Field(foreign_key="organisation.id", index=True, ondelete="RESTRICT")
    title: str = Field(max_length=200)
    period_label: str = Field(default="", max_length=64)
    period_start: date | None = None
    period_end: date | None = None
    objectives: str = Field(default="", max_length=10000)
    method: str = Field(default="", max_length=20000)
    risk_basis: str = Field(default="", max_length=10000)
    approved_by_id: uuid.UUID | None = Field(
        default=None, foreign_key="user_account.id", ondelete="SET NULL"
    )
    approved_at: datetime | None = utc_field(default=None)


class Audit(IdMixin, TimestampMixin, Versioned, table=True):
    __tablename__ = "audit"
    __table_args__ = (
        UniqueConstraint("org_id", "number"),
        Index("ix_audit_org_status", "org_id", "status"),
    )

    org_id: uuid.UUID = Field(foreign_key="organisation.id", ondelete="RESTRICT")
    number: int
    programme_id: uuid.UUID | None = Field(
        default=None, foreign_key="audit_programme.id", index=True, ondelete="RESTRICT"
    )
    framework_id: uuid.UUID = Field(foreign_key="framework.id", ondelete="RESTRICT")
    type: AuditType = Field(sa_type=String(32))
    status: AuditStatus = Field(default=AuditStatus.planned, sa_type=String(32))
    title: str = Field(max_length=200)
    # Requirement refs and/or clause prefixes ("8", "8.5"), as the user gave them.
    scope: list[str] = Field(default_factory=list, sa_type=JSON)
    criteria: str = Field(default="", max_length=10000)
    planned_start_date: date | None = None
    planned_end_date: date | None = None
    actual_start_date: date | None = None
    actual_end_date: date | None = None
    lead_auditor_id: uuid.UUID | None = Field(
        default=None, foreign_key="user_account.id", ondelete="RESTRICT"
    )
    # Certification-body auditors who have no account here (free text names).
    external_auditors: list[str] = Field(default_factory=list, sa_type=JSON)
    report_summary: str = Field(default="", max_length=20000)
    # Who received the report (names, roles or addresses).
    distribution: list[str] = Field(default_factory=list, sa_type=JSON)
    closed_at: datetime | None = utc_field(default=None)
    # The day the report was closed as the user states it (``closed_at``: when recorded).
    closed_on: date | None = None


class AuditTeamMember(SQLModel, table=True):
    __tablename__ = "audit_team_member"

    audit_id: uuid.UUID = Field(foreign_key="audit.id", primary_key=True, ondelete="CASCADE")
    user_id: uuid.UUID = Field(
        foreign_key="user_account.id", primary_key=True, index=True, ondelete="RESTRICT"
    )
    org_id: uuid.UUID = Field(foreign_key="organisation.id", index=True, ondelete="RESTRICT")


class AuditChecklistLine(IdMixin, Versioned, table=True):
    """One leaf requirement in an audit's scope, created when the audit starts."""

    __tablename__ = "audit_checklist_line"
    __table_args__ = (
        UniqueConstraint("audit_id", "requirement_id"),
        Index("ix_audit_checklist_line_org_requirement", "org_id", "requirement_id"),
    )

    org_id: uuid.UUID = Field(foreign_key="organisation.id", ondelete="RESTRICT")
    audit_id: uuid.UUID = Field(foreign_key="audit.id", ondelete="CASCADE")
    requirement_id: uuid.UUID = Field(foreign_key="requirement.id", ondelete="RESTRICT")
    ref: str = Field(max_length=32)
    sort_key: str = Field(max_length=128)
    result: ChecklistResult = Field(default=ChecklistResult.not_assessed, sa_type=String(32))
    notes: str = Field(default="", max_length=20000)
    auditor_id: uuid.UUID | None = Field(
        default=None, foreign_key="user_account.id", ondelete="RESTRICT"
    )
    assessed_by_id: uuid.UUID | None = Field(
        default=None, foreign_key="user_account.id", ondelete="RESTRICT"
    )
    assessed_at: datetime | None = utc_field(default=None)
    # The day the line was assessed as the auditor states it (``assessed_at``: recorded).
    assessed_on: date | None = None
    # The last ITSM sample drawn on the line (``audits.sampling``): seed, filters and the
    # population size it was drawn from, so the same draw can be repeated.
    sample_seed: int | None = None
    sample_filters: dict[str, Any] | None = Field(default=None, sa_type=JSON)
    sample_population: int | None = None
    sample_drawn_at: datetime | None = utc_field(default=None)
    sample_drawn_by_id: uuid.UUID | None = Field(
        default=None, foreign_key="user_account.id", ondelete="RESTRICT"
    )


class AuditChecklistEvidence(SQLModel, table=True):
    """Evidence sampled for a checklist line (evidence is never deleted while linked)."""

    __tablename__ = "audit_checklist_evidence"

    line_id: uuid.UUID = Field(
        foreign_key="audit_checklist_line.id", primary_key=True, ondelete="CASCADE"
    )
    evidence_item_id: uuid.UUID = Field(
        foreign_key="evidence.id", primary_key=True, ondelete="RESTRICT"
    )
    # None: the item as a whole, not one particular version.
    version_number: int | None = None
    org_id: uuid.UUID = Field(foreign_key="organisation.id", index=True, ondelete="RESTRICT")


class AuditChecklistRecord(SQLModel, table=True):
    """An ITSM record drawn into a checklist line's sample (``position``: the draw order)."""

    __tablename__ = "audit_checklist_record"

    line_id: uuid.UUID = Field(
        foreign_key="audit_checklist_line.id", primary_key=True, ondelete="CASCADE"
    )
    record_id: uuid.UUID = Field(
        foreign_key="itsm_record.id", primary_key=True, index=True, ondelete="RESTRICT"
    )
    position: int
    org_id: uuid.UUID = Field(foreign_key="organisation.id", index=True, ondelete="RESTRICT")
