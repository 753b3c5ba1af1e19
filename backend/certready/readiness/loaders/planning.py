"""Facts of the planning rules (RDY-05, RDY-08, RDY-10): the objectives with their recent
measurements. Part of the lists statement (``loaders.lists``)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func
from sqlalchemy import select as sa_select
from sqlmodel import col

from certready.db.repository import of_org
from certready.objectives.models import Objective, ObjectiveMeasurement
from certready.readiness.facts import Facts, ObjectiveFacts
from certready.readiness.loaders.base import P_ORG, P_SINCE, as_uuid


def _objectives() -> Any:
    om = ObjectiveMeasurement
    recent = (
        sa_select(col(om.objective_id).label("objective_id"), func.count().label("n"))
        .where(of_org(om, P_ORG), col(om.period_end) >= P_SINCE)
        .group_by(col(om.objective_id))
        .subquery()
    )
    return (
        sa_select(
            col(Objective.id),
            col(Objective.number),
            col(Objective.title),
            func.trim(col(Objective.metric)) != "",
            col(Objective.owner_id).is_not(None),
            col(Objective.due_date).is_not(None),
            func.coalesce(recent.c.n, 0),
        )
        .outerjoin(recent, recent.c.objective_id == Objective.id)
        .where(of_org(Objective, P_ORG))
    )


def list_queries() -> dict[str, Any]:
    """This family's part of the lists statement (see ``loaders.lists``)."""
    return {"objectives": _objectives()}


def read_lists(facts: Facts, rows: dict[str, list[Any]]) -> None:
    facts.objectives = [
        ObjectiveFacts(
            id=as_uuid(r[0]),
            number=r[1],
            title=r[2],
            has_metric=bool(r[3]),
            has_owner=bool(r[4]),
            has_due_date=bool(r[5]),
            recent_measurements=int(r[6]),
        )
        for r in sorted(rows["objectives"], key=lambda r: r[1])
    ]
