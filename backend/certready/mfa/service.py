"""The TOTP second factor (issue 17): enrolment, the sign-in step, recovery codes, reset.

Sign-in with a confirmed factor, or in an organisation that requires one, goes in two
steps: ``POST /auth/token`` answers a 403 ``mfa-required`` problem with a 5-minute
challenge token (its own ``typ`` and audience, J7), and ``POST /auth/mfa`` with that
challenge and a code returns the token pair. A person without a factor whose organisation
requires one gets a challenge for enrolment only (``/auth/mfa/enrol``). Wrong codes are
throttled like passwords (``auth.throttle``, per person and per client) and logged.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any

import anyio
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col, select

from certready.activity.service import record
from certready.auth import throttle
from certready.auth.models import RevokedAccessToken, User
from certready.auth.schemas import TokenPair
from certready.auth.service import issue_tokens, revoke_all_sessions
from certready.config import Settings
from certready.context import Actor, OrgContext
from certready.core.clock import utcnow
from certready.core.problems import Conflict, TooManyRequests, Unauthorized, Unprocessable
from certready.core.security import InvalidToken, MfaClaims, decode_mfa_token, verify_password
from certready.db.session import Database
from certready.integrations.secrets import decrypt, encrypt
from certready.mfa import totp
from certready.mfa.models import TotpFactor
from certready.mfa.repository import MfaRepository
from certready.mfa.schemas import (
    MfaEnrolConfirm,
    MfaEnrolled,
    MfaEnrolStart,
    MfaProof,
    MfaVerify,
    TotpEnrolment,
)
from certready.orgs.repository import MembershipRepository

CODE_WRONG = "The code is not right, or it was used already. Enter the current code."
CHALLENGE_INVALID = "The sign-in has expired. Sign in again."


def mfa_key(user_id: uuid.UUID) -> str:
    return f"mfa:{user_id}"


async def log_event(
    session: AsyncSession,
    user: User,
    actor: Actor,
    action: str,
    summary: str,
    after: Mapping[str, Any] | None = None,
) -> None:
    """A security event of the person, in the log of each organisation they belong to."""
    for org_id in await MfaRepository(session, user.id).org_ids():
        record(
            session,
            org_id=org_id,
            actor=actor,
            action=action,
            object_type="user",
            object_id=user.id,
            summary=f"{user.email}: {summary}",
            after=after,
            changes_data=False,
        )


def _actor(user: User) -> Actor:
    return Actor(id=user.id, name=user.full_name or user.email)


# --- enrolment ---------------------------------------------------------------------------


async def start_enrolment(session: AsyncSession, settings: Settings, user: User) -> TotpEnrolment:
    """A new secret (replacing an unconfirmed one); 409 while a factor is confirmed."""
    repo = MfaRepository(session, user.id)
    factor = await repo.factor(lock=True)
    if factor is not None and factor.confirmed_at is not None:
        raise Conflict("A second factor is already set up. Disable it first to enrol a new one.")
    secret = totp.new_secret()
    now = utcnow()
    if factor is None:
        session.add(
            TotpFactor(user_id=user.id, secret_encrypted=encrypt(settings, secret), created_at=now)
        )
    else:
        factor.secret_encrypted = encrypt(settings, secret)
        factor.created_at = now
        factor.last_counter = None
    await session.flush()
    uri = totp.otpauth_uri(secret, user.email)
    return TotpEnrolment(secret=secret, otpauth_uri=uri, qr_svg=totp.qr_svg_data_uri(uri))


async def confirm_enrolment(
    session: AsyncSession, settings: Settings, user: User, code: str, actor: Actor
) -> list[str]:
    """The first code proves the app has the secret: the factor counts from now on."""
    repo = MfaRepository(session, user.id)
    factor = await repo.factor(lock=True)
    if factor is None or factor.confirmed_at is not None:
        raise Conflict("There is no enrolment to confirm. Start the enrolment first.")
    now = utcnow()
    counter = totp.matching_counter(decrypt(settings, factor.secret_encrypted), code, now, None)
    if counter is None:
        raise Unprocessable(CODE_WRONG, loc=["body", "code"])
    factor.confirmed_at = now
    factor.last_counter = counter
    codes = totp.new_recovery_codes()
    await repo.replace_recovery_codes([totp.recovery_code_hash(c) for c in codes], now)
    await log_event(session, user, actor, "mfa.enrolled", "second factor (TOTP) enrolled")
    return codes


# --- proofs for disable / new recovery codes ---------------------------------------------


async def _throttled(db: Database, settings: Settings, user_id: uuid.UUID, client: str) -> None:
    """Count one attempt of a second-factor check (before it is made), like a password's."""
    now = utcnow()
    async with db.transaction() as writer:
        failures, since = await throttle.take(
            writer, mfa_key(user_id), settings.login_account_window_seconds, now
        )
        attempts, attempts_since = await throttle.take(
            writer, throttle.client_key(client[:64]), settings.login_client_window_seconds, now
        )
    if failures > settings.login_account_failures:
        window = settings.login_account_window_seconds
        raise TooManyRequests(throttle.retry_after(since, window, now))
    if attempts > settings.login_client_attempts:
        window = settings.login_client_window_seconds
        raise TooManyRequests(throttle.retry_after(attempts_since, window, now))


async def _check_proof(
    session: AsyncSession, settings: Settings, user: User, proof: MfaProof, client: str
) -> None:
    """A current code (spent: no replay) or the password; wrong ones are throttled and logged.

    The request's own session holds the write lock (SQLite), so the attempt is counted in it
    and, when the proof fails, committed with the failure's log entry before the 422/429:
    nothing else has been changed in the request by then."""
    if not proof.code and not proof.password:
        raise Unprocessable("Enter a current code or your password.", loc=["body", "code"])
    repo = MfaRepository(session, user.id)
    factor = await repo.factor(lock=True)
    if factor is None or factor.confirmed_at is None:
        raise Conflict("No second factor is set up.")
    now = utcnow()
    failures, since = await throttle.take(
        session, mfa_key(user.id), settings.login_account_window_seconds, now
    )
    attempts, attempts_since = await throttle.take(
        session, throttle.client_key(client[:64]), settings.login_client_window_seconds, now
    )
    if failures > settings.login_account_failures:
        await session.commit()
        raise TooManyRequests(
            throttle.retry_after(since, settings.login_account_window_seconds, now)
        )
    if attempts > settings.login_client_attempts:
        await session.commit()
        raise TooManyRequests(
            throttle.retry_after(attempts_since, settings.login_client_window_seconds, now)
        )
    ok = False
    if proof.code:
        secret = decrypt(settings, factor.secret_encrypted)
        counter = totp.matching_counter(secret, proof.code, now, factor.last_counter)
        ok = counter is not None and await repo.claim_counter(counter)
    elif proof.password:
        ok, _ = await anyio.to_thread.run_sync(
            verify_password, settings, proof.password, user.password_hash
        )
    if not ok:
        await log_event(session, user, _actor(user), "mfa.failure", "wrong second-factor proof")
        await session.commit()
        loc = ["body", "code" if proof.code else "password"]
        raise Unprocessable("The code or password is not right.", loc=loc)
    await throttle.forget(session, mfa_key(user.id))


async def disable(
    session: AsyncSession, settings: Settings, user: User, proof: MfaProof, client: str
) -> None:
    await _check_proof(session, settings, user, proof, client)
    await MfaRepository(session, user.id).remove()
    await log_event(session, user, _actor(user), "mfa.disabled", "second factor disabled")


async def renew_recovery_codes(
    session: AsyncSession, settings: Settings, user: User, proof: MfaProof, client: str
) -> list[str]:
    await _check_proof(session, settings, user, proof, client)
    codes = totp.new_recovery_codes()
    await MfaRepository(session, user.id).replace_recovery_codes(
        [totp.recovery_code_hash(c) for c in codes], utcnow()
    )
    await log_event(session, user, _actor(user), "mfa.recovery_codes_renewed", "new recovery codes")
    return codes


# --- admin reset -------------------------------------------------------------------------


async def reset_member(session: AsyncSession, ctx: OrgContext, user_id: uuid.UUID) -> None:
    """An admin removes a member's factor (lost phone): their sessions end; they re-enrol
    (at their next sign-in when an organisation of theirs requires a factor)."""
    _, user = await MembershipRepository(session, ctx.org_id).for_change_of(user_id)
    if not await MfaRepository(session, user.id).remove():
        raise Conflict(f"{user.email} has no second factor.")
    await revoke_all_sessions(session, user)
    await log_event(
        session,
        user,
        ctx.actor,
        "mfa.reset",
        f"second factor reset by {ctx.actor.name}",
        after={"reset_in": ctx.org.slug},
    )


# --- the sign-in step --------------------------------------------------------------------


def _challenge(settings: Settings, token: str, step: str) -> MfaClaims:
    try:
        claims = decode_mfa_token(settings, token)
    except InvalidToken as exc:
        raise Unauthorized(CHALLENGE_INVALID) from exc
    if claims.step != step:
        raise Unauthorized(CHALLENGE_INVALID)
    return claims


async def _challenged_user(session: AsyncSession, claims: MfaClaims) -> User | None:
    """The challenge's person while it still counts: active, same token version, unused."""
    user = await session.get(User, claims.user_id)
    if user is None or not user.is_active or user.token_version != claims.token_version:
        return None
    used = select(RevokedAccessToken.id).where(col(RevokedAccessToken.jti) == claims.jti)
    if (await session.execute(used)).first() is not None:
        return None
    return user


def _spend(session: AsyncSession, claims: MfaClaims) -> None:
    """A challenge completes one sign-in only."""
    session.add(RevokedAccessToken(jti=claims.jti, expires_at=claims.expires_at))


async def verify(db: Database, settings: Settings, data: MfaVerify, client: str) -> TokenPair:
    """The second step: a TOTP code (each accepted once) or an unused recovery code."""
    claims = _challenge(settings, data.mfa_token, "verify")
    if not data.code and not data.recovery_code:
        raise Unprocessable("Enter the code from your app or a recovery code.", loc=["body"])
    await _throttled(db, settings, claims.user_id, client)
    now = utcnow()
    async with db.transaction() as session:
        user = await _challenged_user(session, claims)
        if user is None:
            raise Unauthorized(CHALLENGE_INVALID)
        repo = MfaRepository(session, user.id)
        factor = await repo.factor()
        ok = False
        if factor is not None and factor.confirmed_at is not None:
            if data.code:
                secret = decrypt(settings, factor.secret_encrypted)
                counter = totp.matching_counter(secret, data.code, now, factor.last_counter)
                ok = counter is not None and await repo.claim_counter(counter)
            elif data.recovery_code:
                ok = await repo.use_recovery_code(totp.recovery_code_hash(data.recovery_code), now)
        if ok:
            _spend(session, claims)
            await throttle.forget(session, mfa_key(user.id))
            user.last_login_at = now
            if data.recovery_code and not data.code:
                left = await repo.recovery_codes_left()
                await log_event(
                    session,
                    user,
                    _actor(user),
                    "mfa.recovery_code_used",
                    f"signed in with a recovery code ({left} left)",
                    after={"recovery_codes_left": left},
                )
            tokens = await issue_tokens(session, settings, user)
    if not ok:
        async with db.transaction() as writer:
            user = await writer.get(User, claims.user_id)
            if user is not None:
                kind = "recovery code" if data.recovery_code and not data.code else "TOTP code"
                await log_event(writer, user, _actor(user), "mfa.failure", f"wrong {kind}")
        raise Unauthorized(CODE_WRONG)
    return tokens


async def enrol_start(db: Database, settings: Settings, data: MfaEnrolStart) -> TotpEnrolment:
    """Forced enrolment at sign-in (an organisation requires a factor): a new secret."""
    claims = _challenge(settings, data.mfa_token, "enrol")
    async with db.transaction() as session:
        user = await _challenged_user(session, claims)
        if user is None:
            raise Unauthorized(CHALLENGE_INVALID)
        return await start_enrolment(session, settings, user)


async def enrol_confirm(db: Database, settings: Settings, data: MfaEnrolConfirm) -> MfaEnrolled:
    """Forced enrolment's first code: the factor counts and the sign-in completes."""
    claims = _challenge(settings, data.mfa_token, "enrol")
    async with db.transaction() as session:
        user = await _challenged_user(session, claims)
        if user is None:
            raise Unauthorized(CHALLENGE_INVALID)
        codes = await confirm_enrolment(session, settings, user, data.code, _actor(user))
        _spend(session, claims)
        user.last_login_at = utcnow()
        tokens = await issue_tokens(session, settings, user)
    return MfaEnrolled(**tokens.model_dump(), recovery_codes=codes)
