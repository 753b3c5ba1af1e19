from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from certready.core.pagination import Page
from certready.service_reports.enums import ReportFrequency

Title = Annotated[str, StringConstraints(min_length=1, max_length=300, strip_whitespace=True)]
Audience = Annotated[str, StringConstraints(max_length=300, strip_whitespace=True)]


class DefinitionCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    title: Title
    audience: Audience = Field(default="", description="The customer or recipient.")
    frequency: ReportFrequency
    starts_on: date | None = None
    owner_id: uuid.UUID | None = None


class DefinitionUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    title: Title | None = None
    audience: Audience | None = None
    frequency: ReportFrequency | None = None
    starts_on: date | None = None
    owner_id: uuid.UUID | None = None


class DefinitionRead(BaseModel):
    id: uuid.UUID
    key: str = Field(examples=["RD-1"])
    title: str
    audience: str
    frequency: ReportFrequency
    starts_on: date | None
    owner_id: uuid.UUID | None
    version: int
    created_at: datetime
    updated_at: datetime


class DefinitionPage(Page[DefinitionRead]):
    pass


class ReportCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    period_start: date
    period_end: date
    produced_on: date = Field(description="The day the report was issued (not in the future).")
    evidence_item_id: uuid.UUID | None = None


class ReportUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    period_start: date | None = None
    period_end: date | None = None
    produced_on: date | None = None
    evidence_item_id: uuid.UUID | None = None


class ReportRead(BaseModel):
    id: uuid.UUID
    key: str = Field(examples=["SR-1"])
    definition_id: uuid.UUID
    period_start: date
    period_end: date
    produced_on: date
    evidence_item_id: uuid.UUID | None
    version: int
    created_at: datetime
    updated_at: datetime


class ReportPage(Page[ReportRead]):
    pass
