"""SQL of the OSCAL exports: a fixed number of statements whatever the organisation's size."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import and_, func, union_all
from sqlalchemy import select as sa_select
from sqlalchemy.orm import aliased
from sqlmodel import col

from certready.audits.models import Audit, AuditChecklistLine
from certready.auth.models import User
from certready.corrective_measures.models import (
    CorrectiveAction,
    CorrectiveMeasure,
    CorrectiveMeasureFinding,
)
from certready.db.repository import OrgScopedRepository
from certready.findings.models import Finding


class OscalRepository(OrgScopedRepository[CorrectiveMeasure]):
    model = CorrectiveMeasure

    async def audit_last_modified(self, audit: Audit) -> datetime:
        """The newest change of the audit, its checklist lines' assessments and its findings
        (one statement): the assessment results' ``last-modified``."""
        lines = sa_select(func.max(AuditChecklistLine.assessed_at).label("at")).where(
            self.of_org(AuditChecklistLine), col(AuditChecklistLine.audit_id) == audit.id
        )
        findings = sa_select(func.max(Finding.updated_at).label("at")).where(
            self.of_org(Finding), col(Finding.audit_id) == audit.id
        )
        moments = union_all(lines, findings).subquery("moments")
        newest = (await self.session.execute(sa_select(func.max(moments.c.at)))).scalar()
        return max(m for m in (audit.updated_at, newest) if m is not None)

    async def measures(self) -> Sequence[Any]:
        """Every corrective measure with its owner's name, by number."""
        owner = aliased(User)
        stmt: Any = (
            sa_select(CorrectiveMeasure, col(owner.full_name).label("owner"))
            .outerjoin(owner, col(owner.id) == col(CorrectiveMeasure.owner_id))
            .where(self.of_org(CorrectiveMeasure))
            .order_by(col(CorrectiveMeasure.number))
        )
        return list((await self.session.execute(stmt)).all())

    async def measure_findings(self) -> Sequence[Any]:
        """(measure id, finding, its audit's number) for every measure's findings."""
        stmt: Any = (
            sa_select(
                col(CorrectiveMeasureFinding.measure_id),
                Finding,
                col(Audit.number).label("audit_number"),
            )
            .join(Finding, col(Finding.id) == col(CorrectiveMeasureFinding.finding_id))
            .outerjoin(Audit, and_(col(Audit.id) == col(Finding.audit_id), self.of_org(Audit)))
            .where(self.of_org(CorrectiveMeasureFinding, Finding))
            .order_by(col(Finding.number))
        )
        return list((await self.session.execute(stmt)).all())

    async def actions(self) -> Sequence[CorrectiveAction]:
        """Every planned action of every measure, in the order they were added."""
        stmt = (
            sa_select(CorrectiveAction)
            .where(self.of_org(CorrectiveAction))
            .order_by(col(CorrectiveAction.created_at), col(CorrectiveAction.id))
        )
        return (await self.session.execute(stmt)).scalars().all()
