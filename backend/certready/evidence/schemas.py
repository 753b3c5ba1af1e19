from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated, Self

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from certready.core.pagination import Page
from certready.evidence.enums import (
    SOURCE_PATTERN,
    EvidenceKind,
    EvidenceStatus,
    IntegrityStatus,
)
from certready.requirements.catalogue.loader import REF_PATTERN

Title = Annotated[str, StringConstraints(min_length=1, max_length=200, strip_whitespace=True)]
Tag = Annotated[str, StringConstraints(min_length=1, max_length=50, strip_whitespace=True)]
Ref = Annotated[str, StringConstraints(pattern=REF_PATTERN, max_length=32)]
DI_KEY_PATTERN = r"^[A-Za-z0-9._-]{1,16}$"
DocumentKey = Annotated[str, StringConstraints(pattern=DI_KEY_PATTERN)]
Source = Annotated[str, StringConstraints(pattern=SOURCE_PATTERN)]


def _check_dates(effective: date | None, valid_until: date | None) -> None:
    if effective and valid_until and valid_until < effective:
        raise ValueError("valid_until must not be before effective_date")


class EvidenceCreate(BaseModel):
    """A new evidence item; a file, if any, comes with it (multipart or raw upload)."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "title": "Change management procedure v2.1",
                    "kind": "procedure",
                    "source": "api",
                    "external_ref": "https://git.example.com/sms/docs/-/tags/v2.1",
                    "owner_id": "3f6c2a8e-5b1d-4c7e-9a2f-1d8e4b6c0a11",
                    "effective_date": "2027-01-15",
                    "valid_until": "2028-01-15",
                    "tags": ["change"],
                    "requirement_refs": ["8.5.1"],
                    "documented_information_keys": [],
                }
            ]
        },
    )

    title: Title
    description: str = Field(default="", max_length=10000)
    kind: EvidenceKind
    source: Source = Field(default="api", examples=["cli", "integration:jira"])
    external_ref: str = Field(
        default="",
        max_length=500,
        description="Ticket key or CI run URL the evidence comes from.",
    )
    owner_id: uuid.UUID | None = None
    effective_date: date | None = None
    valid_until: date | None = Field(default=None, description="Review or expiry date.")
    tags: list[Tag] = Field(default_factory=list, max_length=20)
    requirement_refs: list[Ref] = Field(default_factory=list, max_length=200)
    documented_information_keys: list[DocumentKey] = Field(
        default_factory=list,
        max_length=50,
        description="Keys of the mandatory documents / records it fulfils (D1, R3, ...).",
    )

    @model_validator(mode="after")
    def _dates(self) -> Self:
        _check_dates(self.effective_date, self.valid_until)
        return self


class EvidenceUpdate(BaseModel):
    """Metadata an editor may change; files change only by adding versions."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "title": "Change management procedure v2.2",
                    "valid_until": "2028-06-30",
                    "tags": ["change", "cab"],
                }
            ]
        },
    )

    title: Title | None = None
    description: str | None = Field(default=None, max_length=10000)
    kind: EvidenceKind | None = None
    external_ref: str | None = Field(default=None, max_length=500)
    owner_id: uuid.UUID | None = None
    effective_date: date | None = None
    valid_until: date | None = None
    tags: list[Tag] | None = Field(default=None, max_length=20)


class EvidenceVersionRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    evidence_id: uuid.UUID
    number: int
    sha256: str
    size: int
    media_type: str
    filename: str
    uploaded_by: uuid.UUID | None
    uploaded_at: datetime


class EvidenceVersionPage(Page[EvidenceVersionRead]):
    pass


class EvidenceRead(BaseModel):
    id: uuid.UUID
    key: str = Field(examples=["E-12"])
    title: str
    description: str
    kind: EvidenceKind
    source: str
    external_ref: str
    owner_id: uuid.UUID | None
    effective_date: date | None
    valid_until: date | None
    tags: list[str]
    status: EvidenceStatus
    allowed_transitions: list[EvidenceStatus]
    expired: bool = Field(description="Approved, but past its valid_until date.")
    archived: bool
    archived_at: datetime | None
    approved_by: uuid.UUID | None
    approved_at: datetime | None = Field(description="When the approval was recorded.")
    approved_on: date | None = Field(description="The day it was approved (as stated).")
    requirement_refs: list[str]
    documented_information_keys: list[str]
    current_version: EvidenceVersionRead | None
    version_count: int
    created_by: uuid.UUID | None
    created_at: datetime
    updated_at: datetime
    revision: int = Field(description="Changes with every metadata change (the ETag).")


class EvidencePage(Page[EvidenceRead]):
    pass


class EvidenceTransition(BaseModel):
    model_config = ConfigDict(extra="forbid")

    to: EvidenceStatus
    note: str = Field(default="", max_length=4000)
    occurred_on: date | None = Field(
        default=None,
        description="The day this happened, for past events (approved: sets approved_on); "
        "default today; not in the future.",
    )


class EvidenceArchive(BaseModel):
    model_config = ConfigDict(extra="forbid")

    reason: str = Field(default="", max_length=2000)


class VerificationRead(BaseModel):
    number: int
    sha256: str
    size: int
    status: IntegrityStatus
    actual_sha256: str | None
    actual_size: int | None
    checked_at: datetime


class EvidenceFilters(BaseModel):
    requirement: str | None = None
    documented_information: str | None = None
    status: EvidenceStatus | None = None
    kind: EvidenceKind | None = None
    source: str | None = None
    tag: str | None = None
    owner_id: uuid.UUID | None = None
    expiring_within_days: int | None = None
    q: str | None = None
    archived: bool = False
