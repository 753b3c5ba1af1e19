from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from certready.continuity.enums import TestResult
from certready.core.pagination import Page

Title = Annotated[str, StringConstraints(min_length=1, max_length=300, strip_whitespace=True)]
Scenario = Annotated[str, StringConstraints(min_length=1, max_length=2000, strip_whitespace=True)]
Text = Annotated[str, StringConstraints(max_length=20000)]


class PlanCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    title: Title
    description: Text = ""
    owner_id: uuid.UUID | None = None
    evidence_item_id: uuid.UUID | None = None
    approved_on: date | None = Field(default=None, description="When the plan was approved.")


class PlanUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    title: Title | None = None
    description: Text | None = None
    owner_id: uuid.UUID | None = None
    evidence_item_id: uuid.UUID | None = None
    approved_on: date | None = None


class PlanRead(BaseModel):
    id: uuid.UUID
    key: str = Field(examples=["CP-1"])
    title: str
    description: str
    owner_id: uuid.UUID | None
    evidence_item_id: uuid.UUID | None
    approved_on: date | None
    approved: bool
    version: int
    created_at: datetime
    updated_at: datetime


class PlanPage(Page[PlanRead]):
    pass


class TestCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    tested_on: date = Field(description="The day the test was held (not in the future).")
    scenario: Scenario
    result: TestResult
    issues_found: Text = ""
    evidence_item_id: uuid.UUID | None = None


class TestUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    tested_on: date | None = None
    scenario: Scenario | None = None
    result: TestResult | None = None
    issues_found: Text | None = None
    evidence_item_id: uuid.UUID | None = None


class TestRead(BaseModel):
    id: uuid.UUID
    key: str = Field(examples=["CT-1"])
    plan_id: uuid.UUID
    tested_on: date
    scenario: str
    result: TestResult
    issues_found: str
    evidence_item_id: uuid.UUID | None
    version: int
    created_at: datetime
    updated_at: datetime


class TestPage(Page[TestRead]):
    pass
