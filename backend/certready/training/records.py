"""Completion records and their CSV import (ISO/IEC 20000-1 7.2; iso20000.md RDY-15..17)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from certready.activity.service import record, snapshot
from certready.context import OrgContext
from certready.core.changes import ChangeSpec, check_version, requested, update_object
from certready.core.clock import today
from certready.core.pagination import PageParams, paginate
from certready.core.problems import Unprocessable
from certready.training import importer
from certready.training.courses import expiry
from certready.training.models import TrainingCourse, TrainingPerson, TrainingRecord
from certready.training.repository import CourseRepository, PersonRepository, RecordRepository
from certready.training.schemas import RecordCreate, RecordUpdate

RECORD_FIELDS = [
    "person_id",
    "course_id",
    "completed_on",
    "expires_on",
    "certificate_evidence_id",
    "evaluation_method",
    "evaluation_result",
]
RECORD_CHANGES = ChangeSpec(
    object_type="training_record",
    fields=RECORD_FIELDS,
    label=lambda _record: "Training record",
    required=frozenset({"completed_on"}),
)


async def list_records(
    session: AsyncSession,
    org_id: uuid.UUID,
    person_id: uuid.UUID | None,
    course_id: uuid.UUID | None,
    page: PageParams,
) -> tuple[list[TrainingRecord], str | None, int]:
    """One page of records, latest completion first, of one person or course."""
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
    """Record a completed training; its expiry follows from the course's validity."""
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
    """Change a record; a new completion date moves its expiry with it."""
    check_version(rec, if_match, RECORD_CHANGES)
    values = requested(data, RECORD_CHANGES)
    method = values.get("evaluation_method", rec.evaluation_method)
    result = values.get("evaluation_result", rec.evaluation_result)
    _check_evaluation(method, result)
    if "certificate_evidence_id" in values:
        repo = RecordRepository(session, ctx.org_id)
        await _check_evidence(repo, values["certificate_evidence_id"])
    if "completed_on" in values:
        _check_completed_on(values["completed_on"], ["body", "completed_on"])
        course = await CourseRepository(session, ctx.org_id).get_or_404(rec.course_id)
        values["expires_on"] = expiry(values["completed_on"], course.validity_months)
    await update_object(
        session,
        ctx,
        rec,
        values,
        RECORD_CHANGES,
        if_match=if_match,
        action="training.record.update",
    )
    return rec


async def delete_record(session: AsyncSession, ctx: OrgContext, rec: TrainingRecord) -> None:
    """Delete a completion record entered by mistake."""
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


def _planned_record(
    ctx: OrgContext, row: importer.CsvRow, person: TrainingPerson, course: TrainingCourse
) -> TrainingRecord:
    return TrainingRecord(
        org_id=ctx.org_id,
        person_id=person.id,
        course_id=course.id,
        completed_on=row.completed_on,
        expires_on=expiry(row.completed_on, course.validity_months),
        evaluation_method=row.evaluation_method,
        evaluation_result=row.evaluation_result,
        recorded_by_id=ctx.actor.id,
    )


def _row_errors(
    row: importer.CsvRow, person: TrainingPerson | None, course: TrainingCourse | None, as_of: date
) -> list[dict[str, Any]]:
    errors = []
    if person is None:
        errors.append(importer.row_error(row.line, "email", "No person in scope has this e-mail."))
    if course is None:
        errors.append(importer.row_error(row.line, "course", "No course with this title or id."))
    if row.completed_on > as_of:
        errors.append(importer.row_error(row.line, "completed_on", "In the future."))
    return errors


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
    existing = await RecordRepository(session, ctx.org_id).existing_keys()
    errors: list[dict[str, Any]] = []
    planned: list[TrainingRecord] = []
    skipped = 0
    as_of = today()
    for row in rows:
        person = people.get(row.email)
        course = by_title.get(row.course) or by_id.get(row.course.lower())
        row_errors = _row_errors(row, person, course, as_of)
        errors += row_errors
        if row_errors or person is None or course is None:
            continue
        key = (person.id, course.id, row.completed_on)
        if key in existing:
            skipped += 1
            continue
        existing.add(key)
        planned.append(_planned_record(ctx, row, person, course))
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
