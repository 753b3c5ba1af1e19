"""Security primitives in one home (SECURITY.md J1-J12).

This is the only module that imports ``jose``. Access tokens are HS256 JWTs
with every registered claim required; refresh and API tokens are opaque
random strings stored as SHA-256 hashes.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import unicodedata
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache
from importlib import resources
from typing import Any

from jose import JWTError, jwt
from jose.exceptions import JOSEError
from pwdlib import PasswordHash
from pwdlib.hashers.argon2 import Argon2Hasher

from certready.config import Settings
from certready.core.clock import utcnow

ALGORITHM = "HS256"
ALGORITHMS = [ALGORITHM]  # a one-element list: never header-chosen (J3)
MAX_TOKEN_LENGTH = 4096
LEEWAY_SECONDS = 10
ACCESS = "access"
# The sign-in challenge after a correct password when a second factor is due (issue 17):
# its own ``typ`` and audience, so neither token is accepted in place of the other (J7).
MFA = "mfa"
MFA_TOKEN_MINUTES = 5
PASSWORD_MIN = 8
PASSWORD_MAX = 1024
REFRESH_PREFIX = "crr_"
API_TOKEN_PREFIX = "crt_"  # noqa: S105 - public prefix for secret scanners
PRODUCT_WORDS = frozenset({"certready", "iso20000", "iso 20000", "servicemanagement"})


class InvalidToken(Exception):
    """Any reason a bearer token is not accepted; callers answer a plain 401 (J11)."""


@dataclass(frozen=True)
class AccessClaims:
    user_id: uuid.UUID
    token_version: int
    jti: str
    expires_at: datetime
    # the refresh-token family (login session) the token was issued to
    session_id: uuid.UUID
    issued_at: datetime | None = None


# --- passwords ---------------------------------------------------------------


@lru_cache(maxsize=4)
def _hasher(time_cost: int, memory_cost: int, parallelism: int) -> PasswordHash:
    return PasswordHash(
        (Argon2Hasher(time_cost=time_cost, memory_cost=memory_cost, parallelism=parallelism),)
    )


def password_hasher(settings: Settings) -> PasswordHash:
    return _hasher(
        settings.argon2_time_cost, settings.argon2_memory_cost, settings.argon2_parallelism
    )


@lru_cache(maxsize=4)
def _dummy_hash(time_cost: int, memory_cost: int, parallelism: int) -> str:
    return _hasher(time_cost, memory_cost, parallelism).hash(secrets.token_urlsafe(16))


def hash_password(settings: Settings, password: str) -> str:
    return password_hasher(settings).hash(password)


def verify_password(
    settings: Settings, password: str, stored_hash: str | None
) -> tuple[bool, str | None]:
    """Verify and, when parameters are outdated, return a new hash to store.

    Unknown users are checked against a dummy hash so timing does not reveal
    whether the account exists.
    """
    hasher = password_hasher(settings)
    if stored_hash is None:
        hasher.verify(
            password,
            _dummy_hash(
                settings.argon2_time_cost, settings.argon2_memory_cost, settings.argon2_parallelism
            ),
        )
        return False, None
    return hasher.verify_and_update(password, stored_hash)


@lru_cache(maxsize=1)
def _common_passwords() -> frozenset[str]:
    text = resources.files("certready.core").joinpath("data/common_passwords.txt").read_text()
    return frozenset(
        line.strip() for line in text.splitlines() if line and not line.startswith("#")
    )


def password_problems(password: str, *context: str) -> list[str]:
    """Rules of SECURITY.md 2.2: length 8..1024, not common, not a context word."""
    problems = []
    normalised = unicodedata.normalize("NFKC", password)
    if len(normalised) < PASSWORD_MIN:
        problems.append(f"Use at least {PASSWORD_MIN} characters.")
    if len(normalised) > PASSWORD_MAX:
        problems.append(f"Use at most {PASSWORD_MAX} characters.")
    lowered = normalised.lower()
    if lowered in _common_passwords():
        problems.append("This password is too common.")
    words = {w.lower() for w in context if w and len(w) >= 4} | PRODUCT_WORDS
    words |= {w.split("@")[0] for w in words if "@" in w}
    if any(
        lowered == w or (len(w) >= 4 and w in lowered and len(lowered) - len(w) < 4) for w in words
    ):
        problems.append("Do not base the password on your name, e-mail or the product name.")
    return problems


# --- access tokens (JWT) -----------------------------------------------------


def create_access_token(
    settings: Settings, user_id: uuid.UUID, token_version: int, session_id: uuid.UUID
) -> tuple[str, int]:
    now = utcnow()
    lifetime = timedelta(minutes=settings.access_token_minutes)
    claims = {
        "sub": str(user_id),
        "iss": settings.jwt_issuer,
        "aud": settings.jwt_audience,
        "iat": int(now.timestamp()),
        "nbf": int(now.timestamp()),
        "exp": int((now + lifetime).timestamp()),
        "jti": uuid.uuid4().hex,
        "typ": ACCESS,
        "tv": token_version,
        "sid": str(session_id),
        # issued-at in milliseconds: per-membership revocation compares it (api/deps.py)
        "iat_ms": int(now.timestamp() * 1000),
    }
    token = jwt.encode(claims, settings.jwt_secret(), algorithm=ALGORITHM, headers={"typ": "JWT"})
    return token, int(lifetime.total_seconds())


def _issued_at(claims: dict[str, Any]) -> datetime:
    """When the token was issued, to the millisecond when it says so (else ``iat``)."""
    ms = claims.get("iat_ms")
    if isinstance(ms, int) and abs(ms // 1000 - int(claims["iat"])) <= 1:
        return datetime.fromtimestamp(ms / 1000, tz=utcnow().tzinfo)
    return datetime.fromtimestamp(int(claims["iat"]), tz=utcnow().tzinfo)


def decode_access_token(settings: Settings, token: str) -> AccessClaims:
    claims = _decode(settings, token, settings.jwt_audience)
    if (
        utcnow().timestamp() - int(claims["iat"])
        > settings.access_token_minutes * 60 + LEEWAY_SECONDS
    ):
        raise InvalidToken("older than the maximum lifetime")
    if claims.get("typ") != ACCESS or not isinstance(claims.get("tv"), int):
        raise InvalidToken("token type")
    if not isinstance(claims.get("sub"), str) or not isinstance(claims.get("sid"), str):
        raise InvalidToken("sub or sid")
    try:
        user_id = uuid.UUID(claims["sub"])
        session_id = uuid.UUID(claims["sid"])
    except ValueError as exc:
        raise InvalidToken("sub or sid") from exc
    return AccessClaims(
        user_id=user_id,
        token_version=int(claims["tv"]),
        jti=str(claims["jti"]),
        expires_at=datetime.fromtimestamp(int(claims["exp"]), tz=utcnow().tzinfo),
        session_id=session_id,
        issued_at=_issued_at(claims),
    )


@dataclass(frozen=True)
class MfaClaims:
    user_id: uuid.UUID
    token_version: int
    jti: str
    expires_at: datetime
    # "verify": a code or a recovery code completes the sign-in; "enrol": only enrolment
    step: str


def mfa_audience(settings: Settings) -> str:
    return f"{settings.jwt_audience}:mfa"


def create_mfa_token(
    settings: Settings, user_id: uuid.UUID, token_version: int, step: str
) -> tuple[str, int]:
    """A short-lived challenge: proves the password was right, grants nothing else."""
    now = utcnow()
    lifetime = timedelta(minutes=MFA_TOKEN_MINUTES)
    claims = {
        "sub": str(user_id),
        "iss": settings.jwt_issuer,
        "aud": mfa_audience(settings),
        "iat": int(now.timestamp()),
        "nbf": int(now.timestamp()),
        "exp": int((now + lifetime).timestamp()),
        "jti": uuid.uuid4().hex,
        "typ": MFA,
        "tv": token_version,
        "step": step,
    }
    token = jwt.encode(claims, settings.jwt_secret(), algorithm=ALGORITHM, headers={"typ": "JWT"})
    return token, int(lifetime.total_seconds())


def _decode(
    settings: Settings, token: str, audience: str, leeway: int = LEEWAY_SECONDS
) -> dict[str, Any]:
    """Header checks (J4), signature and the required claims (J6) for one audience; every
    token type (access, MFA challenge, download ticket) is decoded here."""
    if not token or len(token) > MAX_TOKEN_LENGTH:
        raise InvalidToken("token length")
    try:
        header = jwt.get_unverified_header(token)
        # J4: check the header ourselves before anything else
        if header.get("alg") != ALGORITHM or header.get("typ") != "JWT":
            raise InvalidToken("header")
        if {"jku", "x5u", "jwk", "x5c", "crit"} & set(header):
            raise InvalidToken("header members")
        claims: dict[str, Any] = jwt.decode(
            token,
            settings.jwt_secret(),
            algorithms=ALGORITHMS,
            audience=audience,
            issuer=settings.jwt_issuer,
            options={
                "require_exp": True,
                "require_iat": True,
                "require_sub": True,
                "require_aud": True,
                "require_iss": True,
                "require_jti": True,
                "leeway": leeway,
            },
        )
    except (JWTError, JOSEError, ValueError, TypeError) as exc:
        raise InvalidToken(type(exc).__name__) from exc
    if "aud" not in claims:  # jose skips the audience check when the claim is absent
        raise InvalidToken("aud")
    iat = claims.get("iat")
    if not isinstance(iat, int) or iat > utcnow().timestamp() + LEEWAY_SECONDS:
        raise InvalidToken("iat in the future")
    return claims


def decode_mfa_token(settings: Settings, token: str) -> MfaClaims:
    claims = _decode(settings, token, mfa_audience(settings))
    if utcnow().timestamp() - int(claims["iat"]) > MFA_TOKEN_MINUTES * 60 + LEEWAY_SECONDS:
        raise InvalidToken("older than the maximum lifetime")
    if claims.get("typ") != MFA or not isinstance(claims.get("tv"), int):
        raise InvalidToken("token type")
    if claims.get("step") not in ("verify", "enrol") or not isinstance(claims.get("sub"), str):
        raise InvalidToken("step or sub")
    try:
        user_id = uuid.UUID(claims["sub"])
    except ValueError as exc:
        raise InvalidToken("sub") from exc
    return MfaClaims(
        user_id=user_id,
        token_version=int(claims["tv"]),
        jti=str(claims["jti"]),
        expires_at=datetime.fromtimestamp(int(claims["exp"]), tz=utcnow().tzinfo),
        step=str(claims["step"]),
    )


# --- opaque tokens -----------------------------------------------------------


def new_opaque_token(prefix: str) -> tuple[str, str]:
    """A recognisable random secret (256 bits) and the SHA-256 hash to store (J8, J12)."""
    secret = prefix + secrets.token_urlsafe(32)
    return secret, token_hash(secret)


def token_hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def constant_time_equals(a: str, b: str) -> bool:
    return hmac.compare_digest(a.encode(), b.encode())


# --- download tickets (JWT) ----------------------------------------------------
# A browser downloads a file by navigating to its URL, which cannot carry the bearer token:
# a ticket is a JWT of its own type and audience (J7), valid for one URL (path and query,
# ``dl``), one user and at most a minute, used once (its ``jti`` then goes on the denylist).

DOWNLOAD = "download"
DOWNLOAD_SECONDS = 60


@dataclass(frozen=True)
class DownloadClaims:
    user_id: uuid.UUID
    token_version: int
    jti: str
    expires_at: datetime
    issued_at: datetime
    target: str


def download_audience(settings: Settings) -> str:
    return f"{settings.jwt_audience}:{DOWNLOAD}"


def create_download_ticket(
    settings: Settings,
    user_id: uuid.UUID,
    token_version: int,
    target: str,
    lifetime: timedelta = timedelta(seconds=DOWNLOAD_SECONDS),
    now: datetime | None = None,
) -> tuple[str, datetime]:
    """A ticket for ``target`` (the canonical path and query) and when it expires."""
    now = now or utcnow()
    expires = now + min(lifetime, timedelta(seconds=DOWNLOAD_SECONDS))
    claims = {
        "sub": str(user_id),
        "iss": settings.jwt_issuer,
        "aud": download_audience(settings),
        "iat": int(now.timestamp()),
        "nbf": int(now.timestamp()),
        "exp": int(expires.timestamp()),
        "jti": uuid.uuid4().hex,
        "typ": DOWNLOAD,
        "tv": token_version,
        "dl": target,
    }
    token = jwt.encode(claims, settings.jwt_secret(), algorithm=ALGORITHM, headers={"typ": "JWT"})
    return token, datetime.fromtimestamp(int(expires.timestamp()), tz=utcnow().tzinfo)


def decode_download_ticket(settings: Settings, token: str) -> DownloadClaims:
    """The ticket's claims, every check of an access token applied with its own type and
    audience; anything wrong is ``InvalidToken`` (one 401, J11)."""
    claims = _decode(settings, token, download_audience(settings), leeway=0)
    iat = int(claims["iat"])
    if utcnow().timestamp() - iat > DOWNLOAD_SECONDS:
        raise InvalidToken("older than the maximum lifetime")
    if claims.get("typ") != DOWNLOAD or not isinstance(claims.get("tv"), int):
        raise InvalidToken("token type")
    if not isinstance(claims.get("dl"), str):
        raise InvalidToken("dl")
    try:
        user_id = uuid.UUID(str(claims.get("sub")))
    except ValueError as exc:
        raise InvalidToken("sub") from exc
    return DownloadClaims(
        user_id=user_id,
        token_version=int(claims["tv"]),
        jti=str(claims["jti"]),
        expires_at=datetime.fromtimestamp(int(claims["exp"]), tz=utcnow().tzinfo),
        issued_at=datetime.fromtimestamp(iat, tz=utcnow().tzinfo),
        target=str(claims["dl"]),
    )
