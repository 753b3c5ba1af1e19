"""Download routes of the exports, under ``/orgs/{org}/exports``.

A download route ends in its file's extension (``compliance-matrix.xlsx``,
``evidence-pack.zip``...) and documents its media type in ``responses``.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import IO, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response, StreamingResponse

from certready.api.deps import DatabaseDep, SessionDep, SettingsDep, is_head, people_only
from certready.core.http import HeadResponse
from certready.core.problems import problem_responses
from certready.exports import ciso_assistant, matrix
from certready.exports.deps import ExportsReader
from certready.exports.meta import ExportMeta
from certready.exports.oscal.router import router as oscal_router
from certready.exports.pack.router import router as pack_router
from certready.exports.reports.router import router as reports_router
from certready.exports.schemas import DownloadTicketCreate, DownloadTicketRead
from certready.exports.tickets import issue_ticket

router = APIRouter(prefix="/orgs/{org}/exports", tags=["exports"])
router.include_router(pack_router)  # evidence-pack.zip, signing-key (exports/pack)

CHUNK = 64 * 1024
XLSX_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {
        "content": {matrix.XLSX_MEDIA_TYPE: {"schema": {"type": "string", "format": "binary"}}},
        "description": "The workbook (Office Open XML), as an attachment named "
        "`certready-<org>-compliance-matrix-<YYYYMMDD>.xlsx`.",
    }
}


async def _chunks(spool: IO[bytes]) -> AsyncIterator[bytes]:
    try:
        while chunk := spool.read(CHUNK):
            yield chunk
    finally:
        spool.close()


@router.get("/compliance-matrix.xlsx", response_class=StreamingResponse, responses=XLSX_RESPONSES)
async def export_compliance_matrix(
    ctx: ExportsReader, session: SessionDep, db: DatabaseDep, request: Request
) -> Response:
    """Download the compliance matrix as XLSX: one row per requirement leaf (status, owner,
    evidence with versions and SHA-256, last audit result, open findings, failing readiness
    rules), the registers as further sheets and an "Export" sheet with the data's SHA-256.

    `HEAD` answers the name and type without writing the workbook."""
    if is_head(request):
        name = matrix.filename(ExportMeta.for_context(ctx, matrix.EXPORT))
        return HeadResponse(
            media_type=matrix.XLSX_MEDIA_TYPE,
            headers={"Content-Disposition": f'attachment; filename="{name}"'},
        )
    meta, spool = await matrix.compliance_matrix(session, db, ctx)
    return StreamingResponse(
        _chunks(spool),
        media_type=matrix.XLSX_MEDIA_TYPE,
        headers={"Content-Disposition": f'attachment; filename="{matrix.filename(meta)}"'},
    )


@router.get(
    "/ciso-assistant/iso20000-1.yaml",
    response_class=Response,
    responses={
        200: {
            "content": {
                # the YAML document's data model (OAS 3.1: the schema describes the parsed
                # document); the Python client still downloads it as bytes (generate.py)
                ciso_assistant.MEDIA_TYPE: {
                    "schema": {
                        "type": "object",
                        "required": ["urn", "locale", "ref_id", "name", "objects"],
                        "properties": {
                            "urn": {"type": "string"},
                            "locale": {"type": "string"},
                            "ref_id": {"type": "string"},
                            "name": {"type": "string"},
                            "objects": {
                                "type": "object",
                                "required": ["framework"],
                                "properties": {"framework": {"type": "object"}},
                            },
                        },
                    }
                }
            },
            "headers": {
                "X-Data-SHA256": {
                    "description": "SHA-256 of the file.",
                    "schema": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
                }
            },
            "description": "The library (YAML), as an attachment named "
            "`certready-<org>-ciso-assistant-iso20000-1-<YYYYMMDD>.yaml`, to upload into "
            "CISO Assistant (Libraries, upload).",
        }
    },
)
async def export_ciso_assistant_library(
    ctx: ExportsReader, session: SessionDep, db: DatabaseDep
) -> Response:
    """Download the ISO/IEC 20000-1 catalogue as a CISO Assistant library: the clause tree
    as requirement nodes (urn, ref_id, depth, parent_urn; the 57 leaves assessable) with our
    guidance and typical evidence; the same for every organisation, never the standard's text."""
    library = await ciso_assistant.library_yaml(session, db, ctx)
    return Response(
        library.content,
        media_type=ciso_assistant.MEDIA_TYPE,
        headers={
            "Content-Disposition": f'attachment; filename="{library.filename}"',
            "X-Data-SHA256": library.data_sha256,
        },
    )


@router.post(
    "/download-tickets",
    response_model=DownloadTicketRead,
    dependencies=[Depends(people_only)],
    responses=problem_responses(422),
)
async def create_download_ticket(
    data: DownloadTicketCreate, ctx: ExportsReader, settings: SettingsDep
) -> DownloadTicketRead:
    """A download URL the browser can navigate to (saved to disk as it streams, no
    Authorization header): the export's path and query with a `ticket` for the caller,
    valid for that URL only, once, for 60 seconds. People only (API tokens send their
    header); the role is checked again when the URL is used."""
    return issue_ticket(settings, ctx, data)


# the PDF reports (exports/reports)
router.include_router(reports_router)
# the OSCAL documents (exports/oscal)
router.include_router(oscal_router)
