from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from certready.audits.enums import AuditStatus, AuditType, ChecklistResult
from certready.core.pagination import Page
from certready.core.types import NonNegativeInt32, PositiveInt32
from certready.integrations.enums import RecordKind, RecordPriority
from certready.integrations.schemas import RecordRead
from certready.requirements.catalogue.loader import DEFAULT_FRAMEWORK, REF_PATTERN

Title = Annotated[str, StringConstraints(min_length=1, max_length=200, strip_whitespace=True)]
ScopeItem = Annotated[str, StringConstraints(pattern=REF_PATTERN, max_length=32)]
Name = Annotated[str, StringConstraints(min_length=1, max_length=200, strip_whitespace=True)]


class LinkedEvidence(BaseModel):
    """An evidence item, optionally one particular version of it."""

    model_config = ConfigDict(extra="forbid")

    evidence_item_id: uuid.UUID
    version_number: PositiveInt32 | None = None


# --- programme ------------------------------------------------------------------------------


class _PeriodCheck(BaseModel):
    period_start: date | None = None
    period_end: date | None = None

    @model_validator(mode="after")
    def _ordered(self) -> _PeriodCheck:
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValueError("period_end must not be before period_start")
        return self


class AuditProgrammeCreate(_PeriodCheck):
    model_config = ConfigDict(extra="forbid")

    title: Title
    period_label: str = Field(default="", max_length=64, examples=["2026"])
    objectives: str = Field(default="", max_length=10000)
    method: str = Field(
        default="",
        max_length=20000,
        description="How audits are planned, conducted and reported (the audit procedure).",
    )
    risk_basis: str = Field(default="", max_length=10000)

    @model_validator(mode="after")
    def _has_period(self) -> AuditProgrammeCreate:
        if not self.period_label.strip() and not (self.period_start and self.period_end):
            raise ValueError("give a period_label or both period_start and period_end")
        return self


class AuditProgrammeUpdate(_PeriodCheck):
    """Changing the period, objectives or method of an approved programme resets its approval."""

    model_config = ConfigDict(extra="forbid")

    title: Title | None = None
    period_label: str | None = Field(default=None, max_length=64)
    objectives: str | None = Field(default=None, max_length=10000)
    method: str | None = Field(default=None, max_length=20000)
    risk_basis: str | None = Field(default=None, max_length=10000)


class AuditProgrammeRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    title: str
    period_label: str
    period_start: date | None
    period_end: date | None
    objectives: str
    method: str
    risk_basis: str
    approved: bool
    approved_by_id: uuid.UUID | None
    approved_at: datetime | None
    version: int
    created_at: datetime
    updated_at: datetime


class AuditProgrammePage(Page[AuditProgrammeRead]):
    pass


# --- audits ---------------------------------------------------------------------------------


class _AuditDates(BaseModel):
    planned_start_date: date | None = None
    planned_end_date: date | None = None
    actual_start_date: date | None = None
    actual_end_date: date | None = None

    @model_validator(mode="after")
    def _ordered(self) -> _AuditDates:
        for a, b in (
            (self.planned_start_date, self.planned_end_date),
            (self.actual_start_date, self.actual_end_date),
        ):
            if a and b and b < a:
                raise ValueError("an end date must not be before its start date")
        return self


class AuditCreate(_AuditDates):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "type": "internal",
                    "title": "Internal audit Q2: service delivery",
                    "programme_id": "5a1c9e3b-8d2f-4b7a-a6e4-3c8f1d9b2e77",
                    "scope": ["8.2", "8.5.1"],
                    "criteria": "ISO/IEC 20000-1:2018 and the SMS procedures in scope",
                    "planned_start_date": "2027-05-10",
                    "planned_end_date": "2027-05-12",
                    "lead_auditor_id": "3f6c2a8e-5b1d-4c7e-9a2f-1d8e4b6c0a11",
                    "team_member_ids": ["9b2e7d4c-1a3f-4e6b-8c5d-2f0a7e9b3c22"],
                    "external_auditors": [],
                }
            ]
        },
    )

    type: AuditType
    title: Title
    programme_id: uuid.UUID | None = Field(
        default=None, description="Required for internal audits."
    )
    framework: str = Field(default=DEFAULT_FRAMEWORK, max_length=64)
    scope: list[ScopeItem] = Field(
        min_length=1,
        max_length=2000,
        description='Requirement refs and/or clause prefixes ("8" covers 8.x, never 80).',
    )
    criteria: str = Field(default="", max_length=10000)
    lead_auditor_id: uuid.UUID | None = None
    team_member_ids: list[uuid.UUID] = Field(default_factory=list, max_length=100)
    external_auditors: list[Name] = Field(default_factory=list, max_length=50)


class AuditUpdate(_AuditDates):
    """Fields to change; the scope can change only while the audit is planned."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "actual_start_date": "2027-05-10",
                    "actual_end_date": "2027-05-11",
                    "report_summary": "Two minor nonconformities, one opportunity for improvement.",
                    "distribution": ["Head of IT operations", "SMS manager"],
                }
            ]
        },
    )

    title: Title | None = None
    programme_id: uuid.UUID | None = None
    scope: list[ScopeItem] | None = Field(default=None, min_length=1, max_length=2000)
    criteria: str | None = Field(default=None, max_length=10000)
    lead_auditor_id: uuid.UUID | None = None
    team_member_ids: list[uuid.UUID] | None = Field(default=None, max_length=100)
    external_auditors: list[Name] | None = Field(default=None, max_length=50)
    report_summary: str | None = Field(default=None, max_length=20000)
    distribution: list[Name] | None = Field(default=None, max_length=200)


class AuditTransition(BaseModel):
    model_config = ConfigDict(extra="forbid")

    to: AuditStatus
    note: str = Field(default="", max_length=4000)
    occurred_on: date | None = Field(
        default=None,
        description="The day this happened, for a past audit: the start (in_progress, sets "
        "actual_start_date), the end of the audit work (reporting, sets actual_end_date), the "
        "closure (closed, sets closed_on). Default: the date already recorded, else today. "
        "Not in the future, not before the audit's earlier dates.",
    )


class AuditRead(BaseModel):
    id: uuid.UUID
    key: str = Field(examples=["A-3"])
    type: AuditType
    status: AuditStatus
    allowed_transitions: list[AuditStatus]
    title: str
    programme_id: uuid.UUID | None
    framework_id: uuid.UUID
    scope: list[str]
    criteria: str
    planned_start_date: date | None
    planned_end_date: date | None
    actual_start_date: date | None
    actual_end_date: date | None
    lead_auditor_id: uuid.UUID | None
    team_member_ids: list[uuid.UUID]
    external_auditors: list[str]
    report_summary: str
    distribution: list[str]
    closed_at: datetime | None
    closed_on: date | None = Field(description="The day the audit was closed (as stated).")
    version: int
    created_at: datetime
    updated_at: datetime


class AuditPage(Page[AuditRead]):
    pass


class ChecklistCounts(BaseModel):
    total: int
    not_assessed: int = 0
    conforming: int = 0
    nonconforming: int = 0
    observation: int = 0
    ofi: int = 0


class AuditDetailRead(AuditRead):
    requirement_refs: list[str] = Field(description="The leaf requirements the scope expands to.")
    lines_without_eligible_auditor: list[str] = Field(
        description=(
            "Refs of requirements owned by every member of the audit team (lead and team): "
            "nobody on the team may audit them (auditors do not audit their own work)."
        )
    )
    checklist: ChecklistCounts


# --- checklist ------------------------------------------------------------------------------


class ChecklistLineRead(BaseModel):
    id: uuid.UUID
    ref: str
    title: str
    root_ref: str = Field(description="The top-level clause, for grouping.")
    sort_key: str
    result: ChecklistResult
    notes: str
    auditor_id: uuid.UUID | None
    owner_id: uuid.UUID | None = Field(description="Owner of the requirement in this organisation.")
    assessed_by_id: uuid.UUID | None
    assessed_at: datetime | None = Field(description="When the assessment was recorded.")
    assessed_on: date | None = Field(description="The day the line was assessed (as stated).")
    evidence: list[LinkedEvidence]
    finding_ids: list[uuid.UUID]
    itsm_clauses: list[str] = Field(
        description="The clauses whose ITSM records a sample on this line is drawn from "
        "(empty: no record kind is evidence for it)."
    )
    sample_seed: int | None = Field(description="The seed of the line's last ITSM sample.")
    sample_size: int = Field(description="How many ITSM records the line's sample holds.")
    version: int


class AuditChecklistRead(BaseModel):
    audit_id: uuid.UUID
    total: int
    items: list[ChecklistLineRead]


class ChecklistLineUpdate(BaseModel):
    """Assess a line; omitted fields stay as they are. ``evidence`` replaces the sample."""

    model_config = ConfigDict(extra="forbid")

    result: ChecklistResult | None = None
    notes: str | None = Field(default=None, max_length=20000)
    auditor_id: uuid.UUID | None = None
    evidence: list[LinkedEvidence] | None = Field(default=None, max_length=200)
    assessed_on: date | None = Field(
        default=None,
        description="The day the line was assessed, for past audits (default: the day already "
        "stated, else today). Not in the future, not before the audit's actual start.",
    )


# --- report and coverage --------------------------------------------------------------------


class AuditTeamEntry(BaseModel):
    user_id: uuid.UUID
    name: str
    role: str = Field(description="lead or member")


class ClauseResults(ChecklistCounts):
    ref: str
    title: str


class ReportFinding(BaseModel):
    id: uuid.UUID
    key: str
    grade: str
    status: str
    requirement_ref: str | None
    statement: str
    objective_evidence: list[str] = Field(
        default_factory=list, description="Keys of the evidence items (E-12...) it rests on."
    )


class ReportLine(BaseModel):
    """A checklist line as the report shows it."""

    ref: str
    result: ChecklistResult
    auditor: str | None
    assessed_on: date | None
    notes: str
    sampled_evidence: list[str] = Field(description="Keys of the sampled evidence items.")


class AuditReportRead(BaseModel):
    audit_id: uuid.UUID
    key: str
    title: str
    type: AuditType
    status: AuditStatus
    scope: list[str]
    criteria: str
    team: list[AuditTeamEntry]
    external_auditors: list[str]
    planned_start_date: date | None
    planned_end_date: date | None
    actual_start_date: date | None
    actual_end_date: date | None
    results: ChecklistCounts
    results_by_clause: list[ClauseResults]
    findings: list[ReportFinding]
    conclusions: str
    distribution: list[str]
    objectives: str = Field(
        default="", description="The objectives of the audit programme the audit belongs to."
    )
    method: str = Field(default="", description="The audit programme's method.")
    lines: list[ReportLine] = Field(
        default_factory=list, description="The checklist with notes and sampled evidence."
    )
    closed_on: date | None = None


class CoverageLine(BaseModel):
    ref: str
    title: str
    root_ref: str
    sort_key: str
    audit_id: uuid.UUID | None
    audit_key: str | None
    result: ChecklistResult | None
    assessed_at: datetime | None
    assessed_on: date | None


class AuditCoverageRead(BaseModel):
    months: int
    window_start: datetime = Field(
        description="Lines assessed (assessed_on, the day stated) on or after this moment's day "
        "in a reporting or closed internal audit count as covered."
    )
    total: int
    covered: int
    items: list[CoverageLine]
    not_covered: list[str]


# --- ITSM samples on checklist lines ---------------------------------------------------------

ServiceKey = Annotated[str, StringConstraints(min_length=1, max_length=200)]


class SampleFilters(BaseModel):
    """Which of the line's ITSM records form the population (``opened_*``: days, inclusive)."""

    model_config = ConfigDict(extra="forbid")

    service_key: ServiceKey | None = None
    kind: RecordKind | None = None
    priority: RecordPriority | None = None
    opened_from: date | None = None
    opened_to: date | None = None


class SampleDraw(SampleFilters):
    """Draw (or draw again, replacing) the line's sample."""

    size: Annotated[int, Field(ge=1, le=500)] | None = Field(
        default=None, description="Default: the suggested size for the population."
    )
    seed: NonNegativeInt32 | None = Field(
        default=None, description="Repeat a draw with its seed; default: a new random seed."
    )


class SamplePopulation(BaseModel):
    """The population the filters hold on a line and the sample size suggested for it."""

    clauses: list[str]
    filters: SampleFilters
    population: int
    suggested_size: int


class SampleRead(SamplePopulation):
    """The line's sample: how it was drawn (seed, filters, population) and the records."""

    line_id: uuid.UUID
    ref: str
    seed: int | None
    size: int
    drawn_at: datetime | None
    drawn_by_id: uuid.UUID | None
    records: list[RecordRead]
    version: int = Field(description="The checklist line's version.")
