"""Evidence items, their immutable file versions, links, and idempotency reservations."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Index, String, UniqueConstraint, false
from sqlmodel import Field, SQLModel

from certready.db.base import IdMixin, TimestampMixin, utc_field, version_mapper_args
from certready.evidence.enums import EvidenceKind, EvidenceStatus, IdempotencyStatus


class Evidence(IdMixin, TimestampMixin, table=True):
    """A titled piece of evidence; its files are :class:`EvidenceVersion` rows."""

    __tablename__ = "evidence"
    __table_args__ = (
        UniqueConstraint("org_id", "number"),
        Index("ix_evidence_org_status", "org_id", "status"),
        # expiring evidence (lists, readiness RDY-18/25): filtered on the index alone
        Index(
            "ix_evidence_org_valid_until_status",
            "org_id",
            "valid_until",
            "status",
            "archived_at",
            "kind",
            "number",
        ),
        # Readiness counts "current" evidence per requirement and document by id: every
        # column those aggregates read, so they never visit the table (covering index).
        Index(
            "ix_evidence_currency",
            "id",
            "status",
            "archived_at",
            "valid_until",
            "kind",
            "effective_date",
        ),
    )

    # Evidence is never silently lost: an organisation with evidence cannot be deleted.
    org_id: uuid.UUID = Field(foreign_key="organisation.id", ondelete="RESTRICT")
    number: int  # human key E-<number>
    title: str = Field(max_length=200)
    description: str = Field(default="", max_length=10000)
    kind: EvidenceKind = Field(sa_type=String(32))
    source: str = Field(max_length=64)
    external_ref: str = Field(default="", max_length=500)
    owner_id: uuid.UUID | None = Field(
        default=None, foreign_key="user_account.id", ondelete="SET NULL"
    )
    effective_date: date | None = None
    valid_until: date | None = None
    tags: list[str] = Field(default_factory=list, sa_type=JSON)
    status: EvidenceStatus = Field(default=EvidenceStatus.draft, sa_type=String(16))
    # Number of the newest version (0: no file yet); versions are numbered 1, 2, ...
    current_version: int = 0
    approved_by: uuid.UUID | None = Field(
        default=None, foreign_key="user_account.id", ondelete="SET NULL"
    )
    approved_at: datetime | None = utc_field(default=None)
    # The approver held the top management designation when approving (RDY-04 reads it:
    # a later change of the designation does not rewrite a past approval).
    approved_by_top_management: bool = Field(
        default=False, sa_column_kwargs={"server_default": false()}
    )
    # The day it was approved as the approver states it (``approved_at``: when recorded).
    approved_on: date | None = None
    archived_at: datetime | None = utc_field(default=None)
    archived_by: uuid.UUID | None = Field(
        default=None, foreign_key="user_account.id", ondelete="SET NULL"
    )
    created_by: uuid.UUID | None = Field(
        default=None, foreign_key="user_account.id", ondelete="SET NULL"
    )
    # Optimistic-lock counter for PATCH (ETag).
    revision: int = 1
    __mapper_args__ = version_mapper_args("revision")


class EvidenceVersion(IdMixin, table=True):
    """One immutable file: written once, never updated or deleted through the API."""

    __tablename__ = "evidence_version"
    __table_args__ = (
        UniqueConstraint("evidence_id", "number"),
        Index("ix_evidence_version_org_sha256", "org_id", "sha256"),
    )

    org_id: uuid.UUID = Field(foreign_key="organisation.id", ondelete="RESTRICT")
    evidence_id: uuid.UUID = Field(foreign_key="evidence.id", ondelete="RESTRICT")
    number: int
    sha256: str = Field(max_length=64)
    size: int = Field(sa_type=BigInteger)
    media_type: str = Field(max_length=127)
    # The sanitised original name: metadata only, never part of the storage path.
    filename: str = Field(max_length=255)
    uploaded_by: uuid.UUID | None = Field(
        default=None, foreign_key="user_account.id", ondelete="SET NULL"
    )
    uploaded_at: datetime = utc_field()


class EvidenceRequirement(SQLModel, table=True):
    """Evidence item -> requirement it supports (addressed by ref in the API)."""

    __tablename__ = "evidence_requirement"
    # Readiness aggregates walk a framework's requirements into their links: requirement
    # first, then the organisation, covering the evidence id (no table lookup).
    __table_args__ = (
        Index("ix_evidence_requirement_requirement_org", "requirement_id", "org_id", "evidence_id"),
    )

    evidence_id: uuid.UUID = Field(foreign_key="evidence.id", primary_key=True, ondelete="RESTRICT")
    requirement_id: uuid.UUID = Field(
        foreign_key="requirement.id", primary_key=True, ondelete="RESTRICT"
    )
    # no index of its own: every lookup also names the requirement / document or the item
    org_id: uuid.UUID = Field(foreign_key="organisation.id", ondelete="RESTRICT")
    created_at: datetime = utc_field()


class EvidenceDocument(SQLModel, table=True):
    """Evidence item -> mandatory document or record it fulfils (D1 scope, R3 ...)."""

    __tablename__ = "evidence_document"
    __table_args__ = (
        Index("ix_evidence_document_document_org", "document_id", "org_id", "evidence_id"),
    )

    evidence_id: uuid.UUID = Field(foreign_key="evidence.id", primary_key=True, ondelete="RESTRICT")
    document_id: uuid.UUID = Field(
        foreign_key="documented_information.id", primary_key=True, ondelete="RESTRICT"
    )
    # no index of its own: every lookup also names the requirement / document or the item
    org_id: uuid.UUID = Field(foreign_key="organisation.id", ondelete="RESTRICT")
    created_at: datetime = utc_field()


class IdempotencyKey(IdMixin, table=True):
    """Insert-first reservation of an ``Idempotency-Key`` (SECURITY.md 2.2).

    Scoped by organisation, credential (user or API token) and endpoint. ``owner``
    names the process handling the request, so a restarted server can release the
    reservations of a process that died; ``heartbeat_at`` is refreshed while a long
    upload streams, and a reservation whose heartbeat is older than the lease can be
    taken over.
    """

    __tablename__ = "idempotency_key"
    __table_args__ = (UniqueConstraint("org_id", "principal_id", "endpoint", "key"),)

    org_id: uuid.UUID = Field(foreign_key="organisation.id", ondelete="CASCADE")
    principal_id: uuid.UUID
    endpoint: str = Field(max_length=64)
    key: str = Field(max_length=255)
    fingerprint: str | None = Field(default=None, max_length=64)
    status: IdempotencyStatus = Field(default=IdempotencyStatus.in_flight, sa_type=String(16))
    owner: str = Field(max_length=200)
    heartbeat_at: datetime = utc_field()
    response_status: int | None = None
    response_body: dict[str, Any] | None = Field(default=None, sa_type=JSON)
    created_at: datetime = utc_field()
    completed_at: datetime | None = utc_field(default=None)
