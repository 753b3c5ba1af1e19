from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from certready.core.pagination import Page
from certready.risks.enums import RiskStatus, Treatment

Title = Annotated[str, StringConstraints(min_length=1, max_length=300, strip_whitespace=True)]
Label = Annotated[str, StringConstraints(min_length=1, max_length=60, strip_whitespace=True)]
Scale = Annotated[list[Label], Field(min_length=2, max_length=10)]
Levels = Annotated[list[Label], Field(min_length=1, max_length=10)]
Matrix = Annotated[list[Annotated[list[Label], Field(max_length=10)]], Field(max_length=10)]
Point = Annotated[int, Field(ge=1, le=10)]


class RiskMethodWrite(BaseModel):
    """The whole method: scales (lowest first), levels (lowest first), the level matrix
    (``matrix[likelihood - 1][impact - 1]``) and the acceptance criteria."""

    model_config = ConfigDict(extra="forbid")

    likelihood_scale: Scale = Field(examples=[["Rare", "Unlikely", "Possible", "Likely"]])
    impact_scale: Scale = Field(examples=[["Minor", "Moderate", "Major", "Severe"]])
    levels: Levels = Field(examples=[["low", "medium", "high"]])
    matrix: Matrix
    acceptance_criteria: str = Field(default="", max_length=10000)
    acceptable_levels: list[Label] = Field(default_factory=list, max_length=10)


class RiskMethodUpdate(BaseModel):
    """A partial change; ``approved_on`` records the approval (a date it occurred, by you).
    A change of the scales, levels, matrix or criteria without ``approved_on`` withdraws
    an earlier approval."""

    model_config = ConfigDict(extra="forbid")

    likelihood_scale: Scale | None = None
    impact_scale: Scale | None = None
    levels: Levels | None = None
    matrix: Matrix | None = None
    acceptance_criteria: str | None = Field(default=None, max_length=10000)
    acceptable_levels: list[Label] | None = Field(default=None, max_length=10)
    approved_on: date | None = None


class RiskMethodRead(BaseModel):
    id: uuid.UUID
    likelihood_scale: list[str]
    impact_scale: list[str]
    levels: list[str]
    matrix: list[list[str]]
    acceptance_criteria: str
    acceptable_levels: list[str]
    approved: bool
    approved_on: date | None
    approved_by_id: uuid.UUID | None
    version: int
    created_at: datetime
    updated_at: datetime


class RiskFilters(BaseModel):
    model_config = ConfigDict(extra="forbid")

    level: str | None = None
    owner_id: uuid.UUID | None = None
    treatment: Treatment | None = None
    undecided: bool | None = None
    status: RiskStatus | None = None
    overdue_review: bool | None = None
    service_id: uuid.UUID | None = None


class RiskCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    title: Title
    description: str = Field(default="", max_length=20000)
    owner_id: uuid.UUID | None = Field(default=None, description="A member.")
    likelihood: Point
    impact: Point
    treatment: Treatment | None = None
    treatment_note: str = Field(default="", max_length=10000)
    review_date: date | None = None
    service_ids: list[uuid.UUID] = Field(
        default_factory=list, max_length=200, description="The services the risk affects."
    )


class RiskUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    title: Title | None = None
    description: str | None = Field(default=None, max_length=20000)
    owner_id: uuid.UUID | None = None
    likelihood: Point | None = None
    impact: Point | None = None
    treatment: Treatment | None = None
    treatment_note: str | None = Field(default=None, max_length=10000)
    review_date: date | None = None
    status: RiskStatus | None = None
    service_ids: list[uuid.UUID] | None = Field(
        default=None, max_length=200, description="Replaces the services the risk affects."
    )


class RiskActionCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    description: Annotated[str, StringConstraints(min_length=1, max_length=5000)]
    owner_id: uuid.UUID | None = None
    due_date: date | None = None


class RiskActionUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    description: Annotated[str, StringConstraints(min_length=1, max_length=5000)] | None = None
    owner_id: uuid.UUID | None = None
    due_date: date | None = None
    done: bool | None = None


class RiskActionRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    description: str
    owner_id: uuid.UUID | None
    due_date: date | None
    done: bool


class RiskRead(BaseModel):
    id: uuid.UUID
    key: str = Field(examples=["RSK-3"])
    title: str
    description: str
    owner_id: uuid.UUID | None
    likelihood: int
    impact: int
    level: str | None = Field(description="From the method's matrix; null outside it.")
    treatment: Treatment | None
    treatment_note: str
    review_date: date | None
    review_overdue: bool
    status: RiskStatus
    service_ids: list[uuid.UUID]
    actions: list[RiskActionRead]
    version: int
    created_at: datetime
    updated_at: datetime


class RiskPage(Page[RiskRead]):
    pass


class RiskCell(BaseModel):
    likelihood: int
    impact: int
    level: str | None
    count: int


class RiskHeatMap(BaseModel):
    """Open risks per (likelihood, impact) cell, counted in SQL."""

    cells: list[RiskCell]
    total: int
