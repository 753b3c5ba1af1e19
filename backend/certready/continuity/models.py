"""Service continuity plans and their tests (ISO/IEC 20000-1 8.7.2; iso20000.md RDY-21)."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import Index, String, UniqueConstraint
from sqlmodel import Field

from certready.continuity.enums import TestResult
from certready.db.base import IdMixin, TimestampMixin, Versioned


class ContinuityPlan(IdMixin, TimestampMixin, Versioned, table=True):
    __tablename__ = "continuity_plan"
    __table_args__ = (UniqueConstraint("org_id", "number"),)

    org_id: uuid.UUID = Field(foreign_key="organisation.id", ondelete="RESTRICT")
    number: int  # human key CP-<n>
    title: str = Field(max_length=300)
    description: str = Field(default="", max_length=20000)
    owner_id: uuid.UUID | None = Field(
        default=None, foreign_key="user_account.id", ondelete="SET NULL"
    )
    evidence_item_id: uuid.UUID | None = Field(
        default=None, foreign_key="evidence.id", index=True, ondelete="RESTRICT"
    )
    approved_on: date | None = None


class ContinuityTest(IdMixin, TimestampMixin, Versioned, table=True):
    """An exercise of a plan: when, which scenario, what came out of it."""

    __tablename__ = "continuity_test"
    __table_args__ = (
        UniqueConstraint("org_id", "number"),
        Index("ix_continuity_test_org_plan_tested_on", "org_id", "plan_id", "tested_on"),
    )

    org_id: uuid.UUID = Field(foreign_key="organisation.id", ondelete="RESTRICT")
    plan_id: uuid.UUID = Field(foreign_key="continuity_plan.id", ondelete="RESTRICT")
    number: int  # human key CT-<n>
    tested_on: date
    scenario: str = Field(max_length=2000)
    result: TestResult = Field(sa_type=String(32))
    issues_found: str = Field(default="", max_length=20000)
    evidence_item_id: uuid.UUID | None = Field(
        default=None, foreign_key="evidence.id", index=True, ondelete="RESTRICT"
    )
