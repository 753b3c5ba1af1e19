"""Permission aliases, load-or-404 and the upload environment for evidence routes."""

from __future__ import annotations

import json
import uuid
from datetime import date
from typing import Annotated

from fastapi import Depends, Header, Path, Query, Request

from certready.api.deps import DatabaseDep, OrgCtxDep, Requires, SessionDep, SettingsDep
from certready.context import OrgContext
from certready.core.problems import BadRequest, PayloadTooLarge, Unprocessable, UnsupportedMediaType
from certready.evidence import ingest, service
from certready.evidence.enums import EvidenceKind, EvidenceStatus
from certready.evidence.models import Evidence
from certready.evidence.multipart import boundary_of
from certready.evidence.schemas import EvidenceCreate, EvidenceFilters
from certready.evidence.storage import EvidenceStore, current_process_identity
from certready.evidence.uploads import declared_sha256, filename_from_disposition
from certready.orgs.permissions import Action

EvidenceReader = Annotated[OrgContext, Depends(Requires(Action.evidence_read))]
EvidenceWriter = Annotated[OrgContext, Depends(Requires(Action.evidence_write))]


async def get_evidence(
    evidence_id: Annotated[
        str,
        Path(
            max_length=40,
            description="The evidence id (UUID) or its key (`E-12`).",
            examples=["E-12"],
        ),
    ],
    ctx: OrgCtxDep,
    session: SessionDep,
) -> Evidence:
    """The item in the caller's organisation; any other id is the same 404 (and so is an
    item that is not approved, for the certification body's auditor)."""
    return await service.get_evidence(session, ctx, evidence_id)


EvidenceDep = Annotated[Evidence, Depends(get_evidence)]


def get_store(request: Request, settings: SettingsDep) -> EvidenceStore:
    return EvidenceStore(settings.evidence_dir, verified=request.app.state.verified_hashes)


StoreDep = Annotated[EvidenceStore, Depends(get_store)]


def get_uploads(settings: SettingsDep, db: DatabaseDep, store: StoreDep) -> ingest.Uploads:
    return ingest.Uploads(
        db=db, store=store, limit=settings.max_upload_bytes, process=current_process_identity()
    )


UploadsDep = Annotated[ingest.Uploads, Depends(get_uploads)]
IdempotencyKeyHeader = Annotated[
    str | None,
    Header(
        alias="Idempotency-Key",
        max_length=255,
        description="Repeat the request safely: the same key and request return the first result.",
    ),
]


# --- request bodies we parse ourselves (streamed, never spooled) -------------------------

JSON_LIMIT = 1024 * 1024


def _content_length(request: Request) -> int | None:
    value = request.headers.get("content-length")
    return int(value) if value and value.isdigit() else None


async def create_body(request: Request) -> EvidenceCreate | ingest.FormUpload:
    """``POST .../evidence``: JSON metadata, or multipart metadata plus a first file."""
    content_type = request.headers.get("content-type", "")
    boundary = boundary_of(content_type)
    if boundary is not None:
        return ingest.FormUpload(request.stream(), boundary, _content_length(request))
    if content_type.split(";")[0].strip().lower() != "application/json":
        raise UnsupportedMediaType("Send application/json, or multipart/form-data with a file.")
    # this path is exempt from the JSON body limit (it streams files): enforce it here
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > JSON_LIMIT:
            raise PayloadTooLarge(f"The request body exceeds {JSON_LIMIT} bytes.")
    try:
        raw = json.loads(body)
    except ValueError as exc:
        raise BadRequest("The body is not valid JSON.") from exc
    if not isinstance(raw, dict):
        raise Unprocessable("The body must be a JSON object.", loc=["body"])
    return ingest.validate_create(raw, "body")


CreateBody = Annotated[EvidenceCreate | ingest.FormUpload, Depends(create_body)]


async def form_body(request: Request) -> ingest.FormUpload:
    """A multipart body with one ``file`` part."""
    boundary = boundary_of(request.headers.get("content-type"))
    if boundary is None:
        raise UnsupportedMediaType("Send multipart/form-data with the file in the 'file' field.")
    return ingest.FormUpload(request.stream(), boundary, _content_length(request))


FormBody = Annotated[ingest.FormUpload, Depends(form_body)]


async def raw_body(
    request: Request,
    filename: Annotated[
        str | None,
        Query(max_length=1024, description="The file's name (or send Content-Disposition)."),
    ] = None,
    content_disposition: Annotated[str | None, Header(max_length=2048)] = None,
    x_content_sha256: Annotated[
        str | None,
        Header(
            alias="X-Content-SHA256",
            max_length=64,
            description="SHA-256 (hex) of the file; a mismatch is a 422 and nothing is kept.",
        ),
    ] = None,
    digest: Annotated[
        str | None,
        Header(max_length=512, description="`sha-256=<base64>` (RFC 3230) as an alternative."),
    ] = None,
    repr_digest: Annotated[str | None, Header(max_length=512, include_in_schema=False)] = None,
) -> ingest.FileUpload:
    """A raw-body upload: the body is the file's bytes, streamed from the socket."""
    name = filename or filename_from_disposition(content_disposition)
    return ingest.FileUpload(
        chunks=request.stream(),
        filename=name,
        declared_sha256=declared_sha256(x_content_sha256, digest or repr_digest),
        content_length=_content_length(request),
    )


RawBody = Annotated[ingest.FileUpload, Depends(raw_body)]


def raw_metadata(
    title: Annotated[str, Query(max_length=200)],
    kind: Annotated[EvidenceKind, Query()],
    description: Annotated[str, Query(max_length=10000)] = "",
    source: Annotated[str, Query(max_length=64)] = "api",
    external_ref: Annotated[str, Query(max_length=500)] = "",
    owner_id: Annotated[uuid.UUID | None, Query()] = None,
    effective_date: Annotated[date | None, Query()] = None,
    valid_until: Annotated[date | None, Query()] = None,
    tag: Annotated[list[str] | None, Query(description="Repeat for several tags.")] = None,
    requirement: Annotated[
        list[str] | None, Query(description="Requirement ref; repeat for several.")
    ] = None,
    fulfils: Annotated[
        list[str] | None,
        Query(description="Documented-information key (D1, R3, ...); repeat for several."),
    ] = None,
) -> EvidenceCreate:
    """The metadata of ``PUT .../evidence/upload``, from the query string."""
    return ingest.validate_create(
        {
            "title": title,
            "kind": kind,
            "description": description,
            "source": source,
            "external_ref": external_ref,
            "owner_id": owner_id,
            "effective_date": effective_date,
            "valid_until": valid_until,
            "tags": tag or [],
            "requirement_refs": requirement or [],
            "documented_information_keys": fulfils or [],
        },
        "query",
    )


RawMetadata = Annotated[EvidenceCreate, Depends(raw_metadata)]


def evidence_filters(
    requirement: Annotated[
        str | None,
        Query(max_length=32, description="Requirement ref or clause prefix (`8.6` finds 8.6.x)."),
    ] = None,
    documented_information: Annotated[
        str | None, Query(max_length=16, description="Documented-information key (D1, R3).")
    ] = None,
    status: Annotated[EvidenceStatus | None, Query()] = None,
    kind: Annotated[EvidenceKind | None, Query()] = None,
    source: Annotated[str | None, Query(max_length=64)] = None,
    tag: Annotated[str | None, Query(max_length=50)] = None,
    owner_id: Annotated[uuid.UUID | None, Query()] = None,
    expiring_within_days: Annotated[
        int | None,
        Query(ge=0, le=3650, description="valid_until within N days (or already past)."),
    ] = None,
    q: Annotated[
        str | None,
        Query(max_length=200, description="Text in title, description, reference, or the key."),
    ] = None,
    archived: Annotated[bool, Query(description="true: only archived items.")] = False,
) -> EvidenceFilters:
    return EvidenceFilters(
        requirement=requirement,
        documented_information=documented_information,
        status=status,
        kind=kind,
        source=source,
        tag=tag,
        owner_id=owner_id,
        expiring_within_days=expiring_within_days,
        q=q,
        archived=archived,
    )


FiltersDep = Annotated[EvidenceFilters, Depends(evidence_filters)]


def can_approve(ctx: EvidenceWriter) -> bool:
    """Role and (for API tokens) scope allow approving (``evidence:approve``)."""
    return ctx.can(Action.evidence_approve)


ApproveRight = Annotated[bool, Depends(can_approve)]
