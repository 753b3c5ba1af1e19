from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from certready.core.pagination import Page
from certready.objectives.enums import Direction, Frequency, ObjectiveStatus
from certready.requirements.catalogue.loader import REF_PATTERN

Ref = Annotated[str, StringConstraints(pattern=REF_PATTERN, max_length=32)]
Title = Annotated[str, StringConstraints(min_length=1, max_length=200, strip_whitespace=True)]
Metric = Annotated[str, StringConstraints(min_length=1, max_length=500, strip_whitespace=True)]
Number = Annotated[float, Field(allow_inf_nan=False)]


class ObjectiveFilters(BaseModel):
    model_config = ConfigDict(extra="forbid")

    status: ObjectiveStatus | None = None
    owner_id: uuid.UUID | None = None
    frequency: Frequency | None = None


class ObjectiveCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    title: Title
    description: str = Field(default="", max_length=10000)
    requirement_refs: list[Ref] = Field(
        default_factory=list, max_length=50, examples=[["6.2", "8.5.1"]]
    )
    metric: Metric
    unit: str = Field(default="", max_length=50)
    target: Number
    direction: Direction
    owner_id: uuid.UUID | None = Field(default=None, description="A member; defaults to you.")
    due_date: date | None = None
    frequency: Frequency


class ObjectiveUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    title: Title | None = None
    description: str | None = Field(default=None, max_length=10000)
    requirement_refs: list[Ref] | None = Field(default=None, max_length=50)
    metric: Metric | None = None
    unit: str | None = Field(default=None, max_length=50)
    target: Number | None = None
    direction: Direction | None = None
    owner_id: uuid.UUID | None = None
    due_date: date | None = None
    frequency: Frequency | None = None


class ObjectiveRead(BaseModel):
    id: uuid.UUID
    key: str = Field(examples=["O-3"])
    title: str
    description: str
    requirement_refs: list[str]
    metric: str
    unit: str
    target: float
    direction: Direction
    owner_id: uuid.UUID | None
    due_date: date | None
    frequency: Frequency
    status: ObjectiveStatus = Field(description="Computed from the latest measurement.")
    latest_value: float | None
    latest_period_end: date | None
    version: int
    created_at: datetime
    updated_at: datetime


class ObjectivePage(Page[ObjectiveRead]):
    pass


class MeasurementCreate(BaseModel):
    """A measured value for a period: ``period_date``, or ``period_start`` and ``period_end``."""

    model_config = ConfigDict(extra="forbid")

    period_date: date | None = None
    period_start: date | None = None
    period_end: date | None = None
    value: Number
    source: str = Field(default="", max_length=500)
    note: str = Field(default="", max_length=10000)

    @model_validator(mode="after")
    def _one_period(self) -> MeasurementCreate:
        if self.period_date is not None:
            if self.period_start is not None or self.period_end is not None:
                raise ValueError("Give period_date, or period_start and period_end, not both.")
        elif self.period_start is None or self.period_end is None:
            raise ValueError("Give period_date, or both period_start and period_end.")
        elif self.period_start > self.period_end:
            raise ValueError("period_start is after period_end.")
        return self


class MeasurementRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    objective_id: uuid.UUID
    period_start: date
    period_end: date
    value: float
    source: str
    note: str
    recorded_by_id: uuid.UUID | None
    created_at: datetime


class MeasurementPage(Page[MeasurementRead]):
    pass
