from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, EmailStr, Field, StringConstraints, model_validator

from certready.core.pagination import Page
from certready.training.enums import CellState, CourseKind, EvaluationMethod

Title = Annotated[str, StringConstraints(min_length=1, max_length=200, strip_whitespace=True)]
RoleKey = Annotated[str, StringConstraints(min_length=1, max_length=200, strip_whitespace=True)]
Validity = Annotated[int, Field(ge=1, le=600, description="Months; null: never expires.")]


# --- courses ---------------------------------------------------------------------------------


class CourseCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    title: Title
    description: str = Field(default="", max_length=10000)
    validity_months: Validity | None = None
    kind: CourseKind = CourseKind.role


class CourseUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    title: Title | None = None
    description: str | None = Field(default=None, max_length=10000)
    validity_months: Validity | None = None
    kind: CourseKind | None = None


class CourseRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    title: str
    description: str
    validity_months: int | None
    kind: CourseKind
    version: int
    created_at: datetime
    updated_at: datetime


class CoursePage(Page[CourseRead]):
    pass


# --- competence requirements -----------------------------------------------------------------


class CompetenceRequirementCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    role_key: RoleKey = Field(
        description='An org role (`process_owner`) or an SMS role ("Change manager").'
    )
    course_id: uuid.UUID


class CompetenceRequirementRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    role_key: str
    course_id: uuid.UUID
    created_at: datetime


class CompetenceRequirementPage(Page[CompetenceRequirementRead]):
    pass


# --- people in scope -------------------------------------------------------------------------


class PersonCreate(BaseModel):
    """A member (give ``user_id``) or a person without an account (``full_name``, ``email``)."""

    model_config = ConfigDict(extra="forbid")

    user_id: uuid.UUID | None = None
    full_name: Title | None = None
    email: EmailStr | None = None
    role_keys: list[RoleKey] = Field(default_factory=list, max_length=50)
    in_scope: bool = True

    @model_validator(mode="after")
    def _member_or_named(self) -> PersonCreate:
        if self.user_id is None and not self.full_name:
            raise ValueError("Give user_id for a member, or full_name for anyone else.")
        return self


class PersonUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    full_name: Title | None = None
    email: EmailStr | None = None
    role_keys: list[RoleKey] | None = Field(default=None, max_length=50)
    in_scope: bool | None = None


class PersonRead(BaseModel):
    id: uuid.UUID
    user_id: uuid.UUID | None
    full_name: str
    email: str | None
    role_keys: list[str] = Field(description="SMS roles held (stored).")
    org_role: str | None = Field(description="The member's organisation role, also a role key.")
    effective_role_keys: list[str]
    in_scope: bool
    version: int
    created_at: datetime
    updated_at: datetime


class PersonPage(Page[PersonRead]):
    pass


class MembersImport(BaseModel):
    model_config = ConfigDict(extra="forbid")

    exclude_roles: list[str] = Field(
        default_factory=lambda: ["external_auditor"],
        description="Org roles not brought into scope (the certification body's auditors).",
    )


class MembersImportResult(BaseModel):
    added: list[PersonRead]


# --- completion records ----------------------------------------------------------------------


class RecordCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    person_id: uuid.UUID
    course_id: uuid.UUID
    completed_on: date
    certificate_evidence_id: uuid.UUID | None = None
    evaluation_method: EvaluationMethod | None = None
    evaluation_result: str | None = Field(default=None, min_length=1, max_length=2000)


class RecordUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    completed_on: date | None = None
    certificate_evidence_id: uuid.UUID | None = None
    evaluation_method: EvaluationMethod | None = None
    evaluation_result: str | None = Field(default=None, min_length=1, max_length=2000)


class RecordRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    person_id: uuid.UUID
    course_id: uuid.UUID
    completed_on: date
    expires_on: date | None
    certificate_evidence_id: uuid.UUID | None
    evaluation_method: EvaluationMethod | None
    evaluation_result: str | None
    recorded_by_id: uuid.UUID | None
    version: int
    created_at: datetime
    updated_at: datetime


class RecordPage(Page[RecordRead]):
    pass


class RecordImportResult(BaseModel):
    created: int
    skipped_duplicates: int = Field(description="Rows equal to a record already stored.")


# --- matrix ----------------------------------------------------------------------------------


class MatrixCourse(BaseModel):
    id: uuid.UUID
    title: str
    kind: CourseKind
    validity_months: int | None


class MatrixCell(BaseModel):
    course_id: uuid.UUID
    state: CellState
    required_by: list[str] = Field(description='Role keys, or "awareness".')
    completed_on: date | None
    expires_on: date | None
    evaluated: bool = Field(description="A record of this course has an effectiveness evaluation.")


class MatrixRow(BaseModel):
    person_id: uuid.UUID
    user_id: uuid.UUID | None
    full_name: str
    email: str | None
    role_keys: list[str]
    cells: list[MatrixCell]


class Coverage(BaseModel):
    required: int
    ok: int
    expiring: int
    expired: int
    missing: int
    percent: float | None = Field(description="Valid (ok + expiring) / required x 100.")


class RoleCoverage(Coverage):
    role_key: str
    people: int
    courses: int
    requirements_defined: bool


class MatrixCoverage(BaseModel):
    overall: Coverage
    awareness: Coverage
    roles: list[RoleCoverage]


class TrainingMatrix(BaseModel):
    as_of: date
    expiring_within_days: int
    role: str | None
    courses: list[MatrixCourse]
    rows: list[MatrixRow]
    coverage: MatrixCoverage
