"""Evidence rules: items, immutable versions, uploads, integrity, approval, links.

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

import os
import re
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import anyio
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from certready.activity.service import record, snapshot
from certready.context import SYSTEM, Actor, OrgContext
from certready.core.changes import ChangeSpec, check_version, move_object, requested, update_object
from certready.core.clock import today, utcnow
from certready.core.pagination import PageParams, paginate
from certready.core.problems import (
    Conflict,
    Forbidden,
    NotFound,
    PayloadTooLarge,
    ProblemException,
    Unprocessable,
)
from certready.db.repository import next_number
from certready.db.session import Database
from certready.evidence import idempotency
from certready.evidence.enums import EvidenceStatus, IntegrityStatus
from certready.evidence.models import (
    Evidence,
    EvidenceDocument,
    EvidenceRequirement,
    EvidenceVersion,
)
from certready.evidence.multipart import FILE_FIELD, MAX_FIELDS_TOTAL, FormData, parse_form
from certready.evidence.ranges import serves_part
from certready.evidence.repository import (
    EvidenceRepository,
    EvidenceVersionRepository,
    IntegrityRepository,
    evidence_ids_outside_org,
)
from certready.evidence.schemas import (
    EvidenceArchive,
    EvidenceCreate,
    EvidenceFilters,
    EvidenceRead,
    EvidenceTransition,
    EvidenceUpdate,
    EvidenceVersionRead,
    VerificationRead,
)
from certready.evidence.storage import PIECE, EvidenceStore, file_identity
from certready.evidence.uploads import ReceivedFile, receive_stream
from certready.evidence.workflow import APPROVER_MOVES, EVIDENCE_WORKFLOW, EvidenceMove
from certready.orgs.permissions import Action
from certready.orgs.repository import MembershipRepository
from certready.requirements.catalogue.loader import DEFAULT_FRAMEWORK

COUNTER = "evidence"
KEY_RE = re.compile(r"^[Ee]-(\d{1,9})$")
EVIDENCE_FIELDS = [
    "title",
    "description",
    "kind",
    "source",
    "external_ref",
    "owner_id",
    "effective_date",
    "valid_until",
    "tags",
]


class IntegrityError(Conflict):
    """A stored file does not match its recorded SHA-256 (or is gone): never served."""

    slug, title = "integrity-error", "Integrity error"


def evidence_key(evidence: Evidence) -> str:
    return f"E-{evidence.number}"


EVIDENCE_CHANGES = ChangeSpec(
    object_type="evidence",
    fields=EVIDENCE_FIELDS,
    label=evidence_key,
    required=frozenset({"title", "kind"}),
    blank={"description": "", "external_ref": "", "tags": []},
    version_attr="revision",
)


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


@dataclass
class _Links:
    requirements: dict[str, uuid.UUID] = field(default_factory=dict)
    documents: dict[str, uuid.UUID] = field(default_factory=dict)


# --- reading ------------------------------------------------------------------------------


def is_expired(evidence: Evidence, on: date) -> bool:
    return (
        evidence.status == EvidenceStatus.approved
        and evidence.valid_until is not None
        and evidence.valid_until < on
    )


def version_read(version: EvidenceVersion) -> EvidenceVersionRead:
    return EvidenceVersionRead.model_validate(version)


async def read_many(
    session: AsyncSession, org_id: uuid.UUID, items: Sequence[Evidence]
) -> list[EvidenceRead]:
    """Items with their current version and links: three queries for any page size."""
    repo = EvidenceRepository(session, org_id)
    ids = [e.id for e in items]
    versions = await repo.current_versions(items)
    refs = await repo.requirement_refs(ids)
    keys = await repo.document_keys(ids)
    on = today()
    out = []
    for e in items:
        current = versions.get(e.id)
        out.append(
            EvidenceRead(
                id=e.id,
                key=evidence_key(e),
                title=e.title,
                description=e.description,
                kind=e.kind,
                source=e.source,
                external_ref=e.external_ref,
                owner_id=e.owner_id,
                effective_date=e.effective_date,
                valid_until=e.valid_until,
                tags=list(e.tags or []),
                status=EvidenceStatus(e.status),
                allowed_transitions=EVIDENCE_WORKFLOW.allowed(EvidenceStatus(e.status)),
                expired=is_expired(e, on),
                archived=e.archived_at is not None,
                archived_at=e.archived_at,
                approved_by=e.approved_by,
                approved_at=e.approved_at,
                requirement_refs=refs.get(e.id, []),
                documented_information_keys=keys.get(e.id, []),
                current_version=version_read(current) if current else None,
                version_count=e.current_version,
                created_by=e.created_by,
                created_at=e.created_at,
                updated_at=e.updated_at,
                revision=e.revision,
            )
        )
    return out


async def evidence_read(session: AsyncSession, evidence: Evidence) -> EvidenceRead:
    return (await read_many(session, evidence.org_id, [evidence]))[0]


async def list_evidence(
    session: AsyncSession, org_id: uuid.UUID, filters: EvidenceFilters, page: PageParams
) -> tuple[list[EvidenceRead], str | None, int]:
    stmt = EvidenceRepository(session, org_id).filtered(filters, today())
    rows, next_cursor, total = await paginate(
        session, stmt, keys=[col(Evidence.number)], params=page, descending=True
    )
    return await read_many(session, org_id, rows), next_cursor, total


async def get_evidence(session: AsyncSession, org_id: uuid.UUID, ident: str) -> Evidence:
    """By id or by key (``E-12``); another organisation's item is the same 404."""
    repo = EvidenceRepository(session, org_id)
    match = KEY_RE.match(ident)
    if match:
        found = await repo.get_by_number(int(match.group(1)))
    else:
        try:
            found = await repo.get_addressed(uuid.UUID(ident))
        except ValueError:
            found = None
    if found is None:
        raise NotFound()
    return found


async def list_versions(
    session: AsyncSession, evidence: Evidence, page: PageParams
) -> tuple[list[EvidenceVersionRead], str | None, int]:
    stmt = EvidenceVersionRepository(session, evidence.org_id).for_evidence(evidence.id)
    rows, next_cursor, total = await paginate(
        session, stmt, keys=[col(EvidenceVersion.number)], params=page, descending=True
    )
    return [version_read(v) for v in rows], next_cursor, total


async def get_version(session: AsyncSession, evidence: Evidence, number: int) -> EvidenceVersion:
    found = await EvidenceVersionRepository(session, evidence.org_id).get_number(
        evidence.id, number
    )
    if found is None:
        raise NotFound()
    return found


# --- checks done before any byte is read ------------------------------------------------


async def _resolve_links(
    repo: EvidenceRepository, refs: Sequence[str], keys: Sequence[str], where: str = "body"
) -> _Links:
    links = _Links(
        requirements=await repo.requirements_by_ref(DEFAULT_FRAMEWORK, sorted(set(refs))),
        documents=await repo.documents_by_key(DEFAULT_FRAMEWORK, sorted(set(keys))),
    )
    errors = [
        {
            "loc": [where, "requirement_refs"],
            "msg": f"Unknown requirement ref '{r}'.",
            "type": "value_error",
        }
        for r in sorted(set(refs) - set(links.requirements))
    ] + [
        {
            "loc": [where, "documented_information_keys"],
            "msg": f"Unknown documented-information key '{k}'.",
            "type": "value_error",
        }
        for k in sorted(set(keys) - set(links.documents))
    ]
    if errors:
        raise Unprocessable(str(errors[0]["msg"]), errors=errors)
    return links


async def _check_owner(
    session: AsyncSession, ctx: OrgContext, owner_id: uuid.UUID | None, where: str
) -> None:
    """The owner is a member; under the ownership rule, the caller themselves (403)."""
    if owner_id is None:
        return
    members = MembershipRepository(session, ctx.org_id)
    if await members.get(owner_id) is None:
        raise Unprocessable(
            "The owner must be a member of the organisation.", loc=[where, "owner_id"]
        )
    ctx.ensure_owns(Action.evidence_write, [owner_id], "evidence")


def _ensure_owner(ctx: OrgContext, evidence: Evidence) -> None:
    """The ownership rule (issue 11): process owners change only the evidence they own."""
    ctx.ensure_owns(Action.evidence_write, [evidence.owner_id], "evidence")


async def _prepare_create(
    session: AsyncSession, ctx: OrgContext, data: EvidenceCreate, where: str
) -> tuple[EvidenceCreate, _Links]:
    """The item's owner (the caller under the ownership rule) checked and its links resolved."""
    owner_id = ctx.default_owner(Action.evidence_write, data.owner_id)
    data = data.model_copy(update={"owner_id": owner_id})
    await _check_owner(session, ctx, owner_id, where)
    repo = EvidenceRepository(session, ctx.org_id)
    links = await _resolve_links(
        repo, data.requirement_refs, data.documented_information_keys, where
    )
    return data, links


def _check_writable(evidence: Evidence) -> None:
    if evidence.archived_at is not None:
        raise Conflict(f"{evidence_key(evidence)} is archived: unarchive it first.")


def _check_may_change(ctx: OrgContext, evidence: Evidence) -> None:
    """Not archived (409), and the caller's under the ownership rule (403)."""
    _check_writable(evidence)
    _ensure_owner(ctx, evidence)


# --- writing rows (in the request transaction) ----------------------------------------


async def _insert_evidence(
    session: AsyncSession, ctx: OrgContext, data: EvidenceCreate, links: _Links
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
    _check_may_change(ctx, evidence)
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
    _set_status(evidence, EvidenceStatus.draft)
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


def _set_status(evidence: Evidence, status: EvidenceStatus) -> None:
    evidence.status = status
    if status == EvidenceStatus.approved:
        return
    evidence.approved_by = None
    evidence.approved_at = None


# --- the idempotent upload pipeline -----------------------------------------------------


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
    _check_may_change(ctx, evidence)
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
    _check_may_change(ctx, evidence)
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


# --- metadata, workflow, archive, links ----------------------------------------------------


def _touch(evidence: Evidence) -> None:
    evidence.revision += 1
    evidence.updated_at = utcnow()


async def update_evidence(
    session: AsyncSession,
    ctx: OrgContext,
    evidence: Evidence,
    data: EvidenceUpdate,
    if_match: str | None,
) -> Evidence:
    """Change an item's metadata; a file-less statement's new text needs a new approval."""
    check_version(evidence, if_match, EVIDENCE_CHANGES)
    _check_may_change(ctx, evidence)
    values = requested(data, EVIDENCE_CHANGES)
    if "owner_id" in values:
        await _check_owner(session, ctx, values["owner_id"], "body")
    if "tags" in values:
        values["tags"] = list(dict.fromkeys(values["tags"]))
    effective = values.get("effective_date", evidence.effective_date)
    valid_until = values.get("valid_until", evidence.valid_until)
    if effective and valid_until and valid_until < effective:
        raise Unprocessable(
            "valid_until must not be before effective_date", loc=["body", "valid_until"]
        )
    status = EvidenceStatus(evidence.status)
    before: dict[str, Any] = {}
    after: dict[str, Any] = {}
    # a file-less statement's text is its content: changing it needs a new approval
    if (
        evidence.current_version == 0
        and values.get("description", evidence.description) != evidence.description
        and status != EvidenceStatus.draft
    ):
        _set_status(evidence, EvidenceStatus.draft)
        before, after = {"status": status.value}, {"status": EvidenceStatus.draft.value}
    await update_object(
        session,
        ctx,
        evidence,
        values,
        EVIDENCE_CHANGES,
        if_match=if_match,
        extra_before=before,
        extra_after=after,
    )
    return evidence


async def transition_evidence(
    session: AsyncSession,
    ctx: OrgContext,
    evidence: Evidence,
    data: EvidenceTransition,
    can_approve: bool,
) -> Evidence:
    """Move an item through approval; deciding moves need the approve right (four eyes)."""
    _check_may_change(ctx, evidence)
    current = EvidenceStatus(evidence.status)
    approver_move = (current, data.to) in APPROVER_MOVES
    if approver_move and data.to in EVIDENCE_WORKFLOW.allowed(current) and not can_approve:
        raise Forbidden(
            f"Moving evidence from {current.value} to {data.to.value} needs the approve right."
        )
    author = evidence.created_by
    if evidence.current_version:
        version = await get_version(session, evidence, evidence.current_version)
        author = version.uploaded_by

    def approval() -> None:
        _set_status(evidence, data.to)
        if data.to == EvidenceStatus.approved:
            evidence.approved_by = ctx.actor.id
            evidence.approved_at = utcnow()

    await move_object(
        session,
        ctx,
        evidence,
        EVIDENCE_WORKFLOW,
        EvidenceMove(evidence, ctx.actor.id, author),
        data.to,
        EVIDENCE_CHANGES,
        note=data.note,
        effects=approval,
        extra_after={"version": evidence.current_version},
    )
    return evidence


async def archive_evidence(
    session: AsyncSession, ctx: OrgContext, evidence: Evidence, data: EvidenceArchive
) -> Evidence:
    """Archive instead of delete: versions stay, the item leaves the normal lists."""
    _check_may_change(ctx, evidence)
    evidence.archived_at = utcnow()
    evidence.archived_by = ctx.actor.id
    _touch(evidence)
    record(
        session,
        org_id=ctx.org_id,
        actor=ctx.actor,
        action="evidence.archive",
        object_type="evidence",
        object_id=evidence.id,
        summary=f"{evidence_key(evidence)} archived" + (f": {data.reason}" if data.reason else ""),
        after={"reason": data.reason, "versions": evidence.current_version},
    )
    await session.flush()
    return evidence


async def unarchive_evidence(
    session: AsyncSession, ctx: OrgContext, evidence: Evidence
) -> Evidence:
    if evidence.archived_at is None:
        raise Conflict(f"{evidence_key(evidence)} is not archived.")
    _ensure_owner(ctx, evidence)
    evidence.archived_at = None
    evidence.archived_by = None
    _touch(evidence)
    record(
        session,
        org_id=ctx.org_id,
        actor=ctx.actor,
        action="evidence.unarchive",
        object_type="evidence",
        object_id=evidence.id,
        summary=f"{evidence_key(evidence)} restored from the archive",
    )
    await session.flush()
    return evidence


async def link_requirement(
    session: AsyncSession, ctx: OrgContext, evidence: Evidence, ref: str
) -> Evidence:
    _check_may_change(ctx, evidence)
    repo = EvidenceRepository(session, ctx.org_id)
    requirement_id = (await _resolve_links(repo, [ref], [], "path")).requirements[ref]
    if requirement_id in await repo.linked_requirement_ids(evidence.id):
        return evidence
    session.add(
        EvidenceRequirement(
            evidence_id=evidence.id,
            requirement_id=requirement_id,
            org_id=ctx.org_id,
            created_at=utcnow(),
        )
    )
    _touch(evidence)
    _link_activity(
        session,
        ctx,
        evidence,
        "evidence.link",
        f"linked to requirement {ref}",
        {"requirement_ref": ref},
    )
    await session.flush()
    return evidence


async def unlink_requirement(
    session: AsyncSession, ctx: OrgContext, evidence: Evidence, ref: str
) -> None:
    _check_may_change(ctx, evidence)
    repo = EvidenceRepository(session, ctx.org_id)
    found = await repo.requirements_by_ref(DEFAULT_FRAMEWORK, [ref])
    if ref not in found or not await repo.unlink_requirement(evidence.id, found[ref]):
        raise NotFound(f"{evidence_key(evidence)} is not linked to requirement {ref}.")
    _touch(evidence)
    _link_activity(
        session,
        ctx,
        evidence,
        "evidence.unlink",
        f"unlinked from requirement {ref}",
        {"requirement_ref": ref},
    )
    await session.flush()


async def link_document(
    session: AsyncSession, ctx: OrgContext, evidence: Evidence, key: str
) -> Evidence:
    _check_may_change(ctx, evidence)
    repo = EvidenceRepository(session, ctx.org_id)
    document_id = (await _resolve_links(repo, [], [key], "path")).documents[key]
    if document_id in await repo.linked_document_ids(evidence.id):
        return evidence
    session.add(
        EvidenceDocument(
            evidence_id=evidence.id,
            document_id=document_id,
            org_id=ctx.org_id,
            created_at=utcnow(),
        )
    )
    _touch(evidence)
    _link_activity(
        session,
        ctx,
        evidence,
        "evidence.link",
        f"fulfils {key}",
        {"documented_information_key": key},
    )
    await session.flush()
    return evidence


async def unlink_document(
    session: AsyncSession, ctx: OrgContext, evidence: Evidence, key: str
) -> None:
    _check_may_change(ctx, evidence)
    repo = EvidenceRepository(session, ctx.org_id)
    found = await repo.documents_by_key(DEFAULT_FRAMEWORK, [key])
    if key not in found or not await repo.unlink_document(evidence.id, found[key]):
        raise NotFound(f"{evidence_key(evidence)} does not fulfil {key}.")
    _touch(evidence)
    _link_activity(
        session,
        ctx,
        evidence,
        "evidence.unlink",
        f"no longer fulfils {key}",
        {"documented_information_key": key},
    )
    await session.flush()


def _link_activity(
    session: AsyncSession,
    ctx: OrgContext,
    evidence: Evidence,
    action: str,
    what: str,
    data: dict[str, str],
) -> None:
    record(
        session,
        org_id=ctx.org_id,
        actor=ctx.actor,
        action=action,
        object_type="evidence",
        object_id=evidence.id,
        summary=f"{evidence_key(evidence)} {what}",
        after=data if action.endswith(".link") else None,
        before=data if action.endswith(".unlink") else None,
    )


# --- integrity: downloads and verification --------------------------------------------------


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


def problem_of(exc: BaseException) -> ProblemException | None:
    return exc if isinstance(exc, ProblemException) else None


async def create_evidence(
    session: AsyncSession,
    up: Uploads,
    ctx: OrgContext,
    body: EvidenceCreate | FormUpload,
    key: str | None,
) -> Outcome:
    if isinstance(body, FormUpload):
        return await create_evidence_form(session, up, ctx, body, key)
    return await create_evidence_json(session, up, ctx, body, key)


async def ensure_evidence_in_org(
    session: AsyncSession, org_id: uuid.UUID, ids: Sequence[uuid.UUID], loc: Sequence[str]
) -> None:
    """Links to evidence (audit lines, findings) must name items of the same organisation.

    Another organisation's item gets the same answer as a missing one (SECURITY.md Z1).
    """
    missing = await evidence_ids_outside_org(session, org_id, ids)
    if missing:
        listed = ", ".join(sorted(str(i) for i in missing))
        raise Unprocessable(f"No such evidence item: {listed}.", loc=list(loc))
