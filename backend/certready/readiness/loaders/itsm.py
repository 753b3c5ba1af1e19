"""Facts of RDY-20 from ITSM records (issue 15): per clause-8 process, the newest day a
record of that process was opened or changed in its tool. Part of the lists statement."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func
from sqlalchemy import select as sa_select
from sqlmodel import col

from certready.db.repository import of_org
from certready.integrations.models import ItsmRecord
from certready.readiness.facts import Facts
from certready.readiness.loaders.base import P_ORG, as_date


def _latest_by_clause() -> Any:
    r = ItsmRecord
    latest = func.max(func.coalesce(col(r.source_updated_at), col(r.opened_at), col(r.created_at)))
    return (
        sa_select(col(r.clause), latest)
        .where(of_org(r, P_ORG), col(r.clause).is_not(None))
        .group_by(col(r.clause))
    )


def list_queries() -> dict[str, Any]:
    """This family's part of the lists statement (see ``loaders.lists``)."""
    return {"itsm_latest": _latest_by_clause()}


def read_lists(facts: Facts, rows: dict[str, list[Any]]) -> None:
    facts.itsm_latest = {
        str(clause): day for clause, value in rows["itsm_latest"] if (day := as_date(value))
    }
