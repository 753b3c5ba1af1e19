"""Suppliers: the other parties that deliver parts of the services (8.3.3, 8.3.4)."""

from __future__ import annotations

import uuid

from sqlalchemy import Index, String, UniqueConstraint
from sqlmodel import Field

from certready.db.base import IdMixin, TimestampMixin, Versioned
from certready.suppliers.enums import SupplierKind, SupplierStatus


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
