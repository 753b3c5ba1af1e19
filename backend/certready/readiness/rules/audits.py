"""Internal audit (9.2): programme, performed audits, coverage, independence, reporting."""

from __future__ import annotations

from datetime import date

from certready.audits.enums import AuditStatus, AuditType
from certready.core.clock import add_months
from certready.readiness.enums import Gate, Severity
from certready.readiness.facts import AuditFacts, Facts
from certready.readiness.rules.base import Failure, Outcome, Param, Params, Rule, rule

REPORTED = frozenset({AuditStatus.reporting, AuditStatus.closed})


def internal_audits(facts: Facts) -> list[AuditFacts]:
    return [a for a in facts.audits if a.type == AuditType.internal]


def _audit_failure(facts: Facts, audit: AuditFacts, message: str) -> Failure:
    return Failure(
        "audit",
        f"{audit.key} {audit.title}: {message}",
        facts.route(f"/audits/{audit.id}"),
        id=str(audit.id),
        key=audit.key,
    )


@rule("RDY-26", "Approved internal audit programme", ["9.2"], Gate.stage1, Severity.blocker)
def audit_programme(facts: Facts, params: Params) -> Outcome:
    """An approved audit programme with a method description exists, and every planned
    internal audit has criteria and a scope (the programme + method satisfies the older
    "internal audit procedure")."""
    route = facts.route("/audits/programmes")
    good = [p for p in facts.programmes if p.approved and p.has_method]
    failures: list[Failure] = []
    if not facts.programmes:
        failures.append(Failure("audit_programme", "No internal audit programme recorded.", route))
    elif not good:
        for p in facts.programmes:
            gaps = [n for n, ok in (("approval", p.approved), ("method", p.has_method)) if not ok]
            failures.append(
                Failure(
                    "audit_programme",
                    f"Programme '{p.title}' lacks: {', '.join(gaps)}.",
                    facts.route(f"/audits/programmes/{p.id}"),
                    id=str(p.id),
                )
            )
    for audit in internal_audits(facts):
        if audit.status == AuditStatus.cancelled:
            continue
        gaps = [
            n for n, ok in (("criteria", audit.has_criteria), ("scope", audit.has_scope)) if not ok
        ]
        if gaps:
            failures.append(_audit_failure(facts, audit, f"no {' or '.join(gaps)}."))
    return Outcome(failures)


@rule("RDY-27", "An internal audit performed and reported", ["9.2"], Gate.stage1, Severity.blocker)
def audit_performed(facts: Facts, params: Params) -> Outcome:
    """At least one internal audit is closed (closing requires every checklist line
    assessed, a report summary and its distribution)."""
    if any(a.status == AuditStatus.closed for a in internal_audits(facts)):
        return Outcome()
    return Outcome(
        [
            Failure(
                "audit",
                "No internal audit has been performed and reported yet.",
                facts.route("/audits"),
            )
        ]
    )


def coverage_completed_on(facts: Facts) -> date | None:
    """When RDY-28's coverage was complete: the latest of the leaves' first audit inside the
    window (None while a leaf is not covered)."""
    firsts = [facts.first_audited_in_window.get(leaf.id) for leaf in facts.leaves]
    if not firsts or any(d is None for d in firsts):
        return None
    return max(d for d in firsts if d is not None)


@rule(
    "RDY-28",
    "Internal audits cover every requirement",
    ["9.2"],
    Gate.stage2,
    Severity.blocker,
    params=[Param("months", 12, 1, 36, "Closed internal audits count for this many months.")],
)
def audit_coverage(facts: Facts, params: Params) -> Outcome:
    """Internal audits closed within the last {months} months assessed every leaf
    (checklist line with a result)."""
    since = add_months(facts.today, -params["months"])
    missing = [
        leaf
        for leaf in facts.leaves
        if (seen := facts.audited_on.get(leaf.id)) is None or seen < since
    ]
    failures = [
        Failure(
            "requirement",
            f"{leaf.ref} not covered by an internal audit since {since.isoformat()}.",
            facts.route(f"/requirements/{leaf.ref}"),
            id=str(leaf.id),
            key=leaf.ref,
        )
        for leaf in missing
    ]
    message = f"{len(missing)} of {len(facts.leaves)} requirements not audited." if missing else ""
    return Outcome(failures, message=message)


@rule("RDY-29", "Auditors are independent", ["9.2"], Gate.stage2, Severity.blocker)
def auditor_independence(facts: Facts, params: Params) -> Outcome:
    """No checklist line was assigned to, or assessed by, the owner of its requirement
    (lines without an assigned auditor count the lead auditor)."""
    failures = [
        Failure(
            "audit",
            f"A-{c.audit_number}: {c.ref} was audited by its own owner.",
            facts.route(f"/audits/{c.audit_id}"),
            id=str(c.audit_id),
            key=c.ref,
        )
        for c in facts.conflicts
    ]
    return Outcome(failures)


@rule("RDY-30", "Audit reports distributed", ["9.2"], Gate.stage2, Severity.blocker)
def audit_reported(facts: Facts, params: Params) -> Outcome:
    """Every internal audit in reporting or closed has a report summary and a distribution
    record (to relevant management)."""
    failures = []
    for audit in internal_audits(facts):
        if audit.status not in REPORTED:
            continue
        gaps = [
            n
            for n, ok in (("report", audit.has_report), ("distribution", audit.has_distribution))
            if not ok
        ]
        if gaps:
            failures.append(_audit_failure(facts, audit, f"no {' or '.join(gaps)}."))
    return Outcome(failures)


RULES: list[Rule] = [
    audit_programme,
    audit_performed,
    audit_coverage,
    auditor_independence,
    audit_reported,
]
