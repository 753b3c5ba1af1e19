from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from certready.core.pagination import Page


class ActivityFilters(BaseModel):
    model_config = ConfigDict(extra="forbid")

    object_type: str | None = None
    object_id: str | None = None
    actor_id: uuid.UUID | None = None
    action: str | None = None


class ActivityRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    at: datetime
    occurred_on: date | None = Field(
        description="The day the change says it happened (a past event stated by the user); "
        "`at` is when it was recorded."
    )
    actor_id: uuid.UUID | None
    actor_name: str
    action: str
    object_type: str
    object_id: str
    summary: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None


class ActivityPage(Page[ActivityRead]):
    pass
