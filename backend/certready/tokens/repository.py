from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col, select

from certready.auth.models import User
from certready.db.repository import OrgScopedRepository
from certready.orgs.models import Membership, Organisation
from certready.tokens.models import ApiToken


class ApiTokenRepository(OrgScopedRepository[ApiToken]):
    model = ApiToken


async def token_with_creator(
    session: AsyncSession, token_hash: str
) -> tuple[ApiToken, User] | None:
    """Authentication lookup by hash (any organisation): the token and its creator."""
    stmt = (
        select(ApiToken, User)
        .join(User, col(User.id) == ApiToken.created_by)
        .where(col(ApiToken.token_hash) == token_hash)
    )
    row = (await session.execute(stmt)).first()
    return (row[0], row[1]) if row else None


async def mark_used(session: AsyncSession, token_id: uuid.UUID, at: datetime) -> None:
    await session.execute(
        update(ApiToken).where(col(ApiToken.id) == token_id).values(last_used_at=at)
    )


async def token_context(
    session: AsyncSession, token_id: uuid.UUID
) -> tuple[ApiToken, Organisation, str] | None:
    """The token, its organisation and the creator's current role there."""
    stmt = (
        select(ApiToken, Organisation, Membership.role)
        .join(Organisation, col(Organisation.id) == ApiToken.org_id)
        .join(
            Membership,
            (col(Membership.org_id) == ApiToken.org_id)
            & (col(Membership.user_id) == ApiToken.created_by),
        )
        .where(col(ApiToken.id) == token_id)
    )
    row = (await session.execute(stmt)).first()
    return (row[0], row[1], str(row[2])) if row else None
