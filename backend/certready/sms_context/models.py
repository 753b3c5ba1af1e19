"""The organisation's context (4.1): issues, the climate-change statement, and the
interested parties with their requirements (4.2)."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import Index, String, UniqueConstraint
from sqlmodel import Field

from certready.db.base import IdMixin, TimestampMixin, Versioned
from certready.sms_context.enums import IssueKind, PartyKind


class ContextRecord(IdMixin, TimestampMixin, Versioned, table=True):
    """One per organisation; its issues and interested parties are parts of it."""

    __tablename__ = "context_record"
    __table_args__ = (UniqueConstraint("org_id"),)

    org_id: uuid.UUID = Field(foreign_key="organisation.id", ondelete="RESTRICT")
    summary: str = Field(default="", max_length=20000)
    # Whether climate change is a relevant issue, and why (None: not decided yet).
    climate_change_relevant: bool | None = None
    climate_change_reasoning: str = Field(default="", max_length=10000)
    approved_on: date | None = None
    approved_by_id: uuid.UUID | None = Field(
        default=None, foreign_key="user_account.id", ondelete="SET NULL"
    )
    reviewed_on: date | None = None


class ContextIssue(IdMixin, TimestampMixin, table=True):
    __tablename__ = "context_issue"
    __table_args__ = (Index("ix_context_issue_org_record", "org_id", "record_id"),)

    org_id: uuid.UUID = Field(foreign_key="organisation.id", ondelete="RESTRICT")
    record_id: uuid.UUID = Field(foreign_key="context_record.id", ondelete="CASCADE")
    kind: IssueKind = Field(sa_type=String(16))
    description: str = Field(max_length=5000)
    active: bool = True


class InterestedParty(IdMixin, TimestampMixin, table=True):
    __tablename__ = "interested_party"
    __table_args__ = (Index("ix_interested_party_org_record", "org_id", "record_id"),)

    org_id: uuid.UUID = Field(foreign_key="organisation.id", ondelete="RESTRICT")
    record_id: uuid.UUID = Field(foreign_key="context_record.id", ondelete="CASCADE")
    name: str = Field(max_length=300)
    kind: PartyKind = Field(sa_type=String(16))
    requirements: str = Field(default="", max_length=10000)
    relevant: bool = True
