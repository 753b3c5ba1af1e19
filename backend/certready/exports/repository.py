"""SQL of the "Compliance matrix" sheet: one streamed statement (never a whole table in memory).

Each method returns a statement whose labelled columns are the sheet's columns in order
(``matrix_sheets`` names them); the service streams it with ``yield_per`` so the number of
statements does not depend on the organisation's size. Aggregates (open findings per
requirement, the latest audit result) are computed by the database.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import String, and_, cast, func
from sqlalchemy import select as sa_select
from sqlalchemy.orm import aliased
from sqlmodel import col

from certready.audits.enums import AuditStatus, ChecklistResult
from certready.audits.models import Audit, AuditChecklistLine
from certready.auth.models import User
from certready.db.repository import OrgScopedRepository
from certready.evidence.enums import EvidenceStatus
from certready.evidence.models import Evidence, EvidenceRequirement, EvidenceVersion
from certready.findings.enums import FindingStatus
from certready.findings.models import Finding
from certready.requirements.models import Requirement, RequirementStatus


class ExportRepository(OrgScopedRepository[RequirementStatus]):
    """The statements the XLSX sheets stream, all filtered by the organisation."""

    model = RequirementStatus

    def __init__(self, session: Any, org_id: uuid.UUID, approved_only: bool = False) -> None:
        super().__init__(session, org_id)
        # the certification body's auditor sees approved evidence only (evidence.service)
        self.approved_only = approved_only

    def _evidence_items(self) -> Any:
        """Current (not archived) evidence per requirement link, with its newest version
        (approved items only for the external auditor: no drafts, in review or rejected)."""
        link, ev, version = EvidenceRequirement, Evidence, EvidenceVersion
        return (
            sa_select(
                col(link.requirement_id),
                col(ev.number),
                col(ev.title),
                col(ev.status),
                col(ev.current_version),
                col(version.sha256),
                col(ev.approved_on),
                col(ev.effective_date),
                col(ev.valid_until),
            )
            .join(ev, col(ev.id) == col(link.evidence_id))
            .outerjoin(
                version,
                and_(
                    col(version.evidence_id) == col(ev.id),
                    col(version.number) == col(ev.current_version),
                    self.of_org(version),
                ),
            )
            .where(
                self.of_org(link, ev),
                col(ev.archived_at).is_(None),
                *([col(ev.status) == EvidenceStatus.approved] if self.approved_only else []),
            )
            .subquery("items")
        )

    def _last_assessment(self) -> Any:
        """Each requirement's checklist lines ranked, latest assessed day first (rank 1)."""
        line = AuditChecklistLine
        rank = func.row_number().over(
            partition_by=col(line.requirement_id),
            order_by=(
                col(line.assessed_on).desc(),
                col(line.assessed_at).desc(),
                col(Audit.number).desc(),
            ),
        )
        return (
            sa_select(
                col(line.requirement_id),
                col(line.result),
                col(line.assessed_on),
                col(Audit.number).label("audit_number"),
                rank.label("rank"),
            )
            .join(Audit, col(Audit.id) == col(line.audit_id))
            .where(
                self.of_org(line, Audit),
                col(line.result) != ChecklistResult.not_assessed,
                col(line.assessed_on).is_not(None),
                col(Audit.status) != AuditStatus.cancelled,
            )
            .subquery("assessed")
        )

    def _open_findings(self) -> Any:
        """Per requirement: how many findings are not closed, and their numbers."""
        return (
            sa_select(
                col(Finding.requirement_id),
                func.count().label("open_count"),
                func.aggregate_strings(cast(col(Finding.number), String), ",").label("numbers"),
            )
            .where(
                self.of_org(Finding),
                col(Finding.status) != FindingStatus.closed,
                col(Finding.requirement_id).is_not(None),
            )
            .group_by(col(Finding.requirement_id))
            .subquery("open_findings")
        )

    def matrix(self, framework_id: uuid.UUID) -> Any:
        """One row per (assessable requirement, current evidence item) in clause order: the
        requirement's status and owner, its latest assessment and open findings, and one
        evidence item (None when it has none); the service folds a requirement's rows."""
        status = aliased(RequirementStatus)
        owner = aliased(User)
        items, assessed, findings = (
            self._evidence_items(),
            self._last_assessment(),
            self._open_findings(),
        )
        return (
            sa_select(
                col(Requirement.id).label("requirement_id"),
                col(Requirement.ref),
                col(Requirement.root_ref),
                col(Requirement.title),
                col(owner.full_name).label("owner"),
                col(status.status),
                col(status.not_occurring),
                col(status.not_occurring_justification),
                col(status.target_date),
                assessed.c.result.label("audit_result"),
                assessed.c.assessed_on.label("audit_date"),
                assessed.c.audit_number,
                findings.c.open_count,
                findings.c.numbers.label("finding_numbers"),
                items.c.number.label("evidence_number"),
                items.c.title.label("evidence_title"),
                items.c.status.label("evidence_status"),
                items.c.current_version.label("evidence_version"),
                items.c.sha256.label("evidence_sha256"),
                items.c.approved_on.label("evidence_approved_on"),
                items.c.effective_date.label("evidence_effective_date"),
                items.c.valid_until.label("evidence_valid_until"),
            )
            .outerjoin(
                status,
                and_(col(status.requirement_id) == col(Requirement.id), self.of_org(status)),
            )
            .outerjoin(owner, col(owner.id) == col(status.owner_id))
            .outerjoin(
                assessed,
                and_(assessed.c.requirement_id == col(Requirement.id), assessed.c.rank == 1),
            )
            .outerjoin(findings, findings.c.requirement_id == col(Requirement.id))
            .outerjoin(items, items.c.requirement_id == col(Requirement.id))
            .where(
                col(Requirement.framework_id) == framework_id,
                col(Requirement.assessable).is_(True),
            )
            .order_by(col(Requirement.sort_key), items.c.number)
        )
