from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from certready.audits.schemas import LinkedEvidence
from certready.core.pagination import Page
from certready.corrective_measures.enums import EffectivenessResult, MeasureStatus
from certready.findings.enums import FindingClosure, FindingGrade, FindingSource, FindingStatus
from certready.requirements.catalogue.loader import REF_PATTERN

Ref = Annotated[str, StringConstraints(pattern=REF_PATTERN, max_length=32)]
Statement = Annotated[str, StringConstraints(min_length=1, max_length=20000, strip_whitespace=True)]


class FindingFilters(BaseModel):
    model_config = ConfigDict(extra="forbid")

    grade: FindingGrade | None = None
    status: FindingStatus | None = None
    clause: str | None = None
    audit_id: uuid.UUID | None = None
    source: FindingSource | None = None
    overdue: bool | None = None


class FindingCreate(BaseModel):
    """Raise a finding; from a checklist line, give ``checklist_line_id`` (it links the line)."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "grade": "minor_nc",
                    "statement": (
                        "Three of ten sampled normal changes were closed without the "
                        "post-implementation review the change procedure asks for."
                    ),
                    "requirement_ref": "8.5.1",
                    "due_date": "2027-07-31",
                    "evidence": [
                        {
                            "evidence_item_id": "c4d8a1b2-7e3f-4a5b-9c6d-8e1f2a3b4c55",
                            "version_number": 2,
                        }
                    ],
                }
            ]
        },
    )

    grade: FindingGrade
    statement: Statement
    requirement_ref: Ref | None = Field(
        default=None,
        description="Required for nonconformities; defaults to the checklist line's ref.",
    )
    audit_id: uuid.UUID | None = None
    checklist_line_id: uuid.UUID | None = None
    source: FindingSource | None = Field(
        default=None,
        description="Derived from the audit when one is given; defaults to `other` otherwise.",
    )
    due_date: date | None = None
    evidence: list[LinkedEvidence] = Field(default_factory=list, max_length=200)
    raised_on: date | None = Field(
        default=None,
        description="The day the finding was raised, for past events (default today). Not in "
        "the future, not before its audit's actual start.",
    )


class FindingUpdate(BaseModel):
    """Fields to change; the grade changes only while the finding is open."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "due_date": "2027-08-31",
                    "evidence": [{"evidence_item_id": "c4d8a1b2-7e3f-4a5b-9c6d-8e1f2a3b4c55"}],
                }
            ]
        },
    )

    grade: FindingGrade | None = None
    statement: Statement | None = None
    requirement_ref: Ref | None = None
    due_date: date | None = None
    evidence: list[LinkedEvidence] | None = Field(default=None, max_length=200)
    cb_plan_accepted_at: datetime | None = Field(
        default=None, description="Certification-body findings: the body accepted the plan."
    )
    cb_verified_at: datetime | None = Field(
        default=None, description="Certification-body major NCs: the body verified the fix."
    )


class FindingTransition(BaseModel):
    model_config = ConfigDict(extra="forbid")

    to: FindingStatus
    note: str = Field(default="", max_length=10000)
    decision: FindingClosure | None = Field(
        default=None,
        description="Closing only: observations and OFIs close on `correction_only` (the note "
        "is the reason, required); nonconformities close on `corrective_action`.",
    )

    occurred_on: date | None = Field(
        default=None,
        description="The day this happened, for past events (closed: sets closed_on); default "
        "today. Not in the future, not before the finding was raised.",
    )


class FindingMeasure(BaseModel):
    """A corrective measure linked to the finding, as the finding page lists it."""

    id: uuid.UUID
    key: str = Field(examples=["CM-3"])
    title: str
    status: MeasureStatus
    owner_id: uuid.UUID | None
    due_date: date | None
    overdue: bool
    effectiveness_result: EffectivenessResult | None
    closed_at: datetime | None


class FindingConsequence(BaseModel):
    """A finding that moved because of this request (e.g. its measure was planned or closed)."""

    finding_id: uuid.UUID
    key: str = Field(examples=["F-12"])
    from_status: FindingStatus
    to_status: FindingStatus
    reason: str = Field(examples=["CM-3 closed effective"])


class FindingRead(BaseModel):
    id: uuid.UUID
    key: str = Field(examples=["F-12"])
    grade: FindingGrade
    status: FindingStatus
    allowed_transitions: list[FindingStatus]
    source: FindingSource
    certification_body: bool
    statement: str
    requirement_ref: str | None
    audit_id: uuid.UUID | None
    checklist_line_id: uuid.UUID | None
    evidence: list[LinkedEvidence]
    raised_by_id: uuid.UUID | None
    raised_at: datetime = Field(description="When the finding was recorded.")
    raised_on: date = Field(description="The day the finding was raised (as stated).")
    due_date: date | None
    overdue: bool
    decision_note: str
    closure_decision: FindingClosure | None
    measures: list[FindingMeasure] = Field(
        description="Linked corrective measures, by key; each with its effectiveness result."
    )
    cb_plan_accepted_at: datetime | None
    cb_verified_at: datetime | None
    closed_at: datetime | None
    closed_on: date | None = Field(description="The day the finding was closed (as stated).")
    version: int
    created_at: datetime
    updated_at: datetime


class FindingPage(Page[FindingRead]):
    pass
