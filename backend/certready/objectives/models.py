"""Objectives (6.2) and the time series of their measured values (9.1)."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import JSON, Index, String, UniqueConstraint
from sqlmodel import Field

from certready.db.base import IdMixin, TimestampMixin, Versioned
from certready.objectives.enums import Direction, Frequency


class Objective(IdMixin, TimestampMixin, Versioned, table=True):
    __tablename__ = "objective"
    __table_args__ = (
        UniqueConstraint("org_id", "number"),
        Index("ix_objective_org_owner", "org_id", "owner_id"),
    )

    org_id: uuid.UUID = Field(foreign_key="organisation.id", ondelete="RESTRICT")
    # Human key O-<number>, per organisation.
    number: int
    title: str = Field(max_length=200)
    description: str = Field(default="", max_length=10000)
    # Catalogue refs (6.2 and the process the objective measures), validated on write.
    requirement_refs: list[str] = Field(default_factory=list, sa_type=JSON)
    metric: str = Field(max_length=500)
    unit: str = Field(default="", max_length=50)
    target: float
    direction: Direction = Field(sa_type=String(16))
    owner_id: uuid.UUID | None = Field(
        default=None, foreign_key="user_account.id", ondelete="SET NULL"
    )
    due_date: date | None = None
    frequency: Frequency = Field(sa_type=String(16))


class ObjectiveMeasurement(IdMixin, TimestampMixin, table=True):
    __tablename__ = "objective_measurement"
    __table_args__ = (
        Index("ix_objective_measurement_org_objective_end", "org_id", "objective_id", "period_end"),
    )

    org_id: uuid.UUID = Field(foreign_key="organisation.id", ondelete="RESTRICT")
    objective_id: uuid.UUID = Field(foreign_key="objective.id", ondelete="RESTRICT")
    period_start: date
    period_end: date
    value: float
    source: str = Field(default="", max_length=500)
    note: str = Field(default="", max_length=10000)
    recorded_by_id: uuid.UUID | None = Field(
        default=None, foreign_key="user_account.id", ondelete="SET NULL"
    )
