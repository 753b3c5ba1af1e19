"""What every readiness loader shares: the bound parameters, the statement cache, the
capped-list and JSON-array builders, and the decoders of values that crossed JSON."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Date,
    String,
    Uuid,
    and_,
    bindparam,
    case,
    func,
    or_,
    type_coerce,
    union_all,
)
from sqlalchemy import literal as sa_literal
from sqlalchemy import select as sa_select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from certready.evidence.enums import EvidenceStatus
from certready.evidence.models import Evidence

# Statements are built once per dialect with these parameters, bound at each execution.
P_ORG = bindparam("org_id", type_=Uuid())
P_FRAMEWORK = bindparam("framework_id", type_=Uuid())
P_CODE = bindparam("framework_code", type_=String())
P_TODAY = bindparam("today", type_=Date())
P_DOCUMENT_UNTIL = bindparam("document_until", type_=Date())
P_EVIDENCE_UNTIL = bindparam("evidence_until", type_=Date())
P_SINCE = bindparam("since", type_=Date())
# RDY-28's window: closed internal audits ending on or after it make up the coverage
P_COVERAGE_SINCE = bindparam("coverage_since", type_=Date())
P_LEAVES = bindparam("leaf_ids", expanding=True, type_=Uuid())
_STATEMENTS: dict[tuple[str, bool], Any] = {}


class Run:
    """One readiness computation: the session, the dialect and the parameter values."""

    def __init__(self, session: AsyncSession, org_id: uuid.UUID) -> None:
        self.session = session
        self.sqlite = session.get_bind().dialect.name == "sqlite"
        self.params: dict[str, Any] = {"org_id": org_id}

    def cached(self, name: str, build: Callable[[], Any]) -> Any:
        """The statement ``name`` for this dialect, built on first use (parameters bound
        at execution: building the larger statements costs more than running them)."""
        key = (name, self.sqlite)
        stmt = _STATEMENTS.get(key)
        if stmt is None:
            stmt = _STATEMENTS[key] = build()
        return stmt

    async def rows(self, name: str, build: Callable[[], Any]) -> Sequence[Any]:
        """The rows of the cached statement ``name`` with this run's parameters."""
        return (await self.session.execute(self.cached(name, build), self.params)).all()

    def json_rows(self, stmt: Any) -> Any:
        """``stmt``'s rows as one JSON array of arrays (a scalar subquery): SQLite's
        ``json_group_array(json_array(...))``, PostgreSQL's ``json_agg(json_build_array)``.
        Values arrive as JSON: ids as text, booleans as 0/1 or true/false, dates as ISO
        text; the decoders below read both forms."""
        sub = stmt.subquery()
        if self.sqlite:
            agg = func.json_group_array(func.json_array(*sub.c))
        else:
            agg = func.json_agg(func.json_build_array(*sub.c))
        return type_coerce(sa_select(agg).select_from(sub).scalar_subquery(), JSON)


def current() -> Any:
    """Evidence that counts: approved, not archived, not expired on the day evaluated."""
    return and_(
        col(Evidence.status) == EvidenceStatus.approved,
        col(Evidence.archived_at).is_(None),
        or_(col(Evidence.valid_until).is_(None), col(Evidence.valid_until) >= P_TODAY),
    )


def capped_union(lists: Iterable[tuple[str, Sequence[Any], Any, Sequence[Any], int]]) -> Any:
    """Several lists in ONE statement: a UNION ALL of one select per ``(name, columns,
    where, order_by, limit)``, each row tagged with its list's ``name`` (column ``list``)
    and carrying the list's full count (``total``, a window over the filtered rows)."""
    parts = []
    for name, columns, where, order_by, limit in lists:
        capped = (
            sa_select(
                sa_literal(name, String).label("list"),
                *columns,
                func.count().over().label("total"),
            )
            .where(where)
            .order_by(*order_by)
            .limit(limit)
            .subquery()
        )
        parts.append(sa_select(*capped.c))
    return union_all(*parts)


def by_list(
    rows: Sequence[Any], names: Iterable[str]
) -> tuple[dict[str, list[Any]], dict[str, int]]:
    """The rows of a :func:`capped_union` per list, and each list's total."""
    found: dict[str, list[Any]] = {name: [] for name in names}
    totals = dict.fromkeys(found, 0)
    for row in rows:
        found[row.list].append(row)
        totals[row.list] = int(row.total)
    return found, totals


def flag(condition: Any) -> Any:
    """How many rows of the group meet ``condition`` (0 for none)."""
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def as_uuid(value: Any) -> uuid.UUID:
    """An id from a JSON array: hex (SQLite) or hyphenated (PostgreSQL)."""
    return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))


def json_list(value: Any) -> list[Any]:
    """A JSON column inside a JSON array: a list (PostgreSQL) or its text (SQLite, where
    the JSON subtype does not cross the subquery)."""
    if value is None:
        return []
    return list(json.loads(value) if isinstance(value, str) else value)


def utc_date(value: Any) -> date | None:
    """The UTC day of a timestamp from a JSON array (naive UTC text on SQLite, ISO text
    with an offset on PostgreSQL)."""
    if value is None:
        return None
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    if moment.tzinfo is None:
        return moment.date()
    return moment.astimezone(UTC).date()


def as_date(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])
