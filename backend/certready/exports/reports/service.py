"""Producing a PDF report: load its data (a fixed number of statements), lay it out in a worker
thread (ReportLab is synchronous and CPU-bound: the event loop keeps serving), record the
export in the activity log.

Each report has an id (a UUID, printed on the cover, in the PDF's keywords and in the
activity entry) and the SHA-256 of the data it prints, so a copy found later is traced to
the export that made it.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass

import anyio
from sqlalchemy.ext.asyncio import AsyncSession

from certready.audits.models import Audit
from certready.audits.rules import audit_key
from certready.context import OrgContext
from certready.db.session import Database
from certready.exports.meta import ExportMeta, log_export
from certready.exports.reports import audit as audit_report
from certready.exports.reports import readiness, review
from certready.exports.reports.document import Cover, Story, render
from certready.management_reviews.base import review_key
from certready.management_reviews.models import ManagementReview

Builder = Callable[[str], tuple[Cover, Story]]


@dataclass
class PdfFile:
    filename: str
    content: bytes
    report_id: str
    data_sha256: str


async def _publish(
    db: Database,
    ctx: OrgContext,
    *,
    export: str,
    stem: str,
    kind: str,
    build: Builder,
    about: dict[str, str] | None = None,
) -> PdfFile:
    """Render in a worker thread, then log ``export.generated`` (no data_version bump):
    the file is ``certready-<org>-<stem>-<YYYYMMDD>.pdf``, the entry's object id ``kind``."""
    meta = ExportMeta.for_context(ctx, export)
    report_id = str(uuid.uuid4())

    def work() -> bytes:
        cover, story = build(report_id)
        return render(cover, story, meta)

    content = await anyio.to_thread.run_sync(work)
    name = "certready-" + meta.filename(stem, "pdf")
    await log_export(
        db,
        ctx,
        object_id=kind,
        summary=f"Exported the {export.lower()} ({name})",
        after={
            "file": name,
            "data_sha256": meta.data_sha256,
            "report_id": report_id,
            **(about or {}),
        },
    )
    return PdfFile(name, content, report_id, meta.data_sha256)


async def readiness_report(session: AsyncSession, db: Database, ctx: OrgContext) -> PdfFile:
    """The readiness report of the caller's organisation."""
    data = await readiness.load(session, ctx)
    return await _publish(
        db,
        ctx,
        export=readiness.EXPORT,
        stem=readiness.STEM,
        kind=readiness.STEM,
        build=lambda report_id: readiness.build(data, report_id),
    )


async def audit_report_pdf(
    session: AsyncSession, db: Database, ctx: OrgContext, audit: Audit
) -> PdfFile:
    """The report of one audit of the caller's organisation."""
    data = await audit_report.load(session, ctx, audit)
    key = audit_key(audit)
    return await _publish(
        db,
        ctx,
        export=audit_report.EXPORT,
        stem=f"{key}-{audit_report.STEM}",
        kind=audit_report.STEM,
        build=lambda report_id: audit_report.build(data, report_id),
        about={"audit": key, "audit_id": str(audit.id)},
    )


async def review_minutes_pdf(
    session: AsyncSession, db: Database, ctx: OrgContext, item: ManagementReview
) -> PdfFile:
    """The minutes of one management review of the caller's organisation."""
    data = await review.load(session, ctx, item)
    key = review_key(item)
    return await _publish(
        db,
        ctx,
        export=review.EXPORT,
        stem=f"{key}-{review.STEM}",
        kind=review.STEM,
        build=lambda report_id: review.build(data, report_id),
        about={"review": key, "review_id": str(item.id)},
    )


def pdf_filename(ctx: OrgContext, what: str, key: str | None = None) -> str:
    """The name a report would be downloaded under now (a HEAD answers it without
    rendering): ``what`` is ``readiness``, ``audit`` or ``review``."""
    export, stem = {
        "readiness": (readiness.EXPORT, readiness.STEM),
        "audit": (audit_report.EXPORT, audit_report.STEM),
        "review": (review.EXPORT, review.STEM),
    }[what]
    meta = ExportMeta.for_context(ctx, export)
    return "certready-" + meta.filename(f"{key}-{stem}" if key else stem, "pdf")
