"""The SMS registers (context 4.1/4.2, risks 6.1) and certification-body follow-up
(Stage 1 areas of concern, effectiveness of the last CB audit's minor NCs)."""

from __future__ import annotations

from datetime import date

from certready.audits.enums import AuditStatus, AuditType
from certready.core.clock import add_months
from certready.findings.enums import FindingStatus
from certready.readiness.enums import Gate, Severity
from certready.readiness.facts import AuditFacts, Facts
from certready.readiness.rules.base import Failure, Outcome, Param, Params, Rule, rule

CB_AUDIT_TYPES = (AuditType.stage2, AuditType.surveillance, AuditType.recertification)


def _context_failure(facts: Facts, message: str) -> Failure:
    ctx = facts.context
    return Failure(
        "context",
        message,
        facts.route("/context"),
        id=str(ctx.id) if ctx else None,
        key="context",
    )


@rule(
    "RDY-03",
    "Context and interested parties reviewed",
    ["4.1", "4.2"],
    Gate.stage1,
    Severity.blocker,
    params=[Param("months", 12, 1, 36, "The last review or approval is at most this old.")],
)
def context_reviewed(facts: Facts, params: Params) -> Outcome:
    """A context record names internal and external issues, states whether climate change
    is relevant (with the reasoning) and lists the interested parties relevant to the SMS;
    it is approved and was reviewed (or approved) within the last {months} months."""
    ctx = facts.context
    if ctx is None:
        return Outcome(
            [_context_failure(facts, "No context record (issues and interested parties).")]
        )
    gaps = []
    if not ctx.internal_issues:
        gaps.append("no internal issue recorded")
    if not ctx.external_issues:
        gaps.append("no external issue recorded")
    if ctx.climate_change_relevant is None:
        gaps.append("whether climate change is relevant is not stated")
    elif not ctx.climate_change_reasoned:
        gaps.append("the climate-change statement gives no reasoning")
    if not ctx.relevant_parties:
        gaps.append("no interested party relevant to the SMS")
    if ctx.approved_on is None:
        gaps.append("not approved")
    last = max((d for d in (ctx.approved_on, ctx.reviewed_on) if d), default=None)
    since = add_months(facts.today, -params["months"])
    if last is not None and last < since:
        gaps.append(f"last reviewed {last.isoformat()}, more than {params['months']} months ago")
    elif last is None:
        gaps.append("never reviewed")
    return Outcome([_context_failure(facts, f"Context record: {gap}.") for gap in gaps])


@rule(
    "RDY-07",
    "Risk register with owners and treatments",
    ["6.1"],
    Gate.stage1,
    Severity.blocker,
)
def risks_owned_and_treated(facts: Facts, params: Params) -> Outcome:
    """A risk method with acceptance criteria is recorded and approved, the register holds
    at least one open risk, and every open risk has an owner and a treatment decision."""
    reg = facts.risk_register
    route = facts.route("/risks/method")
    failures = []
    if not reg.method_exists:
        failures.append(Failure("risk_method", "No risk method recorded.", route))
    else:
        if not reg.has_criteria:
            failures.append(
                Failure("risk_method", "The risk method states no acceptance criteria.", route)
            )
        if not reg.method_approved:
            failures.append(Failure("risk_method", "The risk method is not approved.", route))
    if not reg.open_risks:
        failures.append(Failure("risk", "No risk in the register.", facts.route("/risks")))
    for gap in reg.gaps:
        missing = [
            n
            for n, ok in (("owner", gap.has_owner), ("treatment decision", gap.has_treatment))
            if not ok
        ]
        failures.append(
            Failure(
                "risk",
                f"{gap.key} {gap.title} has no {' and no '.join(missing)}.",
                facts.route(f"/risks/{gap.id}"),
                id=str(gap.id),
                key=gap.key,
            )
        )
    total = len(failures) - len(reg.gaps) + reg.gap_total
    return Outcome(failures, total=total if reg.gap_total > len(reg.gaps) else None)


@rule("RDY-37", "Stage 1 areas of concern resolved", [], Gate.stage2, Severity.blocker)
def concerns_resolved(facts: Facts, params: Params) -> Outcome:
    """Every area of concern from the certification body's Stage 1 report is resolved
    (closed) or has an action the body agreed to."""
    failures = [
        Failure(
            "finding",
            f"{c.key}: Stage 1 area of concern neither resolved nor with a CB-agreed action.",
            facts.route(f"/findings/{c.id}"),
            id=str(c.id),
            key=c.key,
        )
        for c in facts.stage1_concerns
        if c.status != FindingStatus.closed and not c.cb_agreed
    ]
    return Outcome(failures)


def _ended(audit: AuditFacts, today: date) -> date | None:
    end = audit.actual_end_date
    if end is None and audit.status == AuditStatus.closed:
        end = audit.planned_end_date
    return end if end is not None and end <= today else None


@rule(
    "RDY-43", "CB minors effective before next surveillance", [], Gate.maintenance, Severity.warning
)
def cb_minors_effective(facts: Facts, params: Params) -> Outcome:
    """Each minor nonconformity of the last certification-body audit has effectiveness
    evidence (a linked corrective measure reviewed effective) before the next surveillance."""
    ended = [
        (end, a)
        for a in facts.audits
        if a.type in CB_AUDIT_TYPES
        and a.status != AuditStatus.cancelled
        and (end := _ended(a, facts.today)) is not None
    ]
    if not ended:
        return Outcome()
    last_end, last = max(ended, key=lambda e: (e[0], e[1].number))
    upcoming = sorted(
        d
        for a in facts.audits
        if a.type == AuditType.surveillance
        and a.status != AuditStatus.cancelled
        and a.id != last.id
        and (d := a.date) is not None
        and d > last_end
    )
    by = f" before the surveillance on {upcoming[0].isoformat()}" if upcoming else ""
    failures = [
        Failure(
            "finding",
            f"{m.key} (minor, {last.key}): no effectiveness evidence{by}.",
            facts.route(f"/findings/{m.id}"),
            id=str(m.id),
            key=m.key,
        )
        for m in facts.cb_minors
        if m.audit_id == last.id and not m.effective
    ]
    return Outcome(failures)


RULES: list[Rule] = [
    context_reviewed,
    risks_owned_and_treated,
    concerns_resolved,
    cb_minors_effective,
]
