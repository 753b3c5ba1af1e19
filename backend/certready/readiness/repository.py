"""All readiness SQL: a fixed set of aggregate statements, whatever the data size.

``FactsLoader.load()`` issues at most :data:`FACT_STATEMENTS` statements (plus one per
registered provider) and returns small Python structures; the engine does the rest.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from sqlalchemy import String, and_, case, func, or_, union_all
from sqlalchemy import literal as sa_literal
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
    FAILING_LIMIT,
    RECORD_KINDS,
    AuditFacts,
    Capped,
    CourseFacts,
    DocumentFacts,
    Expiring,
    ExpiringItem,
    Facts,
    FindingFacts,
    ImprovementFacts,
    IndependenceConflict,
    Leaf,
    LeafEvidence,
    ObjectiveFacts,
    ObjectRef,
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
        self,
        framework_code: str,
        today: date,
        *,
        document_days: int,
        evidence_days: int,
        measurement_months: int,
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
        await self._expiring(facts, document_days, evidence_days)
        await self._programmes(facts)
        await self._audits(facts, framework_id)
        await self._coverage(facts, framework_id)
        await self._conflicts(facts, framework_id)
        await self._stage2_findings(facts)
        await self._open_findings_by_root(facts, framework_id)
        await self._improvement(facts)
        await self._people(facts)
        await self._courses(facts)
        await self._records(facts)
        await self._objectives(facts, measurement_months)
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
        """Evidence counts per leaf: from the framework's leaves into their links (index
        ``requirement_id, org_id, evidence_id``), so only this framework's links are read."""
        current = self._current(facts.today)
        kind = col(Evidence.kind)
        is_record = and_(current, kind.in_(RECORD_KINDS))
        stmt = (
            sa_select(
                col(Requirement.id).label("requirement_id"),
                _flag(col(Evidence.archived_at).is_(None)).label("links"),
                _flag(current).label("current"),
                _flag(and_(current, kind.in_(DOCUMENT_KINDS))).label("documents"),
                _flag(is_record).label("records"),
                _flag(and_(current, kind == EvidenceKind.statement)).label("statements"),
                func.max(case((is_record, col(Evidence.effective_date)), else_=None)).label(
                    "latest_record"
                ),
            )
            .select_from(Requirement)
            .join(
                EvidenceRequirement,
                and_(
                    col(EvidenceRequirement.requirement_id) == Requirement.id,
                    col(EvidenceRequirement.org_id) == self.org_id,
                ),
            )
            .join(Evidence, col(Evidence.id) == EvidenceRequirement.evidence_id)
            .where(
                col(Requirement.framework_id) == framework_id,
                col(Requirement.assessable).is_(True),
            )
            .group_by(col(Requirement.id))
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
        """The framework's documented information with the evidence fulfilling each entry
        (from the entries into their links: index ``document_id, org_id, evidence_id``)."""
        di = DocumentedInformation
        stmt = (
            sa_select(
                col(di.id),
                col(di.key),
                col(di.kind),
                col(di.title),
                col(di.clause_refs),
                col(di.mandatory),
                func.count(col(Evidence.id)).label("items"),
                _flag(self._current(facts.today)).label("current"),
            )
            .select_from(di)
            .outerjoin(
                EvidenceDocument,
                and_(
                    col(EvidenceDocument.document_id) == di.id,
                    col(EvidenceDocument.org_id) == self.org_id,
                ),
            )
            .outerjoin(
                Evidence,
                and_(
                    col(Evidence.id) == EvidenceDocument.evidence_id,
                    col(Evidence.archived_at).is_(None),
                ),
            )
            .where(col(di.framework_id) == framework_id)
            # the other columns depend on the primary key (valid on both databases; the
            # JSON column could not be grouped on PostgreSQL)
            .group_by(col(di.id))
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

    async def _expiring(self, facts: Facts, document_days: int, evidence_days: int) -> None:
        """Approved items whose ``valid_until`` falls in a rule's window, documents (RDY-18)
        and the other kinds (RDY-25) apart: one UNION ALL of two capped, counted selects."""
        parts = []
        for group, days, kinds in (
            ("documents", document_days, col(Evidence.kind).in_(DOCUMENT_KINDS)),
            ("evidence", evidence_days, col(Evidence.kind).not_in(DOCUMENT_KINDS)),
        ):
            capped = (
                sa_select(
                    sa_literal(group, String).label("grp"),
                    col(Evidence.id).label("id"),
                    col(Evidence.number).label("number"),
                    col(Evidence.title).label("title"),
                    col(Evidence.kind).label("kind"),
                    col(Evidence.valid_until).label("valid_until"),
                    func.count().over().label("total"),
                )
                .where(
                    col(Evidence.org_id) == self.org_id,
                    col(Evidence.status) == EvidenceStatus.approved,
                    col(Evidence.archived_at).is_(None),
                    col(Evidence.valid_until) >= facts.today,
                    col(Evidence.valid_until) <= facts.today + timedelta(days=days),
                    kinds,
                )
                .order_by(col(Evidence.valid_until), col(Evidence.number))
                .limit(FAILING_LIMIT)
                .subquery()
            )
            parts.append(sa_select(*capped.c))
        found: dict[str, list[ExpiringItem]] = {"documents": [], "evidence": []}
        totals = {"documents": 0, "evidence": 0}
        for row in await self._rows(union_all(*parts)):
            until = _as_date(row.valid_until) or facts.today
            found[row.grp].append(ExpiringItem(row.id, row.number, row.title, row.kind, until))
            totals[row.grp] = int(row.total)
        ordered = {
            g: tuple(sorted(items, key=lambda i: (i.valid_until, i.number)))
            for g, items in found.items()
        }
        facts.expiring_documents = Expiring(ordered["documents"], totals["documents"])
        facts.expiring_evidence = Expiring(ordered["evidence"], totals["evidence"])

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

    async def _stage2_findings(self, facts: Facts) -> None:
        """Nonconformities raised in a (not cancelled) Stage 2 audit: RDY-38..40."""
        stmt = (
            sa_select(
                col(Finding.id),
                col(Finding.number),
                col(Finding.grade),
                col(Finding.status),
                col(Finding.source),
                col(Finding.audit_id),
                col(Finding.requirement_ref),
                col(Finding.due_date),
                col(Finding.cb_plan_accepted_at),
                col(Finding.cb_verified_at),
            )
            .join(Audit, col(Audit.id) == Finding.audit_id)
            .where(
                col(Finding.org_id) == self.org_id,
                col(Finding.grade).in_(NONCONFORMITY_GRADES),
                col(Audit.type) == AuditType.stage2,
                col(Audit.status) != AuditStatus.cancelled,
            )
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

    async def _open_findings_by_root(self, facts: Facts, framework_id: uuid.UUID) -> None:
        by_root = (
            sa_select(col(Requirement.root_ref), func.count())
            .select_from(Finding)
            .join(Requirement, col(Requirement.id) == Finding.requirement_id)
            .where(
                col(Finding.org_id) == self.org_id,
                col(Requirement.framework_id) == framework_id,
                col(Finding.status) != FindingStatus.closed,
            )
            .group_by(col(Requirement.root_ref))
        )
        facts.open_findings_by_root = {r[0]: int(r[1]) for r in await self._rows(by_root)}

    async def _improvement(self, facts: Facts) -> None:
        """Every list of :class:`ImprovementFacts` in ONE statement: a UNION ALL of capped
        selects, each carrying its full count (a window over the filtered rows)."""
        f, m, link = Finding, CorrectiveMeasure, CorrectiveMeasureFinding
        open_internal_nc = and_(
            col(f.org_id) == self.org_id,
            col(f.source) == FindingSource.internal_audit,
            col(f.grade).in_(NONCONFORMITY_GRADES),
            col(f.status) != FindingStatus.closed,
        )

        def measures_of_finding(*conditions: Any) -> Any:
            return (
                sa_select(col(link.finding_id))
                .join(m, col(m.id) == link.measure_id)
                .where(
                    col(link.finding_id) == f.id,
                    col(m.status) != MeasureStatus.cancelled,
                    *conditions,
                )
                .exists()
            )

        has_measure = measures_of_finding()
        has_complete = measures_of_finding(
            func.trim(col(m.root_cause)) != "",
            col(m.owner_id).is_not(None),
            col(m.due_date).is_not(None),
        )
        not_yet_implemented = col(m.status).not_in(
            [
                MeasureStatus.closed,
                MeasureStatus.cancelled,
                MeasureStatus.implemented,
                MeasureStatus.effectiveness_review,
            ]
        )
        lists: dict[str, tuple[Any, Any, int]] = {
            "nc_without_measure": (f, and_(open_internal_nc, ~has_measure), FAILING_LIMIT),
            "nc_incomplete_measure": (
                f,
                and_(open_internal_nc, has_measure, ~has_complete),
                FAILING_LIMIT,
            ),
            "open_majors": (
                f,
                and_(open_internal_nc, col(f.grade) == FindingGrade.major_nc),
                FAILING_LIMIT,
            ),
            "overdue_measures": (
                m,
                and_(
                    col(m.org_id) == self.org_id,
                    not_yet_implemented,
                    col(m.due_date) < facts.today,
                ),
                FAILING_LIMIT,
            ),
            "closed_unreviewed": (
                m,
                and_(
                    col(m.org_id) == self.org_id,
                    col(m.status) == MeasureStatus.closed,
                    col(m.review_result).is_(None),
                ),
                FAILING_LIMIT,
            ),
            # only the count matters: one row carries it
            "ofis": (f, and_(col(f.org_id) == self.org_id, col(f.grade) == FindingGrade.ofi), 1),
            "ofi_undated": (
                f,
                and_(
                    col(f.org_id) == self.org_id,
                    col(f.grade) == FindingGrade.ofi,
                    col(f.status) == FindingStatus.action_planned,
                    col(f.due_date).is_(None),
                ),
                FAILING_LIMIT,
            ),
        }
        parts = []
        for name, (model, where, limit) in lists.items():
            capped = (
                sa_select(
                    sa_literal(name, String).label("list"),
                    col(model.id).label("id"),
                    col(model.number).label("number"),
                    col(model.due_date).label("due_date"),
                    func.count().over().label("total"),
                )
                .where(where)
                .order_by(col(model.number))
                .limit(limit)
                .subquery()
            )
            parts.append(sa_select(*capped.c))
        found: dict[str, list[ObjectRef]] = {name: [] for name in lists}
        totals: dict[str, int] = dict.fromkeys(lists, 0)
        for r in await self._rows(union_all(*parts)):
            found[r.list].append(ObjectRef(r.id, r.number, _as_date(r.due_date)))
            totals[r.list] = int(r.total)
        facts.improvement = ImprovementFacts(
            **{
                name: Capped(tuple(sorted(refs, key=lambda x: x.number)), totals[name])
                for name, refs in found.items()
            }
        )

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
