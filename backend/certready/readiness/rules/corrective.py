"""Nonconformity, corrective action and improvement (10.1, 10.2).

The repository filters and counts in SQL (:class:`ImprovementFacts`): the rules get the
first failing findings and measures of each kind and the exact totals, whatever the
number of findings and measures the organisation holds.

The improvement register (RDY-36) is read as the findings graded ``ofi`` (any source):
each is an improvement opportunity; once accepted (``action_planned``) it needs a target
date.
"""

from __future__ import annotations

from certready.readiness.enums import Gate, Severity
from certready.readiness.facts import FAILING_LIMIT, Capped, Facts, FindingFacts, ObjectRef
from certready.readiness.rules.base import Failure, Outcome, Params, Rule, rule


def _finding_failure(facts: Facts, finding: ObjectRef | FindingFacts, message: str) -> Failure:
    key = f"F-{finding.number}"
    return Failure(
        "finding",
        f"{key}: {message}",
        facts.route(f"/findings/{finding.id}"),
        id=str(finding.id),
        key=key,
    )


def _measure_failure(facts: Facts, measure: ObjectRef, message: str) -> Failure:
    key = f"CM-{measure.number}"
    return Failure(
        "corrective_measure",
        f"{key}: {message}",
        facts.route(f"/corrective-measures/{measure.id}"),
        id=str(measure.id),
        key=key,
    )


def _listed(*parts: tuple[Capped, str, bool]) -> tuple[list[tuple[ObjectRef, str, bool]], int]:
    """Several capped lists as one, in number order per kind (findings before measures)."""
    rows = [
        (ref, message, is_finding) for capped, message, is_finding in parts for ref in capped.items
    ]
    rows.sort(key=lambda r: (not r[2], r[0].number))
    return rows[:FAILING_LIMIT], sum(capped.total for capped, _, _ in parts)


def _outcome(facts: Facts, *parts: tuple[Capped, str, bool]) -> Outcome:
    rows, total = _listed(*parts)
    failures = [
        _finding_failure(facts, ref, message)
        if is_finding
        else _measure_failure(facts, ref, message.format(due=ref.due_date))
        for ref, message, is_finding in rows
    ]
    return Outcome(failures, total=total)


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
    imp = facts.improvement
    return _outcome(
        facts,
        (imp.nc_without_measure, "no corrective measure recorded.", True),
        (
            imp.nc_incomplete_measure,
            "its corrective measure lacks a root cause, owner or due date.",
            True,
        ),
    )


@rule("RDY-34", "No open major and nothing overdue", ["10.1"], Gate.stage2, Severity.blocker)
def nothing_overdue(facts: Facts, params: Params) -> Outcome:
    """No major nonconformity is open, whatever raised it (internal audit, incident review,
    complaint, customer, supplier review, the certification body), and no corrective
    measure that is not yet implemented is past its due date."""
    imp = facts.improvement
    return _outcome(
        facts,
        (imp.open_majors, "major nonconformity is open.", True),
        (imp.overdue_measures, "overdue since {due}.", False),
    )


@rule("RDY-35", "Effectiveness of closed actions checked", ["10.1"], Gate.stage2, Severity.warning)
def effectiveness_checked(facts: Facts, params: Params) -> Outcome:
    """Every closed corrective measure has an effectiveness review recorded."""
    return _outcome(
        facts,
        (facts.improvement.closed_unreviewed, "closed without an effectiveness review.", False),
    )


@rule("RDY-36", "Improvement register kept", ["10.2"], Gate.stage2, Severity.warning)
def improvement_register(facts: Facts, params: Params) -> Outcome:
    """At least one improvement opportunity (finding graded ``ofi``) is recorded, and every
    accepted one (``action_planned``) has a target date."""
    imp = facts.improvement
    if not imp.ofis.total:
        return Outcome(
            [
                Failure(
                    "finding",
                    "No improvement opportunity recorded.",
                    facts.route("/findings?grade=ofi"),
                )
            ]
        )
    return _outcome(facts, (imp.ofi_undated, "accepted improvement without a target date.", True))


RULES: list[Rule] = [actions_defined, nothing_overdue, effectiveness_checked, improvement_register]
