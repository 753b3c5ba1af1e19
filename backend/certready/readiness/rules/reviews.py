"""Management review (9.3) through the provider interface in ``readiness.providers``."""

from __future__ import annotations

from certready.audits.enums import AuditStatus
from certready.core.clock import add_months
from certready.readiness.enums import Gate, Severity
from certready.readiness.facts import Facts
from certready.readiness.rules.audits import coverage_completed_on, internal_audits
from certready.readiness.rules.base import Failure, Outcome, Param, Params, Rule, rule

NO_REVIEW = "No management review recorded."


def _none(facts: Facts) -> Outcome:
    return Outcome([Failure("management_review", NO_REVIEW, facts.route("/management-reviews"))])


@rule("RDY-31", "Management review held", ["9.3"], Gate.stage1, Severity.blocker)
def review_held(facts: Facts, params: Params) -> Outcome:
    """At least one management review has been held (blocker); one scheduled for today or
    later with an agenda makes the failure a warning; a past date never held is a blocker."""
    reviews = facts.reviews or []
    if any(r.held_on is not None and r.held_on <= facts.today for r in reviews):
        return Outcome()
    # 6.6: "scheduled" is a date today or later with an agenda; a planned date that has
    # passed without the review being held is neither held nor scheduled.
    scheduled = [
        r
        for r in reviews
        if r.scheduled_for is not None and r.scheduled_for >= facts.today and r.has_agenda
    ]
    if scheduled:
        r = min(scheduled, key=lambda r: r.scheduled_for or facts.today)
        when = r.scheduled_for.isoformat() if r.scheduled_for else "?"
        return Outcome(
            [
                Failure(
                    "management_review",
                    f"{r.key} is scheduled for {when} but not held yet.",
                    facts.route(f"/management-reviews/{r.id}"),
                    id=str(r.id),
                    key=r.key,
                )
            ],
            severity=Severity.warning,
        )
    lapsed = [
        r
        for r in reviews
        if r.held_on is None and r.scheduled_for is not None and r.scheduled_for < facts.today
    ]
    if lapsed:
        return Outcome(
            [
                Failure(
                    "management_review",
                    f"{r.key} was planned for {r.scheduled_for.isoformat()} and never held.",
                    facts.route(f"/management-reviews/{r.id}"),
                    id=str(r.id),
                    key=r.key,
                )
                for r in sorted(lapsed, key=lambda r: (r.scheduled_for, r.key))
                if r.scheduled_for is not None
            ]
        )
    return _none(facts)


@rule(
    "RDY-32",
    "Management review after the internal audit",
    ["9.3"],
    Gate.stage2,
    Severity.blocker,
    params=[Param("months", 12, 1, 36, "The review must be this recent.")],
)
def review_after_audit(facts: Facts, params: Params) -> Outcome:
    """A management review held within the last {months} months, after the internal audits
    that complete the RDY-28 coverage (the last of them to end; a later follow-up audit does
    not count), covers every required input, records decisions and actions, and has
    approved minutes. Without complete coverage, the newest closed internal audit counts."""
    reviews = [r for r in facts.reviews or [] if r.held_on is not None and r.held_on <= facts.today]
    if not reviews:
        if not facts.reviews:
            return _none(facts)
        return Outcome(
            [
                Failure(
                    "management_review",
                    "No management review held yet.",
                    facts.route("/management-reviews"),
                )
            ]
        )
    since = add_months(facts.today, -params["months"])
    audit_end = coverage_completed_on(facts) or max(
        (
            a.actual_end_date
            for a in internal_audits(facts)
            if a.status == AuditStatus.closed and a.actual_end_date
        ),
        default=None,
    )
    candidates = [
        r
        for r in reviews
        if r.held_on and r.held_on >= since and (audit_end is None or r.held_on >= audit_end)
    ]
    if not candidates:
        after = f" after the internal audit of {audit_end.isoformat()}" if audit_end else ""
        return Outcome(
            [
                Failure(
                    "management_review",
                    f"No management review held{after} in the last {params['months']} months.",
                    facts.route("/management-reviews"),
                )
            ]
        )
    best = max(candidates, key=lambda r: r.held_on or facts.today)
    gaps = []
    if best.missing_inputs:
        gaps.append("inputs not covered: " + ", ".join(best.missing_inputs))
    if not best.decisions_recorded and not best.actions_recorded:
        gaps.append("no decisions or actions recorded")
    elif not best.decisions_recorded:
        gaps.append("no decisions recorded")
    elif not best.actions_recorded:
        gaps.append("no actions recorded")
    if not best.minutes_approved:
        gaps.append("minutes not approved")
    if not gaps:
        return Outcome()
    return Outcome(
        [
            Failure(
                "management_review",
                f"{best.key}: {'; '.join(gaps)}.",
                facts.route(f"/management-reviews/{best.id}"),
                id=str(best.id),
                key=best.key,
            )
        ]
    )


RULES: list[Rule] = [review_held, review_after_audit]
