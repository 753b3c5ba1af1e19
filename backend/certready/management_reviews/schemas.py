from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from certready.core.pagination import Page
from certready.evidence.enums import EvidenceStatus
from certready.management_reviews.enums import (
    ActionStatus,
    DecisionKind,
    LinkType,
    ReviewStatus,
)

Title = Annotated[str, StringConstraints(min_length=1, max_length=200, strip_whitespace=True)]
Name = Annotated[str, StringConstraints(min_length=1, max_length=200, strip_whitespace=True)]
Text = Annotated[str, StringConstraints(min_length=1, max_length=10000, strip_whitespace=True)]
TopicKey = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{1,63}$")]


class ReviewFilters(BaseModel):
    model_config = ConfigDict(extra="forbid")

    status: ReviewStatus | None = None
    year: int | None = None


class Attendee(BaseModel):
    """A member (``user_id``; the name is filled in) or a person named in free text."""

    model_config = ConfigDict(extra="forbid")

    user_id: uuid.UUID | None = None
    name: str = Field(default="", max_length=200)

    @model_validator(mode="after")
    def _member_or_named(self) -> Attendee:
        if self.user_id is None and not self.name.strip():
            raise ValueError("give user_id or name")
        return self


class ExtraTopic(BaseModel):
    model_config = ConfigDict(extra="forbid")

    key: TopicKey
    title: Annotated[str, StringConstraints(min_length=1, max_length=300, strip_whitespace=True)]


class TopicLink(BaseModel):
    """A typed reference from an input topic to an item of this organisation."""

    model_config = ConfigDict(extra="forbid")

    type: LinkType
    id: uuid.UUID


class ManagementReviewCreate(BaseModel):
    """Plan a review; its inputs are pre-filled from the organisation's data now."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "title": "Management review 2027",
                    "planned_date": "2027-10-14",
                    "chair_id": "3f6c2a8e-5b1d-4c7e-9a2f-1d8e4b6c0a11",
                    "attendees": [
                        {"user_id": "9b2e7d4c-1a3f-4e6b-8c5d-2f0a7e9b3c22"},
                        {"name": "Head of finance"},
                    ],
                    "agenda": "Inputs, performance of the SMS, decisions and actions.",
                }
            ]
        },
    )

    title: Title = "Management review"
    planned_date: date
    chair_id: uuid.UUID | None = None
    chair_name: str = Field(default="", max_length=200)
    attendees: list[Attendee] = Field(default_factory=list, max_length=100)
    agenda: str = Field(default="", max_length=10000)
    extra_topics: list[ExtraTopic] = Field(
        default_factory=list,
        max_length=30,
        description="Topics added to the twelve defaults for this review.",
    )


class ManagementReviewUpdate(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "held_date": "2027-10-14",
                    "minutes_evidence_id": "c4d8a1b2-7e3f-4a5b-9c6d-8e1f2a3b4c55",
                }
            ]
        },
    )

    title: Title | None = None
    planned_date: date | None = None
    held_date: date | None = None
    chair_id: uuid.UUID | None = None
    chair_name: str | None = Field(default=None, max_length=200)
    attendees: list[Attendee] | None = Field(default=None, max_length=100)
    agenda: str | None = Field(default=None, max_length=10000)
    minutes_evidence_id: uuid.UUID | None = Field(
        default=None, description="The evidence item holding the minutes (same organisation)."
    )


class ManagementReviewTransition(BaseModel):
    model_config = ConfigDict(extra="forbid")

    to: ReviewStatus
    note: str = Field(default="", max_length=10000)
    occurred_on: date | None = Field(
        default=None,
        description="The day this happened, for past events: held (sets held_date; default "
        "the held date already given, else today), minutes approved (sets "
        "minutes_approved_on, not before the held date; default today). Not in the future.",
    )


class ManagementReviewInputUpdate(BaseModel):
    """Record how a topic was covered, or why it does not apply this time."""

    model_config = ConfigDict(extra="forbid")

    notes: str | None = Field(default=None, max_length=20000)
    links: list[TopicLink] | None = Field(default=None, max_length=200)
    covered: bool | None = None
    not_applicable_reason: str | None = Field(
        default=None,
        max_length=2000,
        description="A reason marks the topic not applicable (a blank one is refused: 422); "
        "null withdraws it.",
    )


class ManagementReviewDecisionCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kind: DecisionKind
    text: Text


class ManagementReviewDecisionUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kind: DecisionKind | None = None
    text: Text | None = None


class ManagementReviewActionCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    description: Text
    owner_id: uuid.UUID
    due_date: date
    decision_id: uuid.UUID | None = None


class ManagementReviewActionUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    description: Text | None = None
    owner_id: uuid.UUID | None = None
    due_date: date | None = None
    status: ActionStatus | None = None
    decision_id: uuid.UUID | None = None


class ManagementReviewInputRead(BaseModel):
    id: uuid.UUID
    key: str
    title: str
    position: int
    mandatory: bool
    notes: str
    links: list[TopicLink]
    covered: bool
    not_applicable_reason: str | None
    resolved: bool = Field(description="Covered, or not applicable with a reason.")
    prefill: dict[str, Any] = Field(
        description="The snapshot sections that feed this topic, as at review creation."
    )
    updated_at: datetime


class ManagementReviewDecisionRead(BaseModel):
    id: uuid.UUID
    kind: DecisionKind
    text: str
    created_at: datetime
    updated_at: datetime


class ManagementReviewActionRead(BaseModel):
    id: uuid.UUID
    review_id: uuid.UUID
    decision_id: uuid.UUID | None
    description: str
    owner_id: uuid.UUID | None
    due_date: date | None
    status: ActionStatus
    overdue: bool
    done_at: datetime | None
    created_at: datetime
    updated_at: datetime


class ManagementReviewRead(BaseModel):
    id: uuid.UUID
    key: str = Field(examples=["MR-3"])
    title: str
    status: ReviewStatus
    allowed_transitions: list[ReviewStatus]
    planned_date: date
    held_date: date | None
    chair_id: uuid.UUID | None
    chair_name: str
    attendees: list[Attendee]
    agenda: str
    minutes_evidence_id: uuid.UUID | None
    since_date: date | None
    held_at: datetime | None
    minutes_approved_at: datetime | None
    minutes_approved_on: date | None = Field(
        description="The day the minutes were approved (as stated)."
    )
    cancelled_at: datetime | None
    version: int
    created_at: datetime
    updated_at: datetime


class ManagementReviewDetailRead(ManagementReviewRead):
    minutes_status: EvidenceStatus | None
    uncovered_topics: list[str]
    snapshot_at: datetime
    snapshot: dict[str, Any] = Field(
        description="Data pre-filled at creation: kept as reviewed, never recomputed."
    )
    inputs: list[ManagementReviewInputRead]
    decisions: list[ManagementReviewDecisionRead]
    actions: list[ManagementReviewActionRead]


class ManagementReviewPage(Page[ManagementReviewRead]):
    pass
