from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Sequence
from datetime import date

from sqlalchemy import and_
from sqlmodel import col, select
from sqlmodel.sql.expression import SelectOfScalar

from certready.auth.models import User
from certready.corrective_measures.enums import NOT_OVERDUE_STATUSES
from certready.corrective_measures.models import (
    CorrectiveAction,
    CorrectiveMeasure,
    CorrectiveMeasureFinding,
    CorrectiveMeasureSmsChange,
)
from certready.corrective_measures.schemas import CorrectiveMeasureFilters
from certready.db.repository import OrgScopedRepository
from certready.db.session import is_write_session
from certready.findings.models import Finding
from certready.orgs.repository import MembershipRepository


class CorrectiveMeasureRepository(OrgScopedRepository[CorrectiveMeasure]):
    """Measures, their actions, finding and SMS-change links, of one organisation."""

    model = CorrectiveMeasure

    def filtered(
        self, filters: CorrectiveMeasureFilters, today: date
    ) -> SelectOfScalar[CorrectiveMeasure]:
        """The list query: status, owner, linked finding, overdue (as of ``today``)."""
        stmt = self.base_statement()
        if filters.status is not None:
            stmt = stmt.where(col(CorrectiveMeasure.status) == filters.status)
        if filters.owner_id is not None:
            stmt = stmt.where(col(CorrectiveMeasure.owner_id) == filters.owner_id)
        if filters.finding_id is not None:
            linked = select(CorrectiveMeasureFinding.measure_id).where(
                self.of_org(CorrectiveMeasureFinding),
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
        """The linked findings of each measure."""
        if not measure_ids:
            return {}
        stmt = (
            select(CorrectiveMeasureFinding.measure_id, CorrectiveMeasureFinding.finding_id)
            .where(
                self.of_org(CorrectiveMeasureFinding),
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
        """The evidence of SMS changes of each measure (step 5)."""
        if not measure_ids:
            return {}
        stmt = (
            select(
                CorrectiveMeasureSmsChange.measure_id, CorrectiveMeasureSmsChange.evidence_item_id
            )
            .where(
                self.of_org(CorrectiveMeasureSmsChange),
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
        """The actions of each measure, oldest first."""
        if not measure_ids:
            return {}
        stmt = (
            select(CorrectiveAction)
            .where(
                self.of_org(CorrectiveAction),
                col(CorrectiveAction.measure_id).in_(measure_ids),
            )
            .order_by(col(CorrectiveAction.created_at), col(CorrectiveAction.id))
        )
        out: dict[uuid.UUID, list[CorrectiveAction]] = defaultdict(list)
        for action in (await self.session.execute(stmt)).scalars().all():
            out[action.measure_id].append(action)
        return out

    async def action(self, measure_id: uuid.UUID, action_id: uuid.UUID) -> CorrectiveAction | None:
        """One action of one measure (None: not this measure's)."""
        stmt = select(CorrectiveAction).where(
            self.of_org(CorrectiveAction),
            col(CorrectiveAction.measure_id) == measure_id,
            col(CorrectiveAction.id) == action_id,
        )
        return (await self.session.execute(stmt)).scalars().first()

    def add_action(self, action: CorrectiveAction) -> None:
        """Add an action of this organisation to the session (the base checks its org_id)."""
        self.add(action)  # type: ignore[arg-type]

    async def replace_findings(
        self, measure_id: uuid.UUID, finding_ids: Sequence[uuid.UUID]
    ) -> None:
        """Link exactly these findings to the measure."""
        await self.session.execute(
            self.delete(CorrectiveMeasureFinding).where(
                col(CorrectiveMeasureFinding.measure_id) == measure_id
            )
        )
        for fid in dict.fromkeys(finding_ids):
            self.session.add(
                CorrectiveMeasureFinding(measure_id=measure_id, finding_id=fid, org_id=self.org_id)
            )

    async def replace_sms_changes(self, measure_id: uuid.UUID, items: Sequence[uuid.UUID]) -> None:
        """Link exactly these SMS-change evidence items to the measure."""
        await self.session.execute(
            self.delete(CorrectiveMeasureSmsChange).where(
                col(CorrectiveMeasureSmsChange.measure_id) == measure_id
            )
        )
        for item in dict.fromkeys(items):
            self.session.add(
                CorrectiveMeasureSmsChange(
                    measure_id=measure_id, evidence_item_id=item, org_id=self.org_id
                )
            )

    async def members(self, user_ids: Sequence[uuid.UUID]) -> set[uuid.UUID]:
        """Which of ``user_ids`` are members of the organisation (the orgs lookup)."""
        if not user_ids:
            return set()
        stmt = (
            MembershipRepository(self.session, self.org_id)
            .members()
            .where(col(User.id).in_(list(user_ids)))
        )
        return {user.id for _, user in (await self.session.execute(stmt)).all()}

    async def findings(self, finding_ids: Sequence[uuid.UUID]) -> list[Finding]:
        """The organisation's findings among ``finding_ids`` (another org's read as missing).

        Locked in a write session (by id), so linking waits for a concurrent close of the
        same finding and then sees it closed, and a close waits for the link.
        """
        if not finding_ids:
            return []
        stmt = (
            select(Finding)
            .where(self.of_org(Finding), col(Finding.id).in_(list(finding_ids)))
            .order_by(col(Finding.id))
            .execution_options(populate_existing=True)
        )
        if is_write_session(self.session):
            stmt = stmt.with_for_update()
        return list((await self.session.execute(stmt)).scalars().all())
