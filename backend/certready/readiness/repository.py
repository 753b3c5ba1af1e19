"""All readiness SQL: a fixed set of aggregate statements, whatever the data size.

``FactsLoader.load()`` issues at most :data:`FACT_STATEMENTS` statements (plus one per
registered provider) and returns small Python structures; the engine does the rest.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from sqlalchemy import and_, case, func, or_
from sqlalchemy import select as sa_select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col, select

from certready.audits.enums import AuditStatus, AuditType, ChecklistResult
from certready.audits.models import Audit, AuditChecklistLine, AuditProgramme
from certready.corrective_measures.enums import MeasureStatus
from certready.corrective_measures.models import CorrectiveMeasure, CorrectiveMeasureFinding
from certready.db.repository import OrgScopedRepository
from certready.evidence.enums import EvidenceKind, EvidenceStatus
from certready.evidence.models import Evidence, EvidenceDocument, EvidenceRequirement
from certready.findings.enums import (
    NONCONFORMITY_GRADES,
    FindingGrade,
    FindingSource,
    FindingStatus,
)
from certready.findings.models import Finding
from certready.objectives.models import Objective, ObjectiveMeasurement
from certready.orgs.models import Organisation
from certready.readiness import providers
from certready.readiness.facts import (
    DOCUMENT_KINDS,
    RECORD_KINDS,
    AuditFacts,
    CourseFacts,
    DocumentFacts,
    ExpiringItem,
    Facts,
    FindingFacts,
    IndependenceConflict,
    Leaf,
    LeafEvidence,
    MeasureFacts,
    ObjectiveFacts,
    PersonFacts,
    ProgrammeFacts,
    RecordFacts,
    add_months,
)
from certready.readiness.models import ReadinessSettings, ReadinessSnapshot
from certready.requirements.models import (
    DocumentedInformation,
    Framework,
    Requirement,
    RequirementStatus,
)
from certready.training.models import (
    CompetenceRequirement,
    TrainingCourse,
    TrainingPerson,
    TrainingRecord,
)

# Statements issued by FactsLoader.load() without providers (the query-count test pins it).
FACT_STATEMENTS = 15
EXPIRING_LIMIT = 500
CONFLICT_LIMIT = 1000


def _flag(condition: Any) -> Any:
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def _as_date(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


class FactsLoader:
    """Loads the facts of one organisation for one framework."""

    def __init__(self, session: AsyncSession, org: Organisation) -> None:
        self.session = session
        self.org = org
        self.org_id = org.id

    async def _rows(self, stmt: Any) -> Sequence[Any]:
        return (await self.session.execute(stmt)).all()

    def _current(self, today: date) -> Any:
        return and_(
            col(Evidence.status) == EvidenceStatus.approved,
            col(Evidence.archived_at).is_(None),
            or_(col(Evidence.valid_until).is_(None), col(Evidence.valid_until) >= today),
        )

    async def load(
        self, framework_code: str, today: date, *, expiring_days: int, measurement_months: int
    ) -> Facts | None:
        facts = Facts(
            org_id=self.org_id,
            org_slug=self.org.slug,
            today=today,
            framework_code=framework_code,
            certification_decision_date=self.org.certification_decision_date,
        )
        framework_id = await self._requirements(facts, framework_code)
        if framework_id is None:
            return None
        await self._leaf_evidence(facts, framework_id)
        await self._documents(facts, framework_id)
        await self._expiring(facts, expiring_days)
        await self._programmes(facts)
        await self._audits(facts, framework_id)
        await self._coverage(facts, framework_id)
        await self._conflicts(facts, framework_id)
        await self._findings(facts, framework_id)
        await self._people(facts)
        await self._courses(facts)
        await self._records(facts)
        await self._objectives(facts, measurement_months)
        facts.measures = await providers.load_measures(self.session, self.org_id, today)
        if facts.measures is None:
            facts.measures = await self._measures()
        facts.reviews = await providers.load_reviews(self.session, self.org_id, today)
        return facts

    async def _requirements(self, facts: Facts, code: str) -> uuid.UUID | None:
        """Leaves with the organisation's status, and the top-level clause titles."""
        stmt: Any = (
            sa_select(
                col(Framework.id).label("framework_id"),
                col(Requirement.id),
                col(Requirement.ref),
                col(Requirement.title),
                col(Requirement.root_ref),
                col(Requirement.sort_key),
                col(Requirement.assessable),
                col(Requirement.depth),
                col(RequirementStatus.status),
                col(RequirementStatus.owner_id),
                col(RequirementStatus.not_occurring),
            )
            .select_from(Framework)
            .join(Requirement, col(Requirement.framework_id) == Framework.id)
            .outerjoin(
                RequirementStatus,
                and_(
                    col(RequirementStatus.requirement_id) == Requirement.id,
                    col(RequirementStatus.org_id) == self.org_id,
                ),
            )
            .where(
                col(Framework.code) == code,
                or_(col(Requirement.assessable).is_(True), col(Requirement.depth) == 1),
            )
            .order_by(col(Requirement.sort_key))
        )
        framework_id = None
        for row in await self._rows(stmt):
            framework_id = row.framework_id
            if row.depth == 1:
                facts.clause_titles[row.ref] = row.title
            if row.assessable:
                facts.leaves.append(
                    Leaf(
                        id=row.id,
                        ref=row.ref,
                        root_ref=row.root_ref,
                        sort_key=row.sort_key,
                        status=row.status,
                        owner_id=row.owner_id,
                        not_occurring=bool(row.not_occurring),
                    )
                )
        return framework_id

    async def _leaf_evidence(self, facts: Facts, framework_id: uuid.UUID) -> None:
        current = self._current(facts.today)
        kind = col(Evidence.kind)
        is_record = and_(current, kind.in_(RECORD_KINDS))
        stmt = (
            sa_select(
                col(EvidenceRequirement.requirement_id),
                _flag(col(Evidence.archived_at).is_(None)).label("links"),
                _flag(current).label("current"),
                _flag(and_(current, kind.in_(DOCUMENT_KINDS))).label("documents"),
                _flag(is_record).label("records"),
                _flag(and_(current, kind == EvidenceKind.statement)).label("statements"),
                func.max(case((is_record, col(Evidence.effective_date)), else_=None)).label(
                    "latest_record"
                ),
            )
            .join(Evidence, col(Evidence.id) == EvidenceRequirement.evidence_id)
            .join(Requirement, col(Requirement.id) == EvidenceRequirement.requirement_id)
            .where(
                col(EvidenceRequirement.org_id) == self.org_id,
                col(Requirement.framework_id) == framework_id,
            )
            .group_by(col(EvidenceRequirement.requirement_id))
        )
        for row in await self._rows(stmt):
            facts.leaf_evidence[row.requirement_id] = LeafEvidence(
                links=int(row.links),
                current=int(row.current),
                current_documents=int(row.documents),
                current_records=int(row.records),
                current_statements=int(row.statements),
                latest_record_date=_as_date(row.latest_record),
            )

    async def _documents(self, facts: Facts, framework_id: uuid.UUID) -> None:
        counts = (
            sa_select(
                col(EvidenceDocument.document_id).label("document_id"),
                func.count().label("n_items"),
                _flag(self._current(facts.today)).label("n_current"),
            )
            .join(Evidence, col(Evidence.id) == EvidenceDocument.evidence_id)
            .where(
                col(EvidenceDocument.org_id) == self.org_id,
                col(Evidence.archived_at).is_(None),
            )
            .group_by(col(EvidenceDocument.document_id))
            .subquery()
        )
        stmt = (
            sa_select(
                col(DocumentedInformation.id),
                col(DocumentedInformation.key),
                col(DocumentedInformation.kind),
                col(DocumentedInformation.title),
                col(DocumentedInformation.clause_refs),
                col(DocumentedInformation.mandatory),
                func.coalesce(counts.c.n_items, 0).label("items"),
                func.coalesce(counts.c.n_current, 0).label("current"),
            )
            .outerjoin(counts, counts.c.document_id == DocumentedInformation.id)
            .where(col(DocumentedInformation.framework_id) == framework_id)
        )
        for row in await self._rows(stmt):
            facts.documents[row.key] = DocumentFacts(
                id=row.id,
                key=row.key,
                kind=row.kind,
                title=row.title,
                clause_refs=tuple(row.clause_refs or ()),
                mandatory=bool(row.mandatory),
                items=int(row.items),
                current=int(row.current),
            )

    async def _expiring(self, facts: Facts, days: int) -> None:
        stmt = (
            sa_select(
                col(Evidence.id),
                col(Evidence.number),
                col(Evidence.title),
                col(Evidence.kind),
                col(Evidence.valid_until),
                func.count().over().label("total"),
            )
            .where(
                col(Evidence.org_id) == self.org_id,
                col(Evidence.status) == EvidenceStatus.approved,
                col(Evidence.archived_at).is_(None),
                col(Evidence.valid_until) >= facts.today,
                col(Evidence.valid_until) <= facts.today + timedelta(days=days),
            )
            .order_by(col(Evidence.valid_until), col(Evidence.number))
            .limit(EXPIRING_LIMIT)
        )
        for row in await self._rows(stmt):
            facts.expiring_total = int(row.total)
            facts.expiring.append(
                ExpiringItem(
                    row.id,
                    row.number,
                    row.title,
                    row.kind,
                    _as_date(row.valid_until) or facts.today,
                )
            )

    async def _programmes(self, facts: Facts) -> None:
        stmt = (
            sa_select(
                col(AuditProgramme.id),
                col(AuditProgramme.title),
                col(AuditProgramme.approved_at),
                col(AuditProgramme.method),
            )
            .where(col(AuditProgramme.org_id) == self.org_id)
            .order_by(col(AuditProgramme.created_at))
        )
        facts.programmes = [
            ProgrammeFacts(r.id, r.title, r.approved_at is not None, bool(r.method.strip()))
            for r in await self._rows(stmt)
        ]

    async def _audits(self, facts: Facts, framework_id: uuid.UUID) -> None:
        stmt = (
            sa_select(
                col(Audit.id),
                col(Audit.number),
                col(Audit.type),
                col(Audit.status),
                col(Audit.title),
                col(Audit.programme_id),
                col(Audit.scope),
                col(Audit.criteria),
                col(Audit.report_summary),
                col(Audit.distribution),
                col(Audit.planned_start_date),
                col(Audit.planned_end_date),
                col(Audit.actual_end_date),
            )
            .where(col(Audit.org_id) == self.org_id, col(Audit.framework_id) == framework_id)
            .order_by(col(Audit.number))
        )
        facts.audits = [
            AuditFacts(
                id=r.id,
                number=r.number,
                type=r.type,
                status=r.status,
                title=r.title,
                programme_id=r.programme_id,
                has_scope=bool(r.scope),
                has_criteria=bool(r.criteria.strip()),
                has_report=bool(r.report_summary.strip()),
                has_distribution=bool(r.distribution),
                planned_start_date=r.planned_start_date,
                planned_end_date=r.planned_end_date,
                actual_end_date=r.actual_end_date,
            )
            for r in await self._rows(stmt)
        ]

    async def _coverage(self, facts: Facts, framework_id: uuid.UUID) -> None:
        line = AuditChecklistLine
        ended = func.max(func.coalesce(col(Audit.actual_end_date), col(Audit.planned_end_date)))
        stmt = (
            sa_select(col(line.requirement_id), ended.label("ended"))
            .join(Audit, col(Audit.id) == line.audit_id)
            .where(
                col(line.org_id) == self.org_id,
                col(Audit.framework_id) == framework_id,
                col(Audit.type) == AuditType.internal,
                col(Audit.status) == AuditStatus.closed,
                col(line.result) != ChecklistResult.not_assessed,
            )
            .group_by(col(line.requirement_id))
        )
        for row in await self._rows(stmt):
            ended_on = _as_date(row.ended)
            if ended_on is not None:
                facts.audited_on[row.requirement_id] = ended_on

    async def _conflicts(self, facts: Facts, framework_id: uuid.UUID) -> None:
        line = AuditChecklistLine
        owner = col(RequirementStatus.owner_id)
        assigned = func.coalesce(col(line.auditor_id), col(Audit.lead_auditor_id))
        stmt = (
            sa_select(col(line.audit_id), col(Audit.number), col(line.ref), owner)
            .join(Audit, col(Audit.id) == line.audit_id)
            .join(
                RequirementStatus,
                and_(
                    col(RequirementStatus.requirement_id) == line.requirement_id,
                    col(RequirementStatus.org_id) == line.org_id,
                ),
            )
            .where(
                col(line.org_id) == self.org_id,
                col(Audit.framework_id) == framework_id,
                col(Audit.type) == AuditType.internal,
                col(Audit.status) != AuditStatus.cancelled,
                owner.is_not(None),
                or_(col(line.assessed_by_id) == owner, assigned == owner),
            )
            .order_by(col(Audit.number), col(line.sort_key))
            .limit(CONFLICT_LIMIT)
        )
        facts.conflicts = [
            IndependenceConflict(r.audit_id, r.number, r.ref, r.owner_id)
            for r in await self._rows(stmt)
        ]

    async def _findings(self, facts: Facts, framework_id: uuid.UUID) -> None:
        """Nonconformities that still matter (open, or from the certification body) and
        every improvement opportunity; open findings per clause come from the same rows
        plus a grouped count of the other open ones."""
        grade = col(Finding.grade)
        status = col(Finding.status)
        relevant = or_(
            and_(
                grade.in_(NONCONFORMITY_GRADES),
                or_(
                    status != FindingStatus.closed,
                    col(Finding.source) == FindingSource.certification_audit,
                ),
            ),
            grade == FindingGrade.ofi,
        )
        stmt = (
            sa_select(
                col(Finding.id),
                col(Finding.number),
                grade,
                status,
                col(Finding.source),
                col(Finding.audit_id),
                col(Finding.requirement_ref),
                col(Finding.due_date),
                col(Finding.cb_plan_accepted_at),
                col(Finding.cb_verified_at),
            )
            .where(col(Finding.org_id) == self.org_id, relevant)
            .order_by(col(Finding.number))
        )
        facts.findings = [
            FindingFacts(
                id=r.id,
                number=r.number,
                grade=r.grade,
                status=r.status,
                source=r.source,
                audit_id=r.audit_id,
                requirement_ref=r.requirement_ref,
                due_date=r.due_date,
                cb_plan_accepted=r.cb_plan_accepted_at is not None,
                cb_verified_on=r.cb_verified_at.date() if r.cb_verified_at else None,
            )
            for r in await self._rows(stmt)
        ]
        by_root = (
            sa_select(col(Requirement.root_ref), func.count())
            .select_from(Finding)
            .join(Requirement, col(Requirement.id) == Finding.requirement_id)
            .where(
                col(Finding.org_id) == self.org_id,
                col(Requirement.framework_id) == framework_id,
                status != FindingStatus.closed,
            )
            .group_by(col(Requirement.root_ref))
        )
        facts.open_findings_by_root = {r[0]: int(r[1]) for r in await self._rows(by_root)}

    async def _people(self, facts: Facts) -> None:
        stmt = (
            sa_select(
                col(TrainingPerson.id), col(TrainingPerson.full_name), col(TrainingPerson.role_keys)
            )
            .where(
                col(TrainingPerson.org_id) == self.org_id, col(TrainingPerson.in_scope).is_(True)
            )
            .order_by(col(TrainingPerson.full_name), col(TrainingPerson.id))
        )
        facts.people = [
            PersonFacts(r.id, r.full_name, tuple(r.role_keys or ())) for r in await self._rows(stmt)
        ]

    async def _courses(self, facts: Facts) -> None:
        stmt = (
            sa_select(
                col(TrainingCourse.id),
                col(TrainingCourse.title),
                col(TrainingCourse.kind),
                col(CompetenceRequirement.role_key),
            )
            .outerjoin(
                CompetenceRequirement,
                and_(
                    col(CompetenceRequirement.course_id) == TrainingCourse.id,
                    col(CompetenceRequirement.org_id) == self.org_id,
                ),
            )
            .where(col(TrainingCourse.org_id) == self.org_id)
        )
        for r in await self._rows(stmt):
            facts.courses[r.id] = CourseFacts(r.id, r.title, r.kind)
            if r.role_key is not None:
                facts.competence.setdefault(r.role_key, set()).add(r.id)

    async def _records(self, facts: Facts) -> None:
        rec = TrainingRecord
        stmt = (
            sa_select(
                col(rec.person_id),
                col(rec.course_id),
                func.max(col(rec.completed_on)).label("completed"),
                func.max(col(rec.expires_on)).label("expires"),
                _flag(col(rec.expires_on).is_(None)).label("never"),
                # RDY-17 asks about the newest record: when was the last evaluated one?
                func.max(
                    case((col(rec.evaluation_method).is_not(None), col(rec.completed_on)))
                ).label("evaluated_on"),
            )
            .where(col(rec.org_id) == self.org_id)
            .group_by(col(rec.person_id), col(rec.course_id))
        )
        for r in await self._rows(stmt):
            completed = _as_date(r.completed) or facts.today
            evaluated_on = _as_date(r.evaluated_on)
            facts.records[(r.person_id, r.course_id)] = RecordFacts(
                latest_completed=completed,
                latest_expiry=None if int(r.never) else _as_date(r.expires),
                evaluated=evaluated_on is not None and evaluated_on >= completed,
            )

    async def _objectives(self, facts: Facts, months: int) -> None:
        since = add_months(facts.today, -months)
        om = ObjectiveMeasurement
        recent = (
            sa_select(col(om.objective_id).label("objective_id"), func.count().label("n"))
            .where(col(om.org_id) == self.org_id, col(om.period_end) >= since)
            .group_by(col(om.objective_id))
            .subquery()
        )
        stmt = (
            sa_select(
                col(Objective.id),
                col(Objective.number),
                col(Objective.title),
                col(Objective.metric),
                col(Objective.owner_id),
                col(Objective.due_date),
                func.coalesce(recent.c.n, 0).label("n"),
            )
            .outerjoin(recent, recent.c.objective_id == Objective.id)
            .where(col(Objective.org_id) == self.org_id)
            .order_by(col(Objective.number))
        )
        facts.objectives = [
            ObjectiveFacts(
                id=r.id,
                number=r.number,
                title=r.title,
                has_metric=bool(r.metric.strip()),
                has_owner=r.owner_id is not None,
                has_due_date=r.due_date is not None,
                recent_measurements=int(r.n),
            )
            for r in await self._rows(stmt)
        ]

    async def _measures(self) -> list[MeasureFacts]:
        """Corrective measures, one row per (measure, finding) pair (10.1, RDY-33..35)."""
        m = CorrectiveMeasure
        link = CorrectiveMeasureFinding
        stmt = (
            sa_select(
                col(m.id),
                col(m.number),
                col(m.status),
                col(m.owner_id),
                col(m.due_date),
                col(m.root_cause),
                col(m.review_result),
                col(link.finding_id),
            )
            .outerjoin(link, col(link.measure_id) == m.id)
            .where(col(m.org_id) == self.org_id)
            .order_by(col(m.number))
        )
        past = {MeasureStatus.implemented, MeasureStatus.effectiveness_review}
        return [
            MeasureFacts(
                id=r.id,
                key=f"CM-{r.number}",
                finding_id=r.finding_id,
                closed=r.status == MeasureStatus.closed,
                has_root_cause=bool(r.root_cause.strip()),
                has_owner=r.owner_id is not None,
                due_date=r.due_date,
                effectiveness_recorded=r.review_result is not None,
                cancelled=r.status == MeasureStatus.cancelled,
                past_implementation=r.status in past,
            )
            for r in await self._rows(stmt)
        ]


class SettingsRepository(OrgScopedRepository[ReadinessSettings]):
    model = ReadinessSettings

    async def current(self) -> ReadinessSettings | None:
        return (await self.session.execute(self.base_statement())).scalars().first()


class SnapshotRepository(OrgScopedRepository[ReadinessSnapshot]):
    model = ReadinessSnapshot

    def history(self, framework: str) -> Any:
        return self.base_statement().where(col(ReadinessSnapshot.framework) == framework)

    async def exists_on(self, day: date, framework: str) -> bool:
        stmt = (
            select(col(ReadinessSnapshot.id))
            .where(
                col(ReadinessSnapshot.org_id) == self.org_id,
                col(ReadinessSnapshot.snapshot_date) == day,
                col(ReadinessSnapshot.framework) == framework,
            )
            .limit(1)
        )
        return (await self.session.execute(stmt)).first() is not None
