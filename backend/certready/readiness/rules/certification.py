"""Certification decision (CERT) and maintenance (MAINT) rules, iso20000.md 3.4 and 6.5.

CERT applies once a Stage 2 audit is recorded; MAINT once the certification decision date
is recorded on the organisation (the engine marks the gates ``applicable``).
"""

from __future__ import annotations

from datetime import date

from certready.audits.enums import AuditStatus, AuditType
from certready.core.clock import add_months
from certready.findings.enums import FindingGrade, FindingStatus
from certready.readiness.enums import Gate, Severity
from certready.readiness.facts import AuditFacts, Facts, FindingFacts
from certready.readiness.rules.base import Failure, Outcome, Param, Params, Rule, rule
from certready.readiness.rules.corrective import _finding_failure

CERTIFICATE_MONTHS = 36


def _audits(facts: Facts, type_: AuditType) -> list[AuditFacts]:
    return [a for a in facts.audits if a.type == type_ and a.status != AuditStatus.cancelled]


def _stage2_findings(facts: Facts, grade: FindingGrade) -> list[tuple[FindingFacts, AuditFacts]]:
    stage2 = {a.id: a for a in _audits(facts, AuditType.stage2)}
    return [
        (f, stage2[f.audit_id]) for f in facts.findings if f.grade == grade and f.audit_id in stage2
    ]


@rule(
    "RDY-38",
    "Stage 2 majors corrected and verified",
    ["10.1"],
    Gate.certification,
    Severity.blocker,
)
def majors_verified(facts: Facts, params: Params) -> Outcome:
    """Every Stage 2 major nonconformity has a correction and corrective action submitted
    (action planned or closed) and the certification body's verification recorded."""
    failures = []
    for finding, _ in _stage2_findings(facts, FindingGrade.major_nc):
        if finding.status == FindingStatus.open:
            failures.append(
                _finding_failure(facts, finding, "no correction and corrective action submitted.")
            )
        elif finding.cb_verified_on is None:
            failures.append(
                _finding_failure(facts, finding, "certification body verification not recorded.")
            )
    return Outcome(failures)


@rule(
    "RDY-39",
    "Stage 2 majors verified in time",
    ["10.1"],
    Gate.certification,
    Severity.blocker,
    params=[Param("months", 6, 1, 12, "Months after the last Stage 2 day.")],
)
def majors_in_time(facts: Facts, params: Params) -> Outcome:
    """Every Stage 2 major is verified no later than the last Stage 2 day plus {months}
    months; otherwise Stage 2 must be repeated."""
    failures = []
    for finding, audit in _stage2_findings(facts, FindingGrade.major_nc):
        last_day = audit.actual_end_date or audit.planned_end_date
        if last_day is None:
            continue
        deadline = add_months(last_day, params["months"])
        verified = finding.cb_verified_on
        if (verified is None and facts.today > deadline) or (
            verified is not None and verified > deadline
        ):
            failures.append(
                _finding_failure(
                    facts,
                    finding,
                    f"not verified by {deadline.isoformat()}: Stage 2 must be repeated.",
                )
            )
    return Outcome(failures)


@rule(
    "RDY-40", "Stage 2 minors have an accepted plan", ["10.1"], Gate.certification, Severity.blocker
)
def minors_accepted(facts: Facts, params: Params) -> Outcome:
    """Every Stage 2 minor nonconformity has a correction/corrective-action plan accepted by
    the certification body."""
    failures = [
        _finding_failure(facts, f, "action plan not accepted by the certification body.")
        for f, _ in _stage2_findings(facts, FindingGrade.minor_nc)
        if not f.cb_plan_accepted
    ]
    return Outcome(failures)


def _schedule_failure(facts: Facts, message: str) -> Failure:
    return Failure("audit", message, facts.route("/audits"))


@rule(
    "RDY-41",
    "Surveillance audits scheduled",
    [],
    Gate.maintenance,
    Severity.blocker,
    params=[Param("months", 12, 1, 12, "The first surveillance is due within this many months.")],
)
def surveillance_scheduled(facts: Facts, params: Params) -> Outcome:
    """The first surveillance audit is scheduled no later than {months} months after the
    certification decision; once it has taken place, the next one is scheduled in the
    following calendar year (unless that is the recertification year)."""
    decision = facts.certification_decision_date
    if decision is None:
        return Outcome()
    due = add_months(decision, params["months"])
    dated = sorted((a.date, a) for a in _audits(facts, AuditType.surveillance) if a.date)
    first = next((a for d, a in dated if decision <= d <= due), None)
    if first is None:
        return Outcome(
            [_schedule_failure(facts, f"No surveillance audit scheduled by {due.isoformat()}.")]
        )
    first_date: date = first.date or due
    if first_date > facts.today:
        return Outcome()
    next_year = first_date.year + 1
    recert_year = add_months(decision, CERTIFICATE_MONTHS).year
    if next_year >= recert_year:
        return Outcome()
    if not any(d.year == next_year for d, _ in dated):
        return Outcome(
            [_schedule_failure(facts, f"No surveillance audit scheduled in {next_year}.")]
        )
    return Outcome()


@rule("RDY-42", "Recertification scheduled before expiry", [], Gate.maintenance, Severity.blocker)
def recertification_scheduled(facts: Facts, params: Params) -> Outcome:
    """A recertification audit is scheduled to complete before the certificate expires
    (three years after the certification decision)."""
    decision = facts.certification_decision_date
    if decision is None:
        return Outcome()
    expiry = add_months(decision, CERTIFICATE_MONTHS)
    if any(a.date and a.date < expiry for a in _audits(facts, AuditType.recertification)):
        return Outcome()
    return Outcome(
        [
            _schedule_failure(
                facts, f"No recertification audit scheduled to end before {expiry.isoformat()}."
            )
        ]
    )


RULES: list[Rule] = [
    majors_verified,
    majors_in_time,
    minors_accepted,
    surveillance_scheduled,
    recertification_scheduled,
]
