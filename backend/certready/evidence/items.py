"""What the evidence modules share: the key, the change spec, the write checks, the reads.

``service`` (metadata, workflow, links), ``ingest`` (the upload pipeline) and
``integrity`` (verification, the scrubber) build on this module and never on each other.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession

from certready.context import OrgContext
from certready.core.changes import ChangeSpec
from certready.core.clock import today
from certready.core.problems import (
    Conflict,
    NotFound,
    Unprocessable,
)
from certready.evidence.enums import EvidenceStatus
from certready.evidence.models import (
    Evidence,
    EvidenceVersion,
)
from certready.evidence.repository import (
    EvidenceRepository,
    EvidenceVersionRepository,
)
from certready.evidence.schemas import (
    EvidenceRead,
    EvidenceVersionRead,
)
from certready.evidence.workflow import EVIDENCE_WORKFLOW
from certready.orgs.permissions import Action
from certready.orgs.repository import MembershipRepository
from certready.requirements.catalogue.loader import DEFAULT_FRAMEWORK

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
class Links:
    """Resolved link targets: requirement ref -> id, documented-information key -> id."""

    requirements: dict[str, uuid.UUID] = field(default_factory=dict)
    documents: dict[str, uuid.UUID] = field(default_factory=dict)


def is_expired(evidence: Evidence, on: date) -> bool:
    """Approved and past ``valid_until`` on ``on`` (computed, not a state)."""
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
                approved_on=e.approved_on,
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
    """One item as the API reads it (see ``read_many``)."""
    return (await read_many(session, evidence.org_id, [evidence]))[0]


async def get_version(session: AsyncSession, evidence: Evidence, number: int) -> EvidenceVersion:
    """Version ``number`` of the item; 404 when it has none such."""
    found = await EvidenceVersionRepository(session, evidence.org_id).get_number(
        evidence.id, number
    )
    if found is None:
        raise NotFound()
    return found


async def resolve_links(
    repo: EvidenceRepository, refs: Sequence[str], keys: Sequence[str], where: str = "body"
) -> Links:
    """Requirement refs and document keys to ids; one 422 naming every unknown one."""
    links = Links(
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


async def check_owner(
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
    ctx.ensure_owns(
        Action.evidence_write, [owner_id], "evidence (and cannot hand it to others) that"
    )


def ensure_owner(ctx: OrgContext, evidence: Evidence) -> None:
    """The ownership rule (issue 11): process owners change only the evidence they own."""
    ctx.ensure_owns(Action.evidence_write, [evidence.owner_id], "evidence")


def check_writable(evidence: Evidence) -> None:
    """409 for an archived item: it changes only after it is unarchived."""
    if evidence.archived_at is not None:
        raise Conflict(f"{evidence_key(evidence)} is archived: unarchive it first.")


def check_may_change(ctx: OrgContext, evidence: Evidence) -> None:
    """Not archived (409), and the caller's under the ownership rule (403)."""
    check_writable(evidence)
    ensure_owner(ctx, evidence)


def set_status(evidence: Evidence, status: EvidenceStatus) -> None:
    """Set the status; any status but ``approved`` clears the approval."""
    evidence.status = status
    if status == EvidenceStatus.approved:
        return
    evidence.approved_by = None
    evidence.approved_at = None
    evidence.approved_by_top_management = False
    evidence.approved_on = None
