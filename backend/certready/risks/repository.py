"""SQL of the risk method, risks and their treatment actions."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import and_, bindparam, false, func, insert, or_
from sqlmodel import col, select

from certready.db.repository import OrgScopedRepository
from certready.orgs.repository import MembershipRepository
from certready.risks.enums import RiskStatus
from certready.risks.models import Risk, RiskAction, RiskMethod, RiskService
from certready.risks.schemas import RiskFilters


class RiskMethodRepository(OrgScopedRepository[RiskMethod]):
    model = RiskMethod

    async def current(self, *, lock: bool = False) -> RiskMethod | None:
        """The organisation's method (locked in a write session when ``lock``)."""
        stmt = self.base_statement()
        if lock:
            stmt = self.for_change(stmt)
        return (await self.session.execute(stmt)).scalars().first()


def cells_of(method: RiskMethod | None, level: str) -> list[tuple[int, int]]:
    """The (likelihood, impact) cells the method's matrix puts at ``level``."""
    if method is None:
        return []
    return [
        (li + 1, ii + 1)
        for li, row in enumerate(method.matrix)
        for ii, cell in enumerate(row)
        if cell == level
    ]


class RiskRepository(OrgScopedRepository[Risk]):
    model = Risk

    def filtered(self, filters: RiskFilters, method: RiskMethod | None, today: date) -> Any:
        """The register narrowed by level (through the matrix), owner, treatment, status
        and overdue review."""
        stmt = self.base_statement()
        if filters.level is not None:
            cells = cells_of(method, filters.level)
            stmt = stmt.where(
                or_(*(and_(col(Risk.likelihood) == li, col(Risk.impact) == ii) for li, ii in cells))
                if cells
                else false()
            )
        if filters.owner_id is not None:
            stmt = stmt.where(col(Risk.owner_id) == filters.owner_id)
        if filters.treatment is not None:
            stmt = stmt.where(col(Risk.treatment) == filters.treatment)
        if filters.undecided is not None:
            undecided = col(Risk.treatment).is_(None)
            stmt = stmt.where(undecided if filters.undecided else ~undecided)
        if filters.status is not None:
            stmt = stmt.where(col(Risk.status) == filters.status)
        if filters.overdue_review is not None:
            overdue = and_(
                col(Risk.status) == RiskStatus.open,
                col(Risk.review_date).is_not(None),
                col(Risk.review_date) < today,
            )
            stmt = stmt.where(overdue if filters.overdue_review else ~overdue)
        if filters.service_id is not None:
            affecting = select(col(RiskService.risk_id)).where(
                self.of_org(RiskService), col(RiskService.service_id) == filters.service_id
            )
            stmt = stmt.where(col(Risk.id).in_(affecting))
        return stmt

    async def service_ids(self, risk_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, list[uuid.UUID]]:
        """The services each risk affects, in one statement."""
        out: dict[uuid.UUID, list[uuid.UUID]] = {r: [] for r in risk_ids}
        if not risk_ids:
            return out
        stmt = (
            select(col(RiskService.risk_id), col(RiskService.service_id))
            .where(
                self.of_org(RiskService),
                col(RiskService.risk_id).in_(bindparam("risk_ids", list(risk_ids), expanding=True)),
            )
            .order_by(col(RiskService.service_id))
        )
        for risk_id, service_id in (await self.session.execute(stmt)).all():
            out[risk_id].append(service_id)
        return out

    async def set_services(
        self, risk_id: uuid.UUID, service_ids: Sequence[uuid.UUID], *, new: bool = False
    ) -> None:
        """Replace the services the risk affects (``new``: it has none yet)."""
        if not new:
            await self.session.execute(
                self.delete(RiskService).where(col(RiskService.risk_id) == risk_id)
            )
        rows = [{"risk_id": risk_id, "service_id": s, "org_id": self.org_id} for s in service_ids]
        if rows:
            await self.session.execute(insert(RiskService.__table__), rows)  # type: ignore[attr-defined]

    async def heat_map(self) -> list[tuple[int, int, int]]:
        """Open risks counted per (likelihood, impact)."""
        stmt = (
            select(col(Risk.likelihood), col(Risk.impact), func.count())
            .where(self.of_org(Risk), col(Risk.status) == RiskStatus.open)
            .group_by(col(Risk.likelihood), col(Risk.impact))
        )
        return [(int(a), int(b), int(n)) for a, b, n in (await self.session.execute(stmt)).all()]

    async def max_points(self) -> tuple[int, int]:
        """The largest likelihood and impact any risk uses (0, 0 without risks)."""
        stmt = select(func.max(col(Risk.likelihood)), func.max(col(Risk.impact))).where(
            self.of_org(Risk)
        )
        li, ii = (await self.session.execute(stmt)).one()
        return int(li or 0), int(ii or 0)

    async def actions(self, risk_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, list[RiskAction]]:
        """Treatment actions per risk, in creation order (one statement)."""
        out: dict[uuid.UUID, list[RiskAction]] = {}
        if not risk_ids:
            return out
        stmt = (
            select(RiskAction)
            .where(self.of_org(RiskAction), col(RiskAction.risk_id).in_(risk_ids))
            .order_by(col(RiskAction.created_at), col(RiskAction.id))
        )
        for action in (await self.session.execute(stmt)).scalars().all():
            out.setdefault(action.risk_id, []).append(action)
        return out

    async def action(self, risk_id: uuid.UUID, action_id: uuid.UUID) -> RiskAction | None:
        stmt = select(RiskAction).where(
            self.of_org(RiskAction),
            col(RiskAction.risk_id) == risk_id,
            col(RiskAction.id) == action_id,
        )
        return (await self.session.execute(stmt)).scalars().first()

    def add_action(self, action: RiskAction) -> RiskAction:
        return RiskActionRepository(self.session, self.org_id).add(action)

    async def is_member(self, user_id: uuid.UUID) -> bool:
        member = await MembershipRepository(self.session, self.org_id).get(user_id)
        return member is not None


class RiskActionRepository(OrgScopedRepository[RiskAction]):
    model = RiskAction
