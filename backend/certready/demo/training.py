"""Training: courses and the roles that require them, eleven people in scope (the admin,
the staff, five agents), and records (9 of 11 people with current awareness training)."""

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

# course -> the role keys requiring it (SMS role keys and the organisation roles, whose
# holders are in scope automatically)
ROLE_COURSES = (
    (("sms_manager", "admin"), "ISO/IEC 20000 foundation"),
    (("process_owner",), "Process ownership"),
    (("service_desk",), "Incident and request handling"),
    (("internal_auditor", "auditor"), "Internal auditor (ISO 19011)"),
)
AWARE = 9  # the admin, the staff and three agents; the last two agents have not yet


async def _courses(demo: Demo) -> tuple[TrainingCourse, dict[str, TrainingCourse]]:
    s, ctx = demo.session, demo.ctx
    awareness = await create_course(
        s, ctx, CourseCreate(title="SMS awareness", kind=CourseKind.awareness, validity_months=24)
    )
    roles = {}
    for keys, title in ROLE_COURSES:
        course = await create_course(
            s, ctx, CourseCreate(title=title, kind=CourseKind.role, validity_months=36)
        )
        for key in keys:
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
    # members: their register role key and their organisation role (both need competence)
    people = []
    for email, _, org_role, role_key in STAFF:
        data = PersonCreate(user_id=demo.user(email).id, role_keys=[role_key])
        keys = list(dict.fromkeys([role_key, org_role.value]))
        people.append((await create_person(demo.session, demo.ctx, data), keys))
    for name in EXTRA_PEOPLE:
        email = name.lower().replace(" ", ".") + "@demo.example"
        data = PersonCreate(full_name=name, email=email, role_keys=["service_desk"])
        people.append((await create_person(demo.session, demo.ctx, data), ["service_desk"]))
    if demo.admin is not None:
        data = PersonCreate(user_id=demo.admin.id, role_keys=[])
        people.insert(0, (await create_person(demo.session, demo.ctx, data), ["admin"]))
    for i, (person, keys) in enumerate(people):
        if i < AWARE:
            await _record(demo, person.id, awareness, demo.days(-90), EvaluationMethod.quiz)
        for course in {roles[k].id: roles[k] for k in keys}.values():
            await _record(demo, person.id, course, demo.days(-200), EvaluationMethod.assessment)
