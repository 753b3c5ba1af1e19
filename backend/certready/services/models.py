"""The service catalogue (8.2.4), its customers, the clause-8 processes supporting each
service and who operates them (8.2.3), and the services the scope statement names (4.3)."""

from __future__ import annotations

import uuid

from sqlalchemy import String, UniqueConstraint
from sqlmodel import Field, SQLModel

from certready.db.base import IdMixin, TimestampMixin, Versioned
from certready.services.enums import Criticality, Operator, ServiceStatus


class Service(IdMixin, TimestampMixin, Versioned, table=True):
    __tablename__ = "service"
    __table_args__ = (UniqueConstraint("org_id", "number"),)

    org_id: uuid.UUID = Field(foreign_key="organisation.id", ondelete="RESTRICT")
    # Human key SVC-<number>, per organisation.
    number: int
    name: str = Field(max_length=200)
    description: str = Field(default="", max_length=10000)
    status: ServiceStatus = Field(sa_type=String(16))
    owner_id: uuid.UUID | None = Field(
        default=None, foreign_key="user_account.id", ondelete="SET NULL"
    )
    criticality: Criticality = Field(sa_type=String(16))
    in_scope: bool = True
    # Required when the service is outside the SMS scope (RDY-02).
    out_of_scope_reason: str = Field(default="", max_length=2000)


class ServiceCustomer(SQLModel, table=True):
    """A customer the service is delivered to."""

    __tablename__ = "service_customer"

    org_id: uuid.UUID = Field(foreign_key="organisation.id", ondelete="RESTRICT", index=True)
    service_id: uuid.UUID = Field(foreign_key="service.id", primary_key=True, ondelete="CASCADE")
    customer_id: uuid.UUID = Field(
        foreign_key="customer.id", primary_key=True, ondelete="RESTRICT", index=True
    )


class ServiceProcess(IdMixin, TimestampMixin, table=True):
    """A clause-8 process (a requirement leaf) supporting a service, and who operates it.

    Part of the service: it has no ETag of its own, changes move the service's version."""

    __tablename__ = "service_process"
    __table_args__ = (UniqueConstraint("service_id", "requirement_ref"),)

    org_id: uuid.UUID = Field(foreign_key="organisation.id", ondelete="RESTRICT", index=True)
    service_id: uuid.UUID = Field(foreign_key="service.id", ondelete="CASCADE")
    # A clause-8 leaf of the catalogue ("8.5.1"), validated on write.
    requirement_ref: str = Field(max_length=32)
    operator: Operator = Field(sa_type=String(16))
    # The supplier operating it (operator = supplier).
    supplier_id: uuid.UUID | None = Field(
        default=None, foreign_key="supplier.id", ondelete="RESTRICT", index=True
    )
    # The organisation's own owner of the process (for another party's: RDY-23).
    owner_id: uuid.UUID | None = Field(
        default=None, foreign_key="user_account.id", ondelete="SET NULL"
    )
    # How its performance is monitored: a description, and a measured objective (RDY-23).
    monitoring: str = Field(default="", max_length=2000)
    monitoring_objective_id: uuid.UUID | None = Field(
        default=None, foreign_key="objective.id", ondelete="SET NULL"
    )


class ScopeService(SQLModel, table=True):
    """A service the organisation's scope statement names (4.3), by reference."""

    __tablename__ = "scope_service"

    org_id: uuid.UUID = Field(foreign_key="organisation.id", primary_key=True, ondelete="CASCADE")
    service_id: uuid.UUID = Field(foreign_key="service.id", primary_key=True, ondelete="CASCADE")
