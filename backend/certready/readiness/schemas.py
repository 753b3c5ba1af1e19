from __future__ import annotations

import uuid
from datetime import date, datetime

from pydantic import BaseModel, ConfigDict, Field

from certready.core.pagination import Page
from certready.core.types import Int32
from certready.readiness.enums import Gate, Severity, SnapshotTrigger


class FailingObjectRead(BaseModel):
    """An object that makes a rule fail and where in the SPA to fix it."""

    type: str = Field(examples=["documented_information"])
    id: str | None = None
    key: str | None = Field(default=None, examples=["D8"])
    message: str
    route: str = Field(examples=["/orgs/acme/evidence?fulfils=D8"])


class RuleResultRead(BaseModel):
    id: str = Field(examples=["RDY-11"])
    title: str
    description: str
    clause_refs: list[str]
    gate: Gate
    # The severity of this result (RDY-31 fails as a warning when a review is only scheduled).
    severity: Severity
    implemented: bool
    # None for a rule that is not implemented.
    passed: bool | None
    message: str
    failing_count: int
    # At most ``failing_limit`` objects; ``failing_count`` has the full number.
    failing: list[FailingObjectRead]
    parameters: dict[str, int]
    not_implemented_reason: str | None = None


class GateRead(BaseModel):
    """A gate's verdict: ``true`` when no blocker of this or an earlier gate fails and every
    blocker was evaluated; ``false`` when one fails (or the gate does not apply); ``null``
    when none fails but some blocker rules are not evaluated yet (``unevaluated``)."""

    ready: bool | None
    applicable: bool
    blockers: list[str]
    warnings: list[str]
    unevaluated: list[str] = Field(
        description="Blocker rules of this or an earlier gate that Certready does not evaluate "
        "yet; while any remain and nothing fails, `ready` is null."
    )
    reason: str | None = Field(description="Why `ready` is null, or null.")


class GatesRead(BaseModel):
    stage1: GateRead
    stage2: GateRead
    certification: GateRead
    maintenance: GateRead


class StatusCounts(BaseModel):
    not_started: int = 0
    planned: int = 0
    in_progress: int = 0
    implemented: int = 0


class ClauseRead(BaseModel):
    """Roll-up of one top-level clause (4-10 for ISO/IEC 20000-1)."""

    ref: str
    title: str
    requirements: int
    statuses: StatusCounts
    evidence_links: int
    current_evidence_links: int
    open_findings: int
    failing_rules: list[str]


class NextStepRead(BaseModel):
    rule_id: str
    title: str
    gate: Gate
    failing_count: int
    message: str
    route: str | None


class ReadinessRead(BaseModel):
    framework: str
    today: date
    evaluated_at: datetime
    score: int = Field(ge=0, le=100)
    gates: GatesRead
    clauses: list[ClauseRead]
    rules: list[RuleResultRead]
    not_implemented: list[RuleResultRead]
    next_steps: list[NextStepRead]


class PersonInScopeRead(BaseModel):
    """One person in scope for awareness and competence (iso20000.md 6.6) and why."""

    # Their training register entry, or their user id when they have no entry yet.
    id: uuid.UUID
    name: str
    user_id: uuid.UUID | None
    # False: not in the training register yet (no training record can exist for them).
    registered: bool
    role_keys: list[str]
    reasons: list[str] = Field(examples=[["role sms_manager", "owner of 8.6.1, 8.6.2"]])
    # The newest awareness completion that counts for RDY-15 (None: none current).
    awareness_completed_on: date | None
    # What RDY-16 finds missing for their roles (empty: competent).
    competence_gaps: list[str]


class PeopleInScopeRead(BaseModel):
    """Everyone RDY-15 and RDY-16 count, computed from memberships, ownerships and the
    training register."""

    awareness_months: int
    total: int
    aware: int
    competent: int
    items: list[PersonInScopeRead]


class ParameterRead(BaseModel):
    name: str
    description: str
    default: int
    minimum: int
    maximum: int
    value: int


class RuleSettingsRead(BaseModel):
    rule_id: str
    title: str
    parameters: list[ParameterRead]


class ReadinessSettingsRead(BaseModel):
    rules: list[RuleSettingsRead]
    version: int


class ReadinessSettingsUpdate(BaseModel):
    """Parameter overrides per rule: ``{"RDY-10": {"months": 6}}``; ``null`` resets a value."""

    model_config = ConfigDict(extra="forbid")

    parameters: dict[str, dict[str, Int32 | None]]


class SnapshotRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    framework: str
    taken_at: datetime
    snapshot_date: date
    trigger: SnapshotTrigger
    score: int
    # None: not confirmed (blocker rules not evaluated) or, for the last two, not applicable.
    stage1_ready: bool | None
    stage2_ready: bool | None
    certification_ready: bool | None
    maintenance_ready: bool | None
    blockers: int
    warnings: int
    failing_rules: list[str]


class SnapshotPage(Page[SnapshotRead]):
    pass


class DemoResult(BaseModel):
    """The demo organisation and its admin; the password is shown once."""

    organisation_slug: str
    organisation_name: str
    admin_email: str
    admin_password: str
