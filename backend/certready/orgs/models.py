"""Organisations (tenants), memberships and per-organisation counters."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import String, UniqueConstraint, false
from sqlmodel import Field, SQLModel

from certready.db.base import IdMixin, TimestampMixin, Versioned, utc_field
from certready.orgs.enums import Role


class Organisation(IdMixin, TimestampMixin, Versioned, table=True):
    __tablename__ = "organisation"

    slug: str = Field(max_length=63, unique=True)
    name: str = Field(max_length=200)
    sms_scope: str = Field(default="", max_length=10000)
    target_certification_date: date | None = None
    certification_body: str = Field(default="", max_length=200)
    # Recorded once the Stage 2 audit has happened (readiness CERT/MAINT gates).
    certification_decision_date: date | None = None
    # Bumped once by every committed transaction that records activity in this
    # organisation (activity.service): the readiness cache keys on it.
    data_version: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    # Members must sign in with a second factor (TOTP); one without is made to enrol at
    # sign-in (issue 17). Set by an admin who has a factor, logged.
    require_mfa: bool = Field(default=False, sa_column_kwargs={"server_default": false()})


class Membership(Versioned, table=True):
    """A person's role in one organisation; its own session cut-off (revocation per membership)."""

    __tablename__ = "membership"
    __table_args__ = (UniqueConstraint("org_id", "user_id"),)

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    org_id: uuid.UUID = Field(foreign_key="organisation.id", index=True, ondelete="CASCADE")
    user_id: uuid.UUID = Field(foreign_key="user_account.id", index=True, ondelete="CASCADE")
    role: Role = Field(sa_type=String(32))
    created_at: datetime = utc_field()
    # Access tokens issued before this instant are refused in this organisation only (a role
    # change); removing the membership ends access to the organisation with the row.
    sessions_since: datetime | None = utc_field(default=None)
    # Designated top management (iso20000.md 6.6): approves the service management policy
    # (RDY-04) and chairs the management review. Set by an admin, logged.
    top_management: bool = Field(default=False, sa_column_kwargs={"server_default": false()})


class OrgCounter(SQLModel, table=True):
    """Per-organisation sequences for human keys (``F-12``, ``CM-7``)."""

    __tablename__ = "org_counter"

    org_id: uuid.UUID = Field(foreign_key="organisation.id", primary_key=True, ondelete="CASCADE")
    name: str = Field(max_length=32, primary_key=True)
    value: int = 0
