"""The small lists of several rule families in ONE statement of JSON arrays: each family
module names its selects (``list_queries``) and reads its arrays back (``read_lists``)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select as sa_select

from certready.readiness.facts import Facts
from certready.readiness.loaders import (
    audits,
    certification,
    competence,
    coverage,
    itsm,
    operations,
    planning,
    registers,
    services,
    suppliers,
)
from certready.readiness.loaders.base import Run

FAMILIES = (
    audits,
    certification,
    coverage,
    competence,
    planning,
    suppliers,
    itsm,
    services,
    operations,
    registers,
)


async def load_lists(run: Run, facts: Facts) -> None:
    """Programmes, audits, audit coverage, independence conflicts, Stage 2 findings,
    open findings per clause, people, courses, training records and objectives."""

    def build() -> Any:
        arrays = [
            run.json_rows(query).label(name)
            for family in FAMILIES
            for name, query in family.list_queries().items()
        ]
        return sa_select(*arrays)

    stmt = run.cached("lists", build)
    row = (await run.session.execute(stmt, run.params)).one()._mapping
    rows = {name: row[name] or [] for name in row}
    for family in FAMILIES:
        family.read_lists(facts, rows)
