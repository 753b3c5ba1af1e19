"""API tokens (SECURITY.md J12, A8): shown once, stored hashed, org-bound, scoped, expiring.

A token acts as its creator's *current* membership in the token's organisation,
narrowed by its scopes: both the creator's role (the permission table) and one of
the token's scopes must allow an action (``Requires`` checks both). When the creator
leaves the organisation, is disabled, or loses the right, the token loses it too.
Tokens act only inside their organisation: any other route answers 403.
"""

from __future__ import annotations

import uuid
from datetime import timedelta

from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from certready.activity.service import record
from certready.auth.models import User
from certready.context import OrgContext, Principal
from certready.core.clock import utcnow
from certready.core.pagination import PageParams, paginate
from certready.core.problems import NotFound, Unauthorized
from certready.core.security import API_TOKEN_PREFIX, new_opaque_token
from certready.tokens.enums import TokenScope
from certready.tokens.models import ApiToken
from certready.tokens.repository import ApiTokenRepository
from certready.tokens.schemas import ApiTokenCreate, ApiTokenCreated, ApiTokenRead, CurrentTokenRead

HINT_LENGTH = len(API_TOKEN_PREFIX) + 4


def token_read(token: ApiToken) -> ApiTokenRead:
    """The token as listed: never its secret, with whether it still works."""
    return ApiTokenRead(
        id=token.id,
        name=token.name,
        hint=token.hint,
        scopes=[TokenScope(s) for s in token.scopes],
        created_by=token.created_by,
        created_at=token.created_at,
        expires_at=token.expires_at,
        last_used_at=token.last_used_at,
        revoked_at=token.revoked_at,
        active=token.revoked_at is None and token.expires_at > utcnow(),
    )


async def create_token(
    session: AsyncSession, ctx: OrgContext, data: ApiTokenCreate
) -> ApiTokenCreated:
    """Create a token for the caller; its secret is in this answer only (stored hashed)."""
    secret, digest = new_opaque_token(API_TOKEN_PREFIX)
    now = utcnow()
    token = ApiToken(
        org_id=ctx.org_id,
        name=data.name,
        token_hash=digest,
        hint=secret[:HINT_LENGTH],
        scopes=sorted({s.value for s in data.scopes}),
        created_by=ctx.person_id(),
        created_at=now,
        expires_at=now + timedelta(days=data.expires_in_days),
    )
    ApiTokenRepository(session, ctx.org_id).add(token)
    await session.flush()
    record(
        session,
        org_id=ctx.org_id,
        actor=ctx.actor,
        action="token.create",
        object_type="api_token",
        object_id=token.id,
        summary=f"API token '{token.name}' created ({', '.join(token.scopes)})",
        after={
            "name": token.name,
            "scopes": token.scopes,
            "expires_at": token.expires_at,
            "hint": token.hint,
        },
    )
    return ApiTokenCreated(**token_read(token).model_dump(), secret=secret)


async def list_tokens(
    session: AsyncSession, org_id: uuid.UUID, page: PageParams
) -> tuple[list[ApiTokenRead], str | None, int]:
    """One page of the organisation's tokens, newest first (never their secrets)."""
    stmt = ApiTokenRepository(session, org_id).base_statement()
    rows, next_cursor, total = await paginate(
        session,
        stmt,
        keys=[col(ApiToken.created_at), col(ApiToken.id)],
        params=page,
        descending=True,
    )
    return [token_read(t) for t in rows], next_cursor, total


async def revoke_token(session: AsyncSession, ctx: OrgContext, token_id: uuid.UUID) -> None:
    """Revoke at once (the next request with it is a 401); revoking twice changes nothing."""
    token = await ApiTokenRepository(session, ctx.org_id).get_or_404(token_id)
    if token.revoked_at is not None:
        return
    token.revoked_at = utcnow()
    token.revoked_by = ctx.user_id
    record(
        session,
        org_id=ctx.org_id,
        actor=ctx.actor,
        action="token.revoke",
        object_type="api_token",
        object_id=token.id,
        summary=f"API token '{token.name}' revoked",
        before={"name": token.name, "hint": token.hint},
    )
    await session.flush()


def check_token(token: ApiToken, user: User) -> None:
    """401 for a revoked or expired token, or a disabled creator (A8)."""
    if token.revoked_at is not None or token.expires_at <= utcnow() or not user.is_active:
        raise Unauthorized()


async def current_token(session: AsyncSession, principal: Principal) -> CurrentTokenRead:
    """The API token making this call, with its organisation and the creator's role (404 else)."""
    if principal.token_id is None or principal.token_org_id is None:
        raise NotFound("This call was not made with an API token.")
    found = await ApiTokenRepository(session, principal.token_org_id).context(principal.token_id)
    if found is None:
        raise Unauthorized()
    token, org, role = found
    return CurrentTokenRead(
        id=token.id,
        name=token.name,
        org_id=org.id,
        org_slug=org.slug,
        scopes=[TokenScope(s) for s in token.scopes],
        role=role,
        expires_at=token.expires_at,
    )
