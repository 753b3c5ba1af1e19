"""Suppliers: the other parties that deliver parts of the services (8.3.3, 8.3.4)."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import Index, String, UniqueConstraint
from sqlmodel import Field, SQLModel

from certready.db.base import IdMixin, TimestampMixin, Versioned, utc_field
from certready.suppliers.enums import ReviewResult, StatementStatus, SupplierKind, SupplierStatus


class Supplier(IdMixin, TimestampMixin, Versioned, table=True):
    __tablename__ = "supplier"
    __table_args__ = (
        UniqueConstraint("org_id", "number"),
        Index("ix_supplier_org_kind_status", "org_id", "kind", "status", "in_scope"),
    )

    org_id: uuid.UUID = Field(foreign_key="organisation.id", ondelete="RESTRICT")
    # Human key SUP-<number>, per organisation.
    number: int
    name: str = Field(max_length=200)
    kind: SupplierKind = Field(sa_type=String(32))
    contact: str = Field(default="", max_length=500)
    # The member of the organisation who manages the relationship.
    owner_id: uuid.UUID | None = Field(
        default=None, foreign_key="user_account.id", ondelete="SET NULL"
    )
    status: SupplierStatus = Field(default=SupplierStatus.active, sa_type=String(16))
    in_scope: bool = True
    notes: str = Field(default="", max_length=10000)


class SupplierReview(IdMixin, TimestampMixin, table=True):
    """A performance review of a supplier (8.3.3, 8.3.4): part of the supplier, no ETag."""

    __tablename__ = "supplier_review"
    __table_args__ = (Index("ix_supplier_review_org_supplier", "org_id", "supplier_id"),)

    org_id: uuid.UUID = Field(foreign_key="organisation.id", ondelete="RESTRICT")
    supplier_id: uuid.UUID = Field(foreign_key="supplier.id", ondelete="RESTRICT")
    reviewed_on: date
    result: ReviewResult = Field(sa_type=String(32))
    summary: str = Field(default="", max_length=10000)
    # The review's record (minutes, scorecard); never deleted while it is linked.
    evidence_id: uuid.UUID | None = Field(
        default=None, foreign_key="evidence.id", ondelete="RESTRICT"
    )
    recorded_by_id: uuid.UUID | None = Field(
        default=None, foreign_key="user_account.id", ondelete="SET NULL"
    )


class SupplierEvidence(SQLModel, table=True):
    """An evidence item owned or provided by a supplier, not by the organisation (RDY-06).

    One supplier per item; the item is never deleted while the link exists."""

    __tablename__ = "supplier_evidence"

    evidence_id: uuid.UUID = Field(foreign_key="evidence.id", primary_key=True, ondelete="RESTRICT")
    supplier_id: uuid.UUID = Field(foreign_key="supplier.id", index=True, ondelete="RESTRICT")
    org_id: uuid.UUID = Field(foreign_key="organisation.id", index=True, ondelete="RESTRICT")
    created_at: datetime = utc_field()


class SupplierStatement(IdMixin, TimestampMixin, Versioned, table=True):
    """An approved statement that no supplier of one kind exists (RDY-13), per organisation."""

    __tablename__ = "supplier_statement"
    __table_args__ = (UniqueConstraint("org_id", "category"),)

    org_id: uuid.UUID = Field(foreign_key="organisation.id", ondelete="RESTRICT")
    category: SupplierKind = Field(sa_type=String(32))
    statement: str = Field(max_length=10000)
    status: StatementStatus = Field(default=StatementStatus.draft, sa_type=String(16))
    approved_by_id: uuid.UUID | None = Field(
        default=None, foreign_key="user_account.id", ondelete="SET NULL"
    )
    approved_on: date | None = None
