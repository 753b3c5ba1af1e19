"""Configuration items and CMDB verifications (ISO/IEC 20000-1 8.2.6; iso20000.md RDY-22)."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import Index, String, UniqueConstraint
from sqlmodel import Field, SQLModel

from certready.configuration.enums import CiStatus, VerificationResult
from certready.db.base import IdMixin, TimestampMixin, Versioned


class ConfigurationItem(IdMixin, TimestampMixin, Versioned, table=True):
    __tablename__ = "configuration_item"
    __table_args__ = (
        UniqueConstraint("org_id", "key"),
        Index("ix_configuration_item_org_status", "org_id", "status"),
        Index("ix_configuration_item_org_type", "org_id", "type"),
    )

    org_id: uuid.UUID = Field(foreign_key="organisation.id", ondelete="RESTRICT")
    # The CI's key: given by the user (a CMDB's own id) or CI-<n> from the counter.
    key: str = Field(max_length=64)
    name: str = Field(max_length=300)
    type: str = Field(max_length=64)
    status: CiStatus = Field(default=CiStatus.active, sa_type=String(32))
    owner_id: uuid.UUID | None = Field(
        default=None, foreign_key="user_account.id", ondelete="SET NULL"
    )
    last_verified: date | None = None
    description: str = Field(default="", max_length=10000)


class ConfigurationItemService(SQLModel, table=True):
    """A service the configuration item supports (RDY-22: every service in scope has CIs)."""

    __tablename__ = "configuration_item_service"

    configuration_item_id: uuid.UUID = Field(
        foreign_key="configuration_item.id", primary_key=True, ondelete="CASCADE"
    )
    # Services are retired, never deleted: a link never blocks anything.
    service_id: uuid.UUID = Field(
        foreign_key="service.id", primary_key=True, ondelete="RESTRICT", index=True
    )
    org_id: uuid.UUID = Field(foreign_key="organisation.id", index=True, ondelete="RESTRICT")


class CmdbVerification(IdMixin, TimestampMixin, Versioned, table=True):
    """An audit of the configuration records: a sample checked against reality."""

    __tablename__ = "cmdb_verification"
    __table_args__ = (
        UniqueConstraint("org_id", "number"),
        Index("ix_cmdb_verification_org_verified_on", "org_id", "verified_on"),
    )

    org_id: uuid.UUID = Field(foreign_key="organisation.id", ondelete="RESTRICT")
    number: int  # human key CV-<n>
    verified_on: date
    sample_size: int
    result: VerificationResult = Field(sa_type=String(16))
    notes: str = Field(default="", max_length=20000)
    evidence_item_id: uuid.UUID | None = Field(
        default=None, foreign_key="evidence.id", index=True, ondelete="RESTRICT"
    )
    recorded_by_id: uuid.UUID | None = Field(
        default=None, foreign_key="user_account.id", ondelete="SET NULL"
    )
