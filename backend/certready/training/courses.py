"""Training courses and competence requirements (ISO/IEC 20000-1 7.2; iso20000.md RDY-14)."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from certready.activity.service import record, snapshot
from certready.context import OrgContext
from certready.core.changes import ChangeSpec, check_version, requested, update_object
from certready.core.clock import add_months
from certready.core.pagination import PageParams, paginate
from certready.core.problems import Conflict, Unprocessable
from certready.training.enums import CourseKind
from certready.training.models import CompetenceRequirement, TrainingCourse
from certready.training.repository import CourseRepository, RecordRepository, RequirementRepository
from certready.training.schemas import CompetenceRequirementCreate, CourseCreate, CourseUpdate

COURSE_FIELDS = ["title", "description", "validity_months", "kind"]
COURSE_CHANGES = ChangeSpec(
    object_type="training_course",
    fields=COURSE_FIELDS,
    label=lambda course: f"Course '{course.title}'",
    required=frozenset({"title", "kind"}),
    blank={"description": ""},
)


def expiry(completed_on: date, validity_months: int | None) -> date | None:
    """The last day a completion counts (None: it never expires)."""
    # Valid through the day before the anniversary: 24 months from 2025-03-01 ends 2027-02-28.
    if validity_months is None:
        return None
    return add_months(completed_on, validity_months) - timedelta(days=1)


# --- courses ---------------------------------------------------------------------------------


async def list_courses(
    session: AsyncSession, org_id: uuid.UUID, kind: CourseKind | None, page: PageParams
) -> tuple[list[TrainingCourse], str | None, int]:
    """One page of courses by title, optionally of one kind."""
    stmt = CourseRepository(session, org_id).base_statement()
    if kind is not None:
        stmt = stmt.where(col(TrainingCourse.kind) == kind)
    return await paginate(
        session, stmt, keys=[col(TrainingCourse.title), col(TrainingCourse.id)], params=page
    )


async def _ensure_title_free(
    repo: CourseRepository, title: str, course_id: uuid.UUID | None = None
) -> None:
    found = await repo.by_title(title)
    if found is not None and found.id != course_id:
        raise Conflict(f"A course titled '{title}' exists.", extra={"field": "title"})


async def create_course(
    session: AsyncSession, ctx: OrgContext, data: CourseCreate
) -> TrainingCourse:
    """Create a course with a title unique in the organisation (409 otherwise)."""
    repo = CourseRepository(session, ctx.org_id)
    await _ensure_title_free(repo, data.title)
    course = repo.add(TrainingCourse(org_id=ctx.org_id, **data.model_dump()))
    await session.flush()
    record(
        session,
        org_id=ctx.org_id,
        actor=ctx.actor,
        action="training.course.create",
        object_type="training_course",
        object_id=course.id,
        summary=f"Course '{course.title}' created",
        after=snapshot(course, COURSE_FIELDS),
    )
    await session.flush()
    return course


async def update_course(
    session: AsyncSession,
    ctx: OrgContext,
    course: TrainingCourse,
    data: CourseUpdate,
    if_match: str | None,
) -> TrainingCourse:
    """Change a course; a new validity recomputes the expiry of every completion."""
    check_version(course, if_match, COURSE_CHANGES)
    values = requested(data, COURSE_CHANGES)
    if "title" in values:
        await _ensure_title_free(CourseRepository(session, ctx.org_id), values["title"], course.id)
    change = await update_object(
        session,
        ctx,
        course,
        values,
        COURSE_CHANGES,
        if_match=if_match,
        action="training.course.update",
    )
    if change.touched("validity_months"):
        # Expiry follows the course: a corrected validity applies to every completion.
        for rec in await RecordRepository(session, ctx.org_id).for_course(course.id):
            rec.expires_on = expiry(rec.completed_on, course.validity_months)
        await session.flush()
    return course


async def delete_course(session: AsyncSession, ctx: OrgContext, course: TrainingCourse) -> None:
    """Delete a course without completion records (409: they are kept as evidence)."""
    if await CourseRepository(session, ctx.org_id).has_records(course.id):
        raise Conflict("The course has completion records; they are kept as evidence.")
    record(
        session,
        org_id=ctx.org_id,
        actor=ctx.actor,
        action="training.course.delete",
        object_type="training_course",
        object_id=course.id,
        summary=f"Course '{course.title}' deleted",
        before=snapshot(course, COURSE_FIELDS),
    )
    await session.delete(course)  # its competence requirements go with it (ON DELETE CASCADE)
    await session.flush()


# --- competence requirements -----------------------------------------------------------------


async def list_requirements(
    session: AsyncSession,
    org_id: uuid.UUID,
    role_key: str | None,
    course_id: uuid.UUID | None,
    page: PageParams,
) -> tuple[list[CompetenceRequirement], str | None, int]:
    """One page of competence requirements, by role key, or of one course."""
    stmt = RequirementRepository(session, org_id).filtered(role_key, course_id)
    keys = [col(CompetenceRequirement.role_key), col(CompetenceRequirement.id)]
    return await paginate(session, stmt, keys=keys, params=page)


async def create_requirement(
    session: AsyncSession, ctx: OrgContext, data: CompetenceRequirementCreate
) -> CompetenceRequirement:
    """Require a course of a role key (409 when it already does)."""
    course = await CourseRepository(session, ctx.org_id).get(data.course_id)
    if course is None:
        raise Unprocessable("No such course.", loc=["body", "course_id"])
    repo = RequirementRepository(session, ctx.org_id)
    if await repo.exists(data.role_key, data.course_id):
        raise Conflict(f"'{data.role_key}' already requires '{course.title}'.")
    req = repo.add(
        CompetenceRequirement(org_id=ctx.org_id, role_key=data.role_key, course_id=course.id)
    )
    await session.flush()
    record(
        session,
        org_id=ctx.org_id,
        actor=ctx.actor,
        action="training.requirement.create",
        object_type="competence_requirement",
        object_id=req.id,
        summary=f"'{req.role_key}' requires '{course.title}'",
        after={"role_key": req.role_key, "course_id": course.id},
    )
    await session.flush()
    return req


async def delete_requirement(
    session: AsyncSession, ctx: OrgContext, req: CompetenceRequirement
) -> None:
    """Stop requiring a course of a role key."""
    record(
        session,
        org_id=ctx.org_id,
        actor=ctx.actor,
        action="training.requirement.delete",
        object_type="competence_requirement",
        object_id=req.id,
        summary=f"'{req.role_key}' no longer requires course {req.course_id}",
        before={"role_key": req.role_key, "course_id": req.course_id},
    )
    await session.delete(req)
    await session.flush()
