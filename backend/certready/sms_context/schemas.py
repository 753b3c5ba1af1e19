from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from certready.sms_context.enums import IssueKind, PartyKind

Text = Annotated[str, StringConstraints(min_length=1, max_length=5000, strip_whitespace=True)]
Name = Annotated[str, StringConstraints(min_length=1, max_length=300, strip_whitespace=True)]


class ContextCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    summary: str = Field(default="", max_length=20000)
    climate_change_relevant: bool | None = None
    climate_change_reasoning: str = Field(default="", max_length=10000)


class ContextUpdate(BaseModel):
    """A partial change; ``approved_on`` and ``reviewed_on`` are the dates these occurred."""

    model_config = ConfigDict(extra="forbid")

    summary: str | None = Field(default=None, max_length=20000)
    climate_change_relevant: bool | None = None
    climate_change_reasoning: str | None = Field(default=None, max_length=10000)
    approved_on: date | None = None
    reviewed_on: date | None = None


class IssueCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kind: IssueKind
    description: Text


class IssueUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kind: IssueKind | None = None
    description: Text | None = None
    active: bool | None = None


class IssueRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    kind: IssueKind
    description: str
    active: bool


class PartyCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: Name
    kind: PartyKind
    requirements: str = Field(default="", max_length=10000)
    relevant: bool = True


class PartyUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: Name | None = None
    kind: PartyKind | None = None
    requirements: str | None = Field(default=None, max_length=10000)
    relevant: bool | None = None


class PartyRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    name: str
    kind: PartyKind
    requirements: str
    relevant: bool


class ContextRead(BaseModel):
    id: uuid.UUID
    summary: str
    climate_change_relevant: bool | None
    climate_change_reasoning: str
    approved: bool
    approved_on: date | None
    approved_by_id: uuid.UUID | None
    reviewed_on: date | None
    issues: list[IssueRead]
    parties: list[PartyRead]
    version: int
    created_at: datetime
    updated_at: datetime
