"""Agreements, the services each covers, and its service level targets."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import Index, String, UniqueConstraint
from sqlmodel import Field, SQLModel

from certready.agreements.enums import AgreementStatus, AgreementType
from certready.db.base import IdMixin, TimestampMixin, Versioned
from certready.objectives.enums import Direction


class Agreement(IdMixin, TimestampMixin, Versioned, table=True):
    __tablename__ = "agreement"
    __table_args__ = (
        UniqueConstraint("org_id", "number"),
        Index("ix_agreement_org_type_status", "org_id", "type", "status"),
    )

    org_id: uuid.UUID = Field(foreign_key="organisation.id", ondelete="RESTRICT")
    # Human key AGR-<number>, per organisation.
    number: int
    title: str = Field(max_length=200)
    type: AgreementType = Field(sa_type=String(32))
    # The other party: a customer for an SLA, a supplier for a contract or an OLA.
    customer_id: uuid.UUID | None = Field(
        default=None, foreign_key="customer.id", ondelete="RESTRICT", index=True
    )
    supplier_id: uuid.UUID | None = Field(
        default=None, foreign_key="supplier.id", ondelete="RESTRICT", index=True
    )
    start_date: date | None = None
    end_date: date | None = None
    review_date: date | None = None
    # The signed document; never deleted while it is linked.
    evidence_id: uuid.UUID | None = Field(
        default=None, foreign_key="evidence.id", ondelete="RESTRICT"
    )
    status: AgreementStatus = Field(default=AgreementStatus.draft, sa_type=String(16))
    notes: str = Field(default="", max_length=10000)


class AgreementService(SQLModel, table=True):
    """A service the agreement covers."""

    __tablename__ = "agreement_service"

    agreement_id: uuid.UUID = Field(
        foreign_key="agreement.id", primary_key=True, ondelete="CASCADE"
    )
    service_id: uuid.UUID = Field(
        foreign_key="service.id", primary_key=True, ondelete="RESTRICT", index=True
    )
    org_id: uuid.UUID = Field(foreign_key="organisation.id", index=True, ondelete="RESTRICT")


class ServiceLevelTarget(IdMixin, TimestampMixin, table=True):
    """A target of the agreement (metric, target, unit, direction): a part, no ETag."""

    __tablename__ = "service_level_target"
    __table_args__ = (Index("ix_service_level_target_org_agreement", "org_id", "agreement_id"),)

    org_id: uuid.UUID = Field(foreign_key="organisation.id", ondelete="RESTRICT")
    agreement_id: uuid.UUID = Field(foreign_key="agreement.id", ondelete="CASCADE")
    metric: str = Field(max_length=500)
    target: float
    unit: str = Field(default="", max_length=50)
    direction: Direction = Field(sa_type=String(16))
