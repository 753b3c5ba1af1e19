"""SQL of API tokens: the organisation's list, and the authentication lookups."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col, select

from certready.auth.models import User
from certready.db.repository import OrgScopedRepository, of_org
from certready.orgs.models import Membership, Organisation
from certready.orgs.repository import MembershipRepository, OrganisationRepository
from certready.tokens.models import ApiToken


class ApiTokenRepository(OrgScopedRepository[ApiToken]):
    """API tokens of one organisation."""

    model = ApiToken

    async def context(self, token_id: uuid.UUID) -> tuple[ApiToken, Organisation, str] | None:
        """The token, its organisation and the creator's current role there (None: no longer
        a member)."""
        stmt = (
            self.base_statement()
            .add_columns(Organisation)
            .join(Organisation, of_org(ApiToken, col(Organisation.id)))
            .where(col(ApiToken.id) == token_id)
        )
        row = (await self.session.execute(stmt)).first()
        if row is None:
            return None
        token, org = row[0], row[1]
        roles = await MembershipRepository(self.session, self.org_id).roles([token.created_by])
        role = roles.get(token.created_by)
        return None if role is None else (token, org, role)


async def token_with_creator(
    session: AsyncSession, token_hash: str, slug: str | None = None
) -> tuple[ApiToken, User, tuple[Organisation | None, Membership | None] | None] | None:
    """Authentication lookup by hash (any organisation): the token and its creator, and with
    ``slug`` (an ``/orgs/{org}`` route) the organisation of that slug when it is the token's
    own and the creator's membership in it, in the same statement."""
    stmt = (
        select(ApiToken, User)  # all organisations: the hash finds the token's organisation
        .join(User, col(User.id) == ApiToken.created_by)
        .where(col(ApiToken.token_hash) == token_hash)
    )
    if slug is not None:
        stmt = OrganisationRepository.with_path_membership(
            stmt, slug, col(User.id), col(ApiToken.org_id)
        )
    found = (await session.execute(stmt)).first()
    if found is None:
        return None
    row: tuple[Any, ...] = tuple(found)
    return row[0], row[1], None if slug is None else (row[2], row[3])


async def mark_used(session: AsyncSession, token_id: uuid.UUID, at: datetime) -> None:
    """Note when the token authenticated last (by id, from the authentication lookup)."""
    await session.execute(
        update(ApiToken)  # all organisations: the id comes from the authentication lookup
        .where(col(ApiToken.id) == token_id)
        .values(last_used_at=at)
    )
