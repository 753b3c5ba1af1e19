from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from certready.core.pagination import Page
from certready.tokens.enums import TokenScope

TokenName = Annotated[str, StringConstraints(min_length=1, max_length=100, strip_whitespace=True)]
MAX_DAYS = 365
DEFAULT_DAYS = 90


class ApiTokenCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: TokenName = Field(examples=["CI evidence upload"])
    scopes: list[TokenScope] = Field(min_length=1, max_length=len(TokenScope))
    expires_in_days: int = Field(default=DEFAULT_DAYS, ge=1, le=MAX_DAYS)


class ApiTokenRead(BaseModel):
    id: uuid.UUID
    name: str
    hint: str = Field(description="The first characters of the secret.", examples=["crt_Xy3k"])
    scopes: list[TokenScope]
    created_by: uuid.UUID
    created_at: datetime
    expires_at: datetime
    last_used_at: datetime | None
    revoked_at: datetime | None
    active: bool


class ApiTokenCreated(ApiTokenRead):
    secret: str = Field(
        description="The token. Shown only in this response; only its hash is stored."
    )


class ApiTokenPage(Page[ApiTokenRead]):
    pass


class CurrentTokenRead(BaseModel):
    """What the API token making the call may do, and where (for scripts and the CLI)."""

    id: uuid.UUID
    name: str
    org_id: uuid.UUID
    org_slug: str
    scopes: list[TokenScope]
    role: str
    expires_at: datetime
