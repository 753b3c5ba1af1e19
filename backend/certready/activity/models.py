"""The append-only activity log: who changed what, when, before and after."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Index
from sqlmodel import Field

from certready.db.base import IdMixin, UTCDateTime


class ActivityEntry(IdMixin, table=True):
    __tablename__ = "activity_entry"
    __table_args__ = (
        Index("ix_activity_entry_org_at", "org_id", "at"),
        Index("ix_activity_entry_org_object", "org_id", "object_type", "object_id"),
    )

    org_id: uuid.UUID = Field(foreign_key="organisation.id", ondelete="RESTRICT")
    at: datetime = Field(sa_type=UTCDateTime)
    # The day the change says it happened, when a user stated one (a checklist line assessed
    # last spring); ``at`` is when it was recorded. Null: it happened when it was recorded.
    occurred_on: date | None = None
    actor_id: uuid.UUID | None = Field(default=None)
    actor_name: str = Field(max_length=200)
    action: str = Field(max_length=64)
    object_type: str = Field(max_length=64)
    object_id: str = Field(max_length=64)
    summary: str = Field(max_length=500)
    before: dict[str, Any] | None = Field(default=None, sa_type=JSON)
    after: dict[str, Any] | None = Field(default=None, sa_type=JSON)
