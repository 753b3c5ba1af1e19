"""Shared dependencies: settings, database session, principal, organisation context.

Every route under ``/orgs/{org}`` depends on ``OrgCtxDep`` (non-member: 404),
and on ``Requires(action)`` for the permission table.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from datetime import timedelta
from typing import Annotated, Any

from fastapi import Depends, Path, Request
from fastapi.security import OAuth2PasswordBearer
from sqlalchemy import exists, or_
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col, select

from certready.auth.models import RefreshToken, RevokedAccessToken, User
from certready.config import Settings
from certready.context import OrgContext, Principal
from certready.core.clock import utcnow
from certready.core.downloads import DOWNLOAD_PATHS, TICKET_PARAM, download_target
from certready.core.middleware import HEAD_SCOPE_KEY
from certready.core.problems import Forbidden, NotFound, Unauthorized
from certready.core.security import (
    API_TOKEN_PREFIX,
    MAX_TOKEN_LENGTH,
    InvalidToken,
    decode_access_token,
    decode_download_ticket,
    token_hash,
)
from certready.db.session import SAFE_METHODS, Database
from certready.orgs.enums import Role
from certready.orgs.models import Membership, Organisation
from certready.orgs.permissions import Action, allows
from certready.orgs.repository import OrganisationRepository
from certready.tokens.repository import mark_used, token_with_creator
from certready.tokens.service import check_token

oauth2_scheme = OAuth2PasswordBearer(tokenUrl="/api/v1/auth/token", auto_error=False)


def get_settings_dep(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def get_database(request: Request) -> Database:
    db: Database = request.app.state.db
    return db


SettingsDep = Annotated[Settings, Depends(get_settings_dep)]
DatabaseDep = Annotated[Database, Depends(get_database)]


async def get_session(request: Request, db: DatabaseDep) -> AsyncIterator[AsyncSession]:
    """One session per request; commits before the response is sent (one commit point).

    Function scope makes FastAPI run the code after ``yield`` before sending the
    response, so a failed commit becomes an error response, never a 200 (STYLE.md).
    """
    factory = db.read_sessions if request.method in SAFE_METHODS else db.write_sessions
    async with factory() as session:
        try:
            yield session
        except BaseException:
            await session.rollback()
            raise
        if request.method not in SAFE_METHODS:
            await session.commit()
        else:
            await session.rollback()


SessionDep = Annotated[AsyncSession, Depends(get_session, scope="function")]


# last_used_at of an API token is written at most this often (not on every request).
TOKEN_USE_PRECISION = timedelta(minutes=1)
# The paths an API token may call: an organisation's (its own is checked by the org
# context), and the token's self-description.
TOKEN_PATHS = re.compile(r"^/api/v1/(orgs/[^/]+(/.*)?|tokens/current)$")


def is_head(request: Request) -> bool:
    """A HEAD request (answered by the GET route, see core.middleware.HeadMiddleware)."""
    return bool(request.scope.get(HEAD_SCOPE_KEY))


async def get_principal(
    request: Request,
    session: SessionDep,
    settings: SettingsDep,
    db: DatabaseDep,
    token: Annotated[str | None, Depends(oauth2_scheme)],
) -> Principal:
    # Tokens travel only in the Authorization header (J10, SECURITY.md A8).
    if {"access_token", "token", "api_key"} & set(request.query_params):
        raise Unauthorized("Credentials are not accepted in the URL.")
    if not token and TICKET_PARAM in request.query_params:
        return await _ticket_principal(request, session, settings, db)
    if not token:
        raise Unauthorized()
    if token.startswith(API_TOKEN_PREFIX):
        return await _api_token_principal(request, session, db, token)
    try:
        claims = decode_access_token(settings, token)
    except InvalidToken as exc:
        request.state.auth_failure = str(exc)
        raise Unauthorized() from exc
    # One statement: the user, and whether this token or its whole session (the refresh
    # family, revoked on reuse or logout) was revoked (SECURITY.md J8, A5).
    revoked = or_(
        exists().where(col(RevokedAccessToken.jti) == claims.jti),
        exists().where(
            col(RefreshToken.family_id) == claims.session_id,
            col(RefreshToken.revoked_at).is_not(None),
        ),
    )
    stmt = select(User, revoked.label("revoked")).where(col(User.id) == claims.user_id)
    slug = _path_org(request)
    if slug is not None:  # ... with the membership the path needs, in the same statement
        stmt = OrganisationRepository.with_path_membership(stmt, slug, col(User.id))
    found = (await session.execute(stmt)).first()
    if found is None:
        raise Unauthorized()
    row: tuple[Any, ...] = tuple(found)
    user, is_revoked = row[0], row[1]
    if is_revoked or not user.is_active or user.token_version != claims.token_version:
        raise Unauthorized()
    return Principal(
        user=user,
        jti=claims.jti,
        token_expires_at=claims.expires_at,
        token_issued_at=claims.issued_at,
        path_membership=None if slug is None else (slug, row[2], row[3]),
    )


def _path_org(request: Request) -> str | None:
    """The organisation slug of an ``/orgs/{org}`` route (None elsewhere)."""
    slug = request.path_params.get("org")
    return slug if isinstance(slug, str) else None


async def _ticket_principal(
    request: Request, session: AsyncSession, settings: Settings, db: Database
) -> Principal:
    """A download ticket: on a download path only, for exactly the URL it names, by a user
    whose sessions are still valid; used once (its jti is denylisted until it expires)."""
    if request.method not in ("GET", "HEAD") or not DOWNLOAD_PATHS.match(request.url.path):
        raise Unauthorized()
    params = request.query_params.multi_items()
    try:
        claims = decode_download_ticket(settings, request.query_params[TICKET_PARAM])
    except InvalidToken as exc:
        request.state.auth_failure = str(exc)
        raise Unauthorized() from exc
    if sum(1 for k, _ in params if k == TICKET_PARAM) != 1 or claims.target != download_target(
        request.url.path, params
    ):
        request.state.auth_failure = "ticket for another download"
        raise Unauthorized()
    user = (await session.execute(select(User).where(col(User.id) == claims.user_id))).scalar()
    if user is None or not user.is_active or user.token_version != claims.token_version:
        raise Unauthorized()
    if not is_head(request):  # a HEAD sends no file: the ticket stays usable for the GET
        try:
            async with db.transaction() as writer:
                writer.add(RevokedAccessToken(jti=claims.jti, expires_at=claims.expires_at))
        except IntegrityError as exc:
            request.state.auth_failure = "ticket used before"
            raise Unauthorized() from exc
    return Principal(
        user=user,
        jti=claims.jti,
        token_expires_at=claims.expires_at,
        token_issued_at=claims.issued_at,
    )


async def _api_token_principal(
    request: Request, session: AsyncSession, db: Database, secret: str
) -> Principal:
    """An API token (J12): looked up by its SHA-256 with its creator, in one query."""
    if len(secret) > MAX_TOKEN_LENGTH:
        raise Unauthorized()
    slug = _path_org(request)
    found = await token_with_creator(session, token_hash(secret), slug)
    if found is None:
        raise Unauthorized()
    api_token, user, org_row = found
    check_token(api_token, user)
    if not TOKEN_PATHS.match(request.url.path):
        raise Forbidden("API tokens act only inside their organisation.")
    now = utcnow()
    if api_token.last_used_at is None or now - api_token.last_used_at > TOKEN_USE_PRECISION:
        if request.method in SAFE_METHODS:
            # reads roll their session back: record the use in its own short transaction
            async with db.transaction() as writer:
                await mark_used(writer, api_token.id, now)
        else:
            await mark_used(session, api_token.id, now)
    return Principal(
        user=user,
        token_org_id=api_token.org_id,
        token_scopes=frozenset(api_token.scopes),
        token_id=api_token.id,
        path_membership=None if slug is None or org_row is None else (slug, *org_row),
    )


PrincipalDep = Annotated[Principal, Depends(get_principal)]


def people_only(principal: PrincipalDep) -> Principal:
    """Refuse API tokens (403): a route for people signed in (the contract lists only the
    UserSession scheme on it)."""
    if principal.token_org_id is not None:
        raise Forbidden("This is for people signed in, not for API tokens.")
    return principal


async def get_org_context(
    org: Annotated[str, Path(description="Organisation slug.", max_length=63)],
    session: SessionDep,
    principal: PrincipalDep,
) -> OrgContext:
    """Load the organisation by slug for a member; anyone else gets the same 404.

    Revocation is per membership: a token issued before the membership's ``sessions_since``
    (a role change) is refused here only, never in the person's other organisations.
    """
    preloaded = principal.path_membership
    found: tuple[Organisation, Membership] | None
    if preloaded is not None and preloaded[0] == org:
        # read with the credentials (get_principal): no statement of its own
        _, organisation, membership = preloaded
        found = None if organisation is None or membership is None else (organisation, membership)
    else:
        found = await OrganisationRepository(session).member_context(
            org, principal.id, principal.token_org_id
        )
    if found is None:
        if principal.token_org_id is not None:
            # an API token is simply not valid anywhere else (SECURITY.md A8)
            raise Unauthorized()
        raise NotFound()
    organisation, membership = found
    since, issued = membership.sessions_since, principal.token_issued_at
    if since is not None and issued is not None and issued < since:
        raise Unauthorized()
    return OrgContext(org=organisation, role=Role(membership.role), principal=principal)


OrgCtxDep = Annotated[OrgContext, Depends(get_org_context)]


class Requires:
    """Dependency that checks the permission table for the caller's role (403)."""

    def __init__(self, action: Action) -> None:
        self.action = action

    async def __call__(self, ctx: OrgCtxDep) -> OrgContext:
        if not allows(ctx.role, self.action):
            raise Forbidden(f"Your role ({ctx.role.value}) may not {self.action.value}.")
        if ctx.principal is not None and not ctx.principal.scope_allows(self.action):
            raise Forbidden(f"This API token lacks the scope for {self.action.value}.")
        return ctx
