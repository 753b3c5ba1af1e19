from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from certready.core.pagination import Page
from certready.suppliers.enums import SupplierKind, SupplierStatus

Name = Annotated[str, StringConstraints(min_length=1, max_length=200, strip_whitespace=True)]


class SupplierFilters(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kind: SupplierKind | None = None
    status: SupplierStatus | None = None
    in_scope: bool | None = None
    owner_id: uuid.UUID | None = None


class SupplierCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: Name
    kind: SupplierKind
    contact: str = Field(default="", max_length=500)
    owner_id: uuid.UUID | None = Field(
        default=None, description="The member who manages the supplier; defaults to you."
    )
    status: SupplierStatus = SupplierStatus.active
    in_scope: bool = True
    notes: str = Field(default="", max_length=10000)


class SupplierUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: Name | None = None
    kind: SupplierKind | None = None
    contact: str | None = Field(default=None, max_length=500)
    owner_id: uuid.UUID | None = None
    status: SupplierStatus | None = None
    in_scope: bool | None = None
    notes: str | None = Field(default=None, max_length=10000)


class SupplierRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    key: str = Field(examples=["SUP-2"])
    name: str
    kind: SupplierKind
    contact: str
    owner_id: uuid.UUID | None
    status: SupplierStatus
    in_scope: bool
    notes: str
    version: int
    created_at: datetime
    updated_at: datetime


class SupplierPage(Page[SupplierRead]):
    pass
