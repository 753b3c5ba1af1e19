"""Competence and awareness (7.2, 7.3) over people in scope, courses and training records."""

from __future__ import annotations

import uuid
from datetime import date

from certready.core.clock import add_months
from certready.readiness.enums import Gate, Severity
from certready.readiness.facts import Facts, PersonFacts, RecordFacts
from certready.readiness.rules.base import Failure, Outcome, Param, Params, Rule, preview, rule
from certready.training.enums import CourseKind


def _person_route(facts: Facts, person: PersonFacts) -> str:
    """The person's register entry, or the register itself when they have none yet."""
    if person.registered:
        return facts.route(f"/training/people/{person.id}")
    return facts.route("/training")


def _valid(record: RecordFacts | None, facts: Facts) -> bool:
    return record is not None and (
        record.latest_expiry is None or record.latest_expiry >= facts.today
    )


def awareness_courses(facts: Facts) -> list[uuid.UUID]:
    return [c.id for c in facts.courses.values() if c.kind == CourseKind.awareness]


def current_awareness(facts: Facts, person: PersonFacts, months: int) -> date | None:
    """The newest awareness completion of ``person`` that is within ``months`` and not
    expired (RDY-15), or None."""
    since = add_months(facts.today, -months)
    dates = [
        r.latest_completed
        for c in awareness_courses(facts)
        if (r := facts.records.get((person.id, c))) is not None
        and r.latest_completed >= since
        and _valid(r, facts)
    ]
    return max(dates, default=None)


def competence_gaps(facts: Facts, person: PersonFacts) -> list[str]:
    """What ``person`` lacks for their roles (RDY-16): each required role course missing or
    expired, or no competence evidence at all while holding a role."""
    if not person.role_keys:
        return []
    required = sorted(
        {c for role in person.role_keys for c in facts.competence.get(role, set())}, key=str
    )
    missing = []
    for course_id in required:
        course = facts.courses.get(course_id)
        if course is None or course.kind == CourseKind.awareness:
            continue  # awareness is RDY-15
        record = facts.records.get((person.id, course_id))
        if not _valid(record, facts):
            missing.append(f"'{course.title}' is {'expired' if record else 'missing'}")
    if not missing and not _has_competence_evidence(facts, person):
        missing.append(f"holds {', '.join(person.role_keys)} without competence evidence")
    return missing


@rule("RDY-14", "Competence defined for every SMS role", ["7.2"], Gate.stage1, Severity.blocker)
def competence_defined(facts: Facts, params: Params) -> Outcome:
    """Every role key held by a person in scope requires at least one course (a
    competence requirement). With no roles recorded at all the rule fails too."""
    roles = sorted({key for person in facts.people for key in person.role_keys})
    if not roles and not facts.competence:
        return Outcome(
            [
                Failure(
                    "role",
                    "No SMS roles recorded for the people in scope.",
                    facts.route("/training"),
                )
            ]
        )
    missing = [role for role in roles if not facts.competence.get(role)]
    failures = [
        Failure(
            "role",
            f"Role '{role}' has no competence requirement.",
            facts.route(f"/training?role={role}"),
            key=role,
        )
        for role in missing
    ]
    message = f"No competence requirements for {preview(missing)}." if missing else ""
    return Outcome(failures, message=message)


@rule(
    "RDY-15",
    "Everyone in scope has current awareness training",
    ["7.3"],
    Gate.stage2,
    Severity.blocker,
    params=[Param("months", 24, 1, 120, "The newest awareness completion may be this old.")],
)
def awareness_trained(facts: Facts, params: Params) -> Outcome:
    """100 % of the people in scope (every member holding an SMS role, every owner of a
    requirement, objective, corrective measure or action, and the people the training
    register adds) completed an awareness course within {months} months and that
    completion has not expired."""
    if not awareness_courses(facts):
        return Outcome(
            [Failure("course", "No awareness course recorded.", facts.route("/training"))]
        )
    failures = [
        Failure(
            "person",
            f"{person.name}{person.why} has no current awareness training.",
            _person_route(facts, person),
            id=str(person.id),
            key=person.name,
        )
        for person in facts.people
        if current_awareness(facts, person, params["months"]) is None
    ]
    total = len(facts.people)
    message = (
        f"{total - len(failures)} of {total} people in scope have current awareness training."
        if failures
        else ""
    )
    return Outcome(failures, message=message)


@rule("RDY-16", "Role holders are competent", ["7.2"], Gate.stage2, Severity.blocker)
def role_competence(facts: Facts, params: Params) -> Outcome:
    """Every person in scope holds a non-expired record for each course their roles
    require, and every role holder has some competence evidence (a current role-specific
    training record): the rule never passes vacuously while role holders exist."""
    return Outcome(
        [
            Failure(
                "person",
                f"{person.name}: {what}.",
                _person_route(facts, person),
                id=str(person.id),
                key=person.name,
            )
            for person in facts.people
            for what in competence_gaps(facts, person)
        ]
    )


def _has_competence_evidence(facts: Facts, person: PersonFacts) -> bool:
    """A current record of a role-specific course (awareness is not competence)."""
    return any(
        pid == person.id and course.kind == CourseKind.role and _valid(record, facts)
        for (pid, cid), record in facts.records.items()
        if (course := facts.courses.get(cid)) is not None
    )


@rule("RDY-17", "Training effectiveness evaluated", ["7.2"], Gate.stage2, Severity.warning)
def training_evaluated(facts: Facts, params: Params) -> Outcome:
    """The newest record of every role-specific course has an effectiveness evaluation
    (quiz, assessment, supervisor sign-off ...)."""
    names = {p.id: p.name for p in facts.people}
    failures = []
    for (person_id, course_id), record in sorted(facts.records.items(), key=lambda kv: str(kv[0])):
        course = facts.courses.get(course_id)
        if course is None or course.kind != CourseKind.role or record.evaluated:
            continue
        if person_id not in names:
            continue  # out of scope
        failures.append(
            Failure(
                "person",
                f"{names[person_id]}: '{course.title}' has no effectiveness evaluation.",
                facts.route(f"/training/people/{person_id}"),
                id=str(person_id),
                key=names[person_id],
            )
        )
    return Outcome(failures)


RULES: list[Rule] = [competence_defined, awareness_trained, role_competence, training_evaluated]
