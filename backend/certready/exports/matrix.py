"""The XLSX compliance matrix (issue 16): what a certification body's auditor filters in Excel.

Sheet "Compliance matrix" has one row per requirement leaf (the 57 of clauses 4-10), so
filtering by status, owner or clause counts requirements, not evidence. A leaf's evidence
items are listed in one cell (one line per item: key, version, SHA-256, approval, effective
and valid-until dates); the sheet "Evidence" has one row per item (with the clauses it supports)
and real date cells, for filtering by expiry or approval. The register sheets follow, then "Export"
(organisation, when, by whom, filters, product version and the SHA-256 of every row written).

Memory stays flat: XlsxWriter's ``constant_memory`` mode, each sheet one streamed statement
(``yield_per``), rows handed to a worker thread in batches, the file spooled to disk
(the request's session ends before the body is sent) and then streamed.
"""

from __future__ import annotations

import tempfile
import uuid
from collections.abc import AsyncIterator, Sequence
from typing import IO, Any

import anyio
from sqlalchemy.ext.asyncio import AsyncSession

from certready.context import OrgContext
from certready.core.problems import NotFound
from certready.db.session import Database
from certready.evidence.service import approved_only as evidence_approved_only
from certready.exports import matrix_sheets as sheets
from certready.exports.meta import DataDigest, ExportMeta, log_export
from certready.exports.registers.repository import RegisterRepository
from certready.exports.registers.sheets import REGISTERS, Register, tidy
from certready.exports.repository import ExportRepository
from certready.exports.xlsx import Book, Sheet
from certready.readiness.service import evaluate_org
from certready.requirements.catalogue.loader import DEFAULT_FRAMEWORK
from certready.requirements.repository import CatalogueRepository
from certready.training.matrix import training_matrix

EXPORT = "Compliance matrix"
STEM = "compliance-matrix"
XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
BATCH = 500
# The training matrix's "expiring" horizon (the SPA's default).
EXPIRING_WITHIN_DAYS = 30
# Every requirement a rule fails on, however many (the report's lists are cut at 10).
ALL_FAILURES = 100_000


def filename(meta: ExportMeta) -> str:
    """``certready-<org>-compliance-matrix-<YYYYMMDD>.xlsx``."""
    return "certready-" + meta.filename(STEM, "xlsx")


async def _stream(session: AsyncSession, stmt: Any) -> AsyncIterator[Sequence[Any]]:
    """The statement's rows in batches of ``BATCH`` (one fetch, one await per batch)."""
    result = await session.stream(stmt.execution_options(yield_per=BATCH))
    async for partition in result.partitions(BATCH):
        yield partition


async def _write(sheet: Sheet, batches: AsyncIterator[Sequence[Sequence[Any]]]) -> None:
    """Batches of rows into ``sheet``, each in a worker thread, then its filter."""
    async for batch in batches:
        if batch:
            await anyio.to_thread.run_sync(sheet.rows, batch)
    sheet.finish()


async def _failing_rules(session: AsyncSession, ctx: OrgContext) -> sheets.FailingRules:
    """The failing readiness rules, by the requirements they name (the same evaluation as
    the dashboard: a fixed number of statements)."""
    report = await evaluate_org(session, ctx.org, DEFAULT_FRAMEWORK, failing_limit=ALL_FAILURES)
    return sheets.rules_by_ref(report.rules)


async def _tidied(
    batches: AsyncIterator[Sequence[Any]], register: Register
) -> AsyncIterator[list[list[Any]]]:
    async for batch in batches:
        yield [tidy(tuple(row), register.columns) for row in batch]


async def _training(session: AsyncSession, ctx: OrgContext) -> AsyncIterator[list[list[Any]]]:
    """One row per person and required course (the training domain's matrix: four
    statements; it holds the organisation's people, as the SPA's matrix does)."""
    matrix = await training_matrix(session, ctx.org_id, None, EXPIRING_WITHIN_DAYS)
    courses = {c.id: c for c in matrix.courses}
    for row in matrix.rows:
        yield [
            [
                row.full_name,
                row.email,
                "; ".join(row.role_keys),
                courses[cell.course_id].title,
                courses[cell.course_id].kind,
                "; ".join(cell.required_by),
                cell.state,
                cell.completed_on,
                cell.expires_on,
                cell.evaluated,
            ]
            for cell in row.cells
        ]


async def _registers(
    session: AsyncSession, ctx: OrgContext, framework_id: uuid.UUID, book: Book
) -> None:
    repo = RegisterRepository(session, ctx.org_id, framework_id)
    for register in REGISTERS:
        sheet = book.sheet(register.name, register.columns)
        if not register.statement:
            await _write(sheet, _training(session, ctx))
            continue
        stmt = getattr(repo, register.statement)()
        await _write(sheet, _tidied(_stream(session, stmt), register))


async def write_workbook(
    session: AsyncSession, ctx: OrgContext, out: IO[bytes], meta: ExportMeta
) -> None:
    """Every sheet into ``out``; ``meta.data_sha256`` is set to the digest of the rows."""
    framework = await CatalogueRepository(session).framework_by_code(DEFAULT_FRAMEWORK)
    if framework is None:
        raise NotFound(f"No framework '{DEFAULT_FRAMEWORK}'.")
    repo = ExportRepository(session, ctx.org_id, approved_only=evidence_approved_only(ctx))
    failing = await _failing_rules(session, ctx)
    digest = DataDigest()
    book = Book(out, digest)
    matrix = book.sheet(sheets.MATRIX, sheets.MATRIX_COLUMNS)
    await _write(matrix, sheets.matrix_rows(_stream(session, repo.matrix(framework.id)), failing))
    await _registers(session, ctx, framework.id, book)
    meta.data_sha256 = digest.hexdigest()
    book.sheet(sheets.EXPORT, sheets.EXPORT_COLUMNS, digested=False).rows(sheets.export_rows(meta))
    await anyio.to_thread.run_sync(book.close)


async def compliance_matrix(
    session: AsyncSession, db: Database, ctx: OrgContext
) -> tuple[ExportMeta, IO[bytes]]:
    """The workbook spooled to a temporary file (at its start), and its metadata; the
    export is recorded in the activity log (``export.generated``)."""
    meta = ExportMeta.for_context(ctx, EXPORT)
    spool = tempfile.TemporaryFile()  # noqa: SIM115  (closed by the response's stream)
    try:
        await write_workbook(session, ctx, spool, meta)
    except BaseException:
        spool.close()
        raise
    spool.seek(0)
    await log_export(
        db,
        ctx,
        object_id=STEM,
        summary=f"Exported the compliance matrix ({filename(meta)})",
        after={"file": filename(meta), "data_sha256": meta.data_sha256},
    )
    return meta, spool
