from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from certready.core.pagination import Page
from certready.corrective_measures.enums import (
    EffectivenessResult,
    MeasureStatus,
    RootCauseMethod,
)
from certready.findings.schemas import FindingConsequence

Title = Annotated[str, StringConstraints(min_length=1, max_length=300, strip_whitespace=True)]
Text = Annotated[str, StringConstraints(max_length=20000, strip_whitespace=True)]
Description = Annotated[
    str, StringConstraints(min_length=1, max_length=10000, strip_whitespace=True)
]


class CorrectiveMeasureFilters(BaseModel):
    model_config = ConfigDict(extra="forbid")

    status: MeasureStatus | None = None
    owner_id: uuid.UUID | None = None
    finding_id: uuid.UUID | None = None
    overdue: bool | None = None


class CorrectiveMeasureCreate(BaseModel):
    """Open a corrective measure, linked to findings of the organisation or standing alone."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "title": "Enforce post-implementation reviews of changes",
                    "description": "Reviews were skipped when the change owner went on leave.",
                    "finding_ids": ["e7a9b3c1-2d4f-4e8a-b6c5-1a9d3f7e2b66"],
                    "owner_id": "3f6c2a8e-5b1d-4c7e-9a2f-1d8e4b6c0a11",
                    "due_date": "2027-07-31",
                }
            ]
        },
    )

    title: Title
    description: Text = ""
    finding_ids: list[uuid.UUID] = Field(default_factory=list, max_length=50)
    owner_id: uuid.UUID | None = None
    due_date: date | None = None


class CorrectiveMeasureUpdate(BaseModel):
    """Fields to change while the measure is neither closed nor cancelled."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "correction": "The three changes were reviewed retrospectively.",
                    "correction_date": "2027-05-20",
                    "correction_by_id": "3f6c2a8e-5b1d-4c7e-9a2f-1d8e4b6c0a11",
                    "root_cause_method": "five_whys",
                    "root_cause": "The review task was not reassigned when its owner was absent.",
                    "extent": "Same pattern checked for release reviews: not affected.",
                }
            ]
        },
    )

    title: Title | None = None
    description: Text | None = None
    finding_ids: list[uuid.UUID] | None = Field(default=None, max_length=50)
    owner_id: uuid.UUID | None = None
    due_date: date | None = None
    correction: Text | None = Field(default=None, description="The immediate correction.")
    correction_date: date | None = None
    correction_by_id: uuid.UUID | None = None
    root_cause_method: RootCauseMethod | None = None
    root_cause: Text | None = Field(default=None, description="Result of the root-cause analysis.")
    extent: Text | None = Field(default=None, description="Could it occur elsewhere?")
    sms_change_evidence_ids: list[uuid.UUID] | None = Field(
        default=None, max_length=200, description="Evidence of the SMS changes made."
    )


class CorrectiveMeasureTransition(BaseModel):
    model_config = ConfigDict(extra="forbid")

    to: MeasureStatus
    note: str = Field(default="", max_length=10000)
    occurred_on: date | None = Field(
        default=None,
        description="The day this happened, for past events (closed: sets closed_on); default "
        "today. Not in the future; a closure not before the effectiveness review.",
    )


class CorrectiveActionCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    description: Description
    owner_id: uuid.UUID | None = None
    due_date: date | None = None


class CorrectiveActionUpdate(BaseModel):
    """Fields to change; ``done`` stamps (or clears) ``done_at``."""

    model_config = ConfigDict(extra="forbid")

    description: Description | None = None
    owner_id: uuid.UUID | None = None
    due_date: date | None = None
    done: bool | None = None
    evidence_id: uuid.UUID | None = Field(default=None, description="Completion evidence.")


class CorrectiveActionRead(BaseModel):
    id: uuid.UUID
    description: str
    owner_id: uuid.UUID | None
    due_date: date | None
    done: bool
    done_at: datetime | None
    evidence_id: uuid.UUID | None
    created_at: datetime


class EffectivenessReviewCreate(BaseModel):
    """The caller is the reviewer; a not-effective result sends the measure back to analysis."""

    model_config = ConfigDict(extra="forbid")

    method: Annotated[str, StringConstraints(min_length=1, max_length=2000, strip_whitespace=True)]
    result: EffectivenessResult
    review_date: date = Field(description="The day of the review; not in the future.")
    evidence_id: uuid.UUID | None = None
    note: str = Field(default="", max_length=10000)


class EffectivenessReviewRead(BaseModel):
    reviewer_id: uuid.UUID | None
    method: str
    result: EffectivenessResult
    review_date: date | None
    evidence_id: uuid.UUID | None
    note: str
    recorded_at: datetime | None


class CorrectiveMeasureRead(BaseModel):
    id: uuid.UUID
    key: str = Field(examples=["CM-3"])
    title: str
    description: str
    status: MeasureStatus
    allowed_transitions: list[MeasureStatus]
    finding_ids: list[uuid.UUID]
    owner_id: uuid.UUID | None
    due_date: date | None
    overdue: bool
    correction: str
    correction_date: date | None
    correction_by_id: uuid.UUID | None
    root_cause_method: RootCauseMethod | None
    root_cause: str
    extent: str
    actions: list[CorrectiveActionRead]
    actions_editable: bool = Field(
        description="Actions may still be added, changed and ticked off (up to 'planned')."
    )
    sms_change_evidence_ids: list[uuid.UUID]
    effectiveness_review: EffectivenessReviewRead | None
    reopen_count: int
    cancel_reason: str
    closed_at: datetime | None
    closed_on: date | None = Field(description="The day the measure was closed (as stated).")
    version: int
    created_at: datetime
    updated_at: datetime
    consequences: list[FindingConsequence] = Field(
        default_factory=list,
        description="Findings this request moved on (planning the measure plans their action; "
        "closing it effective closes the nonconformities it settles); empty on reads.",
    )


class CorrectiveMeasurePage(Page[CorrectiveMeasureRead]):
    pass
