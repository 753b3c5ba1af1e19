"""Single sign-on (issue 17): organisations' SSO settings, linked identities, started logins."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import JSON, String, UniqueConstraint
from sqlmodel import Field, SQLModel

from certready.db.base import IdMixin, utc_field
from certready.orgs.enums import Role


class OrgSso(SQLModel, table=True):
    """An organisation's single sign-on: which deployment provider signs its people in, the
    role of a person who arrives by it without a membership (null: nobody joins that way)
    and the role mapping from the provider's role claim."""

    __tablename__ = "org_sso"

    org_id: uuid.UUID = Field(foreign_key="organisation.id", primary_key=True, ondelete="CASCADE")
    provider_id: str = Field(max_length=63)
    default_role: Role | None = Field(default=None, sa_type=String(32))
    # claim value -> role, e.g. {"certready-auditors": "auditor"}
    role_mapping: dict[str, str] = Field(default_factory=dict, sa_type=JSON)
    updated_at: datetime = utc_field()


class SsoDomain(SQLModel, table=True):
    """An e-mail domain an organisation claims for its single sign-on; one organisation
    per domain (the primary key), so two organisations never compete for a person."""

    __tablename__ = "sso_domain"

    domain: str = Field(primary_key=True, max_length=253)
    org_id: uuid.UUID = Field(foreign_key="organisation.id", index=True, ondelete="CASCADE")


class OidcIdentity(IdMixin, table=True):
    """A person at a provider (its ``sub``) linked to one of our users."""

    __tablename__ = "oidc_identity"
    __table_args__ = (UniqueConstraint("provider_id", "subject"),)

    provider_id: str = Field(max_length=63)
    subject: str = Field(max_length=255)
    user_id: uuid.UUID = Field(foreign_key="user_account.id", index=True, ondelete="CASCADE")
    email: str = Field(max_length=320)
    created_at: datetime = utc_field()
    last_login_at: datetime | None = utc_field(default=None)


class OidcLogin(IdMixin, table=True):
    """A started login: the ``state`` (hashed), the browser it started in (the hash of a
    cookie), the ``nonce`` and PKCE verifier; single use. After a good callback it carries
    the one-time code (hashed) the SPA exchanges for our token pair, also single use."""

    __tablename__ = "oidc_login"

    provider_id: str = Field(max_length=63)
    state_hash: str = Field(max_length=64, unique=True)
    browser_hash: str = Field(max_length=64)
    nonce: str = Field(max_length=128)
    code_verifier: str = Field(max_length=128)
    redirect_uri: str = Field(max_length=2000)
    created_at: datetime = utc_field()
    expires_at: datetime = utc_field()
    used_at: datetime | None = utc_field(default=None)
    handoff_hash: str | None = Field(default=None, max_length=64, unique=True)
    user_id: uuid.UUID | None = Field(
        default=None, foreign_key="user_account.id", ondelete="CASCADE"
    )
    handoff_used_at: datetime | None = utc_field(default=None)
