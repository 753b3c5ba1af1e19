"""The training matrix: person x required course, with coverage (RDY-14, RDY-15, RDY-16)."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from certready.core.clock import today
from certready.training.enums import CellState, CourseKind
from certready.training.models import TrainingCourse, TrainingPerson
from certready.training.people import effective_roles
from certready.training.repository import (
    CourseRepository,
    PersonRepository,
    RecordRepository,
    RequirementRepository,
)
from certready.training.schemas import (
    Coverage,
    MatrixCell,
    MatrixCourse,
    MatrixCoverage,
    MatrixRow,
    RoleCoverage,
    TrainingMatrix,
)

AWARENESS = "awareness"
# Per person x course: latest completion, latest expiry, whether any completion was evaluated.
Latest = dict[tuple[uuid.UUID, uuid.UUID], tuple[date, date | None, bool]]


def _coverage(counts: dict[CellState, int]) -> dict[str, Any]:
    required = sum(counts.values())
    valid = counts[CellState.ok] + counts[CellState.expiring]
    return {
        "required": required,
        "ok": counts[CellState.ok],
        "expiring": counts[CellState.expiring],
        "expired": counts[CellState.expired],
        "missing": counts[CellState.missing],
        "percent": round(100.0 * valid / required, 1) if required else None,
    }


def _state(latest: tuple[date, date | None, bool] | None, as_of: date, horizon: date) -> CellState:
    if latest is None:
        return CellState.missing
    expires_on = latest[1]
    if expires_on is None:
        return CellState.ok
    if expires_on < as_of:
        return CellState.expired
    return CellState.expiring if expires_on <= horizon else CellState.ok


def _zero() -> dict[CellState, int]:
    return dict.fromkeys(CellState, 0)


@dataclass
class _Tally:
    """The counts behind the coverage: overall, awareness, per role, and role holders."""

    overall: dict[CellState, int] = field(default_factory=_zero)
    aware: dict[CellState, int] = field(default_factory=_zero)
    per_role: dict[str, dict[CellState, int]] = field(default_factory=lambda: defaultdict(_zero))
    holders: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    def count(self, state: CellState, reasons: Sequence[str]) -> None:
        self.overall[state] += 1
        for reason in reasons:
            (self.aware if reason == AWARENESS else self.per_role[reason])[state] += 1


@dataclass
class _Grid:
    """What the matrix is computed from, loaded in four statements."""

    people: list[tuple[TrainingPerson, str | None]]
    courses: Sequence[TrainingCourse]
    role_courses: dict[str, list[uuid.UUID]]
    awareness: list[uuid.UUID]
    latest: Latest
    as_of: date
    horizon: date


async def _grid(session: AsyncSession, org_id: uuid.UUID, expiring_within_days: int) -> _Grid:
    people = await PersonRepository(session, org_id).all_rows(in_scope_only=True)
    courses = await CourseRepository(session, org_id).all()
    requirements = await RequirementRepository(session, org_id).all()
    latest = await RecordRepository(session, org_id).latest()
    known = {c.id for c in courses}
    role_courses: dict[str, list[uuid.UUID]] = defaultdict(list)
    for req in requirements:
        if req.course_id in known:
            role_courses[req.role_key].append(req.course_id)
    as_of = today()
    return _Grid(
        people=people,
        courses=courses,
        role_courses=role_courses,
        awareness=[c.id for c in courses if c.kind == CourseKind.awareness],
        latest=latest,
        as_of=as_of,
        horizon=as_of + timedelta(days=expiring_within_days),
    )


def _row(
    grid: _Grid, person: TrainingPerson, org_role: str | None, role: str | None, tally: _Tally
) -> MatrixRow | None:
    """One person's cells (counted into ``tally``); None when ``role`` filters them out."""
    keys = effective_roles(person, org_role)
    required_by: dict[uuid.UUID, list[str]] = defaultdict(list)
    for course_id in grid.awareness:
        required_by[course_id].append(AWARENESS)
    for key in keys:
        tally.holders[key] += 1
        for course_id in grid.role_courses.get(key, []):
            required_by[course_id].append(key)
    cells: list[MatrixCell] = []
    for course_id, reasons in required_by.items():
        found = grid.latest.get((person.id, course_id))
        state = _state(found, grid.as_of, grid.horizon)
        tally.count(state, reasons)
        if role is None or role in reasons:
            cells.append(
                MatrixCell(
                    course_id=course_id,
                    state=state,
                    required_by=reasons,
                    completed_on=found[0] if found else None,
                    expires_on=found[1] if found else None,
                    evaluated=found[2] if found else False,
                )
            )
    if role is not None and role not in keys:
        return None
    titles = {c.id: c.title for c in grid.courses}
    cells.sort(key=lambda c: titles[c.course_id])
    return MatrixRow(
        person_id=person.id,
        user_id=person.user_id,
        full_name=person.full_name,
        email=person.email,
        role_keys=keys,
        cells=cells,
    )


def _matrix_coverage(grid: _Grid, tally: _Tally) -> MatrixCoverage:
    role_keys = sorted(set(tally.holders) | set(grid.role_courses))
    return MatrixCoverage(
        overall=Coverage(**_coverage(tally.overall)),
        awareness=Coverage(**_coverage(tally.aware)),
        roles=[
            RoleCoverage(
                role_key=key,
                people=tally.holders.get(key, 0),
                courses=len(grid.role_courses.get(key, [])),
                requirements_defined=bool(grid.role_courses.get(key)),
                **_coverage(tally.per_role[key]),
            )
            for key in role_keys
        ],
    )


async def training_matrix(
    session: AsyncSession, org_id: uuid.UUID, role: str | None, expiring_within_days: int
) -> TrainingMatrix:
    """Person x required course with its state and the coverage (RDY-14, RDY-15, RDY-16).

    Four statements whatever the size: people, courses, requirements, and the latest
    record per person x course. Coverage is computed over everyone in scope; ``role``
    narrows the rows to that role's holders and the columns to its courses.
    """
    grid = await _grid(session, org_id, expiring_within_days)
    tally = _Tally()
    rows = [
        row
        for person, org_role in grid.people
        if (row := _row(grid, person, org_role, role, tally)) is not None
    ]
    shown = set(grid.role_courses.get(role, [])) if role is not None else None
    return TrainingMatrix(
        as_of=grid.as_of,
        expiring_within_days=expiring_within_days,
        role=role,
        courses=[
            MatrixCourse(id=c.id, title=c.title, kind=c.kind, validity_months=c.validity_months)
            for c in grid.courses
            if shown is None or c.id in shown
        ],
        rows=rows,
        coverage=_matrix_coverage(grid, tally),
    )
