"""Evidence pack jobs: the pack made in the background, with progress, then downloaded.

``start`` checks the filters (422 as the direct download), records the job and
``export.pack_job_started`` in the request's transaction; once that has committed,
``spawn`` runs ``run`` as a task of this process (SQLite and PostgreSQL alike). ``run``
builds the pack with ``service.evidence_pack`` (the same manifest, ``SHA256SUMS`` and
signature as the direct download) and writes the ZIP to
``<exports dir>/<org_id>/<job id>.zip.part`` in one worker thread, piece by piece (memory
stays flat), hashing it on the way; fsync, rename to ``.zip``, then the job is done with
the ZIP's SHA-256 and size. Progress (files and bytes written) is saved about twice a
second.

Restart: a job whose process is gone (killed, restarted) is never resumed: ``recover``
(on start) marks it failed ("interrupted") and removes its partial file; the user starts
a new one. Retention: ``cleanup`` removes finished jobs and their files
``pack_job_retention_hours`` after they finished (on start and whenever a job starts).

A job is visible to the credential that started it only (the pack's contents depend on
the caller's role: an external auditor's pack holds approved evidence only); anyone else,
in this organisation or another, gets 404.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import uuid
from collections.abc import AsyncIterator
from dataclasses import asdict
from datetime import datetime, timedelta
from pathlib import Path
from typing import IO

import anyio
from sqlalchemy.ext.asyncio import AsyncSession

from certready.activity.service import record
from certready.config import Settings
from certready.context import OrgContext
from certready.core.clock import utcnow
from certready.core.problems import Conflict, NotFound, ProblemException
from certready.db.session import Database
from certready.evidence.storage import PIECE, EvidenceStore, current_process_identity, owner_is_dead
from certready.exports.pack.models import PackJob
from certready.exports.pack.repository import (
    PackJobRepository,
    delete_pack_jobs,
    pack_jobs_finished_before,
    pack_jobs_with_status,
    update_pack_job,
)
from certready.exports.pack.schemas import PackJobRead, PackJobStatus
from certready.exports.pack.service import (
    EvidencePack,
    PackFileChanged,
    PackFilters,
    evidence_pack,
    evidence_pack_head,
)
from certready.exports.pack.signing import PackSigner

log = logging.getLogger("certready.exports")

PROGRESS_SECONDS = 0.5
ACTIVE = (PackJobStatus.queued.value, PackJobStatus.running.value)
_TASKS: set[asyncio.Task[None]] = set()


def job_path(settings: Settings, job: PackJob) -> Path:
    return settings.exports_dir / str(job.org_id) / f"{job.id}.zip"


def download_path(org_slug: str, job_id: uuid.UUID) -> str:
    return f"/api/v1/orgs/{org_slug}/exports/evidence-pack/jobs/{job_id}/evidence-pack.zip"


def to_read(job: PackJob, org_slug: str, settings: Settings) -> PackJobRead:
    done = job.status == PackJobStatus.done
    expires = None
    if job.finished_at is not None:
        expires = job.finished_at + timedelta(hours=settings.pack_job_retention_hours)
    return PackJobRead(
        id=job.id,
        status=PackJobStatus(job.status),
        filename=job.filename,
        files_done=job.files_done,
        files_total=job.files_total,
        bytes_done=job.bytes_done,
        bytes_total=job.bytes_total,
        sha256=job.sha256,
        size=job.size,
        pack_id=job.pack_id,
        error=job.error,
        download_url=download_path(org_slug, job.id) if done else None,
        created_at=job.created_at,
        started_at=job.started_at,
        finished_at=job.finished_at,
        expires_at=expires,
    )


async def get_job(session: AsyncSession, ctx: OrgContext, job_id: uuid.UUID) -> PackJob:
    """The caller's own job in this organisation, else 404."""
    job = await PackJobRepository(session, ctx.org_id).own(job_id, ctx.credential_id)
    if job is None:
        raise NotFound("No such evidence pack job.")
    return job


async def start(
    session: AsyncSession,
    settings: Settings,
    signer: PackSigner,
    ctx: OrgContext,
    filters: PackFilters,
) -> PackJob:
    """Record a queued job (422 for bad filters, 409 when too many of the organisation's
    jobs are under way) and its start in the activity log; ``spawn`` it after the commit."""
    head = await evidence_pack_head(session, signer, ctx, filters)  # checks the filters
    running = await PackJobRepository(session, ctx.org_id).count_active(ACTIVE)
    if running >= settings.pack_jobs_per_org:
        raise Conflict(
            f"{running} evidence pack job(s) of this organisation are under way; "
            "wait for one to finish."
        )
    files = head.files
    job = PackJob(
        org_id=ctx.org_id,
        requested_by=ctx.credential_id,
        requested_by_name=ctx.actor.name,
        status=PackJobStatus.queued.value,
        filters=json.dumps(asdict(filters), default=str),
        filename=head.filename,
        files_total=files,
        bytes_total=head.size,
        owner=current_process_identity(),
        created_at=utcnow(),
    )
    session.add(job)
    record(
        session,
        org_id=ctx.org_id,
        actor=ctx.actor,
        action="export.pack_job_started",
        object_type="export",
        object_id=job.id,
        summary=f"Started an evidence pack job of {files} file(s) ({head.filename})",
        after={"job_id": str(job.id), "files": files, "filters": filters.described()},
        changes_data=False,
    )
    await session.flush()
    return job


async def spawn(
    job_id: uuid.UUID,
    ctx: OrgContext,
    filters: PackFilters,
    db: Database,
    store: EvidenceStore,
    signer: PackSigner,
    settings: Settings,
) -> None:
    """Run the committed job as a task of this process (kept referenced until it ends)."""
    task = asyncio.get_running_loop().create_task(
        run(job_id, ctx, filters, db, store, signer, settings), name=f"pack-job-{job_id}"
    )
    _TASKS.add(task)
    task.add_done_callback(_TASKS.discard)


async def settle() -> None:
    """Wait for this process's running jobs (tests; shutdown cancels them instead)."""
    while _TASKS:
        await asyncio.gather(*list(_TASKS), return_exceptions=True)


async def _update(db: Database, job_id: uuid.UUID, **values: object) -> None:
    async with db.transaction() as session:
        await update_pack_job(session, job_id, values)


class _Live:
    """Progress written by the packing thread, read by the saver (plain ints: atomic)."""

    files = 0
    written = 0

    def on_files(self, files: int, _evidence_bytes: int) -> None:
        self.files = files

    def on_written(self, written: int) -> None:
        self.written = written


def _unlink(path: Path) -> None:
    path.unlink(missing_ok=True)


def _write(pack: EvidencePack, part: Path, live: _Live) -> str:
    part.parent.mkdir(parents=True, exist_ok=True)
    with open(part, "wb") as out:
        sha256 = pack.write_to(out, live.on_written)
        out.flush()
        os.fsync(out.fileno())
    return sha256


async def _save_progress(db: Database, job_id: uuid.UUID, live: _Live) -> None:
    while True:
        await asyncio.sleep(PROGRESS_SECONDS)
        await _update(db, job_id, files_done=live.files, bytes_done=live.written)


async def run(
    job_id: uuid.UUID,
    ctx: OrgContext,
    filters: PackFilters,
    db: Database,
    store: EvidenceStore,
    signer: PackSigner,
    settings: Settings,
) -> None:
    """Make the pack; the job ends done or failed (never left running by this process).
    Old finished packs are removed first (``cleanup``)."""
    try:
        await cleanup(db, settings)
    except Exception:  # a cleanup problem must not fail the user's pack
        log.exception("evidence pack cleanup failed")
    live = _Live()
    pack: EvidencePack | None = None
    part = settings.exports_dir / str(ctx.org_id) / f"{job_id}.zip.part"
    try:
        await _update(db, job_id, status=PackJobStatus.running.value, started_at=utcnow())
        async with db.read_sessions() as session:
            pack = await evidence_pack(session, db, store, signer, ctx, filters, live.on_files)
        await _update(db, job_id, bytes_total=pack.size, files_total=len(pack.files))
        saver = asyncio.create_task(_save_progress(db, job_id, live))
        try:
            sha256 = await anyio.to_thread.run_sync(_write, pack, part, live)
        finally:
            saver.cancel()
        final = part.with_suffix("")  # <id>.zip
        await anyio.to_thread.run_sync(os.replace, part, final)
        await _update(
            db,
            job_id,
            status=PackJobStatus.done.value,
            files_done=len(pack.files),
            bytes_done=pack.size,
            sha256=sha256,
            size=pack.size,
            pack_id=pack.pack_id,
            finished_at=utcnow(),
        )
    except BaseException as exc:
        with anyio.CancelScope(shield=True):
            await _failed(db, job_id, pack, part, exc)
        if not isinstance(exc, Exception):
            raise
    finally:
        if pack is not None:
            pack.close()


async def _failed(
    db: Database, job_id: uuid.UUID, pack: EvidencePack | None, part: Path, exc: BaseException
) -> None:
    if isinstance(exc, PackFileChanged) and pack is not None:
        await pack.changed(exc)
        error = (
            f"{exc.file.key} version {exc.file.version}: the stored file does not match "
            "its SHA-256; the integrity problem was logged, no pack was made."
        )
    elif isinstance(exc, ProblemException):
        error = exc.detail or exc.title
    elif isinstance(exc, asyncio.CancelledError):
        error = "Interrupted: the server stopped while the pack was being made."
    else:
        log.exception("evidence pack job %s failed", job_id, exc_info=exc)
        error = "The pack could not be made (internal error, logged on the server)."
    await anyio.to_thread.run_sync(_unlink, part)
    await _update(
        db, job_id, status=PackJobStatus.failed.value, error=error[:500], finished_at=utcnow()
    )


async def recover(db: Database, settings: Settings) -> int:
    """On start: jobs left queued or running by a process that is gone are marked failed
    and their partial files removed (never resumed). Returns how many."""
    me = current_process_identity()
    async with db.transaction() as session:
        rows = await pack_jobs_with_status(session, ACTIVE)
        orphans = [job for job in rows if owner_is_dead(job.owner, me)]
        for job in orphans:
            job.status = PackJobStatus.failed.value
            job.error = "Interrupted: the server restarted while the pack was being made."
            job.finished_at = utcnow()
            part = job_path(settings, job).with_suffix(".zip.part")
            await anyio.to_thread.run_sync(_unlink, part)
    if orphans:
        log.warning("%d interrupted evidence pack job(s) marked failed", len(orphans))
    return len(orphans)


async def cleanup(db: Database, settings: Settings, now: datetime | None = None) -> int:
    """Remove the jobs (and files) finished more than the retention period ago."""
    cutoff = (now or utcnow()) - timedelta(hours=settings.pack_job_retention_hours)
    async with db.transaction() as session:
        old = await pack_jobs_finished_before(session, ACTIVE, cutoff)
        for job in old:
            path = job_path(settings, job)
            await anyio.to_thread.run_sync(_unlink, path)
        if old:
            await delete_pack_jobs(session, [j.id for j in old])
    return len(old)


def open_pack(settings: Settings, job: PackJob) -> IO[bytes]:
    """The finished pack's file (409 unless the job is done; 404 when it is gone)."""
    if job.status != PackJobStatus.done:
        raise Conflict(f"The evidence pack job is {job.status}, not done.")
    try:
        return open(job_path(settings, job), "rb")
    except FileNotFoundError:
        raise NotFound("The finished pack is no longer kept; start a new job.") from None


async def file_chunks(fh: IO[bytes]) -> AsyncIterator[bytes]:
    """A finished pack in 1 MiB pieces, each read in a worker thread."""
    try:
        while chunk := await anyio.to_thread.run_sync(fh.read, PIECE):
            yield chunk
    finally:
        fh.close()
