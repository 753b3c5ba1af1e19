"""Users, refresh tokens, the access-token denylist and login attempts."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import Index
from sqlmodel import Field, SQLModel

from certready.db.base import IdMixin, TimestampMixin, UTCDateTime, utc_field


class User(IdMixin, TimestampMixin, table=True):
    __tablename__ = "user_account"

    email: str = Field(max_length=320, unique=True)
    full_name: str = Field(max_length=200)
    password_hash: str | None = Field(default=None, max_length=512)
    is_active: bool = True
    # Bumped on logout-all, password change, role change and disable (J9).
    token_version: int = 0
    last_login_at: datetime | None = utc_field(default=None)


class RefreshToken(IdMixin, table=True):
    """An opaque refresh token, stored hashed; rotation keeps one family (J8)."""

    __tablename__ = "refresh_token"

    user_id: uuid.UUID = Field(foreign_key="user_account.id", index=True, ondelete="CASCADE")
    family_id: uuid.UUID = Field(index=True)
    token_hash: str = Field(max_length=64, unique=True)
    created_at: datetime = utc_field()
    expires_at: datetime = utc_field()
    used_at: datetime | None = utc_field(default=None)
    revoked_at: datetime | None = utc_field(default=None)


class RevokedAccessToken(IdMixin, table=True):
    """Single-token logout: the access token's ``jti`` is refused until it expires."""

    __tablename__ = "revoked_access_token"

    jti: str = Field(max_length=64, unique=True)
    expires_at: datetime = utc_field()


class LoginAttempt(IdMixin, table=True):
    """One login attempt, for per-account and per-client throttling."""

    __tablename__ = "login_attempt"
    __table_args__ = (
        Index("ix_login_attempt_account_at", "account", "at"),
        Index("ix_login_attempt_client_at", "client", "at"),
    )

    account: str = Field(max_length=320)
    client: str = Field(max_length=64)
    at: datetime = Field(sa_type=UTCDateTime)
    success: bool = False


class LoginThrottle(SQLModel, table=True):
    """A fixed-window counter per account (failures) or per client (attempts).

    Incremented atomically (one upsert) *before* the password is checked, so a burst of
    concurrent attempts is checked exactly up to the limit on every database.
    """

    __tablename__ = "login_throttle"

    key: str = Field(primary_key=True, max_length=400)
    window_start: datetime = Field(sa_type=UTCDateTime)
    count: int = 0


class Installation(SQLModel, table=True):
    """The single row the first run claims (setup or demo): a concurrent first run gets 409."""

    __tablename__ = "installation"

    id: int = Field(default=1, primary_key=True, sa_column_kwargs={"autoincrement": False})
    kind: str = Field(max_length=16)
    created_at: datetime = utc_field()


class PasswordReset(IdMixin, table=True):
    """A one-time password-reset token (SECURITY.md A9), stored as its SHA-256 only."""

    __tablename__ = "password_reset"

    user_id: uuid.UUID = Field(foreign_key="user_account.id", index=True, ondelete="CASCADE")
    token_hash: str = Field(max_length=64, unique=True)
    # "self" (the person asked by e-mail) or "operator" (certready users reset-password)
    requested_by: str = Field(max_length=16)
    created_at: datetime = utc_field()
    expires_at: datetime = utc_field()
    used_at: datetime | None = utc_field(default=None)
