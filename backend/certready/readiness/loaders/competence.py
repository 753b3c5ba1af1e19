"""Facts of the competence rules (RDY-14..17): people in scope, courses
with the roles that require them, and the newest training record per person and course.
Part of the lists statement (``loaders.lists``).

People in scope (iso20000.md 6.6) are computed, not kept by hand: every member holding an
SMS role and every owner of a requirement, objective, corrective measure or action (one
UNION ALL of who and why), joined in Python with the training register, which ties an
entry to a member by ``user_id`` and adds people who are not members."""

from __future__ import annotations

import uuid
from collections import defaultdict
from typing import Any

from sqlalchemy import Integer, String, case, func, union_all
from sqlalchemy import literal as sa_literal
from sqlalchemy import select as sa_select
from sqlmodel import col

from certready.auth.models import User
from certready.corrective_measures.models import CorrectiveAction, CorrectiveMeasure
from certready.db.repository import of_org
from certready.management_reviews.models import ManagementReview, ManagementReviewAction
from certready.objectives.models import Objective
from certready.orgs.enums import Role
from certready.orgs.models import Membership
from certready.readiness.facts import CourseFacts, Facts, PersonFacts, RecordFacts
from certready.readiness.loaders.base import P_ORG, as_date, as_uuid, flag, json_list
from certready.requirements.models import Requirement, RequirementStatus
from certready.training.models import (
    CompetenceRequirement,
    TrainingCourse,
    TrainingPerson,
    TrainingRecord,
)

# The organisation roles that are SMS roles (iso20000.md 6.6): their holders are in scope.
SMS_ROLES = (Role.admin, Role.sms_manager, Role.process_owner, Role.auditor)


def _people() -> Any:
    """The training register: every entry (an entry out of scope still holds the records
    of a member who is in scope automatically)."""
    return sa_select(
        col(TrainingPerson.id),
        col(TrainingPerson.full_name),
        col(TrainingPerson.role_keys),  # JSON text on SQLite (see json_list)
        col(TrainingPerson.user_id),
        col(TrainingPerson.in_scope),
    ).where(of_org(TrainingPerson, P_ORG))


def _why(user: Any, kind: str, ref: Any, number: Any) -> list[Any]:
    return [
        user.label("user_id"),
        sa_literal(kind, String).label("kind"),
        ref.label("ref"),
        number.label("number"),
    ]


def _scope() -> Any:
    """Who is in scope automatically and why: (user, kind, requirement ref, number)."""
    no_ref, no_number = sa_literal(None, String), sa_literal(None, Integer)
    member = Membership
    roles = sa_select(*_why(col(member.user_id), "role", col(member.role), no_number)).where(
        of_org(member, P_ORG), col(member.role).in_([r.value for r in SMS_ROLES])
    )
    rs = RequirementStatus
    requirements = (
        sa_select(*_why(col(rs.owner_id), "requirement", col(Requirement.ref), no_number))
        .join(Requirement, col(Requirement.id) == rs.requirement_id)
        .where(of_org(rs, P_ORG), col(rs.owner_id).is_not(None))
    )
    objectives = sa_select(
        *_why(col(Objective.owner_id), "objective", no_ref, col(Objective.number))
    ).where(of_org(Objective, P_ORG), col(Objective.owner_id).is_not(None))
    cm = CorrectiveMeasure
    measures = sa_select(*_why(col(cm.owner_id), "measure", no_ref, col(cm.number))).where(
        of_org(cm, P_ORG), col(cm.owner_id).is_not(None)
    )
    ca = CorrectiveAction
    measure_actions = (
        sa_select(*_why(col(ca.owner_id), "measure_action", no_ref, col(cm.number)))
        .join(cm, col(cm.id) == ca.measure_id)
        .where(of_org(cm, P_ORG), col(ca.owner_id).is_not(None))
    )
    ra, mr = ManagementReviewAction, ManagementReview
    review_actions = (
        sa_select(*_why(col(ra.owner_id), "review_action", no_ref, col(mr.number)))
        .join(mr, col(mr.id) == ra.review_id)
        .where(of_org(ra, P_ORG), col(ra.owner_id).is_not(None))
    )
    return union_all(roles, requirements, objectives, measures, measure_actions, review_actions)


def _scope_users() -> Any:
    """The name of everyone the scope names, with their SMS role here (None: not a member
    or another role)."""
    scoped = _scope().subquery()
    member_role = (
        sa_select(col(Membership.role))
        .where(
            of_org(Membership, P_ORG),
            col(Membership.user_id) == User.id,
            col(Membership.role).in_([r.value for r in SMS_ROLES]),
        )
        .scalar_subquery()
    )
    return sa_select(
        col(User.id),
        func.coalesce(func.nullif(col(User.full_name), ""), col(User.email)),
        member_role,
    ).where(col(User.id).in_(sa_select(scoped.c.user_id)))


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
    return {
        "people": _people(),
        "scope": _scope(),
        "scope_users": _scope_users(),
        "courses": _courses(),
        "records": _records(),
    }


_OWNER_OF = {
    "requirement": "owner of {}",
    "objective": "owner of O-{}",
    "measure": "owner of CM-{}",
    "measure_action": "owner of an action of CM-{}",
    "review_action": "owner of an action of MR-{}",
}


def _reasons(scope: list[Any]) -> dict[uuid.UUID, list[str]]:
    """Per user the reasons they are in scope, the role first, requirement refs grouped."""
    found: dict[uuid.UUID, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for user_id, kind, ref, number in scope:
        value = ref if ref is not None else str(number)
        found[as_uuid(user_id)][kind].append(value)
    reasons: dict[uuid.UUID, list[str]] = {}
    for user_id, kinds in found.items():
        out = [f"role {r}" for r in kinds.pop("role", [])]
        for kind, found_values in kinds.items():
            values = sorted(set(found_values))
            shown = ", ".join(values[:3]) + (
                f" and {len(values) - 3} more" if len(values) > 3 else ""
            )
            if kind == "requirement":
                out.append(_OWNER_OF[kind].format(shown))
            else:
                out.extend(_OWNER_OF[kind].format(v) for v in values)
        reasons[user_id] = out
    return reasons


def _read_people(facts: Facts, rows: dict[str, list[Any]]) -> None:
    """The computed scope joined with the training register (see the module docstring)."""
    reasons = _reasons(rows["scope"])
    users = {as_uuid(u): (name, role) for u, name, role in rows["scope_users"]}
    register = {as_uuid(r[3]): r for r in rows["people"] if r[3] is not None}
    people: list[PersonFacts] = []
    for user_id, why in reasons.items():
        name, role = users.get(user_id, (str(user_id), None))
        entry = register.get(user_id)
        keys = list(json_list(entry[2])) if entry is not None else []
        if role is not None and role not in keys:
            keys.append(str(role))
        people.append(
            PersonFacts(
                as_uuid(entry[0]) if entry is not None else user_id,
                entry[1] if entry is not None else name,
                tuple(keys),
                reasons=tuple(why),
                registered=entry is not None,
                user_id=user_id,
            )
        )
    for entry in rows["people"]:
        linked = as_uuid(entry[3]) if entry[3] is not None else None
        if linked in reasons or not _truthy(entry[4]):
            continue
        people.append(
            PersonFacts(
                as_uuid(entry[0]),
                entry[1],
                tuple(json_list(entry[2])),
                reasons=("training register",),
                user_id=linked,
            )
        )
    facts.people = sorted(people, key=lambda p: (p.name, p.id))


def _truthy(value: Any) -> bool:
    return value in (True, 1, "1", "true")


def read_lists(facts: Facts, rows: dict[str, list[Any]]) -> None:
    _read_people(facts, rows)
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
