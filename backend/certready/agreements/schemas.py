from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from certready.agreements.enums import AgreementStatus, AgreementType
from certready.core.pagination import Page
from certready.objectives.enums import Direction

Title = Annotated[str, StringConstraints(min_length=1, max_length=200, strip_whitespace=True)]
Metric = Annotated[str, StringConstraints(min_length=1, max_length=500, strip_whitespace=True)]
Number = Annotated[float, Field(allow_inf_nan=False)]


class AgreementFilters(BaseModel):
    model_config = ConfigDict(extra="forbid")

    type: AgreementType | None = None
    status: AgreementStatus | None = None
    supplier_id: uuid.UUID | None = None
    customer_id: uuid.UUID | None = None
    service_id: uuid.UUID | None = None


class TargetCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    metric: Metric
    target: Number
    unit: str = Field(default="", max_length=50)
    direction: Direction


class TargetUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    metric: Metric | None = None
    target: Number | None = None
    unit: str | None = Field(default=None, max_length=50)
    direction: Direction | None = None


class TargetRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    metric: str
    target: float
    unit: str
    direction: Direction


class AgreementCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    title: Title
    type: AgreementType
    customer_id: uuid.UUID | None = Field(default=None, description="The customer of an SLA.")
    supplier_id: uuid.UUID | None = Field(
        default=None, description="The supplier of a contract or an OLA / internal agreement."
    )
    service_ids: list[uuid.UUID] = Field(default_factory=list, max_length=200)
    start_date: date | None = None
    end_date: date | None = None
    review_date: date | None = None
    evidence_id: uuid.UUID | None = Field(default=None, description="The agreement document.")
    status: AgreementStatus = AgreementStatus.draft
    notes: str = Field(default="", max_length=10000)
    targets: list[TargetCreate] = Field(default_factory=list, max_length=100)


class AgreementUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    title: Title | None = None
    customer_id: uuid.UUID | None = None
    supplier_id: uuid.UUID | None = None
    service_ids: list[uuid.UUID] | None = Field(default=None, max_length=200)
    start_date: date | None = None
    end_date: date | None = None
    review_date: date | None = None
    evidence_id: uuid.UUID | None = None
    status: AgreementStatus | None = None
    notes: str | None = Field(default=None, max_length=10000)


class AgreementRead(BaseModel):
    id: uuid.UUID
    key: str = Field(examples=["AGR-2"])
    title: str
    type: AgreementType
    customer_id: uuid.UUID | None
    supplier_id: uuid.UUID | None
    service_ids: list[uuid.UUID]
    start_date: date | None
    end_date: date | None
    review_date: date | None
    evidence_id: uuid.UUID | None
    status: AgreementStatus
    notes: str
    targets: list[TargetRead]
    version: int
    created_at: datetime
    updated_at: datetime


class AgreementPage(Page[AgreementRead]):
    pass
