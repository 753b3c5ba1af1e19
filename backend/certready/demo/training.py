"""Training: courses and the roles that require them, ten people in scope, and records
(8 of 10 people with current awareness training)."""

from __future__ import annotations

import uuid
from datetime import date

from certready.demo.base import EXTRA_PEOPLE, STAFF, Demo
from certready.training.enums import CourseKind, EvaluationMethod
from certready.training.models import TrainingCourse
from certready.training.schemas import (
    CompetenceRequirementCreate,
    CourseCreate,
    PersonCreate,
    RecordCreate,
)
from certready.training.service import (
    create_course,
    create_person,
    create_record,
    create_requirement,
)

ROLE_COURSES = (
    ("sms_manager", "ISO/IEC 20000 foundation"),
    ("process_owner", "Process ownership"),
    ("service_desk", "Incident and request handling"),
    ("internal_auditor", "Internal auditor (ISO 19011)"),
)
AWARE = 8  # the last two agents have not done the awareness course yet


async def _courses(demo: Demo) -> tuple[TrainingCourse, dict[str, TrainingCourse]]:
    s, ctx = demo.session, demo.ctx
    awareness = await create_course(
        s, ctx, CourseCreate(title="SMS awareness", kind=CourseKind.awareness, validity_months=24)
    )
    roles = {}
    for key, title in ROLE_COURSES:
        course = await create_course(
            s, ctx, CourseCreate(title=title, kind=CourseKind.role, validity_months=36)
        )
        await create_requirement(
            s, ctx, CompetenceRequirementCreate(role_key=key, course_id=course.id)
        )
        roles[key] = course
    return awareness, roles


async def _record(
    demo: Demo, person_id: uuid.UUID, course: TrainingCourse, on: date, how: EvaluationMethod
) -> None:
    result = "passed" if how == EvaluationMethod.quiz else "competent"
    await create_record(
        demo.session,
        demo.ctx,
        RecordCreate(
            person_id=person_id,
            course_id=course.id,
            completed_on=on,
            evaluation_method=how,
            evaluation_result=result,
        ),
    )


async def add_training(demo: Demo) -> None:
    """Staff (linked to their accounts) and five agents, with their training records."""
    awareness, roles = await _courses(demo)
    people = []
    for email, _, _, role_key in STAFF:
        data = PersonCreate(user_id=demo.user(email).id, role_keys=[role_key])
        people.append((await create_person(demo.session, demo.ctx, data), role_key))
    for name in EXTRA_PEOPLE:
        email = name.lower().replace(" ", ".") + "@demo.example"
        data = PersonCreate(full_name=name, email=email, role_keys=["service_desk"])
        people.append((await create_person(demo.session, demo.ctx, data), "service_desk"))
    for i, (person, role_key) in enumerate(people):
        if i < AWARE:
            await _record(demo, person.id, awareness, demo.days(-90), EvaluationMethod.quiz)
        await _record(
            demo, person.id, roles[role_key], demo.days(-200), EvaluationMethod.assessment
        )
