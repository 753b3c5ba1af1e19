"""Invitations: an organisation's offer of a role to an e-mail address (issue 11)."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import Index, String
from sqlmodel import Field

from certready.db.base import IdMixin, utc_field
from certready.invitations.enums import InvitationStatus
from certready.orgs.enums import Role


class Invitation(IdMixin, table=True):
    """One invitation; only the SHA-256 of its one-time token is stored."""

    __tablename__ = "invitation"
    __table_args__ = (Index("ix_invitation_org_email", "org_id", "email"),)

    org_id: uuid.UUID = Field(foreign_key="organisation.id", index=True, ondelete="CASCADE")
    email: str = Field(max_length=320)
    role: Role = Field(sa_type=String(32))
    token_hash: str = Field(max_length=64, unique=True)
    status: InvitationStatus = Field(sa_type=String(16), default=InvitationStatus.pending)
    invited_by: uuid.UUID | None = Field(
        default=None, foreign_key="user_account.id", ondelete="SET NULL"
    )
    created_at: datetime = utc_field()
    expires_at: datetime = utc_field()
    # when it was accepted, revoked or superseded
    closed_at: datetime | None = utc_field(default=None)
    accepted_by: uuid.UUID | None = Field(
        default=None, foreign_key="user_account.id", ondelete="SET NULL"
    )
