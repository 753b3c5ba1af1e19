"""All SQL of the evidence domain; each org-owned query through ``OrgScopedRepository``."""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Text, Update, and_, delete, func, or_
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col, select
from sqlmodel.sql.expression import SelectOfScalar

from certready.db.repository import OrgScopedRepository, of_org
from certready.evidence.enums import IdempotencyStatus
from certready.evidence.models import (
    Evidence,
    EvidenceDocument,
    EvidenceRequirement,
    EvidenceVersion,
    IdempotencyKey,
)
from certready.evidence.schemas import EvidenceFilters
from certready.requirements.models import DocumentedInformation, Framework, Requirement


class EvidenceRepository(OrgScopedRepository[Evidence]):
    """Evidence items of one organisation, their links and the page batch loads."""

    model = Evidence

    async def get_by_number(self, number: int) -> Evidence | None:
        """The item with key ``E-<number>`` (locked in a write request)."""
        stmt = self.for_change(self.base_statement().where(col(Evidence.number) == number))
        return (await self.session.execute(stmt)).scalars().first()

    async def get_addressed(self, evidence_id: uuid.UUID) -> Evidence | None:
        """The item a request addresses by id (locked in a write request)."""
        stmt = self.for_change(self.base_statement().where(col(Evidence.id) == evidence_id))
        return (await self.session.execute(stmt)).scalars().first()

    async def lock(self, evidence_id: uuid.UUID) -> Evidence | None:
        """Re-read the row for a change, locked on PostgreSQL (SQLite writers are serial)."""
        stmt = (
            self.base_statement()
            .where(col(Evidence.id) == evidence_id)
            .with_for_update()
            .execution_options(populate_existing=True)
        )
        return (await self.session.execute(stmt)).scalars().first()

    def filtered(self, f: EvidenceFilters, today: date) -> SelectOfScalar[Evidence]:
        """The list query: archived or not, plus every filter given (not yet ordered)."""
        stmt = self.base_statement()
        stmt = stmt.where(
            col(Evidence.archived_at).is_not(None)
            if f.archived
            else col(Evidence.archived_at).is_(None)
        )
        if f.status is not None:
            stmt = stmt.where(col(Evidence.status) == f.status)
        if f.kind is not None:
            stmt = stmt.where(col(Evidence.kind) == f.kind)
        if f.source is not None:
            stmt = stmt.where(col(Evidence.source) == f.source)
        if f.owner_id is not None:
            stmt = stmt.where(col(Evidence.owner_id) == f.owner_id)
        if f.expiring_within_days is not None:
            limit = today + timedelta(days=f.expiring_within_days)
            stmt = stmt.where(
                col(Evidence.valid_until).is_not(None), col(Evidence.valid_until) <= limit
            )
        if f.requirement:
            # the ref itself or any clause below it (``8.6`` matches ``8.6.1``)
            linked = (
                select(EvidenceRequirement.evidence_id)
                .join(Requirement, col(Requirement.id) == EvidenceRequirement.requirement_id)
                .where(
                    self.of_org(EvidenceRequirement),
                    or_(
                        col(Requirement.ref) == f.requirement,
                        col(Requirement.ref).startswith(f.requirement + ".", autoescape=True),
                    ),
                )
            )
            stmt = stmt.where(col(Evidence.id).in_(linked))
        if f.documented_information:
            fulfils = (
                select(EvidenceDocument.evidence_id)
                .join(
                    DocumentedInformation,
                    col(DocumentedInformation.id) == EvidenceDocument.document_id,
                )
                .where(
                    self.of_org(EvidenceDocument),
                    col(DocumentedInformation.key) == f.documented_information,
                )
            )
            stmt = stmt.where(col(Evidence.id).in_(fulfils))
        if f.q:
            text = f.q.strip()
            conditions: list[Any] = [
                col(Evidence.title).icontains(text, autoescape=True),
                col(Evidence.description).icontains(text, autoescape=True),
                col(Evidence.external_ref).icontains(text, autoescape=True),
            ]
            key = text.upper().removeprefix("E-")
            if key.isdigit() and len(key) < 10:
                conditions.append(col(Evidence.number) == int(key))
            stmt = stmt.where(or_(*conditions))
        if f.tag:
            # tags are a short JSON list; match the quoted element in its text form
            stmt = stmt.where(
                func.cast(col(Evidence.tags), Text()).contains(json.dumps(f.tag), autoescape=True)
            )
        return stmt

    # --- batch loads for pages (a constant number of queries) -----------------------

    async def current_versions(self, items: Sequence[Evidence]) -> dict[uuid.UUID, EvidenceVersion]:
        """Each item's newest version, by item id (one query)."""
        ids = [e.id for e in items if e.current_version]
        if not ids:
            return {}
        stmt = (
            select(EvidenceVersion)
            .join(
                Evidence,
                and_(
                    col(Evidence.id) == EvidenceVersion.evidence_id,
                    col(Evidence.current_version) == EvidenceVersion.number,
                ),
            )
            .where(
                self.of_org(EvidenceVersion),
                col(EvidenceVersion.evidence_id).in_(ids),
            )
        )
        rows = (await self.session.execute(stmt)).scalars().all()
        return {v.evidence_id: v for v in rows}

    async def requirement_refs(self, ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, list[str]]:
        """The requirement refs each item is linked to, in catalogue order."""
        if not ids:
            return {}
        stmt = (
            select(EvidenceRequirement.evidence_id, Requirement.ref)
            .join(Requirement, col(Requirement.id) == EvidenceRequirement.requirement_id)
            .where(
                self.of_org(EvidenceRequirement),
                col(EvidenceRequirement.evidence_id).in_(ids),
            )
            .order_by(col(Requirement.sort_key))
        )
        out: dict[uuid.UUID, list[str]] = {}
        for evidence_id, ref in (await self.session.execute(stmt)).all():
            out.setdefault(evidence_id, []).append(ref)
        return out

    async def document_keys(self, ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, list[str]]:
        """The documented-information keys each item fulfils, in catalogue order."""
        if not ids:
            return {}
        stmt = (
            select(EvidenceDocument.evidence_id, DocumentedInformation.key)
            .join(
                DocumentedInformation,
                col(DocumentedInformation.id) == EvidenceDocument.document_id,
            )
            .where(
                self.of_org(EvidenceDocument),
                col(EvidenceDocument.evidence_id).in_(ids),
            )
            .order_by(col(DocumentedInformation.kind), col(DocumentedInformation.sort_key))
        )
        out: dict[uuid.UUID, list[str]] = {}
        for evidence_id, key in (await self.session.execute(stmt)).all():
            out.setdefault(evidence_id, []).append(key)
        return out

    # --- links -------------------------------------------------------------------------

    async def requirements_by_ref(
        self, framework_code: str, refs: Sequence[str]
    ) -> dict[str, uuid.UUID]:
        """Catalogue lookup (not org-owned): ref -> requirement id, for the refs that exist."""
        if not refs:
            return {}
        stmt = (
            select(Requirement.ref, Requirement.id)
            .join(Framework, col(Framework.id) == Requirement.framework_id)
            .where(col(Framework.code) == framework_code, col(Requirement.ref).in_(list(refs)))
        )
        return {ref: rid for ref, rid in (await self.session.execute(stmt)).all()}

    async def documents_by_key(
        self, framework_code: str, keys: Sequence[str]
    ) -> dict[str, uuid.UUID]:
        """Catalogue lookup (not org-owned): key -> document id, for the keys that exist."""
        if not keys:
            return {}
        stmt = (
            select(DocumentedInformation.key, DocumentedInformation.id)
            .join(Framework, col(Framework.id) == DocumentedInformation.framework_id)
            .where(
                col(Framework.code) == framework_code,
                col(DocumentedInformation.key).in_(list(keys)),
            )
        )
        return {key: did for key, did in (await self.session.execute(stmt)).all()}

    async def linked_requirement_ids(self, evidence_id: uuid.UUID) -> set[uuid.UUID]:
        stmt = select(EvidenceRequirement.requirement_id).where(
            self.of_org(EvidenceRequirement),
            col(EvidenceRequirement.evidence_id) == evidence_id,
        )
        return set((await self.session.execute(stmt)).scalars().all())

    async def linked_document_ids(self, evidence_id: uuid.UUID) -> set[uuid.UUID]:
        stmt = select(EvidenceDocument.document_id).where(
            self.of_org(EvidenceDocument),
            col(EvidenceDocument.evidence_id) == evidence_id,
        )
        return set((await self.session.execute(stmt)).scalars().all())

    async def unlink_requirement(self, evidence_id: uuid.UUID, requirement_id: uuid.UUID) -> int:
        """Delete the link; the number of rows deleted (0: there was none)."""
        result = await self.session.execute(
            self.delete(EvidenceRequirement).where(
                col(EvidenceRequirement.evidence_id) == evidence_id,
                col(EvidenceRequirement.requirement_id) == requirement_id,
            )
        )
        return int(result.rowcount)  # type: ignore[attr-defined]

    async def unlink_document(self, evidence_id: uuid.UUID, document_id: uuid.UUID) -> int:
        """Delete the link; the number of rows deleted (0: there was none)."""
        result = await self.session.execute(
            self.delete(EvidenceDocument).where(
                col(EvidenceDocument.evidence_id) == evidence_id,
                col(EvidenceDocument.document_id) == document_id,
            )
        )
        return int(result.rowcount)  # type: ignore[attr-defined]

    async def ids_outside_org(self, ids: Sequence[uuid.UUID]) -> set[uuid.UUID]:
        """The ids among ``ids`` that are not evidence items of this organisation."""
        wanted = set(ids)
        if not wanted:
            return set()
        stmt = select(Evidence.id).where(self.of_org(Evidence), col(Evidence.id).in_(wanted))
        found = set((await self.session.execute(stmt)).scalars().all())
        return wanted - found


class EvidenceVersionRepository(OrgScopedRepository[EvidenceVersion]):
    """The immutable file versions of one organisation's items."""

    model = EvidenceVersion

    def for_evidence(self, evidence_id: uuid.UUID) -> SelectOfScalar[EvidenceVersion]:
        return self.base_statement().where(col(EvidenceVersion.evidence_id) == evidence_id)

    async def get_number(self, evidence_id: uuid.UUID, number: int) -> EvidenceVersion | None:
        """Version ``number`` of the item, if it exists."""
        stmt = self.for_evidence(evidence_id).where(col(EvidenceVersion.number) == number)
        return (await self.session.execute(stmt)).scalars().first()


class IntegrityRepository:
    """Deployment-wide reads for the integrity checker (CLI): every org, or one."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def versions(self, org_id: uuid.UUID | None) -> Sequence[tuple[EvidenceVersion, int]]:
        """Every version with its item's number (one organisation, or all), in store order."""
        stmt = select(EvidenceVersion, Evidence.number).join(  # all organisations: the CLI
            Evidence, col(Evidence.id) == EvidenceVersion.evidence_id
        )
        if org_id is not None:
            stmt = stmt.where(of_org(EvidenceVersion, org_id))
        stmt = stmt.order_by(
            col(EvidenceVersion.org_id), col(Evidence.number), col(EvidenceVersion.number)
        )
        return [(v, n) for v, n in (await self.session.execute(stmt)).all()]

    async def org_ids(self) -> set[uuid.UUID]:
        from certready.orgs.models import Organisation

        return set((await self.session.execute(select(Organisation.id))).scalars().all())

    async def org_by_slug(self, slug: str) -> uuid.UUID | None:
        from certready.orgs.models import Organisation

        stmt = select(Organisation.id).where(col(Organisation.slug) == slug)
        return (await self.session.execute(stmt)).scalars().first()


class IdempotencyRepository(OrgScopedRepository[IdempotencyKey]):
    """Reservations of ``Idempotency-Key`` (see ``evidence.idempotency``), one per row id."""

    model = IdempotencyKey

    async def find(self, principal_id: uuid.UUID, endpoint: str, key: str) -> IdempotencyKey | None:
        """The reservation of ``key`` for this credential and endpoint."""
        stmt = self.base_statement().where(
            col(IdempotencyKey.principal_id) == principal_id,
            col(IdempotencyKey.endpoint) == endpoint,
            col(IdempotencyKey.key) == key,
        )
        return (await self.session.execute(stmt)).scalars().first()

    def _held(self, row_id: uuid.UUID, owner: str) -> Update:
        return self.update(IdempotencyKey).where(
            col(IdempotencyKey.id) == row_id, col(IdempotencyKey.owner) == owner
        )

    async def take_over(self, row_id: uuid.UUID, owner: str, by: str, now: datetime) -> bool:
        """Move an in-flight reservation from ``owner`` (dead or lapsed) to ``by``."""
        stmt = (
            self._held(row_id, owner)
            .where(col(IdempotencyKey.status) == IdempotencyStatus.in_flight)
            .values(owner=by, heartbeat_at=now)
        )
        result = await self.session.execute(stmt)
        return int(result.rowcount) == 1  # type: ignore[attr-defined]

    async def beat(self, row_id: uuid.UUID, owner: str, now: datetime) -> None:
        await self.session.execute(self._held(row_id, owner).values(heartbeat_at=now))

    async def complete(self, row_id: uuid.UUID, owner: str, values: dict[str, Any]) -> bool:
        """Mark our in-flight reservation complete; False when someone else holds it."""
        stmt = (
            self._held(row_id, owner)
            .where(col(IdempotencyKey.status) == IdempotencyStatus.in_flight)
            .values(status=IdempotencyStatus.complete, **values)
        )
        result = await self.session.execute(stmt)
        return int(result.rowcount) == 1  # type: ignore[attr-defined]

    async def release(self, row_id: uuid.UUID, owner: str) -> None:
        """Delete our in-flight reservation."""
        await self.session.execute(
            self.delete(IdempotencyKey).where(
                col(IdempotencyKey.id) == row_id,
                col(IdempotencyKey.owner) == owner,
                col(IdempotencyKey.status) == IdempotencyStatus.in_flight,
            )
        )


async def in_flight_reservations(session: AsyncSession) -> list[tuple[uuid.UUID, str]]:
    """Every organisation's in-flight reservations (id, owner): start-up recovery."""
    stmt = select(IdempotencyKey.id, IdempotencyKey.owner).where(  # all organisations: start-up
        col(IdempotencyKey.status) == IdempotencyStatus.in_flight
    )
    return [(row_id, owner) for row_id, owner in (await session.execute(stmt)).all()]


async def delete_in_flight(session: AsyncSession, ids: Sequence[uuid.UUID]) -> None:
    """Delete the given reservations if still in flight (any organisation: start-up recovery)."""
    await session.execute(
        delete(IdempotencyKey).where(  # all organisations: start-up recovery
            col(IdempotencyKey.id).in_(list(ids)),
            col(IdempotencyKey.status) == IdempotencyStatus.in_flight,
        )
    )
