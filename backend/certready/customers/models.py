"""Customers of the services (8.2.4, 8.3.2): internal or external."""

from __future__ import annotations

import uuid

from sqlalchemy import String, UniqueConstraint
from sqlmodel import Field

from certready.customers.enums import CustomerKind
from certready.db.base import IdMixin, TimestampMixin, Versioned


class Customer(IdMixin, TimestampMixin, Versioned, table=True):
    __tablename__ = "customer"
    __table_args__ = (UniqueConstraint("org_id", "number"), UniqueConstraint("org_id", "name"))

    org_id: uuid.UUID = Field(foreign_key="organisation.id", ondelete="RESTRICT")
    # Human key CUS-<number>, per organisation.
    number: int
    name: str = Field(max_length=200)
    kind: CustomerKind = Field(sa_type=String(16))
    contact: str = Field(default="", max_length=500)
    description: str = Field(default="", max_length=10000)
