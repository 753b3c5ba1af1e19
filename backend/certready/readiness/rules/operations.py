"""Operation: service continuity tested (8.7.2) and service reports at the agreed frequency
(9.4)."""

from __future__ import annotations

from datetime import date, timedelta

from certready.core.clock import add_months
from certready.readiness.enums import Gate, Severity
from certready.readiness.facts import Facts, ReportDefinitionFacts
from certready.readiness.rules.base import Failure, Outcome, Param, Params, Rule, preview, rule
from certready.service_reports.enums import FREQUENCY_MONTHS, ReportFrequency


@rule(
    "RDY-21",
    "Service continuity plan tested",
    ["8.7.2"],
    Gate.stage2,
    Severity.blocker,
    params=[Param("months", 12, 1, 36, "How recent the latest test of each plan must be.")],
)
def continuity_tested(facts: Facts, params: Params) -> Outcome:
    """At least one service continuity plan exists, and every plan has a test with its
    result recorded, held within the last {months} months."""
    if not facts.continuity_plans:
        return Outcome(
            [
                Failure(
                    "continuity_plan",
                    "No service continuity plan recorded.",
                    facts.route("/continuity"),
                )
            ]
        )
    since = add_months(facts.today, -params["months"])
    failures = []
    for plan in facts.continuity_plans:
        if plan.last_tested is not None and plan.last_tested >= since:
            continue
        when = (
            "never tested"
            if plan.last_tested is None
            else f"last tested on {plan.last_tested.isoformat()}"
        )
        failures.append(
            Failure(
                "continuity_plan",
                f"{plan.key} {plan.title}: {when}, no test in the last {params['months']} months.",
                facts.route(f"/continuity/{plan.id}"),
                id=str(plan.id),
                key=plan.key,
            )
        )
    return Outcome(failures)


def _period_of(frequency: ReportFrequency, day: date) -> tuple[date, date]:
    """The reporting period of ``frequency`` that holds ``day`` (ISO weeks, calendar months)."""
    if frequency == ReportFrequency.weekly:
        start = day - timedelta(days=day.weekday())
        return start, start + timedelta(days=6)
    months = FREQUENCY_MONTHS[frequency]
    start = date(day.year, (day.month - 1) // months * months + 1, 1)
    return start, add_months(start, months) - timedelta(days=1)


def expected_periods(
    frequency: ReportFrequency, today: date, count: int, starts_on: date | None
) -> list[tuple[date, date]]:
    """The last ``count`` complete periods before ``today``, oldest first, leaving out
    those that ended before reporting was agreed (``starts_on``)."""
    periods = []
    start, _end = _period_of(frequency, today)
    for _ in range(count):
        start, end = _period_of(frequency, start - timedelta(days=1))
        if starts_on is not None and end < starts_on:
            break
        periods.append((start, end))
    return periods[::-1]


def _missing(definition: ReportDefinitionFacts, today: date, count: int) -> list[str]:
    frequency = ReportFrequency(definition.frequency)
    missing = []
    for start, end in expected_periods(frequency, today, count, definition.starts_on):
        if not any(start <= e <= end for e in definition.period_ends):
            missing.append(f"{start.isoformat()}..{end.isoformat()}")
    return missing


@rule(
    "RDY-24",
    "Service reports at the agreed frequency",
    ["9.4"],
    Gate.stage2,
    Severity.blocker,
    params=[Param("reports", 2, 1, 12, "How many of the latest expected reports must exist.")],
)
def reports_produced(facts: Facts, params: Params) -> Outcome:
    """At least one service report is agreed at a frequency, and for each the last
    {reports} complete periods (monthly: months, quarterly: calendar quarters, weekly:
    ISO weeks) have a produced report whose period ends in them."""
    if not facts.report_definitions:
        return Outcome(
            [
                Failure(
                    "report_definition",
                    "No service report is agreed at a frequency.",
                    facts.route("/service-reports"),
                )
            ]
        )
    failures = []
    for definition in facts.report_definitions:
        missing = _missing(definition, facts.today, params["reports"])
        if missing:
            failures.append(
                Failure(
                    "report_definition",
                    f"{definition.key} {definition.title} ({definition.frequency}): no report "
                    f"for {preview(missing)}.",
                    facts.route(f"/service-reports/{definition.id}"),
                    id=str(definition.id),
                    key=definition.key,
                )
            )
    return Outcome(failures)


RULES: list[Rule] = [continuity_tested, reports_produced]
