"""SQL of the evidence pack: a fixed number of statements, whatever the number of items."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import and_, exists, func, or_
from sqlalchemy import delete as sa_delete
from sqlalchemy import select as sa_select
from sqlalchemy import update as sa_update
from sqlalchemy.orm import aliased
from sqlmodel import col, select

from certready.audits.models import Audit, AuditChecklistEvidence, AuditChecklistLine
from certready.auth.models import User
from certready.db.repository import OrgScopedRepository
from certready.evidence.enums import EvidenceStatus
from certready.evidence.models import (
    Evidence,
    EvidenceDocument,
    EvidenceRequirement,
    EvidenceVersion,
)
from certready.exports.pack.models import PackJob
from certready.requirements.models import DocumentedInformation, Framework, Requirement


@dataclass(frozen=True)
class PackScope:
    """Which items and versions go into the pack (already validated)."""

    framework_id: uuid.UUID
    clauses: Sequence[str] = ()
    documents: Sequence[str] = ()
    approved_only: bool = False
    all_versions: bool = False
    # an audit's sampled evidence: the items sampled on its checklist lines, with the
    # versions the auditor pinned (besides the current one)
    audit_id: uuid.UUID | None = None
    audit_key: str | None = None


class PackRepository(OrgScopedRepository[Evidence]):
    model = Evidence

    async def framework(self, code: str) -> Framework | None:
        """Catalogue lookup (not org-owned)."""
        stmt = select(Framework).where(col(Framework.code) == code)
        return (await self.session.execute(stmt)).scalars().first()

    async def known_refs(self, framework_id: uuid.UUID, refs: Sequence[str]) -> set[str]:
        """Which of ``refs`` are requirements (or clauses) of the framework (catalogue)."""
        stmt = select(Requirement.ref).where(
            col(Requirement.framework_id) == framework_id, col(Requirement.ref).in_(list(refs))
        )
        return set((await self.session.execute(stmt)).scalars().all())

    async def known_documents(self, framework_id: uuid.UUID, keys: Sequence[str]) -> set[str]:
        stmt = select(DocumentedInformation.key).where(
            col(DocumentedInformation.framework_id) == framework_id,
            col(DocumentedInformation.key).in_(list(keys)),
        )
        return set((await self.session.execute(stmt)).scalars().all())

    async def audit_number(self, audit_id: uuid.UUID) -> int | None:
        """The audit's number when it is this organisation's, else None."""
        stmt = sa_select(col(Audit.number)).where(self.of_org(Audit), col(Audit.id) == audit_id)
        number: int | None = (await self.session.execute(stmt)).scalar_one_or_none()
        return number

    def _sampled(self, audit_id: uuid.UUID) -> Any:
        """The audit's sampled evidence links (item, pinned version or null)."""
        sample, line = AuditChecklistEvidence, AuditChecklistLine
        return (
            sa_select(col(sample.evidence_item_id), col(sample.version_number))
            .join(line, col(line.id) == col(sample.line_id))
            .where(self.of_org(sample, line), col(line.audit_id) == audit_id)
        )

    def _items(self, scope: PackScope) -> Any:
        """Ids of the items in scope: not archived, approved when asked, linked to one of the
        clauses (or a clause below one) and fulfilling one of the documents when given."""
        stmt = sa_select(col(Evidence.id)).where(
            self.of_org(Evidence), col(Evidence.archived_at).is_(None)
        )
        if scope.approved_only:
            stmt = stmt.where(col(Evidence.status) == EvidenceStatus.approved)
        if scope.clauses:
            matches = [
                or_(
                    col(Requirement.ref) == ref,
                    col(Requirement.ref).startswith(ref + ".", autoescape=True),
                )
                for ref in scope.clauses
            ]
            linked = (
                sa_select(col(EvidenceRequirement.evidence_id))
                .join(Requirement, col(Requirement.id) == col(EvidenceRequirement.requirement_id))
                .where(
                    self.of_org(EvidenceRequirement),
                    col(Requirement.framework_id) == scope.framework_id,
                    or_(*matches),
                )
            )
            stmt = stmt.where(col(Evidence.id).in_(linked))
        if scope.documents:
            fulfils = (
                sa_select(col(EvidenceDocument.evidence_id))
                .join(
                    DocumentedInformation,
                    col(DocumentedInformation.id) == col(EvidenceDocument.document_id),
                )
                .where(
                    self.of_org(EvidenceDocument),
                    col(DocumentedInformation.framework_id) == scope.framework_id,
                    col(DocumentedInformation.key).in_(list(scope.documents)),
                )
            )
            stmt = stmt.where(col(Evidence.id).in_(fulfils))
        if scope.audit_id is not None:
            sampled = self._sampled(scope.audit_id).subquery("sampled")
            stmt = stmt.where(col(Evidence.id).in_(sa_select(sampled.c.evidence_item_id)))
        return stmt

    async def files(self, scope: PackScope) -> Sequence[Any]:
        """One row per file in the pack (item, version, approver's name), by key and version;
        items in scope without a stored file come with a null version."""
        approver = aliased(User)
        version_join = and_(
            col(EvidenceVersion.evidence_id) == col(Evidence.id),
            self.of_org(EvidenceVersion),
        )
        if not scope.all_versions:
            wanted = col(EvidenceVersion.number) == col(Evidence.current_version)
            if scope.audit_id is not None:
                pinned = self._sampled(scope.audit_id).subquery("pinned")
                wanted = or_(
                    wanted,
                    exists().where(
                        pinned.c.evidence_item_id == col(Evidence.id),
                        pinned.c.version_number == col(EvidenceVersion.number),
                    ),
                )
            version_join = and_(version_join, wanted)
        stmt: Any = (
            sa_select(
                col(Evidence.id),
                col(Evidence.number),
                col(Evidence.title),
                col(Evidence.kind),
                col(Evidence.status),
                col(Evidence.current_version),
                col(Evidence.approved_on),
                col(Evidence.approved_at),
                col(approver.full_name).label("approved_by"),
                col(Evidence.effective_date),
                col(Evidence.valid_until),
                col(EvidenceVersion.number).label("version"),
                col(EvidenceVersion.sha256),
                col(EvidenceVersion.size),
                col(EvidenceVersion.media_type),
                col(EvidenceVersion.filename),
                col(EvidenceVersion.uploaded_at),
            )
            .select_from(Evidence)
            .outerjoin(EvidenceVersion, version_join)
            .outerjoin(approver, col(approver.id) == col(Evidence.approved_by))
            .where(self.of_org(Evidence), col(Evidence.id).in_(self._items(scope)))
            .order_by(col(Evidence.number), col(EvidenceVersion.number))
        )
        rows: Sequence[Any] = (await self.session.execute(stmt)).all()
        return rows

    async def clauses(self, scope: PackScope) -> dict[uuid.UUID, list[str]]:
        """The framework's requirement refs each item in scope supports, in clause order."""
        stmt = (
            sa_select(col(EvidenceRequirement.evidence_id), col(Requirement.ref))
            .join(Requirement, col(Requirement.id) == col(EvidenceRequirement.requirement_id))
            .where(
                self.of_org(EvidenceRequirement),
                col(Requirement.framework_id) == scope.framework_id,
                col(EvidenceRequirement.evidence_id).in_(self._items(scope)),
            )
            .order_by(col(Requirement.sort_key))
        )
        out: dict[uuid.UUID, list[str]] = {}
        for evidence_id, ref in (await self.session.execute(stmt)).all():
            out.setdefault(evidence_id, []).append(ref)
        return out

    async def documents(self, scope: PackScope) -> dict[uuid.UUID, list[str]]:
        """The documented-information keys each item in scope fulfils."""
        doc = DocumentedInformation
        stmt = (
            sa_select(col(EvidenceDocument.evidence_id), col(doc.key))
            .join(doc, col(doc.id) == col(EvidenceDocument.document_id))
            .where(
                self.of_org(EvidenceDocument),
                col(doc.framework_id) == scope.framework_id,
                col(EvidenceDocument.evidence_id).in_(self._items(scope)),
            )
            .order_by(col(doc.kind), col(doc.sort_key))
        )
        out: dict[uuid.UUID, list[str]] = {}
        for evidence_id, key in (await self.session.execute(stmt)).all():
            out.setdefault(evidence_id, []).append(key)
        return out


class PackJobRepository(OrgScopedRepository[PackJob]):
    """The evidence pack jobs of one organisation."""

    model = PackJob

    async def own(self, job_id: uuid.UUID, credential_id: uuid.UUID) -> PackJob | None:
        """The job if this credential started it in this organisation."""
        stmt = select(PackJob).where(
            self.of_org(PackJob),
            col(PackJob.id) == job_id,
            col(PackJob.requested_by) == credential_id,
        )
        return (await self.session.execute(stmt)).scalar_one_or_none()

    async def count_active(self, statuses: Sequence[str]) -> int:
        stmt = (
            sa_select(func.count())
            .select_from(PackJob)
            .where(self.of_org(PackJob), col(PackJob.status).in_(statuses))
        )
        return int((await self.session.execute(stmt)).scalar_one())


async def update_pack_job(session: Any, job_id: uuid.UUID, values: dict[str, Any]) -> None:
    """The worker's progress and outcome of one job (it holds the job's id)."""
    stmt = sa_update(PackJob).where(col(PackJob.id) == job_id)  # all organisations: by id
    await session.execute(stmt.values(**values))


async def pack_jobs_with_status(session: Any, statuses: Sequence[str]) -> list[PackJob]:
    """Jobs of every organisation in these states (recovery on start)."""
    stmt = select(PackJob).where(col(PackJob.status).in_(statuses))  # all organisations: start
    return list((await session.execute(stmt)).scalars())


async def pack_jobs_finished_before(
    session: Any, active: Sequence[str], cutoff: datetime
) -> list[PackJob]:
    """Finished jobs of every organisation older than ``cutoff`` (retention)."""
    stmt = select(PackJob).where(  # all organisations: retention
        col(PackJob.status).not_in(active), col(PackJob.finished_at) < cutoff
    )
    return list((await session.execute(stmt)).scalars())


async def delete_pack_jobs(session: Any, ids: Sequence[uuid.UUID]) -> None:
    stmt = sa_delete(PackJob).where(col(PackJob.id).in_(ids))  # all organisations: by id
    await session.execute(stmt)
