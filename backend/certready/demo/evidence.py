"""Evidence: every item uploaded with a file through the evidence ingest path (stored,
hashed, versioned), submitted and approved through the approval workflow."""

from __future__ import annotations

import re
import uuid
from collections.abc import AsyncIterator, Sequence
from datetime import date

from certready.context import OrgContext
from certready.core.clock import add_months
from certready.demo.base import MISSING_DOCUMENT, Demo
from certready.evidence.enums import EvidenceKind, EvidenceStatus
from certready.evidence.schemas import EvidenceCreate, EvidenceTransition
from certready.evidence.service import (
    FileUpload,
    Uploads,
    create_evidence_raw,
    get_evidence,
    transition_evidence,
)
from certready.evidence.storage import EvidenceStore, current_process_identity
from certready.orgs.enums import Role
from certready.requirements.catalogue.loader import DEFAULT_FRAMEWORK
from certready.requirements.service import get_framework, list_documented_information

Leaves = Sequence[tuple[str, str]]
# The approved documents that make a clause "documented" (a procedure is not needed).
DOCUMENT_KINDS = (EvidenceKind.policy, EvidenceKind.plan, EvidenceKind.procedure)


def _content(demo: Demo, title: str, kind: EvidenceKind) -> bytes:
    """A small text file standing for the document or record."""
    return (
        f"{demo.org.name}\n{title}\nKind: {kind.value}\n"
        f"Issued for the demo on {demo.today.isoformat()}.\n"
    ).encode()


async def _chunks(data: bytes) -> AsyncIterator[bytes]:
    yield data


class EvidenceBuilder:
    """Uploads, submits and approves demo evidence as the system."""

    def __init__(self, demo: Demo) -> None:
        self.demo = demo
        self.uploads = Uploads(
            db=demo.db,
            store=EvidenceStore(demo.settings.evidence_dir),
            limit=demo.settings.max_upload_bytes,
            process=current_process_identity(),
        )

    async def add(
        self,
        title: str,
        kind: EvidenceKind,
        refs: Sequence[str],
        owner: uuid.UUID,
        *,
        documents: Sequence[str] = (),
        effective: date | None = None,
        valid_until: date | None = None,
        approver: OrgContext | None = None,
    ) -> None:
        demo = self.demo
        data = EvidenceCreate(
            title=title,
            kind=kind,
            source="cli",
            owner_id=owner,
            effective_date=effective or demo.days(-60),
            valid_until=valid_until or add_months(demo.today, 12),
            requirement_refs=list(dict.fromkeys(refs)),
            documented_information_keys=list(documents),
        )
        content = _content(demo, title, kind)
        name = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:80] + ".txt"
        upload = FileUpload(chunks=_chunks(content), filename=name, content_length=len(content))
        outcome = await create_evidence_raw(
            demo.session, self.uploads, demo.ctx, data, upload, None
        )
        item = await get_evidence(demo.session, demo.ctx, str(outcome.body["id"]))
        for to in (EvidenceStatus.in_review, EvidenceStatus.approved):
            move = EvidenceTransition(to=to, note="Demo: reviewed")
            ctx = approver if approver is not None and to == EvidenceStatus.approved else demo.ctx
            await transition_evidence(demo.session, ctx, item, move, can_approve=True)


def _under(leaves: Leaves, refs: Sequence[str]) -> list[str]:
    return [ref for ref, _ in leaves if any(ref == r or ref.startswith(r + ".") for r in refs)]


async def _documents(demo: Demo, b: EvidenceBuilder, leaves: Leaves) -> set[str]:
    """Every mandatory document but D8; returns the leaves they document."""
    framework = await get_framework(demo.session, DEFAULT_FRAMEWORK)
    catalogue = await list_documented_information(demo.session, framework)
    documented: set[str] = set()
    for doc in catalogue.items:
        if doc.kind != "document" or not doc.mandatory or doc.key == MISSING_DOCUMENT:
            continue
        kind = EvidenceKind.policy if "policy" in doc.title.lower() else EvidenceKind.plan
        if doc.key in ("D9", "D10", "D11", "D12", "D13", "D14"):
            kind = EvidenceKind.procedure if doc.key == "D9" else EvidenceKind.other
        targets = _under(leaves, [r for r in doc.clause_refs if r != "7.5.4"])
        # D7 (information security policy) is due for review soon: an RDY-18 warning.
        await b.add(
            f"{doc.title} ({doc.key})",
            kind,
            targets,
            demo.manager.id,
            documents=[doc.key],
            valid_until=demo.days(20) if doc.key == "D7" else None,
            # the policy is approved by top management (RDY-04)
            approver=demo.as_member(demo.manager, Role.sms_manager) if doc.key == "D2" else None,
        )
        if kind in DOCUMENT_KINDS:
            documented.update(targets)
    return documented


async def add_evidence(demo: Demo, leaves: Leaves) -> None:
    """Documents, a procedure for every leaf not documented otherwise, operating records
    for clause 8 and 9.4 except the continuity test (8.7.2), the policy communication."""
    b = EvidenceBuilder(demo)
    documented = await _documents(demo, b, leaves)
    for ref, title in leaves:
        if ref not in documented:
            await b.add(
                f"Procedure {ref} {title}", EvidenceKind.procedure, [ref], demo.owner_for(ref)
            )
    for ref, title in leaves:
        if (ref.startswith("8.") or ref == "9.4") and ref != "8.7.2":
            await b.add(
                f"Records {ref} {title} (last quarter)",
                EvidenceKind.ticket_export,
                [ref],
                demo.owner_for(ref),
                effective=demo.days(-14),
                # the availability report expires soon: an RDY-25 warning
                valid_until=demo.days(25) if ref == "8.7.1" else None,
            )
    await b.add(
        "Policy communication: all-staff e-mail and intranet post",
        EvidenceKind.record,
        ["5.2.2"],
        demo.manager.id,
        effective=demo.days(-120),
    )
