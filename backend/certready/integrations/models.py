"""Integrations, their deliveries (kept as received) and the ITSM records built from them."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Index, LargeBinary, String, UniqueConstraint
from sqlmodel import Column, Field

from certready.db.base import IdMixin, TimestampMixin, Versioned, utc_field
from certready.integrations.enums import (
    MappingState,
    RecordKind,
    RecordPriority,
    RecordStatus,
    SourceType,
)


class Integration(IdMixin, TimestampMixin, Versioned, table=True):
    """One sending ITSM tool; its secret is stored encrypted (``integrations.secrets``)."""

    __tablename__ = "integration"

    org_id: uuid.UUID = Field(foreign_key="organisation.id", index=True, ondelete="RESTRICT")
    name: str = Field(max_length=200)
    source: SourceType = Field(sa_type=String(16))
    enabled: bool = True
    secret_ciphertext: str = Field(max_length=1000)
    # After a rotation the previous secret verifies too, until this moment.
    previous_secret_ciphertext: str | None = Field(default=None, max_length=1000)
    previous_secret_expires_at: datetime | None = utc_field(default=None)
    secret_rotated_at: datetime | None = utc_field(default=None)
    # The mapping rules (schemas.MappingRules as JSON).
    mapping: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    # Rejected requests (bad or missing signature) are counted, never stored.
    rejected_count: int = 0
    last_rejected_at: datetime | None = utc_field(default=None)


class IntegrationDelivery(IdMixin, table=True):
    """One verified request exactly as received: the integration's audit evidence."""

    __tablename__ = "integration_delivery"
    __table_args__ = (
        UniqueConstraint("integration_id", "dedupe_key"),
        Index("ix_integration_delivery_integration_received", "integration_id", "received_at"),
    )

    org_id: uuid.UUID = Field(foreign_key="organisation.id", index=True, ondelete="RESTRICT")
    integration_id: uuid.UUID = Field(foreign_key="integration.id", ondelete="CASCADE")
    received_at: datetime = utc_field()
    # The vendor's replay handle (or the body's SHA-256 where it has none).
    dedupe_key: str = Field(max_length=300)
    headers: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    body: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    body_sha256: str = Field(max_length=64)
    # How the signature verified ("hmac-sha256", "bearer", "... (previous secret)").
    verification: str = Field(max_length=100)
    event: str | None = Field(default=None, max_length=200)
    # GLPI names the itemtype in the receiver URL's query, not in the body: kept so that a
    # delivery can be mapped again (preview, retry) exactly as it was received.
    itemtype: str | None = Field(default=None, max_length=64)
    mapping_state: MappingState = Field(sa_type=String(16))
    mapping_error: str | None = Field(default=None, max_length=2000)
    record_id: uuid.UUID | None = Field(
        default=None, foreign_key="itsm_record.id", index=True, ondelete="SET NULL"
    )


class ItsmRecord(IdMixin, TimestampMixin, table=True):
    """The normalised ticket; every delivery about it stays in its history."""

    __tablename__ = "itsm_record"
    __table_args__ = (
        UniqueConstraint("integration_id", "external_id"),
        Index("ix_itsm_record_org_kind_opened", "org_id", "kind", "opened_at"),
    )

    org_id: uuid.UUID = Field(foreign_key="organisation.id", index=True, ondelete="RESTRICT")
    integration_id: uuid.UUID = Field(foreign_key="integration.id", ondelete="RESTRICT")
    source: SourceType = Field(sa_type=String(16))
    external_id: str = Field(max_length=200)
    external_key: str | None = Field(default=None, max_length=200)
    kind: RecordKind = Field(sa_type=String(32))
    kind_raw: str | None = Field(default=None, max_length=200)
    clause: str | None = Field(default=None, max_length=16)
    title: str = Field(default="", max_length=1000)
    status: RecordStatus = Field(sa_type=String(16))
    status_raw: str | None = Field(default=None, max_length=200)
    priority: RecordPriority | None = Field(default=None, sa_type=String(16))
    priority_raw: str | None = Field(default=None, max_length=200)
    opened_at: datetime | None = utc_field(default=None)
    resolved_at: datetime | None = utc_field(default=None)
    closed_at: datetime | None = utc_field(default=None)
    # The service by the integration's mapping rules, and the raw values it was mapped from.
    service_key: str | None = Field(default=None, max_length=200, index=True)
    assignment_group: str | None = Field(default=None, max_length=200)
    # Ordering of the source's versions: its change counter, else its modification time.
    change_counter: int | None = None
    source_updated_at: datetime | None = utc_field(default=None)
    delivery_count: int = 1
