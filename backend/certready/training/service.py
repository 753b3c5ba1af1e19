"""Training and competence rules (ISO/IEC 20000-1 7.2, 7.3; iso20000.md RDY-14..17).

People in scope are explicit ``training_person`` rows: a member is brought into
scope by ``user_id`` (one at a time or by importing all members), anyone without
an account by name and e-mail. Members are not added automatically because not
every member is in the SMS scope (the certification body's auditor, a viewer from
another department). A member person also holds their organisation role as a role
key, so a requirement on ``process_owner`` applies to every process-owner member.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from certready.activity.service import diff, record, snapshot
from certready.context import OrgContext
from certready.core.clock import add_months, today, utcnow
from certready.core.http import check_if_match
from certready.core.pagination import PageParams, paginate
from certready.core.problems import Conflict, Unprocessable
from certready.db.base import columns
from certready.orgs.repository import MembershipRepository
from certready.training import importer
from certready.training.enums import CellState, CourseKind
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
from certready.training.schemas import (
    CompetenceRequirementCreate,
    CourseCreate,
    CourseUpdate,
    Coverage,
    MatrixCell,
    MatrixCourse,
    MatrixCoverage,
    MatrixRow,
    MembersImport,
    PersonCreate,
    PersonRead,
    PersonUpdate,
    RecordCreate,
    RecordUpdate,
    RoleCoverage,
    TrainingMatrix,
)

COURSE_FIELDS = ["title", "description", "validity_months", "kind"]
PERSON_FIELDS = ["user_id", "full_name", "email", "role_keys", "in_scope"]
RECORD_FIELDS = [
    "person_id",
    "course_id",
    "completed_on",
    "expires_on",
    "certificate_evidence_id",
    "evaluation_method",
    "evaluation_result",
]
AWARENESS = "awareness"


def expiry(completed_on: date, validity_months: int | None) -> date | None:
    # Valid through the day before the anniversary: 24 months from 2025-03-01 ends 2027-02-28.
    if validity_months is None:
        return None
    return add_months(completed_on, validity_months) - timedelta(days=1)


def _touch(obj: Any) -> None:
    obj.version += 1
    obj.updated_at = utcnow()


# --- courses ---------------------------------------------------------------------------------


async def list_courses(
    session: AsyncSession, org_id: uuid.UUID, kind: CourseKind | None, page: PageParams
) -> tuple[list[TrainingCourse], str | None, int]:
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
    check_if_match(if_match, course.version)
    repo = CourseRepository(session, ctx.org_id)
    before = snapshot(course, COURSE_FIELDS)
    for key, value in data.model_dump(exclude_unset=True).items():
        if value is None and key in {"title", "kind"}:
            raise Unprocessable(f"The {key} cannot be empty.", loc=["body", key])
        if key == "title":
            await _ensure_title_free(repo, value, course.id)
        setattr(course, key, "" if value is None and key == "description" else value)
    changed_before, changed_after = diff(before, snapshot(course, COURSE_FIELDS))
    if changed_after:
        _touch(course)
        if "validity_months" in changed_after:
            # Expiry follows the course: a corrected validity applies to every completion.
            for rec in await RecordRepository(session, ctx.org_id).for_course(course.id):
                rec.expires_on = expiry(rec.completed_on, course.validity_months)
        record(
            session,
            org_id=ctx.org_id,
            actor=ctx.actor,
            action="training.course.update",
            object_type="training_course",
            object_id=course.id,
            summary=f"Course '{course.title}' changed: " + ", ".join(sorted(changed_after)),
            before=changed_before,
            after=changed_after,
        )
    await session.flush()
    return course


async def delete_course(session: AsyncSession, ctx: OrgContext, course: TrainingCourse) -> None:
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
    stmt = RequirementRepository(session, org_id).filtered(role_key, course_id)
    keys = [col(CompetenceRequirement.role_key), col(CompetenceRequirement.id)]
    return await paginate(session, stmt, keys=keys, params=page)


async def create_requirement(
    session: AsyncSession, ctx: OrgContext, data: CompetenceRequirementCreate
) -> CompetenceRequirement:
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


# --- people ----------------------------------------------------------------------------------


def effective_roles(person: TrainingPerson, org_role: str | None) -> list[str]:
    keys = list(dict.fromkeys(person.role_keys or []))
    if org_role and org_role not in keys:
        keys.append(org_role)
    return keys


def person_read(person: TrainingPerson, org_role: str | None) -> PersonRead:
    return PersonRead.model_validate(
        {
            **columns(person),
            "role_keys": list(person.role_keys or []),
            "org_role": org_role,
            "effective_role_keys": effective_roles(person, org_role),
        }
    )


async def list_people(
    session: AsyncSession, org_id: uuid.UUID, in_scope: bool | None, page: PageParams
) -> tuple[list[PersonRead], str | None, int]:
    stmt = PersonRepository(session, org_id).with_roles()
    if in_scope is not None:
        stmt = stmt.where(col(TrainingPerson.in_scope).is_(in_scope))
    rows, next_cursor, total = await paginate(
        session,
        stmt,
        keys=[col(TrainingPerson.full_name), col(TrainingPerson.id)],
        params=page,
        rows_as_tuples=True,
    )
    return [person_read(p, r) for p, r in rows], next_cursor, total


async def person_row(session: AsyncSession, person: TrainingPerson) -> PersonRead:
    row = await PersonRepository(session, person.org_id).get_row(person.id)
    return person_read(person, row[1] if row else None)


async def _ensure_email_free(
    repo: PersonRepository, email: str | None, person_id: uuid.UUID | None = None
) -> None:
    if email is None:
        return
    found = await repo.by_email(email)
    if found is not None and found.id != person_id:
        raise Conflict(f"{email} is already in scope.", extra={"field": "email"})


def _person_created(session: AsyncSession, ctx: OrgContext, person: TrainingPerson) -> None:
    record(
        session,
        org_id=ctx.org_id,
        actor=ctx.actor,
        action="training.person.create",
        object_type="training_person",
        object_id=person.id,
        summary=f"{person.full_name} brought into the SMS scope",
        after=snapshot(person, PERSON_FIELDS),
    )


async def create_person(
    session: AsyncSession, ctx: OrgContext, data: PersonCreate
) -> TrainingPerson:
    repo = PersonRepository(session, ctx.org_id)
    roles = list(dict.fromkeys(data.role_keys))
    email: str | None
    if data.user_id is not None:
        member = await MembershipRepository(session, ctx.org_id).get(data.user_id)
        if member is None:
            raise Unprocessable("No such member.", loc=["body", "user_id"])
        if await repo.by_user(data.user_id) is not None:
            raise Conflict("This member is already in scope.", extra={"field": "user_id"})
        user = member[1]
        # A member's name and e-mail come from their account.
        full_name, email = user.full_name or user.email, str(user.email).lower()
    else:
        full_name, email = str(data.full_name), str(data.email).lower() if data.email else None
    await _ensure_email_free(repo, email)
    person = repo.add(
        TrainingPerson(
            org_id=ctx.org_id,
            user_id=data.user_id,
            full_name=full_name,
            email=email,
            role_keys=roles,
            in_scope=data.in_scope,
        )
    )
    await session.flush()
    _person_created(session, ctx, person)
    await session.flush()
    return person


async def import_members(
    session: AsyncSession, ctx: OrgContext, data: MembersImport
) -> list[PersonRead]:
    """Bring every member not yet in scope into it (idempotent)."""
    repo = PersonRepository(session, ctx.org_id)
    taken = {p.email for p, _ in await repo.all_rows() if p.email}
    added: list[PersonRead] = []
    for membership, user in await repo.members_not_in_scope():
        if membership.role in data.exclude_roles or user.email.lower() in taken:
            continue
        person = repo.add(
            TrainingPerson(
                org_id=ctx.org_id,
                user_id=user.id,
                full_name=user.full_name or user.email,
                email=user.email.lower(),
                role_keys=[],
            )
        )
        await session.flush()
        _person_created(session, ctx, person)
        added.append(person_read(person, str(membership.role)))
    await session.flush()
    return added


async def update_person(
    session: AsyncSession,
    ctx: OrgContext,
    person: TrainingPerson,
    data: PersonUpdate,
    if_match: str | None,
) -> TrainingPerson:
    check_if_match(if_match, person.version)
    repo = PersonRepository(session, ctx.org_id)
    before = snapshot(person, PERSON_FIELDS)
    changes = data.model_dump(exclude_unset=True)
    if person.user_id is not None and {"full_name", "email"} & changes.keys():
        raise Unprocessable(
            "A member's name and e-mail come from their account.",
            loc=["body", "full_name" if "full_name" in changes else "email"],
        )
    for key, given in changes.items():
        if given is None and key in {"full_name", "role_keys", "in_scope"}:
            raise Unprocessable(f"The {key} cannot be empty.", loc=["body", key])
        value = given
        if key == "email" and given is not None:
            value = str(given).lower()
            await _ensure_email_free(repo, value, person.id)
        if key == "role_keys":
            value = list(dict.fromkeys(given))
        setattr(person, key, value)
    changed_before, changed_after = diff(before, snapshot(person, PERSON_FIELDS))
    if changed_after:
        _touch(person)
        record(
            session,
            org_id=ctx.org_id,
            actor=ctx.actor,
            action="training.person.update",
            object_type="training_person",
            object_id=person.id,
            summary=f"{person.full_name} changed: " + ", ".join(sorted(changed_after)),
            before=changed_before,
            after=changed_after,
        )
    await session.flush()
    return person


async def delete_person(session: AsyncSession, ctx: OrgContext, person: TrainingPerson) -> None:
    if await PersonRepository(session, ctx.org_id).has_records(person.id):
        raise Conflict(
            "The person has training records; set in_scope to false instead of deleting."
        )
    record(
        session,
        org_id=ctx.org_id,
        actor=ctx.actor,
        action="training.person.delete",
        object_type="training_person",
        object_id=person.id,
        summary=f"{person.full_name} removed from the SMS scope",
        before=snapshot(person, PERSON_FIELDS),
    )
    await session.delete(person)
    await session.flush()


# --- completion records ----------------------------------------------------------------------


async def list_records(
    session: AsyncSession,
    org_id: uuid.UUID,
    person_id: uuid.UUID | None,
    course_id: uuid.UUID | None,
    page: PageParams,
) -> tuple[list[TrainingRecord], str | None, int]:
    stmt = RecordRepository(session, org_id).filtered(person_id, course_id)
    keys = [col(TrainingRecord.completed_on), col(TrainingRecord.id)]
    return await paginate(session, stmt, keys=keys, params=page, descending=True)


def _check_evaluation(method: Any, result: Any) -> None:
    # RDY-17: an evaluation says how (method) and what came out (result), both or neither.
    if (method is None) != (result is None):
        missing = "evaluation_result" if result is None else "evaluation_method"
        raise Unprocessable(
            "Give both evaluation_method and evaluation_result, or neither.",
            loc=["body", missing],
        )


def _check_completed_on(completed_on: date, loc: Sequence[str | int]) -> None:
    if completed_on > today():
        raise Unprocessable("A completion date cannot be in the future.", loc=loc)


async def _check_evidence(repo: RecordRepository, evidence_id: uuid.UUID | None) -> None:
    if evidence_id is not None and not await repo.evidence_exists(evidence_id):
        raise Unprocessable("No such evidence item.", loc=["body", "certificate_evidence_id"])


def _record_created(session: AsyncSession, ctx: OrgContext, rec: TrainingRecord) -> None:
    record(
        session,
        org_id=ctx.org_id,
        actor=ctx.actor,
        action="training.record.create",
        object_type="training_record",
        object_id=rec.id,
        summary=f"Training completed on {rec.completed_on.isoformat()}",
        after=snapshot(rec, RECORD_FIELDS),
    )


async def create_record(
    session: AsyncSession, ctx: OrgContext, data: RecordCreate
) -> TrainingRecord:
    repo = RecordRepository(session, ctx.org_id)
    person = await PersonRepository(session, ctx.org_id).get(data.person_id)
    if person is None:
        raise Unprocessable("No such person in scope.", loc=["body", "person_id"])
    course = await CourseRepository(session, ctx.org_id).get(data.course_id)
    if course is None:
        raise Unprocessable("No such course.", loc=["body", "course_id"])
    _check_completed_on(data.completed_on, ["body", "completed_on"])
    _check_evaluation(data.evaluation_method, data.evaluation_result)
    await _check_evidence(repo, data.certificate_evidence_id)
    rec = repo.add(
        TrainingRecord(
            org_id=ctx.org_id,
            **data.model_dump(),
            expires_on=expiry(data.completed_on, course.validity_months),
            recorded_by_id=ctx.actor.id,
        )
    )
    await session.flush()
    _record_created(session, ctx, rec)
    await session.flush()
    return rec


async def update_record(
    session: AsyncSession,
    ctx: OrgContext,
    rec: TrainingRecord,
    data: RecordUpdate,
    if_match: str | None,
) -> TrainingRecord:
    check_if_match(if_match, rec.version)
    repo = RecordRepository(session, ctx.org_id)
    changes = data.model_dump(exclude_unset=True)
    if "completed_on" in changes and changes["completed_on"] is None:
        raise Unprocessable("The completed_on cannot be empty.", loc=["body", "completed_on"])
    before = snapshot(rec, RECORD_FIELDS)
    method = changes.get("evaluation_method", rec.evaluation_method)
    result = changes.get("evaluation_result", rec.evaluation_result)
    _check_evaluation(method, result)
    if "certificate_evidence_id" in changes:
        await _check_evidence(repo, changes["certificate_evidence_id"])
    for key, value in changes.items():
        setattr(rec, key, value)
    if "completed_on" in changes:
        _check_completed_on(rec.completed_on, ["body", "completed_on"])
        course = await CourseRepository(session, ctx.org_id).get_or_404(rec.course_id)
        rec.expires_on = expiry(rec.completed_on, course.validity_months)
    changed_before, changed_after = diff(before, snapshot(rec, RECORD_FIELDS))
    if changed_after:
        _touch(rec)
        record(
            session,
            org_id=ctx.org_id,
            actor=ctx.actor,
            action="training.record.update",
            object_type="training_record",
            object_id=rec.id,
            summary="Training record changed: " + ", ".join(sorted(changed_after)),
            before=changed_before,
            after=changed_after,
        )
    await session.flush()
    return rec


async def delete_record(session: AsyncSession, ctx: OrgContext, rec: TrainingRecord) -> None:
    record(
        session,
        org_id=ctx.org_id,
        actor=ctx.actor,
        action="training.record.delete",
        object_type="training_record",
        object_id=rec.id,
        summary="Training record deleted",
        before=snapshot(rec, RECORD_FIELDS),
    )
    await session.delete(rec)
    await session.flush()


async def import_records(session: AsyncSession, ctx: OrgContext, text: str) -> tuple[int, int]:
    """All-or-nothing CSV import: every row is checked before anything is stored.

    People are matched by e-mail, courses by exact title or id; a row equal to a stored
    record (person, course, completion date) is skipped so a re-import is harmless.
    One activity entry describes the whole import.
    """
    rows = importer.parse(text)
    people = {
        p.email: p for p, _ in await PersonRepository(session, ctx.org_id).all_rows() if p.email
    }
    courses = await CourseRepository(session, ctx.org_id).all()
    by_title = {c.title: c for c in courses}
    by_id = {str(c.id): c for c in courses}
    repo = RecordRepository(session, ctx.org_id)
    existing = await repo.existing_keys()
    errors: list[dict[str, Any]] = []
    planned: list[TrainingRecord] = []
    skipped = 0
    as_of = today()
    for row in rows:
        person = people.get(row.email)
        course = by_title.get(row.course) or by_id.get(row.course.lower())
        if person is None:
            errors.append(
                importer.row_error(row.line, "email", "No person in scope has this e-mail.")
            )
        if course is None:
            errors.append(
                importer.row_error(row.line, "course", "No course with this title or id.")
            )
        if row.completed_on > as_of:
            errors.append(importer.row_error(row.line, "completed_on", "In the future."))
        if person is None or course is None or row.completed_on > as_of:
            continue
        key = (person.id, course.id, row.completed_on)
        if key in existing:
            skipped += 1
            continue
        existing.add(key)
        planned.append(
            TrainingRecord(
                org_id=ctx.org_id,
                person_id=person.id,
                course_id=course.id,
                completed_on=row.completed_on,
                expires_on=expiry(row.completed_on, course.validity_months),
                evaluation_method=row.evaluation_method,
                evaluation_result=row.evaluation_result,
                recorded_by_id=ctx.actor.id,
            )
        )
    if errors:
        raise importer.refuse(errors)
    session.add_all(planned)
    record(
        session,
        org_id=ctx.org_id,
        actor=ctx.actor,
        action="training.record.import",
        object_type="training_record",
        object_id=ctx.org_id,
        summary=f"{len(planned)} training record(s) imported from CSV, {skipped} duplicate(s)",
        after={"created": len(planned), "skipped_duplicates": skipped, "rows": len(rows)},
    )
    await session.flush()
    return len(planned), skipped


# --- matrix ----------------------------------------------------------------------------------


def _coverage(counts: dict[CellState, int]) -> dict[str, Any]:
    required = sum(counts.values())
    valid = counts[CellState.ok] + counts[CellState.expiring]
    return {
        "required": required,
        "ok": counts[CellState.ok],
        "expiring": counts[CellState.expiring],
        "expired": counts[CellState.expired],
        "missing": counts[CellState.missing],
        "percent": round(100.0 * valid / required, 1) if required else None,
    }


def _state(latest: tuple[date, date | None, bool] | None, as_of: date, horizon: date) -> CellState:
    if latest is None:
        return CellState.missing
    expires_on = latest[1]
    if expires_on is None:
        return CellState.ok
    if expires_on < as_of:
        return CellState.expired
    return CellState.expiring if expires_on <= horizon else CellState.ok


def _zero() -> dict[CellState, int]:
    return dict.fromkeys(CellState, 0)


async def training_matrix(
    session: AsyncSession, org_id: uuid.UUID, role: str | None, expiring_within_days: int
) -> TrainingMatrix:
    """Person x required course with its state and the coverage (RDY-14, RDY-15, RDY-16).

    Four statements whatever the size: people, courses, requirements, and the latest
    record per person x course. Coverage is computed over everyone in scope; ``role``
    narrows the rows to that role's holders and the columns to its courses.
    """
    people = await PersonRepository(session, org_id).all_rows(in_scope_only=True)
    courses = await CourseRepository(session, org_id).all()
    requirements = await RequirementRepository(session, org_id).all()
    latest = await RecordRepository(session, org_id).latest()
    as_of = today()
    horizon = as_of + timedelta(days=expiring_within_days)

    by_id = {c.id: c for c in courses}
    awareness = [c.id for c in courses if c.kind == CourseKind.awareness]
    role_courses: dict[str, list[uuid.UUID]] = defaultdict(list)
    for req in requirements:
        if req.course_id in by_id:
            role_courses[req.role_key].append(req.course_id)

    overall, aware = _zero(), _zero()
    per_role: dict[str, dict[CellState, int]] = defaultdict(_zero)
    holders: dict[str, int] = defaultdict(int)
    rows: list[MatrixRow] = []
    for person, org_role in people:
        keys = effective_roles(person, org_role)
        required_by: dict[uuid.UUID, list[str]] = defaultdict(list)
        for course_id in awareness:
            required_by[course_id].append(AWARENESS)
        for key in keys:
            holders[key] += 1
            for course_id in role_courses.get(key, []):
                required_by[course_id].append(key)
        cells: list[MatrixCell] = []
        for course_id, reasons in required_by.items():
            found = latest.get((person.id, course_id))
            state = _state(found, as_of, horizon)
            overall[state] += 1
            for reason in reasons:
                (aware if reason == AWARENESS else per_role[reason])[state] += 1
            if role is None or role in reasons:
                cells.append(
                    MatrixCell(
                        course_id=course_id,
                        state=state,
                        required_by=reasons,
                        completed_on=found[0] if found else None,
                        expires_on=found[1] if found else None,
                        evaluated=found[2] if found else False,
                    )
                )
        if role is not None and role not in keys:
            continue
        cells.sort(key=lambda c: by_id[c.course_id].title)
        rows.append(
            MatrixRow(
                person_id=person.id,
                user_id=person.user_id,
                full_name=person.full_name,
                email=person.email,
                role_keys=keys,
                cells=cells,
            )
        )

    shown = set(role_courses.get(role, [])) if role is not None else None
    matrix_courses = [
        MatrixCourse(id=c.id, title=c.title, kind=c.kind, validity_months=c.validity_months)
        for c in courses
        if shown is None or c.id in shown
    ]
    role_keys = sorted(set(holders) | set(role_courses))
    return TrainingMatrix(
        as_of=as_of,
        expiring_within_days=expiring_within_days,
        role=role,
        courses=matrix_courses,
        rows=rows,
        coverage=MatrixCoverage(
            overall=Coverage(**_coverage(overall)),
            awareness=Coverage(**_coverage(aware)),
            roles=[
                RoleCoverage(
                    role_key=key,
                    people=holders.get(key, 0),
                    courses=len(role_courses.get(key, [])),
                    requirements_defined=bool(role_courses.get(key)),
                    **_coverage(per_role[key]),
                )
                for key in role_keys
            ],
        ),
    )
