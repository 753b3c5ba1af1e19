from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Sequence
from datetime import date

from sqlalchemy import and_, func, or_
from sqlmodel import col, select
from sqlmodel.sql.expression import SelectOfScalar

from certready.corrective_measures.enums import (
    FINAL_MEASURE_STATUSES,
    EffectivenessResult,
    MeasureStatus,
)
from certready.corrective_measures.models import CorrectiveMeasure, CorrectiveMeasureFinding
from certready.db.repository import OrgScopedRepository
from certready.findings.enums import FindingStatus
from certready.findings.models import Finding, FindingEvidence
from certready.findings.schemas import FindingFilters
from certready.requirements.models import Requirement


class FindingRepository(OrgScopedRepository[Finding]):
    model = Finding

    def filtered(self, filters: FindingFilters, today: date) -> SelectOfScalar[Finding]:
        """The organisation's findings matching the list filters (``today`` decides overdue)."""
        stmt = self.base_statement()
        if filters.grade is not None:
            stmt = stmt.where(col(Finding.grade) == filters.grade)
        if filters.status is not None:
            stmt = stmt.where(col(Finding.status) == filters.status)
        if filters.source is not None:
            stmt = stmt.where(col(Finding.source) == filters.source)
        if filters.audit_id is not None:
            stmt = stmt.where(col(Finding.audit_id) == filters.audit_id)
        if filters.clause:
            # "8" matches 8 and 8.x, never 80.
            stmt = stmt.where(
                or_(
                    col(Finding.requirement_ref) == filters.clause,
                    col(Finding.requirement_ref).startswith(filters.clause + ".", autoescape=True),
                )
            )
        if filters.overdue is not None:
            overdue = and_(
                col(Finding.due_date).is_not(None),
                col(Finding.due_date) < today,
                col(Finding.status) != FindingStatus.closed,
            )
            stmt = stmt.where(overdue if filters.overdue else ~overdue)
        return stmt

    async def requirement(self, framework_id: uuid.UUID, ref: str) -> Requirement | None:
        """The requirement with this ref in a framework."""
        stmt = select(Requirement).where(
            col(Requirement.framework_id) == framework_id, col(Requirement.ref) == ref
        )
        return (await self.session.execute(stmt)).scalars().first()

    async def evidence(
        self, finding_ids: Sequence[uuid.UUID]
    ) -> dict[uuid.UUID, list[tuple[uuid.UUID, int | None]]]:
        """Objective evidence (item, pinned version) of each finding."""
        if not finding_ids:
            return {}
        stmt = (
            select(
                FindingEvidence.finding_id,
                FindingEvidence.evidence_item_id,
                FindingEvidence.version_number,
            )
            .where(
                self.of_org(FindingEvidence),
                col(FindingEvidence.finding_id).in_(finding_ids),
            )
            .order_by(col(FindingEvidence.evidence_item_id))
        )
        out: dict[uuid.UUID, list[tuple[uuid.UUID, int | None]]] = defaultdict(list)
        for fid, item, number in (await self.session.execute(stmt)).all():
            out[fid].append((item, number))
        return out

    async def replace_evidence(
        self, finding_id: uuid.UUID, links: Sequence[tuple[uuid.UUID, int | None]]
    ) -> None:
        """Set a finding's objective evidence to exactly these links."""
        await self.session.execute(
            self.delete(FindingEvidence).where(
                col(FindingEvidence.finding_id) == finding_id,
            )
        )
        for item, number in dict(links).items():
            self.session.add(
                FindingEvidence(
                    finding_id=finding_id,
                    evidence_item_id=item,
                    version_number=number,
                    org_id=self.org_id,
                )
            )

    async def measures(
        self, finding_ids: Sequence[uuid.UUID]
    ) -> dict[uuid.UUID, list[CorrectiveMeasure]]:
        """The linked corrective measures of each finding, by number (one statement)."""
        if not finding_ids:
            return {}
        stmt = (
            select(CorrectiveMeasureFinding.finding_id, CorrectiveMeasure)
            .join(
                CorrectiveMeasure, col(CorrectiveMeasure.id) == CorrectiveMeasureFinding.measure_id
            )
            .where(
                self.of_org(CorrectiveMeasureFinding, CorrectiveMeasure),
                col(CorrectiveMeasureFinding.finding_id).in_(finding_ids),
            )
            .order_by(col(CorrectiveMeasure.number))
        )
        out: dict[uuid.UUID, list[CorrectiveMeasure]] = defaultdict(list)
        for fid, measure in (await self.session.execute(stmt)).all():
            out[fid].append(measure)
        return out

    async def locked(self, finding_ids: Sequence[uuid.UUID]) -> list[Finding]:
        """These findings of the organisation, rows locked in a write session, by id.

        Linking a measure and moving a finding because of its measures lock the findings
        first, so a concurrent close of the same finding waits for them (and they for it).
        """
        if not finding_ids:
            return []
        stmt = self.for_change(
            self.base_statement()
            .where(col(Finding.id).in_(list(finding_ids)))
            .order_by(col(Finding.id))
            .execution_options(populate_existing=True)
        )
        return list((await self.session.execute(stmt)).scalars().all())

    async def open_measure_counts(self, finding_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, int]:
        """Linked measures per finding that are neither closed nor cancelled."""
        if not finding_ids:
            return {}
        stmt = (
            select(CorrectiveMeasureFinding.finding_id, func.count())
            .join(
                CorrectiveMeasure, col(CorrectiveMeasure.id) == CorrectiveMeasureFinding.measure_id
            )
            .where(
                self.of_org(CorrectiveMeasureFinding, CorrectiveMeasure),
                col(CorrectiveMeasureFinding.finding_id).in_(finding_ids),
                col(CorrectiveMeasure.status).not_in(list(FINAL_MEASURE_STATUSES)),
            )
            .group_by(col(CorrectiveMeasureFinding.finding_id))
        )
        return {fid: int(n) for fid, n in (await self.session.execute(stmt)).all()}

    async def effective_measure_counts(
        self, finding_ids: Sequence[uuid.UUID]
    ) -> dict[uuid.UUID, int]:
        """Linked measures per finding that are closed with an effective review (10.1)."""
        if not finding_ids:
            return {}
        stmt = (
            select(CorrectiveMeasureFinding.finding_id, func.count())
            .join(
                CorrectiveMeasure, col(CorrectiveMeasure.id) == CorrectiveMeasureFinding.measure_id
            )
            .where(
                self.of_org(CorrectiveMeasureFinding, CorrectiveMeasure),
                col(CorrectiveMeasureFinding.finding_id).in_(finding_ids),
                col(CorrectiveMeasure.status) == MeasureStatus.closed,
                col(CorrectiveMeasure.review_result) == EffectivenessResult.effective,
            )
            .group_by(col(CorrectiveMeasureFinding.finding_id))
        )
        return {fid: int(n) for fid, n in (await self.session.execute(stmt)).all()}
