"""Nonconformity, corrective action and improvement (10.1, 10.2).

Corrective measures come through ``readiness.providers``. Until that package registers
its provider, an internal nonconformity in status ``action_planned`` with a due date
stands for "has a corrective action", and its due date is the action's due date.

The improvement register (RDY-36) is read as the findings graded ``ofi`` (any source):
each is an improvement opportunity; once accepted (``action_planned``) it needs a target
date.
"""

from __future__ import annotations

from certready.findings.enums import (
    NONCONFORMITY_GRADES,
    FindingGrade,
    FindingSource,
    FindingStatus,
)
from certready.readiness.enums import Gate, Severity
from certready.readiness.facts import Facts, FindingFacts, MeasureFacts
from certready.readiness.rules.base import Failure, Outcome, Params, Rule, rule


def open_internal_ncs(facts: Facts) -> list[FindingFacts]:
    return [
        f
        for f in facts.findings
        if f.source == FindingSource.internal_audit
        and f.grade in NONCONFORMITY_GRADES
        and f.status != FindingStatus.closed
    ]


def _unique(measures: list[MeasureFacts]) -> list[MeasureFacts]:
    """One entry per measure (a measure serving several findings comes once per finding)."""
    seen: dict[object, MeasureFacts] = {}
    for m in measures:
        seen.setdefault(m.id, m)
    return list(seen.values())


def _finding_failure(facts: Facts, finding: FindingFacts, message: str) -> Failure:
    return Failure(
        "finding",
        f"{finding.key}: {message}",
        facts.route(f"/findings/{finding.id}"),
        id=str(finding.id),
        key=finding.key,
    )


def _measure_failure(facts: Facts, measure: MeasureFacts, message: str) -> Failure:
    return Failure(
        "corrective_measure",
        f"{measure.key}: {message}",
        facts.route(f"/corrective-measures/{measure.id}"),
        id=str(measure.id),
        key=measure.key,
    )


@rule(
    "RDY-33",
    "Corrective action for every internal nonconformity",
    ["10.1"],
    Gate.stage2,
    Severity.blocker,
)
def actions_defined(facts: Facts, params: Params) -> Outcome:
    """Every open internal-audit nonconformity has a corrective measure with a root cause,
    an owner and a due date."""
    failures = []
    by_finding: dict[object, list[MeasureFacts]] = {}
    for m in facts.measures or []:
        if not m.cancelled:
            by_finding.setdefault(m.finding_id, []).append(m)
    for finding in open_internal_ncs(facts):
        if facts.measures is None:
            if finding.status != FindingStatus.action_planned or finding.due_date is None:
                failures.append(
                    _finding_failure(
                        facts, finding, "no corrective action planned with a due date."
                    )
                )
            continue
        measures = by_finding.get(finding.id, [])
        if not measures:
            failures.append(_finding_failure(facts, finding, "no corrective measure recorded."))
            continue
        if not any(m.has_root_cause and m.has_owner and m.due_date for m in measures):
            failures.append(
                _finding_failure(
                    facts, finding, "its corrective measure lacks a root cause, owner or due date."
                )
            )
    return Outcome(failures)


@rule("RDY-34", "No open major and nothing overdue", ["10.1"], Gate.stage2, Severity.blocker)
def nothing_overdue(facts: Facts, params: Params) -> Outcome:
    """No internal nonconformity graded major is open, and no corrective action is past
    its due date."""
    failures = []
    ncs = open_internal_ncs(facts)
    for finding in ncs:
        if finding.grade == FindingGrade.major_nc:
            failures.append(_finding_failure(facts, finding, "major nonconformity is open."))
    if facts.measures is None:
        for finding in ncs:
            if finding.due_date is not None and finding.due_date < facts.today:
                failures.append(
                    _finding_failure(
                        facts,
                        finding,
                        f"corrective action overdue since {finding.due_date.isoformat()}.",
                    )
                )
    else:
        for m in _unique(facts.measures):
            if m.closed or m.cancelled or m.past_implementation:
                continue
            if m.due_date is not None and m.due_date < facts.today:
                failures.append(
                    _measure_failure(facts, m, f"overdue since {m.due_date.isoformat()}.")
                )
    return Outcome(failures)


@rule("RDY-35", "Effectiveness of closed actions checked", ["10.1"], Gate.stage2, Severity.warning)
def effectiveness_checked(facts: Facts, params: Params) -> Outcome:
    """Every closed corrective measure has an effectiveness review recorded."""
    failures = [
        _measure_failure(facts, m, "closed without an effectiveness review.")
        for m in _unique(facts.measures or [])
        if m.closed and not m.effectiveness_recorded
    ]
    return Outcome(failures)


@rule("RDY-36", "Improvement register kept", ["10.2"], Gate.stage2, Severity.warning)
def improvement_register(facts: Facts, params: Params) -> Outcome:
    """At least one improvement opportunity (finding graded ``ofi``) is recorded, and every
    accepted one (``action_planned``) has a target date."""
    ofis = [f for f in facts.findings if f.grade == FindingGrade.ofi]
    if not ofis:
        return Outcome(
            [
                Failure(
                    "finding",
                    "No improvement opportunity recorded.",
                    facts.route("/findings?grade=ofi"),
                )
            ]
        )
    failures = [
        _finding_failure(facts, f, "accepted improvement without a target date.")
        for f in ofis
        if f.status == FindingStatus.action_planned and f.due_date is None
    ]
    return Outcome(failures)


RULES: list[Rule] = [actions_defined, nothing_overdue, effectiveness_checked, improvement_register]
