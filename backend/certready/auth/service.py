"""Setup, login, token refresh/rotation, logout and password change (SECURITY.md J1-J12).

Login and refresh run in their own short transactions instead of the request
session: a failed attempt or a detected refresh-token reuse must be recorded
even though the request answers with an error.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

import anyio
from sqlalchemy import update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col, select

from certready.auth import throttle
from certready.auth.models import (
    Installation,
    LoginAttempt,
    RefreshToken,
    RevokedAccessToken,
    User,
)
from certready.auth.schemas import (
    MembershipRead,
    MeRead,
    MfaStatus,
    PasswordChange,
    SetupRequest,
    TokenPair,
)
from certready.config import Settings
from certready.context import Actor
from certready.core.clock import utcnow
from certready.core.problems import (
    Conflict,
    Forbidden,
    TooManyRequests,
    Unauthorized,
    Unprocessable,
)
from certready.core.security import (
    REFRESH_PREFIX,
    create_access_token,
    create_mfa_token,
    hash_password,
    new_opaque_token,
    password_problems,
    token_hash,
    verify_password,
)
from certready.db.session import Database
from certready.mfa.repository import MfaRepository
from certready.orgs.models import Organisation
from certready.orgs.permissions import actions_for
from certready.orgs.repository import OrganisationRepository
from certready.orgs.service import create_organisation

LOGIN_FAILED = "Wrong e-mail or password."


class MfaRequired(Forbidden):
    """The password was right; a second factor is due (``certready.mfa``, issue 17)."""

    slug, title = "mfa-required", "Second factor required"


async def setup_needed(session: AsyncSession) -> bool:
    return (await session.execute(select(User.id).limit(1))).first() is None


async def claim_first_run(session: AsyncSession, kind: str) -> None:
    """Claim the installation's first run; of N concurrent first runs exactly one wins (409).

    One row with a fixed primary key: the second INSERT waits for the first transaction
    and then violates the key (PostgreSQL), or finds users already (SQLite, serial writers).
    """
    if not await setup_needed(session):
        raise Conflict("Certready is already set up. Log in instead.")
    session.add(Installation(id=1, kind=kind, created_at=utcnow()))
    try:
        await session.flush()
    except IntegrityError as exc:
        raise Conflict("Certready is already set up. Log in instead.") from exc


async def run_setup(
    session: AsyncSession, settings: Settings, data: SetupRequest
) -> tuple[Organisation, User]:
    """First run only: the first organisation and its admin; 409 once any user exists."""
    await claim_first_run(session, "setup")
    email = str(data.admin.email).lower()
    problems = password_problems(data.admin.password, email, data.admin.full_name)
    if problems:
        raise Unprocessable(" ".join(problems), loc=["body", "admin", "password"])
    pw_hash = await anyio.to_thread.run_sync(hash_password, settings, data.admin.password)
    user = User(email=email, full_name=data.admin.full_name, password_hash=pw_hash)
    session.add(user)
    await session.flush()
    org = await create_organisation(
        session, data.organisation, user, Actor(id=user.id, name=user.full_name)
    )
    return org, user


async def issue_tokens(
    session: AsyncSession, settings: Settings, user: User, family_id: uuid.UUID | None = None
) -> TokenPair:
    now = utcnow()
    secret, digest = new_opaque_token(REFRESH_PREFIX)
    family_id = family_id or uuid.uuid4()
    session.add(
        RefreshToken(
            user_id=user.id,
            family_id=family_id,
            token_hash=digest,
            created_at=now,
            expires_at=now + timedelta(days=settings.refresh_token_days),
        )
    )
    # the family is the login session: revoking it (reuse, logout) ends its access tokens too
    access, expires_in = create_access_token(settings, user.id, user.token_version, family_id)
    return TokenPair(access_token=access, refresh_token=secret, expires_in=expires_in)


async def login(
    db: Database, settings: Settings, email: str, password: str, client: str
) -> TokenPair:
    account = email.strip().lower()[:320]
    now = utcnow()
    async with db.transaction() as session:
        # Counted before the check, atomically: a burst gets exactly the limit checked.
        # The same answer for existing and unknown accounts (SECURITY.md A6).
        failures, failures_since = await throttle.take(
            session, throttle.account_key(account), settings.login_account_window_seconds, now
        )
        attempts, attempts_since = await throttle.take(
            session, throttle.client_key(client[:64]), settings.login_client_window_seconds, now
        )
        user = (
            (await session.execute(select(User).where(col(User.email) == account)))
            .scalars()
            .first()
        )
        stored = user.password_hash if user is not None and user.is_active else None
    if failures > settings.login_account_failures:
        window = settings.login_account_window_seconds
        raise TooManyRequests(throttle.retry_after(failures_since, window, now))
    if attempts > settings.login_client_attempts:
        window = settings.login_client_window_seconds
        raise TooManyRequests(throttle.retry_after(attempts_since, window, now))
    ok, new_hash = await anyio.to_thread.run_sync(verify_password, settings, password, stored)
    async with db.transaction() as session:
        session.add(LoginAttempt(account=account, client=client[:64], at=now, success=ok))
        tokens: TokenPair | None = None
        step: str | None = None
        if ok and user is not None:
            await throttle.forget(session, throttle.account_key(account))
            user = await session.merge(user)
            if new_hash:
                user.password_hash = new_hash
            has_factor, required = await MfaRepository(session, user.id).sign_in_state()
            if has_factor or required:
                step = "verify" if has_factor else "enrol"
            else:
                user.last_login_at = now
                tokens = await issue_tokens(session, settings, user)
    if step is not None and user is not None:
        raise _mfa_challenge(settings, user, step)
    if tokens is None:
        raise Unauthorized(LOGIN_FAILED)
    return tokens


def _mfa_challenge(settings: Settings, user: User, step: str) -> MfaRequired:
    token, expires_in = create_mfa_token(settings, user.id, user.token_version, step)
    detail = (
        "Enter the code from your authenticator app."
        if step == "verify"
        else "Your organisation requires a second factor: set it up to sign in."
    )
    return MfaRequired(
        detail, extra={"mfa_token": token, "mfa_step": step, "expires_in": expires_in}
    )


async def refresh(db: Database, settings: Settings, refresh_token: str) -> TokenPair:
    """Rotate a refresh token; reuse of a rotated token revokes its whole family (J8)."""
    now = utcnow()
    async with db.transaction() as session:
        row = (
            await session.execute(
                select(RefreshToken, User)
                .join(User, col(User.id) == RefreshToken.user_id)
                .where(col(RefreshToken.token_hash) == token_hash(refresh_token))
            )
        ).first()
        tokens: TokenPair | None = None
        if row is not None:
            stored, user = row
            if stored.used_at is not None or stored.revoked_at is not None:
                await session.execute(
                    update(RefreshToken)
                    .where(
                        col(RefreshToken.family_id) == stored.family_id,
                        col(RefreshToken.revoked_at).is_(None),
                    )
                    .values(revoked_at=now)
                )
            elif stored.expires_at > now and user.is_active and await _factor_ok(session, user):
                stored.used_at = now
                tokens = await issue_tokens(session, settings, user, stored.family_id)
    if tokens is None:
        raise Unauthorized("The refresh token is not valid.")
    return tokens


async def _factor_ok(session: AsyncSession, user: User) -> bool:
    """No session outlives its organisation's requirement of a second factor: once an admin
    requires one, sessions of members without a factor are not renewed (they sign in again
    and enrol)."""
    has_factor, required = await MfaRepository(session, user.id).sign_in_state()
    return has_factor or not required


async def logout(
    session: AsyncSession,
    user: User,
    jti: str | None,
    access_expires_at: datetime | None,
    refresh_token: str | None,
    everywhere: bool,
) -> None:
    now = utcnow()
    if jti is not None and access_expires_at is not None:
        session.add(RevokedAccessToken(jti=jti, expires_at=access_expires_at))
    if refresh_token:
        family = select(RefreshToken.family_id).where(
            col(RefreshToken.token_hash) == token_hash(refresh_token),
            col(RefreshToken.user_id) == user.id,
        )
        await session.execute(
            update(RefreshToken)
            .where(
                col(RefreshToken.family_id).in_(family.scalar_subquery()),
                col(RefreshToken.revoked_at).is_(None),
            )
            .values(revoked_at=now)
        )
    if everywhere:
        await revoke_all_sessions(session, user)
    await session.flush()


async def revoke_all_sessions(session: AsyncSession, user: User) -> None:
    user.token_version += 1
    await session.execute(
        update(RefreshToken)
        .where(col(RefreshToken.user_id) == user.id, col(RefreshToken.revoked_at).is_(None))
        .values(revoked_at=utcnow())
    )


async def change_password(
    session: AsyncSession, settings: Settings, user: User, data: PasswordChange
) -> None:
    ok, _ = await anyio.to_thread.run_sync(
        verify_password, settings, data.current_password, user.password_hash
    )
    if not ok:
        raise Unprocessable("The current password is wrong.", loc=["body", "current_password"])
    problems = password_problems(data.new_password, user.email, user.full_name)
    if problems:
        raise Unprocessable(" ".join(problems), loc=["body", "new_password"])
    user.password_hash = await anyio.to_thread.run_sync(hash_password, settings, data.new_password)
    await revoke_all_sessions(session, user)
    await session.flush()


async def me(session: AsyncSession, user: User) -> MeRead:
    rows = await OrganisationRepository(session).memberships_of(user.id)
    mfa = MfaRepository(session, user.id)
    factor = await mfa.factor()
    enrolled_at = factor.confirmed_at if factor is not None else None
    return MeRead(
        id=user.id,
        email=user.email,
        full_name=user.full_name,
        mfa=MfaStatus(
            totp_enabled=enrolled_at is not None,
            enrolled_at=enrolled_at,
            recovery_codes_left=await mfa.recovery_codes_left() if enrolled_at else 0,
            required_by=await mfa.requiring_orgs(),
        ),
        memberships=[
            MembershipRead(
                org_id=r[0],
                org_slug=r[1],
                org_name=r[2],
                role=r[3],
                permissions=actions_for(r[3]),
            )
            for r in rows
        ],
    )
