"""The requirement catalogue (global reference data) and per-organisation status."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import JSON, Index, String, UniqueConstraint
from sqlmodel import Field

from certready.core.clock import utcnow
from certready.db.base import IdMixin, TimestampMixin, UTCDateTime, Versioned
from certready.requirements.enums import DocumentedInformationKind, ImplementationStatus


class Framework(IdMixin, TimestampMixin, table=True):
    """A standard whose requirements an organisation implements (catalogue data)."""

    __tablename__ = "framework"

    code: str = Field(max_length=64, unique=True)
    name: str = Field(max_length=200)
    version: str = Field(max_length=32)
    publisher: str = Field(max_length=200)
    # ISO/IEC 20000-1 has none; ISO/IEC 27001 Annex A would.
    allows_exclusions: bool = False
    catalogue_version: str = Field(max_length=32)


class Requirement(IdMixin, table=True):
    """One node of a framework's clause tree; leaves are ``assessable``."""

    __tablename__ = "requirement"
    __table_args__ = (
        UniqueConstraint("framework_id", "ref"),
        Index("ix_requirement_framework_sort", "framework_id", "sort_key"),
    )

    framework_id: uuid.UUID = Field(foreign_key="framework.id", ondelete="RESTRICT")
    ref: str = Field(max_length=32)
    title: str = Field(max_length=200)
    parent_id: uuid.UUID | None = Field(
        default=None, foreign_key="requirement.id", ondelete="RESTRICT"
    )
    parent_ref: str | None = Field(default=None, max_length=32)
    # The top-level clause (``8`` for ``8.5.1.2``): the summary groups by it.
    root_ref: str = Field(max_length=32)
    depth: int
    assessable: bool
    # Numeric-aware: ``8.10`` sorts after ``8.9``.
    sort_key: str = Field(max_length=128)
    guidance: str = Field(default="", max_length=2000)


class DocumentedInformation(IdMixin, table=True):
    """A document or record the framework asks for (iso20000.md section 2)."""

    __tablename__ = "documented_information"
    __table_args__ = (UniqueConstraint("framework_id", "key"),)

    framework_id: uuid.UUID = Field(foreign_key="framework.id", ondelete="RESTRICT")
    key: str = Field(max_length=16)
    kind: DocumentedInformationKind = Field(sa_type=String(16))
    title: str = Field(max_length=200)
    clause_refs: list[str] = Field(default_factory=list, sa_type=JSON)
    mandatory: bool
    description: str = Field(default="", max_length=1000)
    sort_key: str = Field(max_length=64)


class RequirementStatus(Versioned, table=True):
    """An organisation's implementation status of one assessable requirement."""

    __tablename__ = "requirement_status"
    __table_args__ = (Index("ix_requirement_status_org_owner", "org_id", "owner_id"),)

    org_id: uuid.UUID = Field(foreign_key="organisation.id", primary_key=True, ondelete="CASCADE")
    requirement_id: uuid.UUID = Field(
        foreign_key="requirement.id", primary_key=True, index=True, ondelete="RESTRICT"
    )
    status: ImplementationStatus = Field(
        default=ImplementationStatus.not_started, sa_type=String(32)
    )
    owner_id: uuid.UUID | None = Field(
        default=None, foreign_key="user_account.id", ondelete="SET NULL"
    )
    target_date: date | None = None
    notes: str = Field(default="", max_length=10000)
    not_occurring: bool = False
    not_occurring_justification: str = Field(default="", max_length=4000)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)
    updated_by: uuid.UUID | None = Field(
        default=None, foreign_key="user_account.id", ondelete="SET NULL"
    )
