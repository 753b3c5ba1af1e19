"""Setup, login, token refresh/rotation, logout and password change (SECURITY.md J1-J12).

Login and refresh run in their own short transactions instead of the request
session: a failed attempt or a detected refresh-token reuse must be recorded
even though the request answers with an error.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any, cast

import anyio
from sqlalchemy import CursorResult, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col, select

from certready.activity.service import record
from certready.auth import throttle
from certready.auth.models import (
    Installation,
    LoginAttempt,
    PasswordReset,
    RefreshToken,
    RevokedAccessToken,
    User,
)
from certready.auth.schemas import (
    MembershipRead,
    MeRead,
    MfaStatus,
    PasswordChange,
    PasswordResetConfirm,
    SetupRequest,
    TokenPair,
)
from certready.config import Settings
from certready.context import Actor
from certready.core.clock import utcnow
from certready.core.problems import (
    BadRequest,
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
from certready.mail import service as mail
from certready.mfa.repository import MfaRepository
from certready.orgs.models import Organisation
from certready.orgs.permissions import actions_for
from certready.orgs.repository import OrganisationRepository
from certready.orgs.service import create_organisation

LOGIN_FAILED = "Wrong e-mail or password."
RESET_PREFIX = "crp_"  # public prefix of password-reset tokens (secret scanners)

log = logging.getLogger("certready.auth")


class ResetTokenInvalid(BadRequest):
    """The reset link is unknown, used, superseded or expired (SECURITY.md A9)."""

    slug, title = "reset-token-invalid", "Password reset link not valid"

    def __init__(self) -> None:
        super().__init__(
            "This password reset link cannot be used: it was mistyped, has expired, was "
            "already used or replaced by a newer one. Ask for a new link."
        )


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


# --- the security log ---------------------------------------------------------------


def user_actor(user: User) -> Actor:
    return Actor(id=user.id, name=user.full_name or user.email)


async def log_security_event(
    session: AsyncSession,
    user: User,
    actor: Actor,
    action: str,
    summary: str,
    *,
    object_type: str = "user",
    after: Mapping[str, Any] | None = None,
) -> None:
    """One entry in the activity log of each organisation the person belongs to, in the
    caller's transaction (never a password or a token)."""
    for org_id in await MfaRepository(session, user.id).org_ids():
        record(
            session,
            org_id=org_id,
            actor=actor,
            action=action,
            object_type=object_type,
            object_id=user.id,
            summary=f"{user.email}: {summary}",
            after=after,
            changes_data=False,
        )


# --- password reset (SECURITY.md A9) --------------------------------------------------


def reset_url(base_url: str, token: str) -> str:
    return f"{base_url.rstrip('/')}/reset-password?token={token}"


async def request_reset(db: Database, settings: Settings, email: str, client: str) -> bool:
    """Count a reset request per client (429 past the limit) and per address; True when a
    mail may be sent to the address (it may not exist: the caller cannot tell).

    The same statements run for every address; the lookup and the mail happen after the
    answer (``send_reset`` as a background task), so neither status, body nor timing tells
    whether the address has an account."""
    account = email.strip().lower()[:320]
    now = utcnow()
    window = settings.password_reset_window_seconds
    async with db.transaction() as session:
        per_client, client_since = await throttle.take(
            session, f"reset:client:{client[:64]}", window, now
        )
        per_address, _ = await throttle.take(session, f"reset:account:{account}", window, now)
    if per_client > settings.password_reset_client_attempts:
        raise TooManyRequests(throttle.retry_after(client_since, window, now))
    if per_address > settings.password_reset_address_limit:
        log.warning("password reset for %s not sent: too many requests for the address", account)
        return False
    return True


async def issue_reset(
    session: AsyncSession, settings: Settings, user: User, requested_by: str, base_url: str
) -> tuple[str, datetime]:
    """A new reset link for ``user`` (the older unused ones stop working); the mail is queued
    in this transaction when SMTP is configured. Returns the link and its expiry."""
    now = utcnow()
    token, digest = new_opaque_token(RESET_PREFIX)
    # superseded links are closed like used ones: only the newest link works
    await session.execute(
        update(PasswordReset)
        .where(col(PasswordReset.user_id) == user.id, col(PasswordReset.used_at).is_(None))
        .values(used_at=now)
    )
    reset = PasswordReset(
        user_id=user.id,
        token_hash=digest,
        requested_by=requested_by,
        created_at=now,
        expires_at=now + timedelta(minutes=settings.password_reset_minutes),
    )
    session.add(reset)
    link = reset_url(base_url, token)
    mailed = mail.enabled(settings)
    if mailed:
        mail.queue(
            session,
            settings,
            to=user.email,
            template="password_reset",
            context={
                "email": user.email,
                "link": link,
                "expires_at": f"{reset.expires_at:%Y-%m-%d %H:%M}",
            },
        )
    by_operator = requested_by == "operator"
    await log_security_event(
        session,
        user,
        Actor(id=None, name="operator (CLI)") if by_operator else user_actor(user),
        "auth.password_reset_requested",
        "password reset link issued" + (" by an operator" if by_operator else ""),
        after={"requested_by": requested_by, "mailed": mailed, "expires_at": reset.expires_at},
    )
    await session.flush()
    return link, reset.expires_at


async def send_reset(db: Database, settings: Settings, email: str, base_url: str) -> None:
    """The background part of a self-service request: a link mailed to an active account;
    nothing for an unknown or disabled address (logged only). Without SMTP nothing can
    reach the requester: the operator's ``certready users reset-password`` prints a link."""
    account = email.strip().lower()[:320]
    try:
        async with db.transaction() as session:
            user = (
                (await session.execute(select(User).where(col(User.email) == account)))
                .scalars()
                .first()
            )
            if user is None or not user.is_active:
                log.info("password reset for %s: no active account, nothing sent", account)
                return
            if not mail.enabled(settings):
                log.warning("password reset for %s: mail is not configured, nothing sent", account)
                return
            await issue_reset(session, settings, user, "self", base_url)
    except Exception:
        log.exception("password reset for %s failed", account)


async def confirm_reset(
    db: Database, settings: Settings, data: PasswordResetConfirm, client: str
) -> None:
    """Set a new password with a reset link: the link is used up, every session ends, in one
    transaction; of two concurrent uses of one link exactly one wins."""
    now = utcnow()
    window = settings.password_reset_window_seconds
    async with db.transaction() as session:
        attempts, since = await throttle.take(
            session, f"reset-confirm:client:{client[:64]}", window, now
        )
        row = (
            await session.execute(
                select(PasswordReset, User)
                .join(User, col(User.id) == PasswordReset.user_id)
                .where(col(PasswordReset.token_hash) == token_hash(data.token))
            )
        ).first()
    if attempts > settings.password_reset_confirm_attempts:
        raise TooManyRequests(throttle.retry_after(since, window, now))
    if row is None:
        raise ResetTokenInvalid
    reset, user = row
    if reset.used_at is not None or reset.expires_at <= now or not user.is_active:
        raise ResetTokenInvalid
    problems = password_problems(data.new_password, user.email, user.full_name)
    if problems:
        raise Unprocessable(" ".join(problems), loc=["body", "new_password"])
    pw_hash = await anyio.to_thread.run_sync(hash_password, settings, data.new_password)
    async with db.transaction() as session:
        claimed = cast(
            "CursorResult[Any]",
            await session.execute(
                update(PasswordReset)
                .where(
                    col(PasswordReset.id) == reset.id,
                    col(PasswordReset.used_at).is_(None),
                    col(PasswordReset.expires_at) > now,
                )
                .values(used_at=now)
            ),
        )
        if claimed.rowcount != 1:
            raise ResetTokenInvalid  # a concurrent use won; this transaction rolls back
        user = await session.merge(user)
        user.password_hash = pw_hash
        await revoke_all_sessions(session, user)
        await throttle.forget(session, throttle.account_key(user.email))
        await log_security_event(
            session,
            user,
            user_actor(user),
            "auth.password_reset",
            "password set with a reset link; every session ended",
            after={"requested_by": reset.requested_by},
        )
