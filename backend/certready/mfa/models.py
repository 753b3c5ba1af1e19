"""A person's second factor (TOTP, RFC 6238) and their single-use recovery codes (issue 17)."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from certready.db.base import IdMixin, utc_field


class TotpFactor(SQLModel, table=True):
    """One per person: the confirmed secret, or one being enrolled (``confirmed_at`` null).

    The secret is encrypted with the deployment's key (as integration secrets are): the
    server must compute the code, so it cannot be hashed. ``last_counter`` is the time step
    of the last accepted code: a code is accepted once only (no replay in its window).
    """

    __tablename__ = "totp_factor"

    user_id: uuid.UUID = Field(foreign_key="user_account.id", primary_key=True, ondelete="CASCADE")
    secret_encrypted: str = Field(max_length=512)
    created_at: datetime = utc_field()
    confirmed_at: datetime | None = utc_field(default=None)
    last_counter: int | None = None


class RecoveryCode(IdMixin, table=True):
    """A single-use recovery code, stored as its SHA-256 (shown once, when generated)."""

    __tablename__ = "recovery_code"
    __table_args__ = (UniqueConstraint("user_id", "code_hash"),)

    user_id: uuid.UUID = Field(foreign_key="user_account.id", index=True, ondelete="CASCADE")
    code_hash: str = Field(max_length=64)
    created_at: datetime = utc_field()
    used_at: datetime | None = utc_field(default=None)
