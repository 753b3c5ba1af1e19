"""Build an evidence pack: choose the files, write the signed metadata, stream the ZIP.

Everything but the evidence files is small and made before the first byte (manifest,
``SHA256SUMS`` from the recorded digests, its Ed25519 signature, ``VERIFY.txt``), so the
ZIP's size is known in advance (zipstream-ng, stored entries, ``Content-Length``) and the
body is the files streamed 1 MiB at a time: memory stays flat whatever the pack's size.

Integrity (SECURITY.md G2): before the response starts every blob must exist with its
recorded size, or the pack is refused (409 integrity-error, logged). While streaming each
file is hashed; should its bytes not match the recorded SHA-256 the download is cut
before the ZIP's central directory (the file the auditor gets is incomplete and opens as
broken) and the mismatch is logged: a pack whose files do not match is never complete.
"""

from __future__ import annotations

import hashlib
import os
import uuid
from collections.abc import AsyncIterator, Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import IO, Any

import anyio
from sqlalchemy.ext.asyncio import AsyncSession
from zipstream import ZIP_STORED, ZipStream

from certready.activity.service import record
from certready.context import Actor, OrgContext
from certready.core.problems import Unprocessable
from certready.db.session import Database
from certready.evidence.integrity import IntegrityError
from certready.evidence.service import approved_only as evidence_approved_only
from certready.evidence.storage import PIECE, EvidenceStore
from certready.exports.meta import DataDigest, ExportMeta, log_export
from certready.exports.pack import layout
from certready.exports.pack.layout import Manifest, PackFile
from certready.exports.pack.repository import PackRepository, PackScope
from certready.exports.pack.signing import ALGORITHM, PackSigner
from certready.exports.pack.spooled import Spooled, compliance_matrix

EXPORT = "Evidence pack"
STEM = "evidence-pack"
ZIP_MEDIA_TYPE = "application/zip"
# Called from the thread that reads the files: (files done, evidence bytes read) so far.
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class PackFilters:
    """The query: which framework's clauses, which items, which versions."""

    framework: str
    clauses: Sequence[str] = ()
    documents: Sequence[str] = ()
    approved_only: bool = False
    all_versions: bool = False
    with_matrix: bool = False
    audit_id: uuid.UUID | None = None

    def described(self) -> dict[str, str]:
        """The filters as the export metadata shows them (only the ones set)."""
        out = {"framework": self.framework, "versions": "all" if self.all_versions else "current"}
        if self.clauses:
            out["clause"] = ",".join(self.clauses)
        if self.documents:
            out["documented_information"] = ",".join(self.documents)
        if self.approved_only:
            out["approved_only"] = "true"
        if self.with_matrix:
            out["compliance_matrix"] = "true"
        return out


class PackFileChanged(Exception):
    """A stored file no longer matches its recorded SHA-256 while being packed."""

    def __init__(self, file: PackFile, actual_sha256: str | None, actual_size: int) -> None:
        super().__init__(f"{file.key} v{file.version}")
        self.file = file
        self.actual_sha256 = actual_sha256
        self.actual_size = actual_size


@dataclass
class EvidencePack:
    """A pack ready to stream: its name, exact size and body."""

    filename: str
    size: int
    pack_id: str
    sums_sha256: str
    files: list[PackFile] = field(default_factory=list)
    spooled: list[Spooled] = field(default_factory=list)
    _stream: ZipStream | None = None
    _on_changed: Any = None

    def close(self) -> None:
        """Release the spooled files (also when the body was never sent)."""
        for item in self.spooled:
            item.close()

    def write_to(self, out: IO[bytes], written: Callable[[int], None]) -> str:
        """Write the whole ZIP to ``out`` (blocking: run it in a worker thread), telling
        ``written`` the bytes written so far; returns the ZIP's SHA-256. ``PackFileChanged``
        as ``body`` raises it (the caller logs it with ``changed``)."""
        assert self._stream is not None
        digest = hashlib.sha256()
        done = 0
        for chunk in self._stream:
            out.write(chunk)
            digest.update(chunk)
            done += len(chunk)
            written(done)
        return digest.hexdigest()

    async def changed(self, exc: PackFileChanged) -> None:
        """Log a file found changed while packing (``evidence.integrity_error``)."""
        with anyio.CancelScope(shield=True):
            await self._on_changed(exc)

    async def body(self) -> AsyncIterator[bytes]:
        """The ZIP, each piece produced in a worker thread (file reads block)."""
        assert self._stream is not None
        iterator = iter(self._stream)
        try:
            while (chunk := await anyio.to_thread.run_sync(next, iterator, None)) is not None:
                yield chunk
        except PackFileChanged as exc:
            with anyio.CancelScope(shield=True):
                await self._on_changed(exc)
            raise
        finally:
            iterator.close()
            self.close()


def root_name(meta: ExportMeta) -> str:
    """``certready-<org>-evidence-pack-<YYYYMMDD>``: the ZIP's name and its one folder."""
    return "certready-" + meta.filename(STEM, "zip").removesuffix(".zip")


async def _scope(
    repo: PackRepository, ctx: OrgContext, filters: PackFilters
) -> tuple[PackScope, dict[str, str]]:
    """The filters checked against the catalogue (422 naming each unknown value)."""
    framework = await repo.framework(filters.framework)
    if framework is None:
        raise Unprocessable(f"Unknown framework '{filters.framework}'.", loc=["query", "framework"])
    errors: list[dict[str, Any]] = []
    if filters.clauses:
        known = await repo.known_refs(framework.id, filters.clauses)
        errors += [
            {"loc": ["query", "clause"], "msg": f"Unknown clause '{ref}'.", "type": "value_error"}
            for ref in filters.clauses
            if ref not in known
        ]
    if filters.documents:
        known = await repo.known_documents(framework.id, filters.documents)
        errors += [
            {
                "loc": ["query", "documented_information"],
                "msg": f"Unknown documented information '{key}'.",
                "type": "value_error",
            }
            for key in filters.documents
            if key not in known
        ]
    audit_number = await repo.audit_number(filters.audit_id) if filters.audit_id else None
    if filters.audit_id and audit_number is None:
        # another organisation's audit reads as unknown, like one that does not exist
        errors.append(
            {"loc": ["query", "audit_id"], "msg": "Unknown audit.", "type": "value_error"}
        )
    if errors:
        raise Unprocessable(errors[0]["msg"], errors=errors)
    scope = PackScope(
        framework_id=framework.id,
        clauses=tuple(filters.clauses),
        documents=tuple(filters.documents),
        # the certification body's auditor sees approved evidence only (no drafts)
        approved_only=filters.approved_only or evidence_approved_only(ctx),
        all_versions=filters.all_versions,
        audit_id=filters.audit_id,
        audit_key=f"A-{audit_number}" if audit_number is not None else None,
    )
    return scope, {"code": framework.code, "name": framework.name, "version": framework.version}


async def _files(repo: PackRepository, scope: PackScope) -> tuple[list[PackFile], list[str]]:
    rows = await repo.files(scope)
    clauses = await repo.clauses(scope)
    documents = await repo.documents(scope)
    files: list[PackFile] = []
    without: list[str] = []
    for row in rows:
        key = f"E-{row.number}"
        if row.version is None:
            without.append(key)
            continue
        files.append(
            PackFile(
                evidence_id=row.id,
                key=key,
                title=row.title,
                kind=str(row.kind),
                version=row.version,
                current=row.version == row.current_version,
                sha256=row.sha256,
                size=row.size,
                media_type=row.media_type,
                filename=row.filename,
                uploaded_at=row.uploaded_at,
                status=str(row.status),
                approved_on=row.approved_on,
                approved_at=row.approved_at,
                approved_by=row.approved_by,
                effective_date=row.effective_date,
                valid_until=row.valid_until,
                clauses=clauses.get(row.id, []),
                documents=documents.get(row.id, []),
            )
        )
    return files, without


def _missing_or_resized(
    store: EvidenceStore, org_id: uuid.UUID, files: list[PackFile]
) -> list[tuple[PackFile, int | None]]:
    """The files whose blob is missing or has another size than recorded (stat only)."""
    bad: list[tuple[PackFile, int | None]] = []
    for f in files:
        try:
            size = os.stat(store.blob_path(org_id, f.sha256)).st_size
        except FileNotFoundError:
            size = None
        if size != f.size:
            bad.append((f, size))
    return bad


def _log_integrity(
    session: AsyncSession,
    who: tuple[uuid.UUID, Actor],
    file: PackFile,
    what: str,
    actual: Mapping[str, Any],
) -> None:
    record(
        session,
        org_id=who[0],
        actor=who[1],
        action="evidence.integrity_error",
        object_type="evidence",
        object_id=file.evidence_id,
        summary=f"{file.key} version {file.version}: stored file {what} (evidence pack)",
        before={"sha256": file.sha256, "size": file.size},
        after={**actual, "version": file.version},
    )


async def _check_blobs(
    db: Database, store: EvidenceStore, ctx: OrgContext, files: list[PackFile]
) -> None:
    bad = await anyio.to_thread.run_sync(_missing_or_resized, store, ctx.org_id, files)
    if not bad:
        return
    with anyio.CancelScope(shield=True):
        async with db.transaction() as session:
            for file, size in bad:
                what = "is missing" if size is None else "has another size than recorded"
                actual = {"status": "missing", "actual_size": size}
                _log_integrity(session, (ctx.org_id, ctx.actor), file, what, actual)
    raise IntegrityError(
        "Stored files do not match their records, so no pack is made. The integrity "
        "problem was logged; restore the files from a backup.",
        extra={"evidence": sorted({f.key for f, _ in bad})},
    )


class _Counter:
    """Files and evidence bytes packed so far, reported to ``progress`` as they grow."""

    def __init__(self, progress: Progress | None) -> None:
        self.progress = progress
        self.files = 0
        self.bytes = 0

    def add(self, size: int, file_done: bool = False) -> None:
        self.bytes += size
        self.files += file_done
        if self.progress is not None:
            self.progress(self.files, self.bytes)


def _file_chunks(path: str, file: PackFile, counter: _Counter) -> Iterator[bytes]:
    """The stored file in 1 MiB pieces, hashed on the way; ``PackFileChanged`` at its end
    when the bytes are not the recorded ones. Each piece and the file's end are counted."""
    digest = hashlib.sha256()
    size = 0
    try:
        with open(path, "rb", buffering=0) as fh:
            while chunk := fh.read(PIECE):
                digest.update(chunk)
                size += len(chunk)
                counter.add(len(chunk))
                yield chunk
    except FileNotFoundError:
        raise PackFileChanged(file, None, 0) from None
    if digest.hexdigest() != file.sha256 or size != file.size:
        raise PackFileChanged(file, digest.hexdigest(), size)
    counter.add(0, file_done=True)


def _signed_metadata(
    meta: ExportMeta,
    signer: PackSigner,
    manifest: Manifest,
    files: list[PackFile],
    spooled: list[Spooled],
) -> list[tuple[str, bytes]]:
    """VERIFY.txt, manifest.json, SHA256SUMS, its signature and the public key, in order."""
    root = root_name(meta)
    verify = layout.verify_text(
        root, meta.organisation, signer.fingerprint, meta.generated_at.isoformat()
    )
    manifest_bytes = manifest.to_bytes()
    key = signer.public_key_pem
    small = [(layout.VERIFY, verify), (layout.MANIFEST, manifest_bytes), (layout.PUBLIC_KEY, key)]
    sums = layout.sums_text(
        [(name, hashlib.sha256(data).hexdigest()) for name, data in small]
        + [(item.name, item.sha256) for item in spooled]
        + [(f.path, f.sha256) for f in files]
    )
    return [
        (layout.VERIFY, verify),
        (layout.MANIFEST, manifest_bytes),
        (layout.SUMS, sums),
        (layout.SIGNATURE, signer.sign(sums)),
        (layout.PUBLIC_KEY, key),
    ]


def _manifest(
    meta: ExportMeta,
    signer: PackSigner,
    files: list[PackFile],
    without: list[str],
    framework: dict[str, str],
    spooled: list[Spooled],
) -> Manifest:
    digest = DataDigest()
    for f in files:
        digest.add("file", [f.path, f.key, f.version, f.sha256, f.size])
    meta.data_sha256 = digest.hexdigest()
    return Manifest(
        pack_id=str(uuid.uuid4()),
        meta_rows={
            "organisation": {"name": meta.organisation, "slug": meta.organisation_slug},
            "generated_at": meta.generated_at.isoformat(),
            "generated_by": meta.generated_by,
            "filters": dict(meta.filters),
            "product_version": meta.product_version,
            "data_sha256": meta.data_sha256,
        },
        framework=framework,
        signing={
            "algorithm": ALGORITHM,
            "signed_file": layout.SUMS,
            "signature_file": layout.SIGNATURE,
            "public_key_file": layout.PUBLIC_KEY,
            "public_key_sha256": signer.fingerprint,
        },
        files=files,
        without_files=without,
        generated=[item.manifest_entry() for item in spooled],
    )


def _described(filters: PackFilters, scope: PackScope) -> dict[str, str]:
    described = filters.described()
    if scope.approved_only:
        described["approved_only"] = "true"
    if scope.audit_key:
        described["audit"] = scope.audit_key
    return described


@dataclass(frozen=True)
class PackHead:
    """What ``HEAD`` answers: the name and, without the matrix, the exact size."""

    filename: str
    size: int | None
    files: int = 0


async def evidence_pack_head(
    session: AsyncSession, signer: PackSigner, ctx: OrgContext, filters: PackFilters
) -> PackHead:
    """The headers of the pack ``evidence_pack`` would make now, without making it: the
    filters checked and the files chosen (the same statements), the small signed files
    written in memory, no file read, no matrix, nothing logged. The size is exact when the
    pack holds no compliance matrix (its size is known only once it is written)."""
    repo = PackRepository(session, ctx.org_id)
    scope, framework = await _scope(repo, ctx, filters)
    files, without = await _files(repo, scope)
    meta = ExportMeta.for_context(ctx, EXPORT, _described(filters, scope))
    root = root_name(meta)
    if filters.with_matrix:
        return PackHead(filename=f"{root}.zip", size=None, files=len(files))
    manifest = _manifest(meta, signer, files, without, framework, [])
    stream = ZipStream(compress_type=ZIP_STORED, sized=True)
    for name, data in _signed_metadata(meta, signer, manifest, files, []):
        stream.add(data, f"{root}/{name}")
    for f in files:
        stream.add(iter(()), f"{root}/{f.path}", size=f.size)
    return PackHead(filename=f"{root}.zip", size=len(stream), files=len(files))


async def evidence_pack(
    session: AsyncSession,
    db: Database,
    store: EvidenceStore,
    signer: PackSigner,
    ctx: OrgContext,
    filters: PackFilters,
    progress: Progress | None = None,
) -> EvidencePack:
    """The pack of the evidence in scope, ready to stream; recorded in the activity log
    (``export.generated``, no data_version bump: nothing changed). ``progress`` is told
    (files done, evidence bytes read) as the body is produced (the pack jobs' progress)."""
    repo = PackRepository(session, ctx.org_id)
    scope, framework = await _scope(repo, ctx, filters)
    files, without = await _files(repo, scope)
    await _check_blobs(db, store, ctx, files)
    described = _described(filters, scope)
    meta = ExportMeta.for_context(ctx, EXPORT, described)
    spooled = [await compliance_matrix(session, ctx)] if filters.with_matrix else []
    manifest = _manifest(meta, signer, files, without, framework, spooled)
    entries = _signed_metadata(meta, signer, manifest, files, spooled)
    root = root_name(meta)
    stream = ZipStream(compress_type=ZIP_STORED, sized=True)
    for name, data in entries:
        stream.add(data, f"{root}/{name}")
    for item in spooled:
        stream.add(item.chunks(), f"{root}/{item.name}", size=item.size)
    counter = _Counter(progress)
    for f in files:
        path = str(store.blob_path(ctx.org_id, f.sha256))
        stream.add(_file_chunks(path, f, counter), f"{root}/{f.path}", size=f.size)
    sums_sha256 = hashlib.sha256(dict(entries)[layout.SUMS]).hexdigest()
    who = (ctx.org_id, ctx.actor)  # read now: the request's session is gone when it streams

    async def on_changed(exc: PackFileChanged) -> None:
        async with db.transaction() as writer:
            actual = {"status": "mismatch", "actual_sha256": exc.actual_sha256}
            _log_integrity(writer, who, exc.file, "does not match its SHA-256", actual)

    pack = EvidencePack(
        filename=f"{root}.zip",
        size=len(stream),
        pack_id=manifest.pack_id,
        sums_sha256=sums_sha256,
        files=files,
        spooled=spooled,
        _stream=stream,
        _on_changed=on_changed,
    )
    await log_export(
        db,
        ctx,
        object_id=STEM,
        summary=f"Exported an evidence pack of {len(files)} file(s) ({pack.filename})",
        after={
            "file": pack.filename,
            "pack_id": pack.pack_id,
            "files": len(files),
            "bytes": pack.size,
            "filters": described,
            "data_sha256": meta.data_sha256,
            "sha256sums_sha256": sums_sha256,
        },
    )
    return pack
