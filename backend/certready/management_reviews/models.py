"""Management reviews (ISO/IEC 20000-1 9.3): the review, its inputs, decisions and actions."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Index, String, UniqueConstraint
from sqlmodel import Field

from certready.db.base import IdMixin, TimestampMixin, Versioned, utc_field
from certready.management_reviews.enums import ActionStatus, DecisionKind, ReviewStatus


class ManagementReview(IdMixin, TimestampMixin, Versioned, table=True):
    __tablename__ = "management_review"
    __table_args__ = (
        UniqueConstraint("org_id", "number"),
        Index("ix_management_review_org_status", "org_id", "status"),
    )

    org_id: uuid.UUID = Field(foreign_key="organisation.id", ondelete="RESTRICT")
    # Human key MR-<number>, per organisation.
    number: int
    title: str = Field(max_length=200)
    status: ReviewStatus = Field(default=ReviewStatus.planned, sa_type=String(32))
    planned_date: date
    held_date: date | None = None
    # Top management chairs: a member, or a name (someone without an account).
    chair_id: uuid.UUID | None = Field(
        default=None, foreign_key="user_account.id", ondelete="SET NULL"
    )
    chair_name: str = Field(default="", max_length=200)
    # [{"user_id": str | None, "name": str}]
    attendees: list[dict[str, Any]] = Field(default_factory=list, sa_type=JSON)
    agenda: str = Field(default="", max_length=10000)
    minutes_evidence_id: uuid.UUID | None = Field(
        default=None, foreign_key="evidence.id", index=True, ondelete="RESTRICT"
    )
    # Start of the window the pre-filled data covers: the previous review's held date.
    since_date: date | None = None
    # Pre-filled inputs as they were when the review was created (never recomputed).
    snapshot: dict[str, Any] = Field(default_factory=dict, sa_type=JSON)
    snapshot_at: datetime = utc_field()
    held_at: datetime | None = utc_field(default=None)
    minutes_approved_at: datetime | None = utc_field(default=None)
    # The day the minutes were approved as the user states it (``held_date`` is the held day).
    minutes_approved_on: date | None = None
    cancelled_at: datetime | None = utc_field(default=None)


class ManagementReviewInput(IdMixin, TimestampMixin, table=True):
    """One input topic of one review (a copy of the topic list, see topics.py)."""

    __tablename__ = "management_review_input"
    __table_args__ = (UniqueConstraint("review_id", "key"),)

    org_id: uuid.UUID = Field(foreign_key="organisation.id", index=True, ondelete="RESTRICT")
    review_id: uuid.UUID = Field(foreign_key="management_review.id", ondelete="CASCADE")
    key: str = Field(max_length=64)
    title: str = Field(max_length=300)
    position: int
    mandatory: bool = True
    sources: list[str] = Field(default_factory=list, sa_type=JSON)
    notes: str = Field(default="", max_length=20000)
    # [{"type": "evidence" | "finding" | "objective" | "audit", "id": str}]
    links: list[dict[str, Any]] = Field(default_factory=list, sa_type=JSON)
    covered: bool = False
    not_applicable_reason: str | None = Field(default=None, max_length=2000)


class ManagementReviewDecision(IdMixin, TimestampMixin, table=True):
    __tablename__ = "management_review_decision"

    org_id: uuid.UUID = Field(foreign_key="organisation.id", index=True, ondelete="RESTRICT")
    review_id: uuid.UUID = Field(foreign_key="management_review.id", index=True, ondelete="CASCADE")
    kind: DecisionKind = Field(sa_type=String(32))
    text: str = Field(max_length=10000)


class ManagementReviewAction(IdMixin, TimestampMixin, table=True):
    __tablename__ = "management_review_action"
    __table_args__ = (Index("ix_management_review_action_org_status", "org_id", "status"),)

    org_id: uuid.UUID = Field(foreign_key="organisation.id", ondelete="RESTRICT")
    review_id: uuid.UUID = Field(foreign_key="management_review.id", index=True, ondelete="CASCADE")
    decision_id: uuid.UUID | None = Field(
        default=None, foreign_key="management_review_decision.id", ondelete="SET NULL"
    )
    description: str = Field(max_length=10000)
    owner_id: uuid.UUID | None = Field(
        default=None, foreign_key="user_account.id", ondelete="SET NULL"
    )
    due_date: date | None = None
    status: ActionStatus = Field(default=ActionStatus.open, sa_type=String(16))
    done_at: datetime | None = utc_field(default=None)
