"""The risk method (scales, level matrix, acceptance criteria) and the risk register (6.1)."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import JSON, Index, String, UniqueConstraint
from sqlmodel import Field, SQLModel

from certready.db.base import IdMixin, TimestampMixin, Versioned
from certready.risks.enums import RiskStatus, Treatment


class RiskMethod(IdMixin, TimestampMixin, Versioned, table=True):
    """One per organisation: how likelihood and impact give a risk level."""

    __tablename__ = "risk_method"
    __table_args__ = (UniqueConstraint("org_id"),)

    org_id: uuid.UUID = Field(foreign_key="organisation.id", ondelete="RESTRICT")
    # Labels of the scale points, lowest first: likelihood 1..n, impact 1..m.
    likelihood_scale: list[str] = Field(default_factory=list, sa_type=JSON)
    impact_scale: list[str] = Field(default_factory=list, sa_type=JSON)
    # Level names, lowest first, and the level of every (likelihood, impact) cell:
    # matrix[likelihood - 1][impact - 1].
    levels: list[str] = Field(default_factory=list, sa_type=JSON)
    matrix: list[list[str]] = Field(default_factory=list, sa_type=JSON)
    acceptance_criteria: str = Field(default="", max_length=10000)
    # Levels a risk may be accepted at without treatment.
    acceptable_levels: list[str] = Field(default_factory=list, sa_type=JSON)
    approved_on: date | None = None
    approved_by_id: uuid.UUID | None = Field(
        default=None, foreign_key="user_account.id", ondelete="SET NULL"
    )


class Risk(IdMixin, TimestampMixin, Versioned, table=True):
    __tablename__ = "risk"
    __table_args__ = (
        UniqueConstraint("org_id", "number"),
        Index("ix_risk_org_owner", "org_id", "owner_id"),
        # readiness (risks without owner or treatment) and the register filters
        Index("ix_risk_org_status", "org_id", "status", "treatment", "number"),
    )

    org_id: uuid.UUID = Field(foreign_key="organisation.id", ondelete="RESTRICT")
    # Human key RSK-<number>, per organisation.
    number: int
    title: str = Field(max_length=300)
    description: str = Field(default="", max_length=20000)
    owner_id: uuid.UUID | None = Field(
        default=None, foreign_key="user_account.id", ondelete="SET NULL"
    )
    likelihood: int
    impact: int
    treatment: Treatment | None = Field(default=None, sa_type=String(16))
    treatment_note: str = Field(default="", max_length=10000)
    review_date: date | None = None
    status: RiskStatus = Field(default=RiskStatus.open, sa_type=String(16))


class RiskAction(IdMixin, TimestampMixin, table=True):
    """A treatment action of a risk: a part of the risk (no ETag of its own)."""

    __tablename__ = "risk_action"
    __table_args__ = (Index("ix_risk_action_org_risk", "org_id", "risk_id"),)

    org_id: uuid.UUID = Field(foreign_key="organisation.id", ondelete="RESTRICT")
    risk_id: uuid.UUID = Field(foreign_key="risk.id", ondelete="CASCADE")
    description: str = Field(max_length=5000)
    owner_id: uuid.UUID | None = Field(
        default=None, foreign_key="user_account.id", ondelete="SET NULL"
    )
    due_date: date | None = None
    done: bool = False


class RiskService(SQLModel, table=True):
    """A service the risk affects (6.1: risks to the services as well as to the SMS)."""

    __tablename__ = "risk_service"

    risk_id: uuid.UUID = Field(foreign_key="risk.id", primary_key=True, ondelete="CASCADE")
    # Services are retired, never deleted.
    service_id: uuid.UUID = Field(
        foreign_key="service.id", primary_key=True, ondelete="RESTRICT", index=True
    )
    org_id: uuid.UUID = Field(foreign_key="organisation.id", index=True, ondelete="RESTRICT")
