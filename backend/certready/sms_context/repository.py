"""SQL of the context record, its issues and interested parties."""

from __future__ import annotations

import uuid

from sqlmodel import col, select

from certready.db.repository import OrgScopedRepository
from certready.sms_context.models import ContextIssue, ContextRecord, InterestedParty


class ContextRepository(OrgScopedRepository[ContextRecord]):
    model = ContextRecord

    async def current(self, *, lock: bool = False) -> ContextRecord | None:
        """The organisation's context record (locked in a write session when ``lock``)."""
        stmt = self.base_statement()
        if lock:
            stmt = self.for_change(stmt)
        return (await self.session.execute(stmt)).scalars().first()

    async def issues(self, record_id: uuid.UUID) -> list[ContextIssue]:
        stmt = (
            select(ContextIssue)
            .where(self.of_org(ContextIssue), col(ContextIssue.record_id) == record_id)
            .order_by(col(ContextIssue.created_at), col(ContextIssue.id))
        )
        return list((await self.session.execute(stmt)).scalars().all())

    async def parties(self, record_id: uuid.UUID) -> list[InterestedParty]:
        stmt = (
            select(InterestedParty)
            .where(self.of_org(InterestedParty), col(InterestedParty.record_id) == record_id)
            .order_by(col(InterestedParty.created_at), col(InterestedParty.id))
        )
        return list((await self.session.execute(stmt)).scalars().all())

    async def issue(self, record_id: uuid.UUID, issue_id: uuid.UUID) -> ContextIssue | None:
        stmt = select(ContextIssue).where(
            self.of_org(ContextIssue),
            col(ContextIssue.record_id) == record_id,
            col(ContextIssue.id) == issue_id,
        )
        return (await self.session.execute(stmt)).scalars().first()

    async def party(self, record_id: uuid.UUID, party_id: uuid.UUID) -> InterestedParty | None:
        stmt = select(InterestedParty).where(
            self.of_org(InterestedParty),
            col(InterestedParty.record_id) == record_id,
            col(InterestedParty.id) == party_id,
        )
        return (await self.session.execute(stmt)).scalars().first()


class IssueRepository(OrgScopedRepository[ContextIssue]):
    model = ContextIssue


class PartyRepository(OrgScopedRepository[InterestedParty]):
    model = InterestedParty
