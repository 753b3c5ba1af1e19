from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Header, Query, Request, Response, status
from fastapi.responses import StreamingResponse

from certready.api.csv import CSV_RESPONSES, ListFormatDep, list_or_csv
from certready.api.deps import SessionDep
from certready.core.http import set_etag
from certready.core.pagination import PageDep
from certready.core.problems import problem_responses
from certready.training import courses, importer, matrix, people, records
from certready.training.deps import (
    CompetenceRequirementDep,
    CourseDep,
    PersonDep,
    RecordDep,
    TrainingReader,
    TrainingWriter,
)
from certready.training.enums import CourseKind
from certready.training.schemas import (
    CompetenceRequirementCreate,
    CompetenceRequirementPage,
    CompetenceRequirementRead,
    CourseCreate,
    CoursePage,
    CourseRead,
    CourseUpdate,
    MembersImport,
    MembersImportResult,
    PersonCreate,
    PersonPage,
    PersonRead,
    PersonUpdate,
    RecordCreate,
    RecordImportResult,
    RecordPage,
    RecordRead,
    RecordUpdate,
    TrainingMatrix,
)

router = APIRouter(prefix="/orgs/{org}/training", tags=["training"])

IfMatch = Annotated[str | None, Header()]
CSV_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {
            "text/csv": {"schema": {"type": "string"}},
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": ["file"],
                    "properties": {"file": {"type": "string", "format": "binary"}},
                }
            },
        },
    }
}


# --- courses ---------------------------------------------------------------------------------


@router.get("/courses", response_model=CoursePage, responses=CSV_RESPONSES)
async def list_courses(
    ctx: TrainingReader,
    session: SessionDep,
    page: PageDep,
    fmt: ListFormatDep,
    kind: CourseKind | None = None,
) -> CoursePage | StreamingResponse:
    """List the training courses, by title, optionally of one kind."""
    return await list_or_csv(
        fmt,
        page,
        lambda p: courses.list_courses(session, ctx.org_id, kind, p),
        CoursePage,
        item=CourseRead.model_validate,
    )


@router.post(
    "/courses",
    response_model=CourseRead,
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(409),
)
async def create_course(
    data: CourseCreate, ctx: TrainingWriter, session: SessionDep, response: Response
) -> CourseRead:
    """Create a course (awareness courses are required of everyone in scope)."""
    course = await courses.create_course(session, ctx, data)
    set_etag(response, course.version)
    return CourseRead.model_validate(course)


@router.get("/courses/{course_id}", response_model=CourseRead)
async def get_course(ctx: TrainingReader, course: CourseDep, response: Response) -> CourseRead:
    """Read a course; the `ETag` header is needed to change it."""
    set_etag(response, course.version)
    return CourseRead.model_validate(course)


@router.patch(
    "/courses/{course_id}", response_model=CourseRead, responses=problem_responses(409, 412, 428)
)
async def update_course(
    data: CourseUpdate,
    ctx: TrainingWriter,
    course: CourseDep,
    session: SessionDep,
    response: Response,
    if_match: IfMatch = None,
) -> CourseRead:
    """Change a course (send `If-Match`); a new validity recomputes every record's expiry."""
    course = await courses.update_course(session, ctx, course, data, if_match)
    set_etag(response, course.version)
    return CourseRead.model_validate(course)


@router.delete(
    "/courses/{course_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(409),
)
async def delete_course(ctx: TrainingWriter, course: CourseDep, session: SessionDep) -> None:
    """Delete a course that has no completion records, with its competence requirements."""
    await courses.delete_course(session, ctx, course)


# --- competence requirements -----------------------------------------------------------------


@router.get("/requirements", response_model=CompetenceRequirementPage, responses=CSV_RESPONSES)
async def list_competence_requirements(
    ctx: TrainingReader,
    session: SessionDep,
    page: PageDep,
    fmt: ListFormatDep,
    role_key: Annotated[str | None, Query(max_length=200)] = None,
    course_id: uuid.UUID | None = None,
) -> CompetenceRequirementPage | StreamingResponse:
    """List which role keys require which courses (7.2 competence requirements)."""
    return await list_or_csv(
        fmt,
        page,
        lambda p: courses.list_requirements(session, ctx.org_id, role_key, course_id, p),
        CompetenceRequirementPage,
        item=CompetenceRequirementRead.model_validate,
    )


@router.post(
    "/requirements",
    response_model=CompetenceRequirementRead,
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(409),
)
async def create_competence_requirement(
    data: CompetenceRequirementCreate, ctx: TrainingWriter, session: SessionDep
) -> CompetenceRequirementRead:
    """Require a course of a role (an org role or an SMS role name)."""
    req = await courses.create_requirement(session, ctx, data)
    return CompetenceRequirementRead.model_validate(req)


@router.delete("/requirements/{requirement_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_competence_requirement(
    ctx: TrainingWriter, req: CompetenceRequirementDep, session: SessionDep
) -> None:
    """Stop requiring a course of a role."""
    await courses.delete_requirement(session, ctx, req)


# --- people ----------------------------------------------------------------------------------


@router.get("/people", response_model=PersonPage, responses=CSV_RESPONSES)
async def list_training_people(
    ctx: TrainingReader,
    session: SessionDep,
    page: PageDep,
    fmt: ListFormatDep,
    in_scope: bool | None = None,
) -> PersonPage | StreamingResponse:
    """List the people in the SMS scope (members and people without an account)."""
    return await list_or_csv(
        fmt, page, lambda p: people.list_people(session, ctx.org_id, in_scope, p), PersonPage
    )


@router.post(
    "/people",
    response_model=PersonRead,
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(409),
)
async def create_training_person(
    data: PersonCreate, ctx: TrainingWriter, session: SessionDep, response: Response
) -> PersonRead:
    """Bring a member (`user_id`) or a person without an account into the SMS scope."""
    person = await people.create_person(session, ctx, data)
    set_etag(response, person.version)
    return await people.person_row(session, person)


@router.post("/people/import-members", response_model=MembersImportResult)
async def import_training_members(
    data: MembersImport, ctx: TrainingWriter, session: SessionDep
) -> MembersImportResult:
    """Bring every member not yet in scope into it (external auditors excluded by default)."""
    return MembersImportResult(added=await people.import_members(session, ctx, data))


@router.get("/people/{person_id}", response_model=PersonRead)
async def get_training_person(
    ctx: TrainingReader, person: PersonDep, session: SessionDep, response: Response
) -> PersonRead:
    """Read a person in scope; the `ETag` header is needed to change them."""
    set_etag(response, person.version)
    return await people.person_row(session, person)


@router.patch(
    "/people/{person_id}", response_model=PersonRead, responses=problem_responses(409, 412, 428)
)
async def update_training_person(
    data: PersonUpdate,
    ctx: TrainingWriter,
    person: PersonDep,
    session: SessionDep,
    response: Response,
    if_match: IfMatch = None,
) -> PersonRead:
    """Change a person's SMS roles, name, e-mail or whether they are in scope."""
    person = await people.update_person(session, ctx, person, data, if_match)
    set_etag(response, person.version)
    return await people.person_row(session, person)


@router.delete(
    "/people/{person_id}", status_code=status.HTTP_204_NO_CONTENT, responses=problem_responses(409)
)
async def delete_training_person(
    ctx: TrainingWriter, person: PersonDep, session: SessionDep
) -> None:
    """Remove a person without training records (otherwise set `in_scope` to false)."""
    await people.delete_person(session, ctx, person)


# --- completion records ----------------------------------------------------------------------


@router.get("/records", response_model=RecordPage, responses=CSV_RESPONSES)
async def list_training_records(
    ctx: TrainingReader,
    session: SessionDep,
    page: PageDep,
    fmt: ListFormatDep,
    person_id: uuid.UUID | None = None,
    course_id: uuid.UUID | None = None,
) -> RecordPage | StreamingResponse:
    """List completion records, latest completion first, by person or course."""
    return await list_or_csv(
        fmt,
        page,
        lambda p: records.list_records(session, ctx.org_id, person_id, course_id, p),
        RecordPage,
        item=RecordRead.model_validate,
    )


@router.post(
    "/records",
    response_model=RecordRead,
    status_code=status.HTTP_201_CREATED,
)
async def create_training_record(
    data: RecordCreate, ctx: TrainingWriter, session: SessionDep, response: Response
) -> RecordRead:
    """Record a completed training; its expiry follows from the course validity."""
    rec = await records.create_record(session, ctx, data)
    set_etag(response, rec.version)
    return RecordRead.model_validate(rec)


@router.post(
    "/records/import",
    response_model=RecordImportResult,
    responses=problem_responses(413, 415),
    openapi_extra=CSV_BODY,
)
async def import_training_records(
    request: Request, ctx: TrainingWriter, session: SessionDep
) -> RecordImportResult:
    """Import completion records from CSV (email, course, completed_on[, evaluation_method,
    evaluation_result]); all or nothing, with an error per bad cell."""
    text = await importer.read_csv(request)
    created, skipped = await records.import_records(session, ctx, text)
    return RecordImportResult(created=created, skipped_duplicates=skipped)


@router.get("/records/{record_id}", response_model=RecordRead)
async def get_training_record(
    ctx: TrainingReader, rec: RecordDep, response: Response
) -> RecordRead:
    """Read a completion record; the `ETag` header is needed to change it."""
    set_etag(response, rec.version)
    return RecordRead.model_validate(rec)


@router.patch(
    "/records/{record_id}", response_model=RecordRead, responses=problem_responses(412, 428)
)
async def update_training_record(
    data: RecordUpdate,
    ctx: TrainingWriter,
    rec: RecordDep,
    session: SessionDep,
    response: Response,
    if_match: IfMatch = None,
) -> RecordRead:
    """Change a record: completion date, certificate evidence, effectiveness evaluation."""
    rec = await records.update_record(session, ctx, rec, data, if_match)
    set_etag(response, rec.version)
    return RecordRead.model_validate(rec)


@router.delete("/records/{record_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_training_record(ctx: TrainingWriter, rec: RecordDep, session: SessionDep) -> None:
    """Delete a completion record entered by mistake."""
    await records.delete_record(session, ctx, rec)


# --- matrix ----------------------------------------------------------------------------------


@router.get("/matrix", response_model=TrainingMatrix)
async def get_training_matrix(
    ctx: TrainingReader,
    session: SessionDep,
    role: Annotated[str | None, Query(max_length=200, description="One role key.")] = None,
    expiring_within_days: Annotated[int, Query(ge=0, le=3650)] = 30,
) -> TrainingMatrix:
    """Person x required course (`ok`, `expiring`, `expired`, `missing`) with coverage
    overall, for awareness and per role."""
    return await matrix.training_matrix(session, ctx.org_id, role, expiring_within_days)
