from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from certready.core.pagination import Page
from certready.customers.enums import CustomerKind
from certready.requirements.catalogue.loader import REF_PATTERN
from certready.services.enums import Criticality, Operator, ServiceStatus

Name = Annotated[str, StringConstraints(min_length=1, max_length=200, strip_whitespace=True)]
Ref = Annotated[str, StringConstraints(pattern=REF_PATTERN, max_length=32)]
CustomerIds = Annotated[list[uuid.UUID], Field(max_length=200)]


class ServiceFilters(BaseModel):
    model_config = ConfigDict(extra="forbid")

    status: ServiceStatus | None = None
    in_scope: bool | None = None
    customer_id: uuid.UUID | None = None
    owner_id: uuid.UUID | None = None


class ServiceCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: Name
    description: str = Field(default="", max_length=10000)
    owner_id: uuid.UUID | None = Field(default=None, description="A member.")
    criticality: Criticality = Criticality.medium
    in_scope: bool = True
    out_of_scope_reason: str = Field(
        default="", max_length=2000, description="Required when the service is not in scope."
    )
    customer_ids: CustomerIds = Field(default_factory=list)


class ServiceUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: Name | None = None
    description: str | None = Field(default=None, max_length=10000)
    owner_id: uuid.UUID | None = None
    criticality: Criticality | None = None
    in_scope: bool | None = None
    out_of_scope_reason: str | None = Field(default=None, max_length=2000)
    customer_ids: CustomerIds | None = Field(
        default=None, description="The full list of customers (replaces the current one)."
    )


class ServiceTransition(BaseModel):
    model_config = ConfigDict(extra="forbid")

    to: ServiceStatus
    note: str = Field(default="", max_length=10000)


class ServiceCustomerRead(BaseModel):
    id: uuid.UUID
    key: str
    name: str
    kind: CustomerKind


class ServiceProcessRead(BaseModel):
    id: uuid.UUID
    requirement_ref: str
    operator: Operator
    supplier_id: uuid.UUID | None
    owner_id: uuid.UUID | None
    monitoring: str
    monitoring_objective_id: uuid.UUID | None
    created_at: datetime
    updated_at: datetime


class ServiceRead(BaseModel):
    id: uuid.UUID
    key: str = Field(examples=["SVC-1"])
    name: str
    description: str
    status: ServiceStatus
    owner_id: uuid.UUID | None
    criticality: Criticality
    in_scope: bool
    out_of_scope_reason: str
    in_scope_statement: bool = Field(description="Whether the scope statement names it.")
    customers: list[ServiceCustomerRead]
    processes: list[ServiceProcessRead]
    version: int
    created_at: datetime
    updated_at: datetime


class ServicePage(Page[ServiceRead]):
    pass


class ProcessCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    requirement_ref: Ref = Field(
        description="A clause-8 leaf of the catalogue.", examples=["8.6.1"]
    )
    operator: Operator = Operator.organisation
    supplier_id: uuid.UUID | None = None
    owner_id: uuid.UUID | None = Field(default=None, description="A member (internal owner).")
    monitoring: str = Field(default="", max_length=2000)
    monitoring_objective_id: uuid.UUID | None = None


class ProcessUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    operator: Operator | None = None
    supplier_id: uuid.UUID | None = None
    owner_id: uuid.UUID | None = None
    monitoring: str | None = Field(default=None, max_length=2000)
    monitoring_objective_id: uuid.UUID | None = None


class ScopeServicesUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    service_ids: list[uuid.UUID] = Field(max_length=500)


class ScopeServiceRead(BaseModel):
    id: uuid.UUID
    key: str
    name: str
    status: ServiceStatus
    in_scope: bool


class ScopeServicesRead(BaseModel):
    """The services the scope statement names; the ETag is the organisation's."""

    sms_scope: str
    services: list[ScopeServiceRead]
    version: int
