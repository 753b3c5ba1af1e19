"""Evidence ingest: the upload pipeline (streaming, hashing, versions, idempotency).

Upload flows (DESIGN.md "Evidence uploads", SECURITY.md 4.2) run in this order:
metadata checked -> the request's read transaction ended (so no database lock or
snapshot is held while a large body streams) -> Idempotency-Key reserved in its own
short transaction -> body streamed into a temp file (hash, size limit, type) ->
blob published (fsync, exclusive link, fsync dir) -> version row, activity entry
and the completed reservation flushed in the request transaction, which the
session dependency commits before the response. Any failure removes the temp
file and the reservation: nothing is kept.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import anyio
from sqlalchemy.ext.asyncio import AsyncSession

from certready.activity.service import record, snapshot
from certready.context import OrgContext
from certready.core.clock import utcnow
from certready.core.problems import (
    NotFound,
    PayloadTooLarge,
    Unprocessable,
)
from certready.db.repository import next_number
from certready.db.session import Database
from certready.evidence import idempotency
from certready.evidence.enums import EvidenceStatus
from certready.evidence.items import (
    EVIDENCE_FIELDS,
    Links,
    check_may_change,
    check_owner,
    evidence_key,
    evidence_read,
    resolve_links,
    set_status,
    version_read,
)
from certready.evidence.models import (
    Evidence,
    EvidenceDocument,
    EvidenceRequirement,
    EvidenceVersion,
)
from certready.evidence.multipart import FILE_FIELD, MAX_FIELDS_TOTAL, FormData, parse_form
from certready.evidence.repository import (
    EvidenceRepository,
)
from certready.evidence.schemas import (
    EvidenceCreate,
    EvidenceRead,
    EvidenceVersionRead,
)
from certready.evidence.storage import EvidenceStore
from certready.evidence.uploads import ReceivedFile, receive_stream
from certready.orgs.permissions import Action

COUNTER = "evidence"


@dataclass
class Uploads:
    """What an upload request needs besides its session."""

    db: Database
    store: EvidenceStore
    limit: int
    process: str


@dataclass
class FileUpload:
    """A raw-body upload as the router hands it over."""

    chunks: AsyncIterator[bytes]
    filename: str | None
    declared_sha256: str | None = None
    content_length: int | None = None


@dataclass
class FormUpload:
    """A multipart body as the router hands it over."""

    chunks: AsyncIterator[bytes]
    boundary: bytes
    content_length: int | None = None


@dataclass
class Outcome:
    """The response of a create/upload: fresh, or replayed for an Idempotency-Key."""

    status: int
    body: dict[str, Any]
    replayed: bool = False


async def _prepare_create(
    session: AsyncSession, ctx: OrgContext, data: EvidenceCreate, where: str
) -> tuple[EvidenceCreate, Links]:
    """The item's owner (the caller under the ownership rule) checked and its links resolved."""
    owner_id = ctx.default_owner(Action.evidence_write, data.owner_id)
    data = data.model_copy(update={"owner_id": owner_id})
    await check_owner(session, ctx, owner_id, where)
    repo = EvidenceRepository(session, ctx.org_id)
    links = await resolve_links(
        repo, data.requirement_refs, data.documented_information_keys, where
    )
    return data, links


async def _insert_evidence(
    session: AsyncSession, ctx: OrgContext, data: EvidenceCreate, links: Links
) -> Evidence:
    now = utcnow()
    evidence = Evidence(
        org_id=ctx.org_id,
        number=await next_number(session, ctx.org_id, COUNTER),
        title=data.title,
        description=data.description,
        kind=data.kind,
        source=data.source,
        external_ref=data.external_ref,
        owner_id=data.owner_id,
        effective_date=data.effective_date,
        valid_until=data.valid_until,
        tags=list(dict.fromkeys(data.tags)),
        created_by=ctx.actor.id,
        created_at=now,
        updated_at=now,
    )
    EvidenceRepository(session, ctx.org_id).add(evidence)
    await session.flush()
    for requirement_id in links.requirements.values():
        session.add(
            EvidenceRequirement(
                evidence_id=evidence.id,
                requirement_id=requirement_id,
                org_id=ctx.org_id,
                created_at=now,
            )
        )
    for document_id in links.documents.values():
        session.add(
            EvidenceDocument(
                evidence_id=evidence.id,
                document_id=document_id,
                org_id=ctx.org_id,
                created_at=now,
            )
        )
    record(
        session,
        org_id=ctx.org_id,
        actor=ctx.actor,
        action="evidence.create",
        object_type="evidence",
        object_id=evidence.id,
        summary=f"{evidence_key(evidence)} '{evidence.title}' created",
        after={
            **snapshot(evidence, EVIDENCE_FIELDS),
            "requirement_refs": sorted(links.requirements),
            "documented_information_keys": sorted(links.documents),
        },
    )
    await session.flush()
    return evidence


async def _insert_version(
    session: AsyncSession, ctx: OrgContext, evidence_id: uuid.UUID, received: ReceivedFile
) -> tuple[Evidence, EvidenceVersion]:
    """Append a version; a new file always sends the item back to draft (document control)."""
    evidence = await EvidenceRepository(session, ctx.org_id).lock(evidence_id)
    if evidence is None:
        raise NotFound()
    check_may_change(ctx, evidence)
    now = utcnow()
    previous = EvidenceStatus(evidence.status)
    evidence.current_version += 1
    version = EvidenceVersion(
        org_id=ctx.org_id,
        evidence_id=evidence.id,
        number=evidence.current_version,
        sha256=received.sha256,
        size=received.size,
        media_type=received.media_type,
        filename=received.filename,
        uploaded_by=ctx.actor.id,
        uploaded_at=now,
    )
    session.add(version)
    set_status(evidence, EvidenceStatus.draft)
    evidence.revision += 1
    evidence.updated_at = now
    reset = (
        f"; approval reset ({previous.value} -> draft)" if previous != EvidenceStatus.draft else ""
    )
    record(
        session,
        org_id=ctx.org_id,
        actor=ctx.actor,
        action="evidence.version_add",
        object_type="evidence",
        object_id=evidence.id,
        summary=(
            f"{evidence_key(evidence)}: version {version.number} '{version.filename}' "
            f"({version.size} bytes){reset}"
        ),
        before={"status": previous.value},
        after={
            "version": version.number,
            "sha256": version.sha256,
            "size": version.size,
            "media_type": version.media_type,
            "filename": version.filename,
            "status": EvidenceStatus.draft.value,
        },
    )
    await session.flush()
    return evidence, version


def _file_part(received: ReceivedFile | None) -> dict[str, Any] | None:
    if received is None:
        return None
    return {"sha256": received.sha256, "filename": received.filename}


async def _idempotent(
    session: AsyncSession,
    up: Uploads,
    ctx: OrgContext,
    endpoint: str,
    key: str | None,
    run: Callable[[idempotency.Reservation], Awaitable[Outcome]],
) -> Outcome:
    # End the read transaction the authentication opened: a long upload must hold no
    # database lock (SQLite's writer lock) or snapshot. Nothing has been written yet.
    await session.commit()
    reservation = await idempotency.reserve(
        up.db,
        org_id=ctx.org_id,
        principal_id=ctx.credential_id,
        endpoint=endpoint,
        key=key,
        process=up.process,
    )
    try:
        return await run(reservation)
    except BaseException:
        with anyio.CancelScope(shield=True):
            await session.rollback()
            await idempotency.release(up.db, reservation)
        raise


async def _heartbeats(
    chunks: AsyncIterator[bytes], up: Uploads, reservation: idempotency.Reservation
) -> AsyncIterator[bytes]:
    async for chunk in chunks:
        await idempotency.heartbeat(up.db, reservation)
        yield chunk


async def _receive_raw(
    up: Uploads, upload: FileUpload, reservation: idempotency.Reservation
) -> ReceivedFile:
    if not upload.filename:
        raise Unprocessable(
            "Name the file: a Content-Disposition header with a filename, or ?filename=.",
            loc=["query", "filename"],
        )
    received = await receive_stream(
        up.store,
        _heartbeats(upload.chunks, up, reservation),
        upload.filename,
        up.limit,
        keep=reservation.replay is None,
    )
    if upload.declared_sha256 and upload.declared_sha256 != received.sha256:
        await received.discard()
        raise Unprocessable(
            "The file's SHA-256 does not match the digest the client sent; nothing was stored.",
            loc=["header", "x-content-sha256"],
            extra={"declared_sha256": upload.declared_sha256, "received_sha256": received.sha256},
        )
    return received


async def _receive_form(
    up: Uploads, form: FormUpload, reservation: idempotency.Reservation
) -> FormData:
    return await parse_form(
        _heartbeats(form.chunks, up, reservation),
        form.boundary,
        up.store,
        up.limit,
        keep_file=reservation.replay is None,
    )


async def _publish(up: Uploads, org_id: uuid.UUID, received: ReceivedFile) -> None:
    temp = received.temp
    if temp is None:
        raise RuntimeError("nothing to publish")
    await anyio.to_thread.run_sync(up.store.publish, temp, org_id, received.sha256)
    received.temp = None


async def _replayed(
    reservation: idempotency.Reservation, fp: str, *files: ReceivedFile | None
) -> Outcome | None:
    replay = reservation.check_replay(fp)
    if replay is None:
        return None
    for received in files:
        if received is not None:
            await received.discard()
    return Outcome(replay.status, replay.body, replayed=True)


def _too_large(content_length: int | None, limit: int) -> None:
    if content_length is not None and content_length > limit:
        raise PayloadTooLarge(
            f"The file exceeds the upload limit of {limit} bytes.", extra={"limit": limit}
        )


async def create_evidence(
    session: AsyncSession,
    up: Uploads,
    ctx: OrgContext,
    body: EvidenceCreate | FormUpload,
    key: str | None,
) -> Outcome:
    """JSON metadata, or a multipart form with metadata and an optional first file."""
    if isinstance(body, FormUpload):
        return await create_evidence_form(session, up, ctx, body, key)
    return await create_evidence_json(session, up, ctx, body, key)


async def create_evidence_json(
    session: AsyncSession, up: Uploads, ctx: OrgContext, data: EvidenceCreate, key: str | None
) -> Outcome:
    """A file-less item (statement or link); files come later as versions."""
    data, links = await _prepare_create(session, ctx, data, "body")
    fp = idempotency.fingerprint({"metadata": data.model_dump(mode="json"), "file": None})

    async def run(reservation: idempotency.Reservation) -> Outcome:
        replay = await _replayed(reservation, fp)
        if replay:
            return replay
        evidence = await _insert_evidence(session, ctx, data, links)
        return await _finish(session, reservation, fp, 201, await evidence_read(session, evidence))

    return await _idempotent(session, up, ctx, "evidence.create", key, run)


async def create_evidence_form(
    session: AsyncSession, up: Uploads, ctx: OrgContext, form: FormUpload, key: str | None
) -> Outcome:
    """Multipart: metadata fields plus an optional first file in the ``file`` field."""
    _too_large(form.content_length, up.limit + MAX_FIELDS_TOTAL + 64 * 1024)

    async def run(reservation: idempotency.Reservation) -> Outcome:
        parsed = await _receive_form(up, form, reservation)
        try:
            data = _form_metadata(parsed)
            data, links = await _prepare_create(session, ctx, data, "body")
            fp = idempotency.fingerprint(
                {"metadata": data.model_dump(mode="json"), "file": _file_part(parsed.file)}
            )
            replay = await _replayed(reservation, fp, parsed.file)
            if replay:
                return replay
            if parsed.file is not None:
                await _publish(up, ctx.org_id, parsed.file)
            evidence = await _insert_evidence(session, ctx, data, links)
            if parsed.file is not None:
                await _insert_version(session, ctx, evidence.id, parsed.file)
            body = await evidence_read(session, evidence)
        except BaseException:
            if parsed.file is not None:
                with anyio.CancelScope(shield=True):
                    await parsed.file.discard()
            raise
        return await _finish(session, reservation, fp, 201, body)

    return await _idempotent(session, up, ctx, "evidence.create", key, run)


async def create_evidence_raw(
    session: AsyncSession,
    up: Uploads,
    ctx: OrgContext,
    data: EvidenceCreate,
    upload: FileUpload,
    key: str | None,
) -> Outcome:
    """Raw body: the file's bytes; metadata in the query string (scripts and CI)."""
    _too_large(upload.content_length, up.limit)
    data, links = await _prepare_create(session, ctx, data, "query")
    metadata = data.model_dump(mode="json")

    async def run(reservation: idempotency.Reservation) -> Outcome:
        if reservation.replay is not None and upload.declared_sha256 and upload.filename:
            # the client told us the hash: decide without reading the body
            early = {"sha256": upload.declared_sha256, "filename": _sanitized(upload.filename)}
            replay = await _replayed(
                reservation, idempotency.fingerprint({"metadata": metadata, "file": early})
            )
            if replay:
                return replay
        received = await _receive_raw(up, upload, reservation)
        fp = idempotency.fingerprint({"metadata": metadata, "file": _file_part(received)})
        try:
            replay = await _replayed(reservation, fp, received)
            if replay:
                return replay
            await _publish(up, ctx.org_id, received)
            evidence = await _insert_evidence(session, ctx, data, links)
            await _insert_version(session, ctx, evidence.id, received)
            body = await evidence_read(session, evidence)
        except BaseException:
            with anyio.CancelScope(shield=True):
                await received.discard()
            raise
        return await _finish(session, reservation, fp, 201, body)

    return await _idempotent(session, up, ctx, "evidence.upload", key, run)


async def add_version_raw(
    session: AsyncSession,
    up: Uploads,
    ctx: OrgContext,
    evidence: Evidence,
    upload: FileUpload,
    key: str | None,
) -> Outcome:
    """A new immutable version from a raw body; the previous ones stay as they are."""
    check_may_change(ctx, evidence)
    _too_large(upload.content_length, up.limit)
    target = str(evidence.id)

    async def run(reservation: idempotency.Reservation) -> Outcome:
        if reservation.replay is not None and upload.declared_sha256 and upload.filename:
            early = {"sha256": upload.declared_sha256, "filename": _sanitized(upload.filename)}
            replay = await _replayed(
                reservation, idempotency.fingerprint({"evidence_id": target, "file": early})
            )
            if replay:
                return replay
        received = await _receive_raw(up, upload, reservation)
        return await _store_version(session, up, ctx, reservation, evidence.id, received)

    return await _idempotent(session, up, ctx, "evidence.version", key, run)


async def add_version_form(
    session: AsyncSession,
    up: Uploads,
    ctx: OrgContext,
    evidence: Evidence,
    form: FormUpload,
    key: str | None,
) -> Outcome:
    """A new immutable version from a multipart body with one ``file`` part."""
    check_may_change(ctx, evidence)
    _too_large(form.content_length, up.limit + MAX_FIELDS_TOTAL + 64 * 1024)

    async def run(reservation: idempotency.Reservation) -> Outcome:
        parsed = await _receive_form(up, form, reservation)
        if parsed.file is None:
            raise Unprocessable("Send the file in the 'file' field.", loc=["body", FILE_FIELD])
        if parsed.fields:
            await parsed.file.discard()
            raise Unprocessable(
                "Only the file is accepted here.", loc=["body", next(iter(parsed.fields))]
            )
        return await _store_version(session, up, ctx, reservation, evidence.id, parsed.file)

    return await _idempotent(session, up, ctx, "evidence.version", key, run)


async def _store_version(
    session: AsyncSession,
    up: Uploads,
    ctx: OrgContext,
    reservation: idempotency.Reservation,
    evidence_id: uuid.UUID,
    received: ReceivedFile,
) -> Outcome:
    fp = idempotency.fingerprint({"evidence_id": str(evidence_id), "file": _file_part(received)})
    try:
        replay = await _replayed(reservation, fp, received)
        if replay:
            return replay
        await _publish(up, ctx.org_id, received)
        _, version = await _insert_version(session, ctx, evidence_id, received)
    except BaseException:
        with anyio.CancelScope(shield=True):
            await received.discard()
        raise
    return await _finish(session, reservation, fp, 201, version_read(version))


async def _finish(
    session: AsyncSession,
    reservation: idempotency.Reservation,
    fp: str,
    status: int,
    body: EvidenceRead | EvidenceVersionRead,
) -> Outcome:
    data = body.model_dump(mode="json")
    await idempotency.complete(session, reservation, fp, status, data)
    await session.flush()
    return Outcome(status, data)


def _sanitized(filename: str) -> str:
    from certready.evidence.uploads import sanitize_filename

    return sanitize_filename(filename)


_LIST_FIELDS = {"tags", "requirement_refs", "documented_information_keys"}


_FORM_ALIASES = {
    "tag": "tags",
    "requirement": "requirement_refs",
    "requirement_ref": "requirement_refs",
    "fulfils": "documented_information_keys",
    "documented_information_key": "documented_information_keys",
}


def _form_metadata(form: FormData) -> EvidenceCreate:
    """Multipart fields -> EvidenceCreate (lists as repeated fields); 422 like JSON."""
    raw: dict[str, Any] = {}
    for name, values in form.fields.items():
        target = _FORM_ALIASES.get(name, name)
        if target in _LIST_FIELDS:
            raw.setdefault(target, []).extend(v for v in values if v != "")
        elif values[-1] != "" or target in {"description", "external_ref"}:
            raw[target] = values[-1]
    raw.setdefault("source", "ui")
    return validate_create(raw, "body")


def validate_create(raw: dict[str, Any], where: str) -> EvidenceCreate:
    """``raw`` as ``EvidenceCreate``; a 422 locating each error under ``where``."""
    from pydantic import ValidationError

    try:
        return EvidenceCreate.model_validate(raw)
    except ValidationError as exc:
        errors = [
            {
                "loc": [where, *[str(p) for p in err["loc"]]],
                "msg": err["msg"],
                "type": err["type"],
            }
            for err in exc.errors()
        ]
        first = errors[0]
        raise Unprocessable(
            f"{'.'.join(str(p) for p in first['loc'])}: {first['msg']}", errors=errors
        ) from exc
