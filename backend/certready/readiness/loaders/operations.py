"""Facts of the operation rules (RDY-21, RDY-24): continuity plans with their latest test,
report definitions with an agreed frequency, and the latest produced report periods of
each (at most :data:`REPORT_PERIODS` per definition, counted in SQL). Part of the lists
statement (``loaders.lists``)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func
from sqlalchemy import select as sa_select
from sqlmodel import col

from certready.continuity.models import ContinuityPlan, ContinuityTest
from certready.db.repository import of_org
from certready.readiness.facts import Facts, PlanFacts, ReportDefinitionFacts
from certready.readiness.loaders.base import P_ORG, P_TODAY, as_date, as_uuid
from certready.service_reports.enums import ReportFrequency
from certready.service_reports.models import ProducedReport, ReportDefinition

# Produced report periods loaded per definition: twice the largest RDY-24 parameter.
REPORT_PERIODS = 24


def _plans() -> Any:
    latest = (
        sa_select(
            col(ContinuityTest.plan_id).label("plan_id"),
            func.max(col(ContinuityTest.tested_on)).label("tested_on"),
        )
        .where(of_org(ContinuityTest, P_ORG), col(ContinuityTest.tested_on) <= P_TODAY)
        .group_by(col(ContinuityTest.plan_id))
        .subquery()
    )
    return (
        sa_select(
            col(ContinuityPlan.id),
            col(ContinuityPlan.number),
            col(ContinuityPlan.title),
            latest.c.tested_on,
        )
        .outerjoin(latest, latest.c.plan_id == ContinuityPlan.id)
        .where(of_org(ContinuityPlan, P_ORG))
    )


def _definitions() -> Any:
    return sa_select(
        col(ReportDefinition.id),
        col(ReportDefinition.number),
        col(ReportDefinition.title),
        col(ReportDefinition.frequency),
        col(ReportDefinition.starts_on),
    ).where(
        of_org(ReportDefinition, P_ORG),
        col(ReportDefinition.frequency) != ReportFrequency.on_request,
    )


def _report_periods() -> Any:
    ends = (
        sa_select(col(ProducedReport.definition_id), col(ProducedReport.period_end))
        .where(of_org(ProducedReport, P_ORG), col(ProducedReport.period_end) <= P_TODAY)
        .distinct()
        .subquery()
    )
    ranked = sa_select(
        ends.c.definition_id,
        ends.c.period_end,
        func.row_number()
        .over(partition_by=ends.c.definition_id, order_by=ends.c.period_end.desc())
        .label("n"),
    ).subquery()
    return sa_select(ranked.c.definition_id, ranked.c.period_end).where(
        ranked.c.n <= REPORT_PERIODS
    )


def list_queries() -> dict[str, Any]:
    """This family's part of the lists statement (see ``loaders.lists``)."""
    return {
        "continuity_plans": _plans(),
        "report_definitions": _definitions(),
        "report_periods": _report_periods(),
    }


def read_lists(facts: Facts, rows: dict[str, list[Any]]) -> None:
    facts.continuity_plans = [
        PlanFacts(id=as_uuid(r[0]), number=r[1], title=r[2], last_tested=as_date(r[3]))
        for r in sorted(rows["continuity_plans"], key=lambda r: r[1])
    ]
    ends: dict[Any, list[Any]] = {}
    for definition_id, period_end in rows["report_periods"]:
        ends.setdefault(as_uuid(definition_id), []).append(as_date(period_end))
    facts.report_definitions = [
        ReportDefinitionFacts(
            id=as_uuid(r[0]),
            number=r[1],
            title=r[2],
            frequency=r[3],
            starts_on=as_date(r[4]),
            period_ends=tuple(sorted(ends.get(as_uuid(r[0]), []))),
        )
        for r in sorted(rows["report_definitions"], key=lambda r: r[1])
    ]
