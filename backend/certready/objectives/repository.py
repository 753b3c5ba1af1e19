"""SQL of objectives and measurements; the status is computed in the statement."""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from sqlalchemy import and_, case, func, literal, or_
from sqlalchemy import select as sa_select
from sqlmodel import col, select

from certready.db.repository import OrgScopedRepository
from certready.objectives.enums import Direction, Frequency, ObjectiveStatus
from certready.objectives.models import Objective, ObjectiveMeasurement
from certready.objectives.schemas import ObjectiveFilters
from certready.requirements.models import Framework, Requirement

# An objective with its latest measured value, that value's period end and its status.
ObjectiveRow = tuple[Objective, float | None, date | None, str]


class ObjectiveRepository(OrgScopedRepository[Objective]):
    """Objectives of one organisation, with their computed status."""

    model = Objective

    def with_status(self, cutoffs: Mapping[Frequency, date]) -> Any:
        """Objectives with their computed status, in one statement.

        The latest measurement per objective (largest period end, then latest entry) is
        picked by ``row_number()``; ``cutoffs`` give, per frequency, the earliest period
        end that still counts as recent.
        """
        m = ObjectiveMeasurement
        ranked = (
            sa_select(
                col(m.objective_id).label("objective_id"),
                col(m.value).label("value"),
                col(m.period_end).label("period_end"),
                func.row_number()
                .over(
                    partition_by=col(m.objective_id),
                    order_by=(
                        col(m.period_end).desc(),
                        col(m.created_at).desc(),
                        col(m.id).desc(),
                    ),
                )
                .label("rn"),
            )
            .where(self.of_org(m))
            .subquery()
        )
        latest = (
            sa_select(ranked.c.objective_id, ranked.c.value, ranked.c.period_end)
            .where(ranked.c.rn == 1)
            .subquery()
        )
        recent = or_(
            *(
                and_(col(Objective.frequency) == f.value, latest.c.period_end >= cutoffs[f])
                for f in Frequency
            )
        )
        met = or_(
            and_(
                col(Objective.direction) == Direction.at_least.value,
                latest.c.value >= col(Objective.target),
            ),
            and_(
                col(Objective.direction) == Direction.at_most.value,
                latest.c.value <= col(Objective.target),
            ),
        )
        status = case(
            (
                or_(latest.c.period_end.is_(None), ~recent),
                literal(ObjectiveStatus.no_recent_data.value),
            ),
            (met, literal(ObjectiveStatus.on_target.value)),
            else_=literal(ObjectiveStatus.off_target.value),
        ).label("status")
        stmt = (
            self.base_statement()
            .add_columns(latest.c.value, latest.c.period_end, status)
            .outerjoin(latest, latest.c.objective_id == col(Objective.id))
        )
        return stmt, status

    def filtered(self, filters: ObjectiveFilters, cutoffs: Mapping[Frequency, date]) -> Any:
        """``with_status`` narrowed by status, owner and frequency."""
        stmt, status = self.with_status(cutoffs)
        if filters.status is not None:
            stmt = stmt.where(status == filters.status.value)
        if filters.owner_id is not None:
            stmt = stmt.where(col(Objective.owner_id) == filters.owner_id)
        if filters.frequency is not None:
            stmt = stmt.where(col(Objective.frequency) == filters.frequency)
        return stmt

    async def row(self, objective_id: uuid.UUID, cutoffs: Mapping[Frequency, date]) -> ObjectiveRow:
        """One objective with its latest measurement and status."""
        stmt, _ = self.with_status(cutoffs)
        found = (await self.session.execute(stmt.where(col(Objective.id) == objective_id))).one()
        return (found[0], found[1], found[2], found[3])

    async def known_refs(self, framework_code: str, refs: Sequence[str]) -> set[str]:
        """Which of ``refs`` the framework's catalogue has (global reference data)."""
        stmt = (
            select(Requirement.ref)
            .join(Framework, col(Framework.id) == Requirement.framework_id)
            .where(col(Framework.code) == framework_code, col(Requirement.ref).in_(refs))
        )
        return set((await self.session.execute(stmt)).scalars().all())

    async def has_measurements(self, objective_id: uuid.UUID) -> bool:
        """Whether the objective has measurements (it is then kept, 9.1)."""
        stmt = select(ObjectiveMeasurement.id).where(
            self.of_org(ObjectiveMeasurement),
            col(ObjectiveMeasurement.objective_id) == objective_id,
        )
        return (await self.session.execute(stmt.limit(1))).first() is not None


class MeasurementRepository(OrgScopedRepository[ObjectiveMeasurement]):
    """Measurements of objectives."""

    model = ObjectiveMeasurement

    def for_objective(self, objective_id: uuid.UUID) -> Any:
        """The measurements of one objective."""
        return self.base_statement().where(col(ObjectiveMeasurement.objective_id) == objective_id)
