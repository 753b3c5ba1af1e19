from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Sequence
from datetime import date

from sqlalchemy import and_
from sqlmodel import col, delete, select
from sqlmodel.sql.expression import SelectOfScalar

from certready.corrective_measures.enums import NOT_OVERDUE_STATUSES
from certready.corrective_measures.models import (
    CorrectiveAction,
    CorrectiveMeasure,
    CorrectiveMeasureFinding,
    CorrectiveMeasureSmsChange,
)
from certready.corrective_measures.schemas import CorrectiveMeasureFilters
from certready.db.repository import OrgScopedRepository
from certready.orgs.models import Membership


class CorrectiveMeasureRepository(OrgScopedRepository[CorrectiveMeasure]):
    model = CorrectiveMeasure

    def filtered(
        self, filters: CorrectiveMeasureFilters, today: date
    ) -> SelectOfScalar[CorrectiveMeasure]:
        stmt = self.base_statement()
        if filters.status is not None:
            stmt = stmt.where(col(CorrectiveMeasure.status) == filters.status)
        if filters.owner_id is not None:
            stmt = stmt.where(col(CorrectiveMeasure.owner_id) == filters.owner_id)
        if filters.finding_id is not None:
            linked = select(CorrectiveMeasureFinding.measure_id).where(
                col(CorrectiveMeasureFinding.org_id) == self.org_id,
                col(CorrectiveMeasureFinding.finding_id) == filters.finding_id,
            )
            stmt = stmt.where(col(CorrectiveMeasure.id).in_(linked))
        if filters.overdue is not None:
            overdue = and_(
                col(CorrectiveMeasure.due_date).is_not(None),
                col(CorrectiveMeasure.due_date) < today,
                col(CorrectiveMeasure.status).not_in(list(NOT_OVERDUE_STATUSES)),
            )
            stmt = stmt.where(overdue if filters.overdue else ~overdue)
        return stmt

    async def finding_ids(
        self, measure_ids: Sequence[uuid.UUID]
    ) -> dict[uuid.UUID, list[uuid.UUID]]:
        if not measure_ids:
            return {}
        stmt = (
            select(CorrectiveMeasureFinding.measure_id, CorrectiveMeasureFinding.finding_id)
            .where(
                col(CorrectiveMeasureFinding.org_id) == self.org_id,
                col(CorrectiveMeasureFinding.measure_id).in_(measure_ids),
            )
            .order_by(col(CorrectiveMeasureFinding.finding_id))
        )
        out: dict[uuid.UUID, list[uuid.UUID]] = defaultdict(list)
        for mid, fid in (await self.session.execute(stmt)).all():
            out[mid].append(fid)
        return out

    async def sms_changes(
        self, measure_ids: Sequence[uuid.UUID]
    ) -> dict[uuid.UUID, list[uuid.UUID]]:
        if not measure_ids:
            return {}
        stmt = (
            select(
                CorrectiveMeasureSmsChange.measure_id, CorrectiveMeasureSmsChange.evidence_item_id
            )
            .where(
                col(CorrectiveMeasureSmsChange.org_id) == self.org_id,
                col(CorrectiveMeasureSmsChange.measure_id).in_(measure_ids),
            )
            .order_by(col(CorrectiveMeasureSmsChange.evidence_item_id))
        )
        out: dict[uuid.UUID, list[uuid.UUID]] = defaultdict(list)
        for mid, item in (await self.session.execute(stmt)).all():
            out[mid].append(item)
        return out

    async def actions(
        self, measure_ids: Sequence[uuid.UUID]
    ) -> dict[uuid.UUID, list[CorrectiveAction]]:
        if not measure_ids:
            return {}
        stmt = (
            select(CorrectiveAction)
            .where(
                col(CorrectiveAction.org_id) == self.org_id,
                col(CorrectiveAction.measure_id).in_(measure_ids),
            )
            .order_by(col(CorrectiveAction.created_at), col(CorrectiveAction.id))
        )
        out: dict[uuid.UUID, list[CorrectiveAction]] = defaultdict(list)
        for action in (await self.session.execute(stmt)).scalars().all():
            out[action.measure_id].append(action)
        return out

    async def action(self, measure_id: uuid.UUID, action_id: uuid.UUID) -> CorrectiveAction | None:
        stmt = select(CorrectiveAction).where(
            col(CorrectiveAction.org_id) == self.org_id,
            col(CorrectiveAction.measure_id) == measure_id,
            col(CorrectiveAction.id) == action_id,
        )
        return (await self.session.execute(stmt)).scalars().first()

    def add_action(self, action: CorrectiveAction) -> None:
        if action.org_id != self.org_id:
            raise ValueError("object belongs to another organisation")
        self.session.add(action)

    async def replace_findings(
        self, measure_id: uuid.UUID, finding_ids: Sequence[uuid.UUID]
    ) -> None:
        await self.session.execute(
            delete(CorrectiveMeasureFinding).where(
                col(CorrectiveMeasureFinding.org_id) == self.org_id,
                col(CorrectiveMeasureFinding.measure_id) == measure_id,
            )
        )
        for fid in dict.fromkeys(finding_ids):
            self.session.add(
                CorrectiveMeasureFinding(measure_id=measure_id, finding_id=fid, org_id=self.org_id)
            )

    async def replace_sms_changes(self, measure_id: uuid.UUID, items: Sequence[uuid.UUID]) -> None:
        await self.session.execute(
            delete(CorrectiveMeasureSmsChange).where(
                col(CorrectiveMeasureSmsChange.org_id) == self.org_id,
                col(CorrectiveMeasureSmsChange.measure_id) == measure_id,
            )
        )
        for item in dict.fromkeys(items):
            self.session.add(
                CorrectiveMeasureSmsChange(
                    measure_id=measure_id, evidence_item_id=item, org_id=self.org_id
                )
            )

    async def members(self, user_ids: Sequence[uuid.UUID]) -> set[uuid.UUID]:
        """Which of ``user_ids`` are members of the organisation."""
        if not user_ids:
            return set()
        stmt = select(Membership.user_id).where(
            col(Membership.org_id) == self.org_id, col(Membership.user_id).in_(user_ids)
        )
        return set((await self.session.execute(stmt)).scalars().all())
