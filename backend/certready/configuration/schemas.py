from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from certready.configuration.enums import CiStatus, VerificationResult
from certready.core.pagination import Page

# A CI key as CMDB exports carry them: letters, digits and . _ : / - (no spaces).
KEY_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._:/-]*$"
CiKey = Annotated[str, StringConstraints(min_length=1, max_length=64, pattern=KEY_PATTERN)]
Name = Annotated[str, StringConstraints(min_length=1, max_length=300, strip_whitespace=True)]
CiType = Annotated[str, StringConstraints(min_length=1, max_length=64, strip_whitespace=True)]
Notes = Annotated[str, StringConstraints(max_length=20000)]
SampleSize = Annotated[int, Field(ge=0, le=1_000_000)]
# The services an item supports (RDY-22); a CI rarely serves more than a few dozen.
MAX_SERVICES = 200


class CiFilters(BaseModel):
    model_config = ConfigDict(extra="forbid")

    status: CiStatus | None = None
    type: str | None = None
    owner_id: uuid.UUID | None = None
    service_id: uuid.UUID | None = None
    q: str | None = None


class CiCreate(BaseModel):
    """A configuration item; without ``key`` it gets the next free CI-<n>."""

    model_config = ConfigDict(extra="forbid")

    key: CiKey | None = None
    name: Name
    type: CiType
    status: CiStatus = CiStatus.active
    owner_id: uuid.UUID | None = None
    last_verified: date | None = None
    description: Notes = ""
    service_ids: list[uuid.UUID] = Field(
        default_factory=list,
        max_length=MAX_SERVICES,
        description="The organisation's services this item supports.",
    )


class CiUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    key: CiKey | None = None
    name: Name | None = None
    type: CiType | None = None
    status: CiStatus | None = None
    owner_id: uuid.UUID | None = None
    last_verified: date | None = None
    description: Notes | None = None
    service_ids: list[uuid.UUID] | None = Field(
        default=None, max_length=MAX_SERVICES, description="Replaces the services supported."
    )


class CiRead(BaseModel):
    id: uuid.UUID
    key: str = Field(examples=["CI-12"])
    name: str
    type: str
    status: CiStatus
    owner_id: uuid.UUID | None
    last_verified: date | None
    description: str
    service_ids: list[uuid.UUID]
    version: int
    created_at: datetime
    updated_at: datetime


class CiPage(Page[CiRead]):
    pass


class CiImportResult(BaseModel):
    """What an all-or-nothing CSV import stored."""

    created: int
    updated: int
    rows: int


class VerificationCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    verified_on: date = Field(description="The day the records were checked (not in the future).")
    sample_size: SampleSize
    result: VerificationResult
    notes: Notes = ""
    evidence_item_id: uuid.UUID | None = None


class VerificationUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    verified_on: date | None = None
    sample_size: SampleSize | None = None
    result: VerificationResult | None = None
    notes: Notes | None = None
    evidence_item_id: uuid.UUID | None = None


class VerificationRead(BaseModel):
    id: uuid.UUID
    key: str = Field(examples=["CV-1"])
    verified_on: date
    sample_size: int
    result: VerificationResult
    notes: str
    evidence_item_id: uuid.UUID | None
    recorded_by_id: uuid.UUID | None
    version: int
    created_at: datetime
    updated_at: datetime


class VerificationPage(Page[VerificationRead]):
    pass
