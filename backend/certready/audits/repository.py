"""All SQL of the audits domain; organisation filtering comes from ``base_statement()``."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import String, and_, cast, func, insert
from sqlalchemy import select as sa_select
from sqlalchemy.orm import aliased
from sqlmodel import col, select
from sqlmodel.sql.expression import SelectOfScalar

from certready.audits.enums import AuditStatus, AuditType, ChecklistResult
from certready.audits.models import (
    Audit,
    AuditChecklistEvidence,
    AuditChecklistLine,
    AuditChecklistRecord,
    AuditProgramme,
    AuditTeamMember,
)
from certready.auth.models import User
from certready.db.repository import OrgScopedRepository
from certready.evidence.models import Evidence
from certready.findings.models import Finding, FindingEvidence
from certready.orgs.repository import MembershipRepository
from certready.requirements.models import Framework, Requirement, RequirementStatus


class AuditProgrammeRepository(OrgScopedRepository[AuditProgramme]):
    model = AuditProgramme


class AuditRepository(OrgScopedRepository[Audit]):
    model = Audit

    def filtered(
        self,
        type_: AuditType | None,
        status: AuditStatus | None,
        programme_id: uuid.UUID | None,
    ) -> SelectOfScalar[Audit]:
        """The organisation's audits, optionally of one type, status or programme."""
        stmt = self.base_statement()
        if type_ is not None:
            stmt = stmt.where(col(Audit.type) == type_)
        if status is not None:
            stmt = stmt.where(col(Audit.status) == status)
        if programme_id is not None:
            stmt = stmt.where(col(Audit.programme_id) == programme_id)
        return stmt

    async def team(self, audit_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, list[uuid.UUID]]:
        """Team members (not the lead) of each audit, by user id."""
        if not audit_ids:
            return {}
        stmt = (
            select(AuditTeamMember.audit_id, AuditTeamMember.user_id)
            .where(
                self.of_org(AuditTeamMember),
                col(AuditTeamMember.audit_id).in_(audit_ids),
            )
            .order_by(col(AuditTeamMember.user_id))
        )
        out: dict[uuid.UUID, list[uuid.UUID]] = defaultdict(list)
        for audit_id, user_id in (await self.session.execute(stmt)).all():
            out[audit_id].append(user_id)
        return out

    async def replace_team(self, audit_id: uuid.UUID, user_ids: Sequence[uuid.UUID]) -> None:
        """Set an audit's team to exactly these users."""
        await self.session.execute(
            self.delete(AuditTeamMember).where(
                col(AuditTeamMember.audit_id) == audit_id,
            )
        )
        for user_id in dict.fromkeys(user_ids):
            self.session.add(
                AuditTeamMember(audit_id=audit_id, user_id=user_id, org_id=self.org_id)
            )

    async def member_roles(self, user_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, str]:
        """The organisation role of each of these users who is a member."""
        return await MembershipRepository(self.session, self.org_id).roles(user_ids)

    async def user_names(self, user_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, str]:
        """Display name (or e-mail) of each user."""
        if not user_ids:
            return {}
        stmt = select(User.id, User.full_name, User.email).where(col(User.id).in_(user_ids))
        return {i: n or e for i, n, e in (await self.session.execute(stmt)).all()}

    async def framework_id(self, code: str) -> uuid.UUID | None:
        """The catalogue framework with this code, if loaded."""
        stmt = select(Framework.id).where(col(Framework.code) == code)
        return (await self.session.execute(stmt)).scalar_one_or_none()

    async def leaves(self, framework_id: uuid.UUID) -> list[Any]:
        """Every assessable requirement of a framework with this organisation's owner."""
        stmt = (
            sa_select(
                col(Requirement.id),
                col(Requirement.ref),
                col(Requirement.title),
                col(Requirement.root_ref),
                col(Requirement.sort_key),
                col(RequirementStatus.owner_id),
            )
            .outerjoin(
                RequirementStatus,
                and_(
                    col(RequirementStatus.requirement_id) == Requirement.id,
                    self.of_org(RequirementStatus),
                ),
            )
            .where(col(Requirement.framework_id) == framework_id, col(Requirement.assessable))
            .order_by(col(Requirement.sort_key))
        )
        return list((await self.session.execute(stmt)).all())

    async def insert_lines(self, rows: list[dict[str, Any]]) -> None:
        """Insert checklist lines in one statement (rows as column dicts)."""
        if rows:
            await self.session.execute(insert(AuditChecklistLine), rows)

    # --- checklist ---------------------------------------------------------------------------

    def _lines(self, audit_id: uuid.UUID) -> Any:
        sampled = (
            sa_select(func.count())
            .where(col(AuditChecklistRecord.line_id) == AuditChecklistLine.id)
            .correlate(AuditChecklistLine)
            .scalar_subquery()
            .label("sample_size")
        )
        return (
            select(
                AuditChecklistLine,
                Requirement.title,
                Requirement.root_ref,
                RequirementStatus.owner_id,
            )
            .add_columns(sampled)
            .join(Requirement, col(Requirement.id) == AuditChecklistLine.requirement_id)
            .outerjoin(
                RequirementStatus,
                and_(
                    col(RequirementStatus.requirement_id) == AuditChecklistLine.requirement_id,
                    self.of_org(RequirementStatus),
                ),
            )
            .where(
                self.of_org(AuditChecklistLine),
                col(AuditChecklistLine.audit_id) == audit_id,
            )
        )

    async def lines(self, audit_id: uuid.UUID) -> list[Any]:
        """An audit's checklist lines with requirement title, top clause and owner."""
        stmt = self._lines(audit_id).order_by(col(AuditChecklistLine.sort_key))
        return list((await self.session.execute(stmt)).all())

    async def line_by_ref(self, audit_id: uuid.UUID, ref: str) -> Any | None:
        """One checklist line of an audit by requirement ref (as in ``lines``)."""
        stmt = self._lines(audit_id).where(col(AuditChecklistLine.ref) == ref)
        return (await self.session.execute(stmt)).first()

    async def line(self, line_id: uuid.UUID) -> AuditChecklistLine | None:
        """A checklist line of any audit of the organisation by id."""
        stmt = select(AuditChecklistLine).where(
            self.of_org(AuditChecklistLine), col(AuditChecklistLine.id) == line_id
        )
        return (await self.session.execute(stmt)).scalars().first()

    async def evidence(
        self, audit_id: uuid.UUID, line_id: uuid.UUID | None = None
    ) -> dict[uuid.UUID, list[tuple[uuid.UUID, int | None]]]:
        """Sampled evidence (item, pinned version) per checklist line of an audit."""
        stmt = (
            select(
                AuditChecklistEvidence.line_id,
                AuditChecklistEvidence.evidence_item_id,
                AuditChecklistEvidence.version_number,
            )
            .join(AuditChecklistLine, col(AuditChecklistLine.id) == AuditChecklistEvidence.line_id)
            .where(
                self.of_org(AuditChecklistEvidence),
                col(AuditChecklistLine.audit_id) == audit_id,
            )
            .order_by(col(AuditChecklistEvidence.evidence_item_id))
        )
        if line_id is not None:
            stmt = stmt.where(col(AuditChecklistEvidence.line_id) == line_id)
        out: dict[uuid.UUID, list[tuple[uuid.UUID, int | None]]] = defaultdict(list)
        for lid, item, number in (await self.session.execute(stmt)).all():
            out[lid].append((item, number))
        return out

    async def replace_evidence(
        self, line_id: uuid.UUID, links: Sequence[tuple[uuid.UUID, int | None]]
    ) -> None:
        """Set a checklist line's sampled evidence to exactly these links."""
        await self.session.execute(
            self.delete(AuditChecklistEvidence).where(
                col(AuditChecklistEvidence.line_id) == line_id,
            )
        )
        for item, number in dict(links).items():
            self.session.add(
                AuditChecklistEvidence(
                    line_id=line_id,
                    evidence_item_id=item,
                    version_number=number,
                    org_id=self.org_id,
                )
            )

    async def sample_record_ids(self, line_id: uuid.UUID) -> list[uuid.UUID]:
        """The ITSM records drawn into a line's sample, in draw order."""
        stmt = (
            select(col(AuditChecklistRecord.record_id))
            .where(
                self.of_org(AuditChecklistRecord),
                col(AuditChecklistRecord.line_id) == line_id,
            )
            .order_by(col(AuditChecklistRecord.position))
        )
        return list((await self.session.execute(stmt)).scalars().all())

    async def replace_sample(self, line_id: uuid.UUID, record_ids: Sequence[uuid.UUID]) -> None:
        """Set a line's sample to exactly these records, in this order (two statements)."""
        await self.session.execute(
            self.delete(AuditChecklistRecord).where(col(AuditChecklistRecord.line_id) == line_id)
        )
        rows = [
            {"line_id": line_id, "record_id": r, "position": i, "org_id": self.org_id}
            for i, r in enumerate(record_ids)
        ]
        if rows:
            await self.session.execute(insert(AuditChecklistRecord), rows)

    async def line_findings(
        self, audit_id: uuid.UUID, line_id: uuid.UUID | None = None
    ) -> dict[uuid.UUID, list[uuid.UUID]]:
        """Finding ids raised from each checklist line of an audit."""
        stmt = (
            select(Finding.checklist_line_id, Finding.id)
            .where(
                self.of_org(Finding),
                col(Finding.audit_id) == audit_id,
                col(Finding.checklist_line_id).is_not(None),
            )
            .order_by(col(Finding.number))
        )
        if line_id is not None:
            stmt = stmt.where(col(Finding.checklist_line_id) == line_id)
        out: dict[uuid.UUID, list[uuid.UUID]] = defaultdict(list)
        for lid, fid in (await self.session.execute(stmt)).all():
            if lid is not None:
                out[lid].append(fid)
        return out

    async def result_counts(self, audit_id: uuid.UUID) -> dict[str, int]:
        """Number of an audit's checklist lines per result."""
        stmt = (
            select(AuditChecklistLine.result, func.count())
            .where(
                self.of_org(AuditChecklistLine),
                col(AuditChecklistLine.audit_id) == audit_id,
            )
            .group_by(col(AuditChecklistLine.result))
        )
        return {str(r): int(n) for r, n in (await self.session.execute(stmt)).all()}

    async def unassessed_refs(self, audit_id: uuid.UUID) -> list[str]:
        """Refs of the lines still ``not_assessed`` (block closing)."""
        return await self._refs_where(
            audit_id, col(AuditChecklistLine.result) == ChecklistResult.not_assessed
        )

    async def unlinked_nonconforming_refs(self, audit_id: uuid.UUID) -> list[str]:
        """Refs of nonconforming lines without a finding (block closing)."""
        linked = (
            select(Finding.id)
            .where(
                self.of_org(Finding),
                col(Finding.checklist_line_id) == AuditChecklistLine.id,
            )
            .exists()
        )
        return await self._refs_where(
            audit_id,
            and_(col(AuditChecklistLine.result) == ChecklistResult.nonconforming, ~linked),
        )

    async def _refs_where(self, audit_id: uuid.UUID, condition: Any) -> list[str]:
        stmt = (
            select(AuditChecklistLine.ref)
            .where(
                self.of_org(AuditChecklistLine),
                col(AuditChecklistLine.audit_id) == audit_id,
                condition,
            )
            .order_by(col(AuditChecklistLine.sort_key))
        )
        return list((await self.session.execute(stmt)).scalars().all())

    # --- report and coverage -----------------------------------------------------------------

    async def results_by_clause(self, audit_id: uuid.UUID) -> list[Any]:
        """(root ref, root title, result, count) for the report, in clause order."""
        root = aliased(Requirement, name="root")
        stmt = (
            sa_select(
                col(Requirement.root_ref),
                col(root.title),
                col(root.sort_key),
                col(AuditChecklistLine.result),
                func.count(),
            )
            .select_from(AuditChecklistLine)
            .join(Requirement, col(Requirement.id) == AuditChecklistLine.requirement_id)
            .join(
                root,
                and_(
                    col(root.framework_id) == Requirement.framework_id,
                    col(root.ref) == Requirement.root_ref,
                ),
            )
            .where(
                self.of_org(AuditChecklistLine),
                col(AuditChecklistLine.audit_id) == audit_id,
            )
            .group_by(
                col(Requirement.root_ref),
                col(root.title),
                col(root.sort_key),
                col(AuditChecklistLine.result),
            )
            .order_by(col(root.sort_key))
        )
        return list((await self.session.execute(stmt)).all())

    async def findings(self, audit_id: uuid.UUID) -> list[Finding]:
        """The findings raised on an audit, by number."""
        stmt = (
            select(Finding)
            .where(self.of_org(Finding), col(Finding.audit_id) == audit_id)
            .order_by(col(Finding.number))
        )
        return list((await self.session.execute(stmt)).scalars().all())

    async def programme_of(self, audit: Audit) -> AuditProgramme | None:
        """The audit's programme, or None: one statement either way (a constant count)."""
        stmt = select(AuditProgramme).where(
            self.of_org(AuditProgramme), col(AuditProgramme.id) == audit.programme_id
        )
        return (await self.session.execute(stmt)).scalars().first()

    async def report_lines(self, audit_id: uuid.UUID) -> list[Any]:
        """The report's checklist: ref, result, auditor's name, day assessed, notes and the
        sampled evidence numbers (``;``-separated), in clause order (one statement)."""
        line, auditor = AuditChecklistLine, aliased(User)
        sampled = (
            sa_select(
                col(AuditChecklistEvidence.line_id),
                func.aggregate_strings(cast(Evidence.number, String), ";").label("numbers"),
            )
            .join(Evidence, col(Evidence.id) == col(AuditChecklistEvidence.evidence_item_id))
            .where(self.of_org(AuditChecklistEvidence, Evidence))
            .group_by(col(AuditChecklistEvidence.line_id))
            .subquery("report_line_evidence")
        )
        stmt = (
            sa_select(
                col(line.ref),
                col(line.result),
                col(auditor.full_name),
                col(line.assessed_on),
                col(line.notes),
                sampled.c.numbers,
            )
            .outerjoin(auditor, col(auditor.id) == col(line.auditor_id))
            .outerjoin(sampled, sampled.c.line_id == col(line.id))
            .where(self.of_org(line), col(line.audit_id) == audit_id)
            .order_by(col(line.sort_key))
        )
        return list((await self.session.execute(stmt)).all())

    async def finding_evidence_numbers(self, audit_id: uuid.UUID) -> dict[uuid.UUID, list[int]]:
        """The objective evidence (item numbers) of each finding raised on an audit."""
        stmt = (
            sa_select(col(FindingEvidence.finding_id), col(Evidence.number))
            .join(Finding, col(Finding.id) == col(FindingEvidence.finding_id))
            .join(Evidence, col(Evidence.id) == col(FindingEvidence.evidence_item_id))
            .where(self.of_org(Finding, Evidence), col(Finding.audit_id) == audit_id)
            .order_by(col(Evidence.number))
        )
        out: dict[uuid.UUID, list[int]] = defaultdict(list)
        for finding_id, number in (await self.session.execute(stmt)).all():
            out[finding_id].append(number)
        return out

    async def coverage(self, framework_id: uuid.UUID, since: date) -> list[Any]:
        """Each leaf with its latest assessed line of a reporting/closed internal audit
        assessed (the day stated) on or after ``since`` (window function, one statement)."""
        ranked = (
            sa_select(
                col(AuditChecklistLine.requirement_id),
                col(AuditChecklistLine.result),
                col(AuditChecklistLine.assessed_at),
                col(AuditChecklistLine.assessed_on),
                col(Audit.id).label("audit_id"),
                col(Audit.number).label("audit_number"),
                func.row_number()
                .over(
                    partition_by=col(AuditChecklistLine.requirement_id),
                    order_by=(
                        col(AuditChecklistLine.assessed_on).desc(),
                        col(AuditChecklistLine.assessed_at).desc(),
                        col(Audit.number).desc(),
                    ),
                )
                .label("rn"),
            )
            .join(Audit, col(Audit.id) == AuditChecklistLine.audit_id)
            .where(
                self.of_org(AuditChecklistLine, Audit),
                col(Audit.type) == AuditType.internal,
                col(Audit.status).in_([AuditStatus.reporting, AuditStatus.closed]),
                col(AuditChecklistLine.result) != ChecklistResult.not_assessed,
                col(AuditChecklistLine.assessed_on) >= since,
            )
            .subquery()
        )
        stmt = (
            sa_select(
                col(Requirement.ref),
                col(Requirement.title),
                col(Requirement.root_ref),
                col(Requirement.sort_key),
                ranked.c.audit_id,
                ranked.c.audit_number,
                ranked.c.result,
                ranked.c.assessed_at,
                ranked.c.assessed_on,
            )
            .outerjoin(ranked, and_(ranked.c.requirement_id == Requirement.id, ranked.c.rn == 1))
            .where(col(Requirement.framework_id) == framework_id, col(Requirement.assessable))
            .order_by(col(Requirement.sort_key))
        )
        return list((await self.session.execute(stmt)).all())
