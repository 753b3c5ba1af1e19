from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    ValidatorFunctionWrapHandler,
    field_validator,
    model_validator,
)
from pydantic_core import InitErrorDetails, PydanticCustomError

from certready.activity.schemas import ActivityRead
from certready.core.pagination import Page
from certready.core.types import PositiveInt32
from certready.requirements.catalogue.loader import REF_PATTERN
from certready.requirements.enums import (
    AssessableFilter,
    CatalogueView,
    DocumentedInformationKind,
    ImplementationStatus,
)

Ref = Annotated[str, StringConstraints(pattern=REF_PATTERN, max_length=32)]

MAX_BULK_CHANGES = 500

NO_EXCLUSIONS = (
    "ISO/IEC 20000-1 allows no exclusions: every requirement of clauses 4 to 10 applies, so a "
    "requirement cannot be marked not applicable or excluded. Where it has no instances in your "
    "scope (for example no internal suppliers), set not_occurring to true and give a "
    "not_occurring_justification backed by an approved statement."
)
# Ways clients try to say "not applicable"; all are refused with the explanation above.
_EXCLUSION_FIELDS = frozenset(
    {
        "applicable",
        "is_applicable",
        "applicability",
        "not_applicable",
        "excluded",
        "exclusion",
        "exclusion_reason",
        "exclusion_justification",
    }
)
_EXCLUSION_STATUSES = frozenset(
    {"not_applicable", "n/a", "na", "excluded", "exempt", "not_relevant"}
)


def _refuse_exclusion_fields(data: Any) -> Any:
    if isinstance(data, dict) and any(str(k).lower() in _EXCLUSION_FIELDS for k in data):
        raise PydanticCustomError("no_exclusions", NO_EXCLUSIONS)
    return data


def _refuse_exclusion_status(value: Any) -> Any:
    if isinstance(value, str):
        normalised = value.strip().lower().replace(" ", "_").replace("-", "_")
        if normalised in _EXCLUSION_STATUSES:
            raise PydanticCustomError("no_exclusions", NO_EXCLUSIONS)
    return value


# --- catalogue ------------------------------------------------------------------------------


class FrameworkRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    code: str = Field(examples=["iso20000-1:2018"])
    name: str
    version: str
    publisher: str
    allows_exclusions: bool = Field(
        description="False for ISO/IEC 20000-1: no requirement can be declared not applicable."
    )
    catalogue_version: str


class FrameworkPage(Page[FrameworkRead]):
    pass


class DocumentedInformationRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    key: str = Field(examples=["D4"])
    kind: DocumentedInformationKind
    title: str
    clause_refs: list[str]
    mandatory: bool
    description: str


class DocumentedInformationCatalogue(BaseModel):
    framework: str
    total: int
    items: list[DocumentedInformationRead]


class RequirementNodeRead(BaseModel):
    """One catalogue node; ``children`` is filled in the tree view only."""

    ref: str = Field(examples=["8.6.1"])
    title: str
    parent_ref: str | None
    depth: int
    assessable: bool
    guidance: str
    documented_information_keys: list[str] = Field(
        description="Keys of the documented information this node (or a parent clause) asks for."
    )
    children: list[RequirementNodeRead] = Field(default_factory=list)


class RequirementCatalogue(BaseModel):
    framework: FrameworkRead
    view: CatalogueView
    total: int = Field(description="Number of nodes in the catalogue.")
    items: list[RequirementNodeRead]


# --- per-organisation status ----------------------------------------------------------------


class RequirementFilters(BaseModel):
    model_config = ConfigDict(extra="forbid")

    clause: str | None = None
    status: list[ImplementationStatus] | None = None
    owner_id: uuid.UUID | None = None
    not_occurring: bool | None = None
    q: str | None = None
    assessable: AssessableFilter = AssessableFilter.true


class RequirementOwner(BaseModel):
    id: uuid.UUID
    name: str


class RequirementRead(BaseModel):
    """A requirement with the organisation's status; status fields are null for grouping nodes."""

    ref: str = Field(examples=["8.6.1"])
    title: str
    depth: int
    parent_ref: str | None
    assessable: bool
    status: ImplementationStatus | None
    owner_id: uuid.UUID | None
    owner: RequirementOwner | None
    target_date: date | None
    notes: str | None
    not_occurring: bool | None
    not_occurring_justification: str | None
    version: int | None = Field(
        description="The ETag value; send it as If-Match to change the row."
    )
    updated_at: datetime | None
    updated_by: uuid.UUID | None


class RequirementPage(Page[RequirementRead]):
    pass


class RequirementDetailRead(RequirementRead):
    guidance: str
    documented_information: list[DocumentedInformationRead]
    history: list[ActivityRead] = Field(
        description="The latest 50 changes of this requirement, newest first."
    )


class RequirementUpdate(BaseModel):
    """Fields to change; omitted fields stay as they are. There is no "not applicable"."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "status": "in_progress",
                    "owner_id": "3f6c2a8e-5b1d-4c7e-9a2f-1d8e4b6c0a11",
                    "target_date": "2027-03-31",
                    "notes": "Change procedure drafted; approval by the CAB on 15 March.",
                },
                {
                    "not_occurring": True,
                    "not_occurring_justification": (
                        "No service in the scope is provided through a supplier acting "
                        "as a service provider."
                    ),
                },
            ]
        },
    )

    status: ImplementationStatus | None = Field(default=None, description="Cannot be null.")
    owner_id: uuid.UUID | None = Field(
        default=None, description="A member of the organisation; null removes the owner."
    )
    target_date: date | None = None
    notes: str | None = Field(default=None, max_length=10000)
    not_occurring: bool | None = Field(
        default=None,
        description=(
            "True when the requirement has no instances in the SMS scope; needs a "
            "justification. This is not an exclusion: the requirement still applies."
        ),
    )
    not_occurring_justification: str | None = Field(default=None, max_length=4000)

    @model_validator(mode="before")
    @classmethod
    def _no_exclusion_fields(cls, data: Any) -> Any:
        return _refuse_exclusion_fields(data)

    @field_validator("status", mode="before")
    @classmethod
    def _no_exclusion_status(cls, value: Any) -> Any:
        return _refuse_exclusion_status(value)

    @field_validator("status", "not_occurring")
    @classmethod
    def _not_null(cls, value: Any) -> Any:
        if value is None:
            raise PydanticCustomError("not_null", "This field cannot be null.")
        return value


class RequirementChange(RequirementUpdate):
    """One row of a bulk update: the requirement's ref plus the fields to change."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"ref": "8.5.1", "status": "implemented", "version": 3}]},
    )

    ref: Ref
    version: PositiveInt32 | None = Field(
        default=None,
        description="Optional optimistic lock: the row's current version; a stale one is a 412.",
    )


class RequirementBulkUpdate(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "changes": [
                        {"ref": "8.5.1", "status": "implemented", "version": 3},
                        {
                            "ref": "8.5.2",
                            "owner_id": "3f6c2a8e-5b1d-4c7e-9a2f-1d8e4b6c0a11",
                            "target_date": "2027-02-28",
                        },
                    ]
                }
            ]
        },
    )

    changes: list[RequirementChange] = Field(min_length=1, max_length=MAX_BULK_CHANGES)

    @model_validator(mode="wrap")
    @classmethod
    def _name_rows(cls, data: Any, handler: ValidatorFunctionWrapHandler) -> Any:
        """Prefix each row error with its index and ref, so a client can point at the row."""
        try:
            return handler(data)
        except ValidationError as exc:
            rows = data.get("changes") if isinstance(data, dict) else None
            details: list[InitErrorDetails] = []
            for err in exc.errors():
                loc = err["loc"]
                msg = err["msg"]
                if len(loc) >= 2 and loc[0] == "changes" and isinstance(loc[1], int):
                    msg = f"{row_label(loc[1], _row_ref(rows, loc[1]))}: {msg}"
                details.append(
                    {
                        "type": PydanticCustomError(err["type"], "{message}", {"message": msg}),
                        "loc": loc,
                        "input": err.get("input"),
                    }
                )
            raise ValidationError.from_exception_data(exc.title, details) from None


def _row_ref(rows: Any, index: int) -> str | None:
    if isinstance(rows, list) and 0 <= index < len(rows) and isinstance(rows[index], dict):
        ref = rows[index].get("ref")
        return ref if isinstance(ref, str) else None
    return None


def row_label(index: int, ref: str | None) -> str:
    return f"changes[{index}] (ref {ref})" if ref else f"changes[{index}]"


class RequirementBulkResult(BaseModel):
    changed: int = Field(description="Rows whose values actually changed.")
    items: list[RequirementRead] = Field(description="Every row of the request, in request order.")


class RequirementStatusCounts(BaseModel):
    total: int = Field(description="Assessable requirements.")
    not_started: int
    planned: int
    in_progress: int
    implemented: int
    not_occurring: int = Field(description="Flagged not occurring (counted in a status too).")


class RequirementClauseSummary(RequirementStatusCounts):
    ref: str = Field(examples=["8"])
    title: str


class RequirementSummaryRead(BaseModel):
    framework: str
    overall: RequirementStatusCounts
    clauses: list[RequirementClauseSummary]
