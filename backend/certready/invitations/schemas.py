from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, EmailStr, Field, StringConstraints

from certready.core.pagination import Page
from certready.invitations.enums import Delivery, InvitationStatus
from certready.orgs.enums import Role

Token = Annotated[str, StringConstraints(min_length=1, max_length=200)]
Name = Annotated[str, StringConstraints(min_length=1, max_length=200, strip_whitespace=True)]


class InvitationCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    email: EmailStr
    role: Role


class InvitationRead(BaseModel):
    """An invitation as its organisation's admins see it (never the token)."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    email: str
    role: Role
    status: InvitationStatus
    created_at: datetime
    expires_at: datetime


class InvitationCreated(InvitationRead):
    """The same answer whether or not the address has an account anywhere."""

    delivery: Delivery
    accept_url: str | None = Field(
        default=None,
        description="Only when no mail is configured (`delivery: link`), shown this once.",
    )


class InvitationPage(Page[InvitationRead]):
    pass


class InvitationToken(BaseModel):
    model_config = ConfigDict(extra="forbid")

    token: Token


class InvitationPreview(BaseModel):
    """What the holder of a valid link sees before accepting."""

    organisation_name: str
    email: str
    role: Role
    expires_at: datetime


class InvitationRegister(BaseModel):
    """A new account for the invited address: the person chooses their name and password."""

    model_config = ConfigDict(extra="forbid")

    token: Token
    full_name: Name
    password: str = Field(min_length=1, max_length=1024)


class InvitationAccepted(BaseModel):
    org_slug: str
    org_name: str
    role: Role
    email: str
