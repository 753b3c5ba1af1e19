"""Download routes of the exports, under ``/orgs/{org}/exports``.

A download route ends in its file's extension (``compliance-matrix.xlsx``,
``evidence-pack.zip``...) and documents its media type in ``responses``.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import IO, Any

from fastapi import APIRouter
from fastapi.responses import StreamingResponse

from certready.api.deps import DatabaseDep, SessionDep
from certready.exports import matrix
from certready.exports.deps import ExportsReader
from certready.exports.oscal.router import router as oscal_router
from certready.exports.pack.router import router as pack_router
from certready.exports.reports.router import router as reports_router

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
    ctx: ExportsReader, session: SessionDep, db: DatabaseDep
) -> StreamingResponse:
    """Download the compliance matrix as XLSX: one row per requirement leaf (status, owner,
    evidence with versions and SHA-256, last audit result, open findings, failing readiness
    rules), the registers as further sheets and an "Export" sheet with the data's SHA-256."""
    meta, spool = await matrix.compliance_matrix(session, db, ctx)
    return StreamingResponse(
        _chunks(spool),
        media_type=matrix.XLSX_MEDIA_TYPE,
        headers={"Content-Disposition": f'attachment; filename="{matrix.filename(meta)}"'},
    )


# the PDF reports (exports/reports)
router.include_router(reports_router)
# the OSCAL documents (exports/oscal)
router.include_router(oscal_router)
