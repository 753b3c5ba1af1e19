from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Header, Path, Response, status
from fastapi.responses import StreamingResponse

from certready.api.csv import CSV_RESPONSES, ListFormatDep, list_or_csv
from certready.api.deps import DatabaseDep, SessionDep
from certready.core.http import set_etag
from certready.core.pagination import PageDep
from certready.core.problems import problem_responses
from certready.core.types import PositiveInt32Path
from certready.evidence import ingest, integrity, service
from certready.evidence.deps import (
    ApproveRight,
    CreateBody,
    EvidenceDep,
    EvidenceReader,
    EvidenceWriter,
    FiltersDep,
    FormBody,
    IdempotencyKeyHeader,
    RawBody,
    RawMetadata,
    StoreDep,
    UploadsDep,
)
from certready.evidence.responses import file_response, outcome_response
from certready.evidence.schemas import (
    DI_KEY_PATTERN,
    EvidenceArchive,
    EvidenceCreate,
    EvidencePage,
    EvidenceRead,
    EvidenceTransition,
    EvidenceUpdate,
    EvidenceVersionPage,
    EvidenceVersionRead,
    VerificationRead,
)
from certready.requirements.catalogue.loader import REF_PATTERN

router = APIRouter(prefix="/orgs/{org}/evidence", tags=["evidence"])

Ref = Annotated[str, Path(pattern=REF_PATTERN, max_length=32)]
DocumentKey = Annotated[str, Path(pattern=DI_KEY_PATTERN)]
UPLOAD_ERRORS = problem_responses(409, 413, 415)


def _create_schema() -> dict[str, Any]:
    schema = EvidenceCreate.model_json_schema(ref_template="#/components/schemas/{model}")
    schema.pop("$defs", None)
    return schema


def _form_schema(with_metadata: bool) -> dict[str, Any]:
    properties: dict[str, Any] = {"file": {"type": "string", "format": "binary"}}
    if with_metadata:
        properties = {**_create_schema()["properties"], **properties}
        return {"type": "object", "properties": properties, "required": ["title", "kind"]}
    return {"type": "object", "properties": properties, "required": ["file"]}


_ANY_FILE = {"*/*": {"schema": {"type": "string", "format": "binary"}}}
_BINARY = {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}
CREATE_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {"schema": _create_schema()},
            "multipart/form-data": {"schema": _form_schema(True)},
        },
    }
}
FORM_BODY = {
    "requestBody": {
        "required": True,
        "content": {"multipart/form-data": {"schema": _form_schema(False)}},
    }
}
RAW_BODY = {"requestBody": {"required": True, "content": _BINARY}}


@router.get("", response_model=EvidencePage, responses=CSV_RESPONSES)
async def list_evidence(
    ctx: EvidenceReader, session: SessionDep, page: PageDep, fmt: ListFormatDep, filters: FiltersDep
) -> EvidencePage | StreamingResponse:
    """List evidence items, newest first, with their current version and links."""
    return await list_or_csv(
        fmt, page, lambda p: service.list_evidence(session, ctx, filters, p), EvidencePage
    )


@router.post(
    "",
    response_model=EvidenceRead,
    status_code=status.HTTP_201_CREATED,
    responses=UPLOAD_ERRORS,
    openapi_extra=CREATE_BODY,
)
async def create_evidence(
    ctx: EvidenceWriter,
    session: SessionDep,
    uploads: UploadsDep,
    body: CreateBody,
    idempotency_key: IdempotencyKeyHeader = None,
) -> Response:
    """Create an evidence item from JSON, or from a multipart form with its first file.

    The multipart file (field `file`) streams straight into the store; lists are
    repeated fields. `Idempotency-Key` makes a retry return the first result.
    """
    outcome = await ingest.create_evidence(session, uploads, ctx, body, idempotency_key)
    return outcome_response(outcome)


@router.put(
    "/upload",
    response_model=EvidenceRead,
    status_code=status.HTTP_201_CREATED,
    responses=UPLOAD_ERRORS,
    openapi_extra=RAW_BODY,
)
async def upload_evidence(
    ctx: EvidenceWriter,
    session: SessionDep,
    uploads: UploadsDep,
    metadata: RawMetadata,
    upload: RawBody,
    idempotency_key: IdempotencyKeyHeader = None,
) -> Response:
    """Create an evidence item and its first version from a raw body (scripts and CI).

    The body is the file; metadata is in the query string; the file name comes from
    `filename` or `Content-Disposition`; `X-Content-SHA256` is checked if sent.
    """
    outcome = await ingest.create_evidence_raw(
        session, uploads, ctx, metadata, upload, idempotency_key
    )
    return outcome_response(outcome)


@router.get("/{evidence_id}", response_model=EvidenceRead)
async def get_evidence(
    ctx: EvidenceReader, evidence: EvidenceDep, session: SessionDep, response: Response
) -> EvidenceRead:
    """Read one evidence item; the `ETag` header is needed to change its metadata."""
    set_etag(response, evidence.revision)
    return await service.evidence_read(session, evidence)


@router.patch(
    "/{evidence_id}", response_model=EvidenceRead, responses=problem_responses(409, 412, 428)
)
async def update_evidence(
    data: EvidenceUpdate,
    ctx: EvidenceWriter,
    evidence: EvidenceDep,
    session: SessionDep,
    response: Response,
    if_match: Annotated[str | None, Header()] = None,
) -> EvidenceRead:
    """Change an item's metadata (title, kind, owner, dates, tags, reference)."""
    evidence = await service.update_evidence(session, ctx, evidence, data, if_match)
    set_etag(response, evidence.revision)
    return await service.evidence_read(session, evidence)


@router.post(
    "/{evidence_id}/transitions", response_model=EvidenceRead, responses=problem_responses(409)
)
async def transition_evidence(
    data: EvidenceTransition,
    ctx: EvidenceWriter,
    approver: ApproveRight,
    evidence: EvidenceDep,
    session: SessionDep,
) -> EvidenceRead:
    """Move an item through approval: submit, approve, reject, withdraw (409 lists the allowed)."""
    evidence = await service.transition_evidence(session, ctx, evidence, data, approver)
    return await service.evidence_read(session, evidence)


@router.post(
    "/{evidence_id}/archive", response_model=EvidenceRead, responses=problem_responses(409)
)
async def archive_evidence(
    ctx: EvidenceWriter,
    evidence: EvidenceDep,
    session: SessionDep,
    data: EvidenceArchive | None = None,
) -> EvidenceRead:
    """Archive an item (instead of deleting it): its versions stay, it leaves normal lists."""
    evidence = await service.archive_evidence(session, ctx, evidence, data or EvidenceArchive())
    return await service.evidence_read(session, evidence)


@router.post(
    "/{evidence_id}/unarchive", response_model=EvidenceRead, responses=problem_responses(409)
)
async def unarchive_evidence(
    ctx: EvidenceWriter, evidence: EvidenceDep, session: SessionDep
) -> EvidenceRead:
    """Bring an archived item back into the normal lists."""
    evidence = await service.unarchive_evidence(session, ctx, evidence)
    return await service.evidence_read(session, evidence)


@router.get("/{evidence_id}/versions", response_model=EvidenceVersionPage, responses=CSV_RESPONSES)
async def list_evidence_versions(
    ctx: EvidenceReader,
    evidence: EvidenceDep,
    session: SessionDep,
    page: PageDep,
    fmt: ListFormatDep,
) -> EvidenceVersionPage | StreamingResponse:
    """List an item's file versions, newest first."""
    return await list_or_csv(
        fmt, page, lambda p: service.list_versions(session, evidence, p), EvidenceVersionPage
    )


@router.post(
    "/{evidence_id}/versions",
    response_model=EvidenceVersionRead,
    status_code=status.HTTP_201_CREATED,
    responses=UPLOAD_ERRORS,
    openapi_extra=FORM_BODY,
)
async def add_evidence_version(
    ctx: EvidenceWriter,
    evidence: EvidenceDep,
    session: SessionDep,
    uploads: UploadsDep,
    form: FormBody,
    idempotency_key: IdempotencyKeyHeader = None,
) -> Response:
    """Add a new version from a multipart form (field `file`); the item returns to draft."""
    outcome = await ingest.add_version_form(session, uploads, ctx, evidence, form, idempotency_key)
    return outcome_response(outcome)


@router.put(
    "/{evidence_id}/versions/new",
    response_model=EvidenceVersionRead,
    status_code=status.HTTP_201_CREATED,
    responses=UPLOAD_ERRORS,
    openapi_extra=RAW_BODY,
)
async def upload_evidence_version(
    ctx: EvidenceWriter,
    evidence: EvidenceDep,
    session: SessionDep,
    uploads: UploadsDep,
    upload: RawBody,
    idempotency_key: IdempotencyKeyHeader = None,
) -> Response:
    """Add a new version from a raw body (scripts and CI); the item returns to draft."""
    outcome = await ingest.add_version_raw(session, uploads, ctx, evidence, upload, idempotency_key)
    return outcome_response(outcome)


@router.get("/{evidence_id}/versions/{number}", response_model=EvidenceVersionRead)
async def get_evidence_version(
    ctx: EvidenceReader, evidence: EvidenceDep, number: PositiveInt32Path, session: SessionDep
) -> EvidenceVersionRead:
    """Read one version's metadata: SHA-256, size, media type, file name, uploader."""
    return service.version_read(await service.get_version(session, evidence, number))


@router.get(
    "/{evidence_id}/versions/{number}/content",
    responses={
        # the file's own media type (application/pdf, image/png, text/csv, ...)
        200: {"content": _ANY_FILE, "description": "The file"},
        206: {"content": _ANY_FILE, "description": "The requested byte range"},
        304: {"description": "Not modified (If-None-Match names this file)"},
        **problem_responses(409, 416),
    },
    response_class=Response,
)
async def download_evidence_version(
    ctx: EvidenceReader,
    evidence: EvidenceDep,
    number: PositiveInt32Path,
    session: SessionDep,
    db: DatabaseDep,
    store: StoreDep,
    range_: Annotated[str | None, Header(alias="Range", max_length=200)] = None,
    if_range: Annotated[str | None, Header(max_length=200)] = None,
    if_none_match: Annotated[str | None, Header(max_length=1000)] = None,
) -> Response:
    """Download a version's file, verified against its SHA-256 first (`ETag`), as an attachment.

    A single `Range` is honoured (206); a file that fails verification is refused (409).
    """
    version = await service.get_version(session, evidence, number)
    download = await integrity.open_download(
        db, store, ctx, evidence, version, range_header=range_, if_range=if_range
    )
    return file_response(download, range_, if_range, if_none_match)


@router.post("/{evidence_id}/versions/{number}/verify", response_model=VerificationRead)
async def verify_evidence_version(
    ctx: EvidenceReader,
    evidence: EvidenceDep,
    number: PositiveInt32Path,
    session: SessionDep,
    store: StoreDep,
) -> VerificationRead:
    """Re-hash a version's stored file and report ok, mismatch or missing."""
    version = await service.get_version(session, evidence, number)
    return await integrity.verify_version(session, store, ctx, evidence, version)


@router.post(
    "/{evidence_id}/requirements/{ref}",
    response_model=EvidenceRead,
    responses=problem_responses(409),
)
async def link_evidence_requirement(
    ref: Ref, ctx: EvidenceWriter, evidence: EvidenceDep, session: SessionDep
) -> EvidenceRead:
    """Link the item to a requirement (by ref); linking twice changes nothing."""
    evidence = await service.link_requirement(session, ctx, evidence, ref)
    return await service.evidence_read(session, evidence)


@router.delete(
    "/{evidence_id}/requirements/{ref}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(409),
)
async def unlink_evidence_requirement(
    ref: Ref, ctx: EvidenceWriter, evidence: EvidenceDep, session: SessionDep
) -> None:
    """Remove the item's link to a requirement."""
    await service.unlink_requirement(session, ctx, evidence, ref)


@router.post(
    "/{evidence_id}/documented-information/{key}",
    response_model=EvidenceRead,
    responses=problem_responses(409),
)
async def link_evidence_documented_information(
    key: DocumentKey, ctx: EvidenceWriter, evidence: EvidenceDep, session: SessionDep
) -> EvidenceRead:
    """Record that the item fulfils a mandatory document or record (D1, R3, ...)."""
    evidence = await service.link_document(session, ctx, evidence, key)
    return await service.evidence_read(session, evidence)


@router.delete(
    "/{evidence_id}/documented-information/{key}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(409),
)
async def unlink_evidence_documented_information(
    key: DocumentKey, ctx: EvidenceWriter, evidence: EvidenceDep, session: SessionDep
) -> None:
    """Remove the record that the item fulfils a document or record."""
    await service.unlink_document(session, ctx, evidence, key)
