"""Permission aliases and load-or-404 for training."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Depends, Path

from certready.api.deps import OrgCtxDep, Requires, SessionDep
from certready.context import OrgContext
from certready.orgs.permissions import Action
from certready.training.models import (
    CompetenceRequirement,
    TrainingCourse,
    TrainingPerson,
    TrainingRecord,
)
from certready.training.repository import (
    CourseRepository,
    PersonRepository,
    RecordRepository,
    RequirementRepository,
)

TrainingReader = Annotated[OrgContext, Depends(Requires(Action.training_read))]
TrainingWriter = Annotated[OrgContext, Depends(Requires(Action.training_write))]


async def get_course(
    course_id: Annotated[uuid.UUID, Path()], ctx: OrgCtxDep, session: SessionDep
) -> TrainingCourse:
    """The course in the caller's organisation; any other id is the same 404."""
    return await CourseRepository(session, ctx.org_id).get_or_404(course_id)


async def get_requirement(
    requirement_id: Annotated[uuid.UUID, Path()], ctx: OrgCtxDep, session: SessionDep
) -> CompetenceRequirement:
    return await RequirementRepository(session, ctx.org_id).get_or_404(requirement_id)


async def get_person(
    person_id: Annotated[uuid.UUID, Path()], ctx: OrgCtxDep, session: SessionDep
) -> TrainingPerson:
    return await PersonRepository(session, ctx.org_id).get_or_404(person_id)


async def get_record(
    record_id: Annotated[uuid.UUID, Path()], ctx: OrgCtxDep, session: SessionDep
) -> TrainingRecord:
    return await RecordRepository(session, ctx.org_id).get_or_404(record_id)


CourseDep = Annotated[TrainingCourse, Depends(get_course)]
CompetenceRequirementDep = Annotated[CompetenceRequirement, Depends(get_requirement)]
PersonDep = Annotated[TrainingPerson, Depends(get_person)]
RecordDep = Annotated[TrainingRecord, Depends(get_record)]
