from __future__ import annotations

import uuid
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, EmailStr, Field

from certready.orgs.enums import Role
from certready.orgs.permissions import Action
from certready.orgs.schemas import Name, OrgCreate, OrgRead


class TokenPair(BaseModel):
    access_token: str
    refresh_token: str
    token_type: Literal["bearer"] = "bearer"  # noqa: S105 - OAuth2 token type, not a secret
    expires_in: int = Field(description="Access-token lifetime in seconds.")


class RefreshRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    refresh_token: str = Field(max_length=256)


class LogoutRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    refresh_token: str | None = Field(default=None, max_length=256)
    all: bool = Field(default=False, description="End every session of this user.")


class PasswordChange(BaseModel):
    model_config = ConfigDict(extra="forbid")

    current_password: str = Field(max_length=1024)
    new_password: str = Field(max_length=1024)


class PasswordResetRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    email: str = Field(max_length=320, description="The account's e-mail address.")


class PasswordResetConfirm(BaseModel):
    model_config = ConfigDict(extra="forbid")

    token: str = Field(max_length=256, description="The token from the reset link.")
    new_password: str = Field(max_length=1024)


class PasswordResetAccepted(BaseModel):
    detail: str = Field(
        description="The same text for every address: whether it has an account is not told."
    )


class MembershipRead(BaseModel):
    org_id: uuid.UUID
    org_slug: str
    org_name: str
    role: Role
    permissions: list[Action] = Field(
        description="What the role allows in this organisation, from the permission table "
        "(sorted); the SPA shows or hides actions by it, the API still checks every call."
    )


class UserRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    email: str
    full_name: str


class MfaStatus(BaseModel):
    """The caller's second factor (issue 17)."""

    totp_enabled: bool = Field(description="A TOTP factor is confirmed: sign-in asks for a code.")
    enrolled_at: datetime | None
    recovery_codes_left: int = Field(description="Unused recovery codes (0 when none).")
    required_by: list[str] = Field(
        description="Slugs of the caller's organisations that require a second factor."
    )


class MeRead(UserRead):
    memberships: list[MembershipRead]
    mfa: MfaStatus


class AdminCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    email: EmailStr
    full_name: Name
    password: str = Field(max_length=1024)


class SetupRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    organisation: OrgCreate
    admin: AdminCreate


class SetupStatus(BaseModel):
    needed: bool


class SetupResult(BaseModel):
    organisation: OrgRead
    user: UserRead
