"""Training tables: courses, competence requirements, people in scope, completion records."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import JSON, Index, String, UniqueConstraint
from sqlmodel import Field

from certready.db.base import IdMixin, TimestampMixin, Versioned
from certready.training.enums import CourseKind, EvaluationMethod


class TrainingCourse(IdMixin, TimestampMixin, Versioned, table=True):
    __tablename__ = "training_course"
    __table_args__ = (UniqueConstraint("org_id", "title"),)

    org_id: uuid.UUID = Field(foreign_key="organisation.id", ondelete="RESTRICT")
    title: str = Field(max_length=200)
    description: str = Field(default="", max_length=10000)
    # None: a completion never expires.
    validity_months: int | None = None
    kind: CourseKind = Field(sa_type=String(16))


class CompetenceRequirement(IdMixin, TimestampMixin, table=True):
    """A role key (org role or SMS role name) requires a course (7.2, RDY-14)."""

    __tablename__ = "competence_requirement"
    __table_args__ = (UniqueConstraint("org_id", "role_key", "course_id"),)

    org_id: uuid.UUID = Field(foreign_key="organisation.id", ondelete="RESTRICT")
    role_key: str = Field(max_length=200)
    course_id: uuid.UUID = Field(foreign_key="training_course.id", index=True, ondelete="CASCADE")


class TrainingPerson(IdMixin, TimestampMixin, Versioned, table=True):
    """A person in the SMS scope: a member (``user_id``) or someone without an account."""

    __tablename__ = "training_person"
    __table_args__ = (
        UniqueConstraint("org_id", "user_id"),
        UniqueConstraint("org_id", "email"),
    )

    org_id: uuid.UUID = Field(foreign_key="organisation.id", ondelete="RESTRICT")
    user_id: uuid.UUID | None = Field(
        default=None, foreign_key="user_account.id", ondelete="SET NULL"
    )
    full_name: str = Field(max_length=200)
    # Lower-cased; the CSV import matches people by it.
    email: str | None = Field(default=None, max_length=320)
    role_keys: list[str] = Field(default_factory=list, sa_type=JSON)
    in_scope: bool = True


class TrainingRecord(IdMixin, TimestampMixin, Versioned, table=True):
    """A completed training, with its expiry and effectiveness evaluation."""

    __tablename__ = "training_record"
    __table_args__ = (
        Index("ix_training_record_org_person_course", "org_id", "person_id", "course_id"),
    )

    org_id: uuid.UUID = Field(foreign_key="organisation.id", ondelete="RESTRICT")
    person_id: uuid.UUID = Field(foreign_key="training_person.id", ondelete="RESTRICT")
    course_id: uuid.UUID = Field(foreign_key="training_course.id", index=True, ondelete="RESTRICT")
    completed_on: date
    # Last day the completion counts; None when the course never expires.
    expires_on: date | None = None
    certificate_evidence_id: uuid.UUID | None = Field(
        default=None, foreign_key="evidence.id", index=True, ondelete="RESTRICT"
    )
    evaluation_method: EvaluationMethod | None = Field(default=None, sa_type=String(32))
    evaluation_result: str | None = Field(default=None, max_length=2000)
    recorded_by_id: uuid.UUID | None = Field(
        default=None, foreign_key="user_account.id", ondelete="SET NULL"
    )
