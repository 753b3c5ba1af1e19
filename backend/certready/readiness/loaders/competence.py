"""Facts of the competence rules (RDY-14..17): people in scope, courses
with the roles that require them, and the newest training record per person and course.
Part of the lists statement (``loaders.lists``)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import case, func
from sqlalchemy import select as sa_select
from sqlmodel import col

from certready.db.repository import of_org
from certready.readiness.facts import CourseFacts, Facts, PersonFacts, RecordFacts
from certready.readiness.loaders.base import P_ORG, as_date, as_uuid, flag, json_list
from certready.training.models import (
    CompetenceRequirement,
    TrainingCourse,
    TrainingPerson,
    TrainingRecord,
)


def _people() -> Any:
    return sa_select(
        col(TrainingPerson.id),
        col(TrainingPerson.full_name),
        col(TrainingPerson.role_keys),  # JSON text on SQLite (see json_list)
    ).where(of_org(TrainingPerson, P_ORG), col(TrainingPerson.in_scope).is_(True))


def _courses() -> Any:
    return (
        sa_select(
            col(TrainingCourse.id),
            col(TrainingCourse.title),
            col(TrainingCourse.kind),
            col(CompetenceRequirement.role_key),
        )
        .outerjoin(
            CompetenceRequirement,
            (col(CompetenceRequirement.course_id) == TrainingCourse.id)
            & of_org(CompetenceRequirement, P_ORG),
        )
        .where(of_org(TrainingCourse, P_ORG))
    )


def _records() -> Any:
    """The newest record per person and course; RDY-17 asks whether the newest
    completion was evaluated (the last evaluated completion is compared)."""
    rec = TrainingRecord
    return (
        sa_select(
            col(rec.person_id),
            col(rec.course_id),
            func.max(col(rec.completed_on)),
            func.max(col(rec.expires_on)),
            flag(col(rec.expires_on).is_(None)),
            func.max(case((col(rec.evaluation_method).is_not(None), col(rec.completed_on)))),
        )
        .where(of_org(rec, P_ORG))
        .group_by(col(rec.person_id), col(rec.course_id))
    )


def list_queries() -> dict[str, Any]:
    """This family's part of the lists statement (see ``loaders.lists``)."""
    return {"people": _people(), "courses": _courses(), "records": _records()}


def read_lists(facts: Facts, rows: dict[str, list[Any]]) -> None:
    facts.people = [
        PersonFacts(as_uuid(r[0]), r[1], tuple(json_list(r[2])))
        for r in sorted(rows["people"], key=lambda r: (r[1], as_uuid(r[0])))
    ]
    for course_id, title, kind, role_key in rows["courses"]:
        cid = as_uuid(course_id)
        facts.courses[cid] = CourseFacts(cid, title, kind)
        if role_key is not None:
            facts.competence.setdefault(role_key, set()).add(cid)
    for person_id, course_id, completed, expires, never, evaluated in rows["records"]:
        completed_on = as_date(completed) or facts.today
        evaluated_on = as_date(evaluated)
        facts.records[(as_uuid(person_id), as_uuid(course_id))] = RecordFacts(
            latest_completed=completed_on,
            latest_expiry=None if int(never) else as_date(expires),
            evaluated=evaluated_on is not None and evaluated_on >= completed_on,
        )
