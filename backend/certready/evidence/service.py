"""Evidence rules: metadata, approval workflow, archive and links.

Uploads and new versions are ``evidence.ingest``; verified downloads and the scrubber are
``evidence.integrity``. Their public names are re-exported here for other packages.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from certready.activity.service import record
from certready.context import OrgContext
from certready.core.changes import check_version, move_object, requested, update_object
from certready.core.clock import today, utcnow
from certready.core.occurred import occurred_on
from certready.core.pagination import PageParams, paginate
from certready.core.problems import (
    Conflict,
    Forbidden,
    NotFound,
    Unprocessable,
)
from certready.evidence.enums import EvidenceStatus
from certready.evidence.ingest import (
    FileUpload,
    FormUpload,
    Outcome,
    Uploads,
    add_version_form,
    add_version_raw,
    create_evidence,
    create_evidence_form,
    create_evidence_json,
    create_evidence_raw,
    validate_create,
)
from certready.evidence.integrity import (
    Download,
    IntegrityError,
    StoreReport,
    open_download,
    verify_store,
    verify_version,
)
from certready.evidence.items import (
    EVIDENCE_CHANGES,
    check_may_change,
    check_owner,
    ensure_owner,
    evidence_key,
    evidence_read,
    get_version,
    read_many,
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
from certready.evidence.repository import (
    EvidenceRepository,
    EvidenceVersionRepository,
)
from certready.evidence.schemas import (
    EvidenceArchive,
    EvidenceFilters,
    EvidenceRead,
    EvidenceTransition,
    EvidenceUpdate,
    EvidenceVersionRead,
)
from certready.evidence.workflow import APPROVER_MOVES, EVIDENCE_WORKFLOW, EvidenceMove
from certready.orgs.enums import Role
from certready.orgs.repository import MembershipRepository
from certready.requirements.catalogue.loader import DEFAULT_FRAMEWORK

# The public names of evidence, also those of ingest and integrity (other packages use them).
__all__ = [
    "Download",
    "FileUpload",
    "FormUpload",
    "IntegrityError",
    "Outcome",
    "StoreReport",
    "Uploads",
    "add_version_form",
    "add_version_raw",
    "approved_only",
    "archive_evidence",
    "create_evidence",
    "create_evidence_form",
    "create_evidence_json",
    "create_evidence_raw",
    "ensure_evidence_in_org",
    "evidence_read",
    "get_evidence",
    "get_version",
    "link_document",
    "link_requirement",
    "list_evidence",
    "list_versions",
    "open_download",
    "transition_evidence",
    "unarchive_evidence",
    "unlink_document",
    "unlink_requirement",
    "update_evidence",
    "validate_create",
    "verify_store",
    "verify_version",
    "version_read",
]
KEY_RE = re.compile(r"^[Ee]-(\d{1,9})$")


def approved_only(ctx: OrgContext) -> bool:
    """The certification body's auditor sees approved evidence only (no drafts, nothing in
    review or rejected): in the lists, on the item and its files, and in the evidence pack."""
    return ctx.role == Role.external_auditor


async def list_evidence(
    session: AsyncSession, ctx: OrgContext, filters: EvidenceFilters, page: PageParams
) -> tuple[list[EvidenceRead], str | None, int]:
    """A page of items (filters as in the list query), newest first."""
    org_id = ctx.org_id
    if approved_only(ctx):
        if filters.status not in (None, EvidenceStatus.approved):
            return [], None, 0
        filters = filters.model_copy(update={"status": EvidenceStatus.approved})
    stmt = EvidenceRepository(session, org_id).filtered(filters, today())
    rows, next_cursor, total = await paginate(
        session, stmt, keys=[col(Evidence.number)], params=page, descending=True
    )
    return await read_many(session, org_id, rows), next_cursor, total


async def get_evidence(session: AsyncSession, ctx: OrgContext, ident: str) -> Evidence:
    """By id or by key (``E-12``); another organisation's item is the same 404, and so is
    an item not approved for a caller who sees approved evidence only."""
    repo = EvidenceRepository(session, ctx.org_id)
    match = KEY_RE.match(ident)
    if match:
        found = await repo.get_by_number(int(match.group(1)))
    else:
        try:
            found = await repo.get_addressed(uuid.UUID(ident))
        except ValueError:
            found = None
    if found is None or (approved_only(ctx) and found.status != EvidenceStatus.approved):
        raise NotFound()
    return found


async def list_versions(
    session: AsyncSession, evidence: Evidence, page: PageParams
) -> tuple[list[EvidenceVersionRead], str | None, int]:
    """A page of the item's versions, newest first."""
    stmt = EvidenceVersionRepository(session, evidence.org_id).for_evidence(evidence.id)
    rows, next_cursor, total = await paginate(
        session, stmt, keys=[col(EvidenceVersion.number)], params=page, descending=True
    )
    return [version_read(v) for v in rows], next_cursor, total


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
    check_may_change(ctx, evidence)
    values = requested(data, EVIDENCE_CHANGES)
    if "owner_id" in values:
        await check_owner(session, ctx, values["owner_id"], "body")
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
        set_status(evidence, EvidenceStatus.draft)
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
    check_may_change(ctx, evidence)
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
    approving = data.to == EvidenceStatus.approved
    # RDY-04 reads whether the approver was top management at the time of approval.
    top = approving and await MembershipRepository(session, ctx.org_id).is_top_management(
        ctx.user_id
    )

    day = occurred_on(data.occurred_on, "occurred_on")

    def approval() -> None:
        set_status(evidence, data.to)
        if approving:
            evidence.approved_by = ctx.actor.id
            evidence.approved_at = utcnow()
            evidence.approved_by_top_management = top
            evidence.approved_on = day

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
        extra_after={"version": evidence.current_version}
        | ({"approved_by_top_management": top} if approving else {}),
        occurred_on=day,
    )
    return evidence


async def archive_evidence(
    session: AsyncSession, ctx: OrgContext, evidence: Evidence, data: EvidenceArchive
) -> Evidence:
    """Archive instead of delete: versions stay, the item leaves the normal lists."""
    check_may_change(ctx, evidence)
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
    """Bring an archived item back (409 when it is not archived)."""
    if evidence.archived_at is None:
        raise Conflict(f"{evidence_key(evidence)} is not archived.")
    ensure_owner(ctx, evidence)
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
    """Link the item to requirement ``ref``; an existing link changes nothing."""
    check_may_change(ctx, evidence)
    repo = EvidenceRepository(session, ctx.org_id)
    requirement_id = (await resolve_links(repo, [ref], [], "path")).requirements[ref]
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
    """Remove the link to requirement ``ref`` (404 when there is none)."""
    check_may_change(ctx, evidence)
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
    """Record that the item fulfils document ``key``; an existing link changes nothing."""
    check_may_change(ctx, evidence)
    repo = EvidenceRepository(session, ctx.org_id)
    document_id = (await resolve_links(repo, [], [key], "path")).documents[key]
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
    """Remove the record that the item fulfils ``key`` (404 when there is none)."""
    check_may_change(ctx, evidence)
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


async def ensure_evidence_in_org(
    session: AsyncSession, org_id: uuid.UUID, ids: Sequence[uuid.UUID], loc: Sequence[str]
) -> None:
    """Links to evidence (audit lines, findings) must name items of the same organisation.

    Another organisation's item gets the same answer as a missing one (SECURITY.md Z1).
    """
    missing = await EvidenceRepository(session, org_id).ids_outside_org(ids)
    if missing:
        listed = ", ".join(sorted(str(i) for i in missing))
        raise Unprocessable(f"No such evidence item: {listed}.", loc=list(loc))
