"""Facts of RDY-20 from ITSM records (issue 15): per clause-8 process and per service, the
first and the last day records occurred in their tool (opened, changed), so the rule can tell
whether they cover the operating period. Part of the lists statement (two selects of two
aggregates each: no statement of its own)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func
from sqlalchemy import select as sa_select
from sqlmodel import col

from certready.db.repository import of_org
from certready.integrations.models import ItsmRecord
from certready.readiness.facts import Facts
from certready.readiness.loaders.base import P_ORG, as_date


def _span_by(group: Any) -> Any:
    """Dates a record occurred in its tool, never the day we received it (iso20000.md 6.6,
    "Dates"): a record without any of its tool's dates does not count. Records the mapping
    gave no clause are no process's operation, so they count for no service either."""
    r = ItsmRecord
    first = func.min(func.coalesce(col(r.opened_at), col(r.source_updated_at)))
    last = func.max(
        func.coalesce(
            col(r.source_updated_at), col(r.closed_at), col(r.resolved_at), col(r.opened_at)
        )
    )
    return (
        sa_select(group, first, last)
        .where(of_org(r, P_ORG), col(r.clause).is_not(None), group.is_not(None))
        .group_by(group)
    )


def list_queries() -> dict[str, Any]:
    """This family's part of the lists statement (see ``loaders.lists``)."""
    return {
        "itsm_span": _span_by(col(ItsmRecord.clause)),
        "itsm_service_span": _span_by(col(ItsmRecord.service_key)),
    }


def read_lists(facts: Facts, rows: dict[str, list[Any]]) -> None:
    for clause, first, last in rows["itsm_span"]:
        oldest, latest = as_date(first), as_date(last)
        if oldest is not None:
            facts.itsm_oldest[str(clause)] = oldest
        if latest is not None:
            facts.itsm_latest[str(clause)] = latest
    for service_key, first, last in rows["itsm_service_span"]:
        facts.itsm_by_service[str(service_key)] = (as_date(first), as_date(last))
