"""Evidence integrity: verified downloads, on-demand verification and the store scrubber.

A stored file is served only after its SHA-256 matched (SECURITY.md G2); mismatches and
missing files are refused and logged; the scrubber (``certready evidence verify``) re-hashes
every version and lists orphan files without deleting anything (G6).
"""

from __future__ import annotations

import os
import uuid
from dataclasses import dataclass, field
from typing import Any

import anyio
from sqlalchemy.ext.asyncio import AsyncSession

from certready.activity.service import record
from certready.context import SYSTEM, Actor, OrgContext
from certready.core.clock import utcnow
from certready.core.problems import (
    Conflict,
    NotFound,
)
from certready.db.session import Database
from certready.evidence.enums import IntegrityStatus
from certready.evidence.items import evidence_key
from certready.evidence.models import (
    Evidence,
    EvidenceVersion,
)
from certready.evidence.ranges import serves_part
from certready.evidence.repository import (
    IntegrityRepository,
)
from certready.evidence.schemas import (
    VerificationRead,
)
from certready.evidence.storage import PIECE, EvidenceStore, file_identity


class IntegrityError(Conflict):
    """A stored file does not match its recorded SHA-256 (or is gone): never served."""

    slug, title = "integrity-error", "Integrity error"


@dataclass
class Download:
    """An open, verified blob ready to stream; the router closes it when done."""

    fd: int
    size: int
    sha256: str
    media_type: str
    filename: str
    closed: bool = False

    def close(self) -> None:
        if not self.closed:
            self.closed = True
            os.close(self.fd)


def _hash_fd(fd: int) -> tuple[str, int]:
    import hashlib

    digest = hashlib.sha256()
    offset = 0
    while chunk := os.pread(fd, PIECE, offset):
        digest.update(chunk)
        offset += len(chunk)
    return digest.hexdigest(), offset


async def _check_blob(
    store: EvidenceStore, version: EvidenceVersion, *, partial: bool = False
) -> tuple[IntegrityStatus, str | None, int | None, int | None]:
    """Re-hash the stored file: (status, actual sha, actual size, open fd when ok).

    ``partial`` (a range request) skips the re-hash when the store's cache saw this very
    file (same inode, size, mtime, ctime) verified; anything else re-hashes it all.
    """
    fd = await anyio.to_thread.run_sync(store.open_blob, version.org_id, version.sha256)
    if fd is None:
        return IntegrityStatus.missing, None, None, None
    path = store.blob_path(version.org_id, version.sha256)
    try:
        identity = file_identity(fd)
        cache = store.verified
        if partial and cache is not None and cache.is_verified(path, version.sha256, identity):
            return IntegrityStatus.ok, version.sha256, version.size, fd
        sha, size = await anyio.to_thread.run_sync(_hash_fd, fd)
    except BaseException:
        os.close(fd)
        raise
    if sha != version.sha256 or size != version.size:
        if store.verified is not None:
            store.verified.forget(path)
        os.close(fd)
        return IntegrityStatus.mismatch, sha, size, None
    if store.verified is not None:
        store.verified.remember(path, sha, identity)
    return IntegrityStatus.ok, sha, size, fd


def _integrity_activity(
    session: AsyncSession,
    actor: Actor,
    key: str,
    version: EvidenceVersion,
    status: IntegrityStatus,
    actual_sha: str | None,
    context: str,
) -> None:
    record(
        session,
        org_id=version.org_id,
        actor=actor,
        action="evidence.integrity_error",
        object_type="evidence",
        object_id=version.evidence_id,
        summary=(
            f"{key} version {version.number}: stored file "
            f"{'is missing' if status == IntegrityStatus.missing else 'does not match its SHA-256'}"
            f" ({context})"
        ),
        before={"sha256": version.sha256, "size": version.size},
        after={"status": status.value, "actual_sha256": actual_sha, "version": version.number},
    )


async def open_download(
    db: Database,
    store: EvidenceStore,
    ctx: OrgContext,
    evidence: Evidence,
    version: EvidenceVersion,
    *,
    range_header: str | None = None,
    if_range: str | None = None,
) -> Download:
    """Verify the whole file against its SHA-256 before the first byte is sent (G2).

    A range request (a 206 slice) of a file verified since it last changed is not
    re-hashed (see ``VerifiedHashes``). A mismatch or a missing file is refused (409
    integrity-error), never served, and recorded in the activity log (in its own
    transaction: downloads are reads).
    """
    partial = serves_part(range_header, if_range, version.size, version.sha256)
    status, actual, _size, fd = await _check_blob(store, version, partial=partial)
    if fd is None:
        with anyio.CancelScope(shield=True):
            async with db.transaction() as session:
                _integrity_activity(
                    session, ctx.actor, evidence_key(evidence), version, status, actual, "download"
                )
        raise IntegrityError(
            "The stored file does not match its recorded SHA-256 and is not served. "
            "The integrity problem was logged; restore the file from a backup.",
            extra={"sha256": version.sha256, "integrity": status.value},
        )
    return Download(fd, version.size, version.sha256, version.media_type, version.filename)


async def verify_version(
    session: AsyncSession,
    store: EvidenceStore,
    ctx: OrgContext,
    evidence: Evidence,
    version: EvidenceVersion,
) -> VerificationRead:
    """Re-hash one version's stored file: ok, mismatch or missing (a problem is logged)."""
    status, actual, size, fd = await _check_blob(store, version)
    if fd is not None:
        os.close(fd)
    if status != IntegrityStatus.ok:
        _integrity_activity(
            session, ctx.actor, evidence_key(evidence), version, status, actual, "verify"
        )
        await session.flush()
    return VerificationRead(
        number=version.number,
        sha256=version.sha256,
        size=version.size,
        status=status,
        actual_sha256=actual,
        actual_size=size,
        checked_at=utcnow(),
    )


@dataclass
class StoreReport:
    """Result of ``certready evidence verify``: every row checked, orphans listed."""

    checked: int = 0
    ok: int = 0
    problems: list[dict[str, Any]] = field(default_factory=list)
    orphans: list[dict[str, Any]] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return not self.problems and not self.orphans


async def verify_store(db: Database, store: EvidenceStore, org_slug: str | None) -> StoreReport:
    """Re-hash every version's file (one org or the deployment); report orphans.

    Nothing is deleted or repaired: mismatches and missing files are logged in the
    organisation's activity log; orphan files (a crash after publish, before commit)
    are only listed (SECURITY.md G6).
    """
    report = StoreReport()
    async with db.transaction() as session:
        repo = IntegrityRepository(session)
        org_id = None
        if org_slug is not None:
            org_id = await repo.org_by_slug(org_slug)
            if org_id is None:
                raise NotFound(f"No organisation '{org_slug}'.")
        rows = await repo.versions(org_id)
        known_orgs = await repo.org_ids()
        referenced: set[tuple[str, str]] = set()
        for version, number in rows:
            referenced.add((str(version.org_id), version.sha256))
            report.checked += 1
            status, actual, _size, fd = await _check_blob(store, version)
            if fd is not None:
                os.close(fd)
                report.ok += 1
                continue
            report.problems.append(
                {
                    "org_id": str(version.org_id),
                    "evidence": f"E-{number}",
                    "evidence_id": str(version.evidence_id),
                    "version": version.number,
                    "status": status.value,
                    "sha256": version.sha256,
                    "actual_sha256": actual,
                    "path": str(store.blob_path(version.org_id, version.sha256)),
                }
            )
            _integrity_activity(
                session, SYSTEM, f"E-{number}", version, status, actual, "integrity check"
            )
        for org_dir, name, path in await anyio.to_thread.run_sync(
            lambda: list(store.iter_blobs(org_id))
        ):
            if (org_dir, name) in referenced:
                continue
            try:
                unknown_org = uuid.UUID(org_dir) not in known_orgs
            except ValueError:
                unknown_org = True
            report.orphans.append(
                {"org_id": org_dir, "file": name, "path": str(path), "unknown_org": unknown_org}
            )
    return report
