"""Download routes of the PDF reports, included in the exports router (``/orgs/{org}/exports``).

``readiness-report.pdf``, ``audits/{audit_id}/report.pdf`` and
``management-reviews/{review_id}/minutes.pdf``: rendered on request, sent whole (a report is
small), named ``certready-<org>-[<key>-]<report>-<YYYYMMDD>.pdf``.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

from certready.api.deps import DatabaseDep, SessionDep, is_head
from certready.audits.deps import AuditDep
from certready.audits.rules import audit_key
from certready.core.http import HeadResponse
from certready.exports.deps import ExportsReader
from certready.exports.reports import service
from certready.exports.reports.document import PDF_MEDIA_TYPE
from certready.management_reviews.base import review_key
from certready.management_reviews.deps import ReviewDep

router = APIRouter()


class PdfResponse(Response):
    media_type = PDF_MEDIA_TYPE


def _responses(name: str) -> dict[int | str, dict[str, Any]]:
    return {
        200: {
            "content": {PDF_MEDIA_TYPE: {"schema": {"type": "string", "format": "binary"}}},
            "headers": {
                "X-Report-Id": {
                    "description": "The report's id (on its cover and in the activity log).",
                    "schema": {"type": "string", "format": "uuid"},
                },
                "X-Data-SHA256": {
                    "description": "SHA-256 of the data the report prints (on every page).",
                    "schema": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
                },
            },
            "description": f"The PDF, as an attachment named `{name}`. Cover page with the "
            "report id and the SHA-256 of the data printed; header and footer on every page "
            "with the organisation, the digest and 'Page N of M'.",
        }
    }


def _head(filename: str) -> Response:
    """A HEAD: the name and type, without rendering (the size is known once rendered)."""
    return HeadResponse(
        media_type=PDF_MEDIA_TYPE,
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


def _pdf(pdf: service.PdfFile) -> PdfResponse:
    return PdfResponse(
        pdf.content,
        headers={
            "Content-Disposition": f'attachment; filename="{pdf.filename}"',
            "X-Report-Id": pdf.report_id,
            "X-Data-SHA256": pdf.data_sha256,
        },
    )


@router.get(
    "/readiness-report.pdf",
    response_class=PdfResponse,
    responses=_responses("certready-<org>-readiness-report-<YYYYMMDD>.pdf"),
)
async def export_readiness_report(
    ctx: ExportsReader, session: SessionDep, db: DatabaseDep, request: Request
) -> Response:
    """Download the readiness report as PDF: the verdict of each gate (Stage 1, Stage 2,
    certification, maintenance) and the score, every failing blocker and warning with every
    object it names, the clauses as a heat map and the open findings."""
    if is_head(request):
        return _head(service.pdf_filename(ctx, "readiness"))
    return _pdf(await service.readiness_report(session, db, ctx))


@router.get(
    "/audits/{audit_id}/report.pdf",
    response_class=PdfResponse,
    responses=_responses("certready-<org>-A-<n>-audit-report-<YYYYMMDD>.pdf"),
)
async def export_audit_report(
    ctx: ExportsReader, audit: AuditDep, session: SessionDep, db: DatabaseDep, request: Request
) -> Response:
    """Download one audit's report as PDF (ISO 19011 6.5 contents): objectives, scope,
    criteria, team, dates, results by clause, the checklist with the auditors' notes, every
    finding with grade, clause and objective evidence, conclusions, distribution, sign-off."""
    if is_head(request):
        return _head(service.pdf_filename(ctx, "audit", audit_key(audit)))
    return _pdf(await service.audit_report_pdf(session, db, ctx, audit))


@router.get(
    "/management-reviews/{review_id}/minutes.pdf",
    response_class=PdfResponse,
    responses=_responses("certready-<org>-MR-<n>-review-minutes-<YYYYMMDD>.pdf"),
)
async def export_review_minutes(
    ctx: ExportsReader, review: ReviewDep, session: SessionDep, db: DatabaseDep, request: Request
) -> Response:
    """Download one management review's minutes as PDF: chair, dates, attendees, agenda,
    every input topic with notes, outcome and linked objects, decisions, actions, approval."""
    if is_head(request):
        return _head(service.pdf_filename(ctx, "review", review_key(review)))
    return _pdf(await service.review_minutes_pdf(session, db, ctx, review))
