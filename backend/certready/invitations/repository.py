"""Invitations of one organisation, and the one lookup by token across organisations."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col, select
from sqlmodel.sql.expression import SelectOfScalar

from certready.db.repository import OrgScopedRepository, of_org
from certready.db.session import is_write_session
from certready.invitations.enums import InvitationStatus
from certready.invitations.models import Invitation
from certready.orgs.models import Organisation


class InvitationRepository(OrgScopedRepository[Invitation]):
    model = Invitation

    def pending(self, now: datetime) -> SelectOfScalar[Invitation]:
        """Invitations still open: pending and not expired."""
        return self.base_statement().where(
            col(Invitation.status) == InvitationStatus.pending.value,
            col(Invitation.expires_at) > now,
        )

    async def supersede(self, email: str, now: datetime) -> None:
        """A new invitation replaces the address's open ones (their links stop working)."""
        await self.session.execute(
            self.update(Invitation)
            .where(
                col(Invitation.email) == email,
                col(Invitation.status) == InvitationStatus.pending.value,
            )
            .values(status=InvitationStatus.superseded.value, closed_at=now)
        )


async def by_token(session: AsyncSession, digest: str) -> tuple[Invitation, Organisation] | None:
    """The invitation with this token hash and its organisation (locked when writing)."""
    stmt = (
        select(Invitation, Organisation)  # all organisations: the token names its own
        .join(Organisation, of_org(Invitation, Organisation.id))
        .where(col(Invitation.token_hash) == digest)
    )
    if is_write_session(session):
        stmt = stmt.with_for_update(of=Invitation)
    row = (await session.execute(stmt)).first()
    return (row[0], row[1]) if row else None
