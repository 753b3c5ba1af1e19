from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from certready.core.pagination import Page
from certready.suppliers.enums import ReviewResult, StatementStatus, SupplierKind, SupplierStatus

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


class ReviewCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    reviewed_on: date
    result: ReviewResult
    summary: str = Field(default="", max_length=10000)
    evidence_id: uuid.UUID | None = Field(default=None, description="The review's record.")


class ReviewUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    reviewed_on: date | None = None
    result: ReviewResult | None = None
    summary: str | None = Field(default=None, max_length=10000)
    evidence_id: uuid.UUID | None = None


class ReviewRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    supplier_id: uuid.UUID
    reviewed_on: date
    result: ReviewResult
    summary: str
    evidence_id: uuid.UUID | None
    recorded_by_id: uuid.UUID | None
    created_at: datetime
    updated_at: datetime


class ReviewPage(Page[ReviewRead]):
    pass


class SupplierEvidenceCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    evidence_id: uuid.UUID = Field(description="An evidence item this supplier owns or provides.")


class SupplierEvidenceRead(BaseModel):
    evidence_id: uuid.UUID
    evidence_key: str = Field(examples=["E-4"])
    title: str
    supplier_id: uuid.UUID
    created_at: datetime


class SupplierEvidencePage(Page[SupplierEvidenceRead]):
    pass


class StatementCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    category: SupplierKind
    statement: Annotated[
        str, StringConstraints(min_length=1, max_length=10000, strip_whitespace=True)
    ]


class StatementUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    statement: (
        Annotated[str, StringConstraints(min_length=1, max_length=10000, strip_whitespace=True)]
        | None
    ) = None


class StatementMove(BaseModel):
    model_config = ConfigDict(extra="forbid")

    to: StatementStatus
    note: str = Field(default="", max_length=2000)


class StatementRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    category: SupplierKind = Field(description="The kind of supplier that does not exist.")
    statement: str
    status: StatementStatus
    approved_by_id: uuid.UUID | None
    approved_on: date | None
    version: int
    created_at: datetime
    updated_at: datetime


class StatementPage(Page[StatementRead]):
    pass
