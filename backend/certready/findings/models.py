"""Audit findings and other nonconformities (ISO/IEC 20000-1 9.2, 10.1)."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import Index, String, UniqueConstraint
from sqlmodel import Field, SQLModel

from certready.db.base import IdMixin, TimestampMixin, Versioned, utc_field
from certready.findings.enums import FindingClosure, FindingGrade, FindingSource, FindingStatus


class Finding(IdMixin, TimestampMixin, Versioned, table=True):
    __tablename__ = "finding"
    __table_args__ = (
        UniqueConstraint("org_id", "number"),
        Index("ix_finding_org_status", "org_id", "status"),
        # readiness (open internal nonconformities, improvement opportunities): covering
        Index(
            "ix_finding_org_grade",
            "org_id",
            "grade",
            "source",
            "status",
            "number",
            "due_date",
            "id",
        ),
    )

    org_id: uuid.UUID = Field(foreign_key="organisation.id", ondelete="RESTRICT")
    # Human key F-<number>, per organisation.
    number: int
    grade: FindingGrade = Field(sa_type=String(32))
    status: FindingStatus = Field(default=FindingStatus.open, sa_type=String(32))
    source: FindingSource = Field(sa_type=String(32))
    statement: str = Field(max_length=20000)
    requirement_id: uuid.UUID | None = Field(
        default=None, foreign_key="requirement.id", ondelete="RESTRICT"
    )
    requirement_ref: str | None = Field(default=None, max_length=32)
    audit_id: uuid.UUID | None = Field(
        default=None, foreign_key="audit.id", index=True, ondelete="RESTRICT"
    )
    checklist_line_id: uuid.UUID | None = Field(
        default=None, foreign_key="audit_checklist_line.id", index=True, ondelete="RESTRICT"
    )
    raised_by_id: uuid.UUID | None = Field(
        default=None, foreign_key="user_account.id", ondelete="SET NULL"
    )
    raised_at: datetime = utc_field()
    # The day the finding was raised as the user states it (``raised_at``: when recorded).
    raised_on: date
    due_date: date | None = None
    # Why an observation / OFI was closed (required), or the closing note of an NC.
    decision_note: str = Field(default="", max_length=10000)
    # How it was closed: after effective corrective action (NCs), or a correction only
    # (observations and OFIs, which have no measures; the reason is the decision note).
    closure_decision: FindingClosure | None = Field(default=None, sa_type=String(32))
    # Certification-body findings: the body accepted the action plan / verified a major.
    cb_plan_accepted_at: datetime | None = utc_field(default=None)
    cb_verified_at: datetime | None = utc_field(default=None)
    closed_at: datetime | None = utc_field(default=None)
    closed_on: date | None = None


class FindingEvidence(SQLModel, table=True):
    """Objective evidence for a finding (evidence is never deleted while linked)."""

    __tablename__ = "finding_evidence"

    finding_id: uuid.UUID = Field(foreign_key="finding.id", primary_key=True, ondelete="CASCADE")
    evidence_item_id: uuid.UUID = Field(
        foreign_key="evidence.id", primary_key=True, ondelete="RESTRICT"
    )
    version_number: int | None = None
    org_id: uuid.UUID = Field(foreign_key="organisation.id", index=True, ondelete="RESTRICT")
