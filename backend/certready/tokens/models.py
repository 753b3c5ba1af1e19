"""API tokens: only the SHA-256 of the secret is stored (SECURITY.md J12, A8)."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import JSON
from sqlmodel import Field

from certready.db.base import IdMixin, utc_field


class ApiToken(IdMixin, table=True):
    __tablename__ = "api_token"

    org_id: uuid.UUID = Field(foreign_key="organisation.id", index=True, ondelete="CASCADE")
    name: str = Field(max_length=100)
    token_hash: str = Field(max_length=64, unique=True)
    # The first characters of the secret, so people can tell their tokens apart.
    hint: str = Field(max_length=16)
    scopes: list[str] = Field(default_factory=list, sa_type=JSON)
    # The token acts with this member's current role in the organisation.
    created_by: uuid.UUID = Field(foreign_key="user_account.id", index=True, ondelete="CASCADE")
    created_at: datetime = utc_field()
    expires_at: datetime = utc_field()
    last_used_at: datetime | None = utc_field(default=None)
    revoked_at: datetime | None = utc_field(default=None)
    revoked_by: uuid.UUID | None = Field(
        default=None, foreign_key="user_account.id", ondelete="SET NULL"
    )
