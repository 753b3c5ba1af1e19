"""Facts of the corrective-action rules (RDY-33..36): every list of
:class:`ImprovementFacts` in ONE statement, a UNION ALL of capped selects, each carrying
its full count (a window over the filtered rows)."""

from __future__ import annotations

from dataclasses import fields
from typing import Any

from sqlalchemy import and_, func
from sqlalchemy import select as sa_select
from sqlmodel import col

from certready.corrective_measures.enums import MeasureStatus
from certready.corrective_measures.models import CorrectiveMeasure, CorrectiveMeasureFinding
from certready.db.repository import of_org
from certready.findings.enums import (
    NONCONFORMITY_GRADES,
    FindingGrade,
    FindingSource,
    FindingStatus,
)
from certready.findings.models import Finding
from certready.readiness.facts import FAILING_LIMIT, Capped, Facts, ImprovementFacts, ObjectRef
from certready.readiness.loaders.base import P_ORG, P_TODAY, Run, as_date, by_list, capped_union

NOT_YET_IMPLEMENTED = (
    MeasureStatus.closed,
    MeasureStatus.cancelled,
    MeasureStatus.implemented,
    MeasureStatus.effectiveness_review,
)
# name -> (model, condition, how many rows to list)
Lists = dict[str, tuple[Any, Any, int]]


def _measures_of_finding(*conditions: Any) -> Any:
    """EXISTS a (not cancelled) measure of the finding of the outer query."""
    m, link = CorrectiveMeasure, CorrectiveMeasureFinding
    return (
        sa_select(col(link.finding_id))
        .join(m, col(m.id) == link.measure_id)
        .where(
            of_org(link, P_ORG),
            col(link.finding_id) == Finding.id,
            col(m.status) != MeasureStatus.cancelled,
            *conditions,
        )
        .exists()
    )


def _finding_lists() -> Lists:
    f, m = Finding, CorrectiveMeasure
    open_internal_nc = and_(
        of_org(f, P_ORG),
        col(f.source) == FindingSource.internal_audit,
        col(f.grade).in_(NONCONFORMITY_GRADES),
        col(f.status) != FindingStatus.closed,
    )
    has_measure = _measures_of_finding()
    has_complete = _measures_of_finding(
        func.trim(col(m.root_cause)) != "",
        col(m.owner_id).is_not(None),
        col(m.due_date).is_not(None),
    )
    return {
        "nc_without_measure": (f, and_(open_internal_nc, ~has_measure), FAILING_LIMIT),
        "nc_incomplete_measure": (
            f,
            and_(open_internal_nc, has_measure, ~has_complete),
            FAILING_LIMIT,
        ),
        # RDY-34 (iso20000.md 6.6): an open major of any source, not only internal audits
        "open_majors": (
            f,
            and_(
                of_org(f, P_ORG),
                col(f.grade) == FindingGrade.major_nc,
                col(f.status) != FindingStatus.closed,
            ),
            FAILING_LIMIT,
        ),
    }


def _measure_lists() -> Lists:
    f, m = Finding, CorrectiveMeasure
    return {
        "overdue_measures": (
            m,
            and_(
                of_org(m, P_ORG),
                col(m.status).not_in(NOT_YET_IMPLEMENTED),
                col(m.due_date) < P_TODAY,
            ),
            FAILING_LIMIT,
        ),
        "closed_unreviewed": (
            m,
            and_(
                of_org(m, P_ORG),
                col(m.status) == MeasureStatus.closed,
                col(m.review_result).is_(None),
            ),
            FAILING_LIMIT,
        ),
        # only the count matters: one row carries it
        "ofis": (f, and_(of_org(f, P_ORG), col(f.grade) == FindingGrade.ofi), 1),
        "ofi_undated": (
            f,
            and_(
                of_org(f, P_ORG),
                col(f.grade) == FindingGrade.ofi,
                col(f.status) == FindingStatus.action_planned,
                col(f.due_date).is_(None),
            ),
            FAILING_LIMIT,
        ),
    }


def _improvement() -> Any:
    lists = {**_finding_lists(), **_measure_lists()}
    return capped_union(
        (
            name,
            [
                col(model.id).label("id"),
                col(model.number).label("number"),
                col(model.due_date).label("due_date"),
            ],
            where,
            [col(model.number)],
            limit,
        )
        for name, (model, where, limit) in lists.items()
    )


async def load_improvement(run: Run, facts: Facts) -> None:
    """The improvement lists: nonconformities without (complete) measures, open majors,
    overdue and unreviewed measures, opportunities for improvement."""
    rows = await run.rows("improvement", _improvement)
    found, totals = by_list(rows, (f.name for f in fields(ImprovementFacts)))
    facts.improvement = ImprovementFacts(
        **{
            name: Capped(
                tuple(
                    sorted(
                        (ObjectRef(r.id, r.number, as_date(r.due_date)) for r in listed),
                        key=lambda x: x.number,
                    )
                ),
                totals[name],
            )
            for name, listed in found.items()
        }
    )
