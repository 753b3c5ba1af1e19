"""Organisations and memberships: who belongs to which tenant, with which role."""

from __future__ import annotations

import uuid
from collections.abc import Collection, Sequence
from typing import Any

from sqlalchemy import and_, func
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col, select
from sqlmodel.sql.expression import Select, SelectOfScalar

from certready.auth.models import User
from certready.core.clock import utcnow
from certready.core.problems import NotFound
from certready.db.repository import OrgScopedRepository, of_org
from certready.db.session import is_write_session
from certready.orgs.enums import Role
from certready.orgs.models import Membership, Organisation
from certready.tokens.models import ApiToken


def _membership_of(user_id: uuid.UUID) -> SelectOfScalar[Organisation]:
    """Organisations joined with this user's membership (the tenants are scoped by membership)."""
    return (
        select(Organisation)
        .join(Membership, of_org(Membership, Organisation.id))
        .where(col(Membership.user_id) == user_id)
    )


class OrganisationRepository:
    """Organisations are the tenants themselves: scoped by membership, not org_id."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    def for_user(self, user_id: uuid.UUID) -> SelectOfScalar[Organisation]:
        """The organisations this user is a member of."""
        return _membership_of(user_id)

    async def memberships_of(self, user_id: uuid.UUID) -> list[tuple[uuid.UUID, str, str, str]]:
        """(org id, slug, name, role) of every membership of the user, by organisation name."""
        stmt = (
            select(Organisation.id, Organisation.slug, Organisation.name, Membership.role)
            .join(Membership, of_org(Membership, Organisation.id))
            .where(col(Membership.user_id) == user_id)
            .order_by(Organisation.name)
        )
        return [(r[0], r[1], r[2], r[3]) for r in (await self.session.execute(stmt)).all()]

    @staticmethod
    def with_path_membership(
        stmt: Any,
        slug: str,
        user_id: Any,
        only_org: Any = None,
    ) -> Any:
        """``stmt`` (the authentication lookup) also selecting the organisation named
        ``slug`` and ``user_id``'s membership in it, both outer-joined (None when missing),
        so a request under ``/orgs/{org}`` authenticates in one statement."""
        on_org = col(Organisation.slug) == slug
        if only_org is not None:  # API tokens: their own organisation only
            on_org = and_(on_org, col(Organisation.id) == only_org)
        return (
            stmt.add_columns(Organisation, Membership)
            .outerjoin_from(User, Organisation, on_org)
            .outerjoin_from(
                Organisation,
                Membership,
                and_(of_org(Membership, Organisation.id), col(Membership.user_id) == user_id),
            )
        )

    async def member_context(
        self, slug: str, user_id: uuid.UUID, only_org: uuid.UUID | None = None
    ) -> tuple[Organisation, Membership] | None:
        """The organisation by slug with the user's membership (``only_org``: API tokens)."""
        stmt = (
            select(Organisation, Membership)
            .join(Membership, of_org(Membership, Organisation.id))
            .where(col(Organisation.slug) == slug, col(Membership.user_id) == user_id)
        )
        if only_org is not None:
            stmt = stmt.where(col(Organisation.id) == only_org)
        row = (await self.session.execute(stmt)).first()
        return (row[0], row[1]) if row else None

    async def slug_taken(self, slug: str) -> bool:
        stmt = select(Organisation.id).where(col(Organisation.slug) == slug)
        return (await self.session.execute(stmt)).first() is not None

    async def by_id(self, org_id: uuid.UUID) -> Organisation | None:
        return await self.session.get(Organisation, org_id)


class MembershipRepository(OrgScopedRepository[Membership]):
    model = Membership

    def members(self, roles: Collection[Role] | None = None) -> Select[Membership, User]:
        """The organisation's memberships with their users, optionally only these roles."""
        stmt = (
            select(Membership, User)
            .join(User, col(User.id) == Membership.user_id)
            .where(self.of_org(Membership))
        )
        if roles is not None:
            stmt = stmt.where(col(Membership.role).in_([r.value for r in roles]))
        return stmt

    async def get(self, user_id: uuid.UUID) -> tuple[Membership, User] | None:  # type: ignore[override]
        """The membership of this user in the organisation, with the user."""
        row = (await self.session.execute(self.members().where(col(User.id) == user_id))).first()
        return (row[0], row[1]) if row else None

    async def roles(self, user_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, str]:
        """The role of each of these users who is a member (non-members are left out)."""
        if not user_ids:
            return {}
        stmt = select(Membership.user_id, Membership.role).where(
            self.of_org(Membership), col(Membership.user_id).in_(user_ids)
        )
        return {u: str(r) for u, r in (await self.session.execute(stmt)).all()}

    async def for_change_of(self, user_id: uuid.UUID) -> tuple[Membership, User]:
        """The membership a request changes: locked in a write session; 404 when absent."""
        stmt = self.members().where(col(User.id) == user_id)
        if is_write_session(self.session):
            stmt = stmt.with_for_update(of=Membership)
        row = (await self.session.execute(stmt)).first()
        if row is None:
            raise NotFound()
        return row[0], row[1]

    async def is_top_management(self, user_id: uuid.UUID | None) -> bool:
        """Whether this user is a member designated top management (the system is not)."""
        if user_id is None:
            return False
        stmt = select(Membership.top_management).where(
            self.of_org(Membership), col(Membership.user_id) == user_id
        )
        return bool((await self.session.execute(stmt)).scalar_one_or_none())

    async def count_admins(self) -> int:
        stmt = select(func.count(col(Membership.id))).where(
            self.of_org(Membership), col(Membership.role) == Role.admin.value
        )
        return int((await self.session.execute(stmt)).scalar_one())

    async def member_with_email(self, email: str) -> Membership | None:
        """This organisation's membership of the account with this e-mail, if any."""
        stmt = (
            select(Membership)
            .join(User, col(User.id) == Membership.user_id)
            .where(self.of_org(Membership), col(User.email) == email)
        )
        return (await self.session.execute(stmt)).scalars().first()

    async def revoke_api_tokens(self, user_id: uuid.UUID, revoked_by: uuid.UUID | None) -> None:
        """End the API tokens this person created for this organisation (membership removed)."""
        await self.session.execute(
            self.update(ApiToken)
            .where(col(ApiToken.created_by) == user_id, col(ApiToken.revoked_at).is_(None))
            .values(revoked_at=utcnow(), revoked_by=revoked_by)
        )


async def user_by_email(session: AsyncSession, email: str) -> User | None:
    """The account with this (lower-case) e-mail, in any organisation or none."""
    stmt = select(User).where(col(User.email) == email)
    return (await session.execute(stmt)).scalars().first()
