from __future__ import annotations

import uuid
from collections.abc import Collection, Sequence

from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col, select
from sqlmodel.sql.expression import Select, SelectOfScalar

from certready.auth.models import User
from certready.db.repository import of_org
from certready.orgs.enums import Role
from certready.orgs.models import Membership, Organisation


class OrganisationRepository:
    """Organisations are the tenants themselves: scoped by membership, not org_id."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    def for_user(self, user_id: uuid.UUID) -> SelectOfScalar[Organisation]:
        return (
            select(Organisation)
            .join(Membership, col(Membership.org_id) == Organisation.id)
            .where(col(Membership.user_id) == user_id)
        )

    async def slug_taken(self, slug: str) -> bool:
        stmt = select(Organisation.id).where(col(Organisation.slug) == slug)
        return (await self.session.execute(stmt)).first() is not None


class MembershipRepository:
    def __init__(self, session: AsyncSession, org_id: uuid.UUID) -> None:
        self.session = session
        self.org_id = org_id

    def members(self, roles: Collection[Role] | None = None) -> Select[Membership, User]:
        """The organisation's memberships with their users, optionally only these roles."""
        stmt = (
            select(Membership, User)
            .join(User, col(User.id) == Membership.user_id)
            .where(col(Membership.org_id) == self.org_id)
        )
        if roles is not None:
            stmt = stmt.where(col(Membership.role).in_([r.value for r in roles]))
        return stmt

    async def get(self, user_id: uuid.UUID) -> tuple[Membership, User] | None:
        row = (await self.session.execute(self.members().where(col(User.id) == user_id))).first()
        return (row[0], row[1]) if row else None

    async def roles(self, user_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, str]:
        """The role of each of these users who is a member (non-members are left out)."""
        if not user_ids:
            return {}
        stmt = select(Membership.user_id, Membership.role).where(
            of_org(Membership, self.org_id), col(Membership.user_id).in_(user_ids)
        )
        return {u: str(r) for u, r in (await self.session.execute(stmt)).all()}

    async def count_admins(self) -> int:
        stmt = select(Membership.id).where(
            col(Membership.org_id) == self.org_id, col(Membership.role) == "admin"
        )
        return len((await self.session.execute(stmt)).all())

    async def user_by_email(self, email: str) -> User | None:
        stmt = select(User).where(col(User.email) == email)
        return (await self.session.execute(stmt)).scalars().first()
