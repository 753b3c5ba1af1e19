"""``GET /orgs/{org}/exports/evidence-pack.zip`` and ``.../signing-key``."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, BackgroundTasks, Depends, Query, Request
from fastapi.responses import Response, StreamingResponse
from pydantic import StringConstraints
from starlette.background import BackgroundTask

from certready.api.deps import DatabaseDep, Requires, SessionDep, SettingsDep, is_head
from certready.context import OrgContext
from certready.core.http import HeadResponse
from certready.core.problems import problem_responses
from certready.evidence.deps import StoreDep
from certready.exports.deps import ExportsReader
from certready.exports.pack import jobs
from certready.exports.pack.schemas import PackJobRead, PackSigningKeyRead, PackVersions
from certready.exports.pack.service import (
    ZIP_MEDIA_TYPE,
    PackFilters,
    evidence_pack,
    evidence_pack_head,
)
from certready.exports.pack.signing import ALGORITHM, PackSigner
from certready.orgs.permissions import Action
from certready.requirements.catalogue.loader import DEFAULT_FRAMEWORK

router = APIRouter()

EvidenceReader = Annotated[OrgContext, Depends(Requires(Action.evidence_read))]
ClauseRef = Annotated[str, StringConstraints(min_length=1, max_length=32)]
DocumentKey = Annotated[str, StringConstraints(min_length=1, max_length=16)]
ZIP_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {
        "content": {ZIP_MEDIA_TYPE: {"schema": {"type": "string", "format": "binary"}}},
        "description": "The pack (stored ZIP, `Content-Length` known in advance), as an "
        "attachment named `certready-<org>-evidence-pack-<YYYYMMDD>.zip`.",
    }
}


def pack_filters(
    framework: Annotated[
        str, Query(min_length=1, max_length=64, description="Framework code.")
    ] = DEFAULT_FRAMEWORK,
    clause: Annotated[
        list[ClauseRef],
        Query(
            max_length=50,
            description="Requirement ref or clause (`8.6` takes 8.6.x); repeat for several.",
        ),
    ] = [],  # noqa: B006  (FastAPI copies the default)
    documented_information: Annotated[
        list[DocumentKey],
        Query(max_length=50, description="Mandatory document or record key (D1, R3...)."),
    ] = [],  # noqa: B006
    approved_only: Annotated[
        bool, Query(description="Only approved items (always so for external auditors).")
    ] = False,
    versions: Annotated[
        PackVersions, Query(description="`current` (default) or `all` versions of each item.")
    ] = PackVersions.current,
    audit_id: Annotated[
        uuid.UUID | None,
        Query(description="Only the evidence sampled in this audit, with its pinned versions."),
    ] = None,
    compliance_matrix: Annotated[
        bool, Query(description="Include the compliance matrix (`compliance-matrix.xlsx`).")
    ] = False,
) -> PackFilters:
    return PackFilters(
        framework=framework,
        clauses=list(dict.fromkeys(clause)),
        documents=list(dict.fromkeys(documented_information)),
        approved_only=approved_only,
        all_versions=versions == PackVersions.all,
        with_matrix=compliance_matrix,
        audit_id=audit_id,
    )


@router.get("/evidence-pack.zip", response_class=StreamingResponse, responses=ZIP_RESPONSES)
async def export_evidence_pack(
    ctx: ExportsReader,
    _evidence: EvidenceReader,
    filters: Annotated[PackFilters, Depends(pack_filters)],
    session: SessionDep,
    db: DatabaseDep,
    store: StoreDep,
    settings: SettingsDep,
    request: Request,
) -> Response:
    """Download the evidence pack: the files of the evidence in scope (current versions by
    default), `manifest.json`, `SHA256SUMS` (`sha256sum -c`), its Ed25519 signature
    `SHA256SUMS.sig`, the public key and `VERIFY.txt` saying how to check it offline.

    `HEAD` answers the headers without making the pack (nothing read, nothing logged);
    `Content-Length` is given when the pack holds no compliance matrix."""
    signer = PackSigner.from_settings(settings)
    if is_head(request):
        head = await evidence_pack_head(session, signer, ctx, filters)
        headers = {
            "Content-Disposition": f'attachment; filename="{head.filename}"',
            "X-Content-Type-Options": "nosniff",
        }
        if head.size is not None:
            headers["Content-Length"] = str(head.size)
        return HeadResponse(media_type=ZIP_MEDIA_TYPE, headers=headers)
    pack = await evidence_pack(session, db, store, signer, ctx, filters)
    return StreamingResponse(
        pack.body(),
        media_type=ZIP_MEDIA_TYPE,
        # releases the spooled matrix even when the client leaves before the first byte
        background=BackgroundTask(pack.close),
        headers={
            "Content-Length": str(pack.size),
            "Content-Disposition": f'attachment; filename="{pack.filename}"',
            "X-Content-Type-Options": "nosniff",
        },
    )


@router.post(
    "/evidence-pack/jobs",
    response_model=PackJobRead,
    status_code=202,
    responses=problem_responses(409, 422),
)
async def start_evidence_pack_job(
    ctx: ExportsReader,
    _evidence: EvidenceReader,
    filters: Annotated[PackFilters, Depends(pack_filters)],
    session: SessionDep,
    db: DatabaseDep,
    store: StoreDep,
    settings: SettingsDep,
    background: BackgroundTasks,
    response: Response,
) -> PackJobRead:
    """Start making the evidence pack in the background (the same query as
    `evidence-pack.zip`, the same contents and signature). Poll the job for its progress
    (files and bytes written); once `done`, download it from its `download_url` (with the
    Authorization header, or a download ticket in a browser). Only the caller sees the job;
    finished packs are kept `CERTREADY_PACK_JOB_RETENTION_HOURS`. Recorded in the activity
    log (`export.pack_job_started`)."""
    signer = PackSigner.from_settings(settings)
    job = await jobs.start(session, settings, signer, ctx, filters)
    # runs after the response's transaction committed the job
    background.add_task(jobs.spawn, job.id, ctx, filters, db, store, signer, settings)
    response.headers["Location"] = (
        f"/api/v1/orgs/{ctx.org.slug}/exports/evidence-pack/jobs/{job.id}"
    )
    return jobs.to_read(job, ctx.org.slug, settings)


@router.get(
    "/evidence-pack/jobs/{job_id}", response_model=PackJobRead, responses=problem_responses(404)
)
async def get_evidence_pack_job(
    job_id: uuid.UUID,
    ctx: ExportsReader,
    _evidence: EvidenceReader,
    session: SessionDep,
    settings: SettingsDep,
) -> PackJobRead:
    """An evidence pack job: `queued`, `running` (files and bytes written so far), `done`
    (the ZIP's SHA-256, size and `download_url`) or `failed` (`error`). A job interrupted
    by a server restart is marked failed, never resumed: start a new one."""
    job = await jobs.get_job(session, ctx, job_id)
    return jobs.to_read(job, ctx.org.slug, settings)


@router.get(
    "/evidence-pack/jobs/{job_id}/evidence-pack.zip",
    response_class=StreamingResponse,
    responses={**ZIP_RESPONSES, **problem_responses(404, 409)},
)
async def download_evidence_pack_job(
    job_id: uuid.UUID,
    ctx: ExportsReader,
    _evidence: EvidenceReader,
    session: SessionDep,
    settings: SettingsDep,
    request: Request,
) -> Response:
    """The finished pack of a `done` job (409 before; 404 once removed after the
    retention period). A browser navigates here with a download ticket."""
    job = await jobs.get_job(session, ctx, job_id)
    headers = {
        "Content-Disposition": f'attachment; filename="{job.filename}"',
        "X-Content-Type-Options": "nosniff",
        "Content-Length": str(job.size),
    }
    if is_head(request):
        jobs.open_pack(settings, job).close()
        return HeadResponse(media_type=ZIP_MEDIA_TYPE, headers=headers)
    fh = jobs.open_pack(settings, job)
    return StreamingResponse(jobs.file_chunks(fh), media_type=ZIP_MEDIA_TYPE, headers=headers)


@router.get("/signing-key", response_model=PackSigningKeyRead)
async def get_pack_signing_key(ctx: ExportsReader, settings: SettingsDep) -> PackSigningKeyRead:
    """The public key evidence packs are signed with (PEM) and its SHA-256 fingerprint, to
    check a pack's `signing-key.pem` against."""
    signer = PackSigner.from_settings(settings)
    return PackSigningKeyRead(
        algorithm=ALGORITHM,
        public_key_pem=signer.public_key_pem.decode(),
        fingerprint_sha256=signer.fingerprint,
    )
