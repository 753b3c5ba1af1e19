from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from certready.core.pagination import Page
from certready.customers.enums import CustomerKind

Name = Annotated[str, StringConstraints(min_length=1, max_length=200, strip_whitespace=True)]


class CustomerFilters(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kind: CustomerKind | None = None
    service_id: uuid.UUID | None = None


class CustomerCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: Name
    kind: CustomerKind
    contact: str = Field(default="", max_length=500)
    description: str = Field(default="", max_length=10000)


class CustomerUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: Name | None = None
    kind: CustomerKind | None = None
    contact: str | None = Field(default=None, max_length=500)
    description: str | None = Field(default=None, max_length=10000)


class CustomerRead(BaseModel):
    id: uuid.UUID
    key: str = Field(examples=["CUS-2"])
    name: str
    kind: CustomerKind
    contact: str
    description: str
    service_count: int = Field(description="Services delivered to this customer.")
    version: int
    created_at: datetime
    updated_at: datetime


class CustomerPage(Page[CustomerRead]):
    pass
