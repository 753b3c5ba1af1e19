from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from certready.core.pagination import Page
from certready.orgs.enums import Role

Slug = Annotated[
    str,
    StringConstraints(min_length=2, max_length=63, pattern=r"^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$"),
]
Name = Annotated[str, StringConstraints(min_length=1, max_length=200, strip_whitespace=True)]


class OrgCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: Name
    slug: Slug


class OrgUpdate(BaseModel):
    """Fields an admin may change; anything else is refused (SECURITY.md Z4)."""

    model_config = ConfigDict(extra="forbid")

    name: Name | None = None
    sms_scope: str | None = Field(default=None, max_length=10000)
    target_certification_date: date | None = None
    certification_body: str | None = Field(default=None, max_length=200)
    certification_decision_date: date | None = None
    require_mfa: bool | None = Field(
        default=None,
        description="Members must sign in with a second factor (TOTP); those without one "
        "enrol at their next sign-in. Turning it on needs a factor of your own.",
    )


class OrgRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    slug: str
    name: str
    sms_scope: str
    target_certification_date: date | None
    certification_body: str
    certification_decision_date: date | None
    require_mfa: bool
    version: int
    created_at: datetime
    updated_at: datetime


class OrgPage(Page[OrgRead]):
    pass


class MemberUpdate(BaseModel):
    """A role change (no If-Match needed) and/or the top management designation (If-Match
    with the member's ``version`` as ETag)."""

    model_config = ConfigDict(extra="forbid")

    role: Role | None = None
    top_management: bool | None = None


class MemberRead(BaseModel):
    user_id: uuid.UUID
    email: str
    full_name: str
    role: Role
    # Designated top management (approves the policy, chairs the management review).
    top_management: bool
    is_active: bool
    mfa_enabled: bool = Field(description="The member has a confirmed second factor (TOTP).")
    created_at: datetime
    # The membership's ETag (``"<version>"``) for If-Match on PATCH.
    version: int


class MemberPage(Page[MemberRead]):
    pass
