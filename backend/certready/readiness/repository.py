"""All readiness SQL: a fixed set of aggregate statements, whatever the data size.

``FactsLoader.load()`` issues at most :data:`FACT_STATEMENTS` statements (plus one per
registered provider) and returns small Python structures; the engine does the rest.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import fields
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import (
    JSON,
    Date,
    String,
    Uuid,
    and_,
    bindparam,
    case,
    func,
    or_,
    type_coerce,
    union_all,
)
from sqlalchemy import literal as sa_literal
from sqlalchemy import select as sa_select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col, select

from certready.audits.enums import AuditStatus, AuditType, ChecklistResult
from certready.audits.models import Audit, AuditChecklistLine, AuditProgramme
from certready.core.clock import add_months
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
from certready.management_reviews.service import readiness_reviews
from certready.objectives.models import Objective, ObjectiveMeasurement
from certready.orgs.models import Organisation
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
FACT_STATEMENTS = 6
CONFLICT_LIMIT = 1000
EXPIRING = ("documents", "evidence")

# Statements are built once per dialect with these parameters, bound at each execution.
P_ORG = bindparam("org_id", type_=Uuid())
P_FRAMEWORK = bindparam("framework_id", type_=Uuid())
P_CODE = bindparam("framework_code", type_=String())
P_TODAY = bindparam("today", type_=Date())
P_DOCUMENT_UNTIL = bindparam("document_until", type_=Date())
P_EVIDENCE_UNTIL = bindparam("evidence_until", type_=Date())
P_SINCE = bindparam("since", type_=Date())
P_LEAVES = bindparam("leaf_ids", expanding=True, type_=Uuid())
_STATEMENTS: dict[tuple[str, bool], Any] = {}


def _current() -> Any:
    """Evidence that counts: approved, not archived, not expired on the day evaluated."""
    return and_(
        col(Evidence.status) == EvidenceStatus.approved,
        col(Evidence.archived_at).is_(None),
        or_(col(Evidence.valid_until).is_(None), col(Evidence.valid_until) >= P_TODAY),
    )


def _capped_union(lists: Iterable[tuple[str, Sequence[Any], Any, Sequence[Any], int]]) -> Any:
    """Several lists in ONE statement: a UNION ALL of one select per ``(name, columns,
    where, order_by, limit)``, each row tagged with its list's ``name`` (column ``list``)
    and carrying the list's full count (``total``, a window over the filtered rows)."""
    parts = []
    for name, columns, where, order_by, limit in lists:
        capped = (
            sa_select(
                sa_literal(name, String).label("list"),
                *columns,
                func.count().over().label("total"),
            )
            .where(where)
            .order_by(*order_by)
            .limit(limit)
            .subquery()
        )
        parts.append(sa_select(*capped.c))
    return union_all(*parts)


def _by_list(
    rows: Sequence[Any], names: Iterable[str]
) -> tuple[dict[str, list[Any]], dict[str, int]]:
    """The rows of a :func:`_capped_union` per list, and each list's total."""
    found: dict[str, list[Any]] = {name: [] for name in names}
    totals = dict.fromkeys(found, 0)
    for row in rows:
        found[row.list].append(row)
        totals[row.list] = int(row.total)
    return found, totals


def _flag(condition: Any) -> Any:
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def _uuid(value: Any) -> uuid.UUID:
    """An id from a JSON array: hex (SQLite) or hyphenated (PostgreSQL)."""
    return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))


def _json_list(value: Any) -> list[Any]:
    """A JSON column inside a JSON array: a list (PostgreSQL) or its text (SQLite, where
    the JSON subtype does not cross the subquery)."""
    if value is None:
        return []
    return list(json.loads(value) if isinstance(value, str) else value)


def _utc_date(value: Any) -> date | None:
    """The UTC day of a timestamp from a JSON array (naive UTC text on SQLite, ISO text
    with an offset on PostgreSQL)."""
    if value is None:
        return None
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    if moment.tzinfo is None:
        return moment.date()
    return moment.astimezone(UTC).date()


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
        self.sqlite = session.get_bind().dialect.name == "sqlite"
        self.params: dict[str, Any] = {"org_id": org.id}

    def _cached(self, name: str, build: Callable[[], Any]) -> Any:
        """The statement ``name`` for this dialect, built on first use (parameters bound
        at execution: building the larger statements costs more than running them)."""
        key = (name, self.sqlite)
        stmt = _STATEMENTS.get(key)
        if stmt is None:
            stmt = _STATEMENTS[key] = build()
        return stmt

    async def _rows(self, stmt: Any) -> Sequence[Any]:
        return (await self.session.execute(stmt, self.params)).all()

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
        self.params.update(
            framework_code=framework_code,
            today=today,
            document_until=today + timedelta(days=document_days),
            evidence_until=today + timedelta(days=evidence_days),
            since=add_months(today, -measurement_months),
        )
        framework_id = await self._requirements(facts)
        if framework_id is None:
            return None
        self.params["framework_id"] = framework_id
        self.params["leaf_ids"] = [leaf.id for leaf in facts.leaves]
        await self._leaf_evidence(facts)
        await self._documents(facts)
        await self._expiring(facts)
        await self._improvement(facts)
        await self._lists(facts)
        facts.reviews = await readiness_reviews(self.session, self.org_id, today)
        return facts

    async def _requirements(self, facts: Facts) -> uuid.UUID | None:
        """Leaves with the organisation's status, and the top-level clause titles."""

        def build() -> Any:
            return (
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
                        col(RequirementStatus.org_id) == P_ORG,
                    ),
                )
                .where(
                    col(Framework.code) == P_CODE,
                    or_(col(Requirement.assessable).is_(True), col(Requirement.depth) == 1),
                )
                .order_by(col(Requirement.sort_key))
            )

        stmt = self._cached("requirements", build)
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

    async def _leaf_evidence(self, facts: Facts) -> None:
        """Evidence counts per leaf: the links of the framework's leaves (listed by id, so
        PostgreSQL estimates the skewed link counts from its statistics), through the
        index ``requirement_id, org_id, evidence_id`` and the covering currency index."""

        def build() -> Any:
            current = _current()
            kind = col(Evidence.kind)
            is_record = and_(current, kind.in_(RECORD_KINDS))
            link = EvidenceRequirement
            return (
                sa_select(
                    col(link.requirement_id),
                    _flag(col(Evidence.archived_at).is_(None)).label("links"),
                    _flag(current).label("current"),
                    _flag(and_(current, kind.in_(DOCUMENT_KINDS))).label("documents"),
                    _flag(is_record).label("records"),
                    _flag(and_(current, kind == EvidenceKind.statement)).label("statements"),
                    func.max(case((is_record, col(Evidence.effective_date)), else_=None)).label(
                        "latest_record"
                    ),
                )
                .join(Evidence, col(Evidence.id) == link.evidence_id)
                .where(col(link.org_id) == P_ORG, col(link.requirement_id).in_(P_LEAVES))
                .group_by(col(link.requirement_id))
            )

        stmt = self._cached("leaf_evidence", build)
        for row in await self._rows(stmt):
            facts.leaf_evidence[row.requirement_id] = LeafEvidence(
                links=int(row.links),
                current=int(row.current),
                current_documents=int(row.documents),
                current_records=int(row.records),
                current_statements=int(row.statements),
                latest_record_date=_as_date(row.latest_record),
            )

    async def _documents(self, facts: Facts) -> None:
        """The framework's documented information with the evidence fulfilling each entry
        (from the entries into their links: index ``document_id, org_id, evidence_id``)."""

        def build() -> Any:
            di = DocumentedInformation
            return (
                sa_select(
                    col(di.id),
                    col(di.key),
                    col(di.kind),
                    col(di.title),
                    col(di.clause_refs),
                    col(di.mandatory),
                    func.count(col(Evidence.id)).label("items"),
                    _flag(_current()).label("current"),
                )
                .select_from(di)
                .outerjoin(
                    EvidenceDocument,
                    and_(
                        col(EvidenceDocument.document_id) == di.id,
                        col(EvidenceDocument.org_id) == P_ORG,
                    ),
                )
                .outerjoin(
                    Evidence,
                    and_(
                        col(Evidence.id) == EvidenceDocument.evidence_id,
                        col(Evidence.archived_at).is_(None),
                    ),
                )
                .where(col(di.framework_id) == P_FRAMEWORK)
                # the other columns depend on the primary key (valid on both databases; the
                # JSON column could not be grouped on PostgreSQL)
                .group_by(col(di.id))
            )

        stmt = self._cached("documents", build)
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

    async def _expiring(self, facts: Facts) -> None:
        """Approved items whose ``valid_until`` falls in a rule's window, documents (RDY-18)
        and the other kinds (RDY-25) apart: one UNION ALL of two capped, counted selects."""

        def build() -> Any:
            columns: list[Any] = [
                col(Evidence.id).label("id"),
                col(Evidence.number).label("number"),
                col(Evidence.title).label("title"),
                col(Evidence.kind).label("kind"),
                col(Evidence.valid_until).label("valid_until"),
            ]
            order = [col(Evidence.valid_until), col(Evidence.number)]
            return _capped_union(
                (
                    group,
                    columns,
                    and_(
                        col(Evidence.org_id) == P_ORG,
                        col(Evidence.status) == EvidenceStatus.approved,
                        col(Evidence.archived_at).is_(None),
                        col(Evidence.valid_until) >= P_TODAY,
                        col(Evidence.valid_until) <= until,
                        kinds,
                    ),
                    order,
                    FAILING_LIMIT,
                )
                for group, until, kinds in (
                    ("documents", P_DOCUMENT_UNTIL, col(Evidence.kind).in_(DOCUMENT_KINDS)),
                    ("evidence", P_EVIDENCE_UNTIL, col(Evidence.kind).not_in(DOCUMENT_KINDS)),
                )
            )

        found, totals = _by_list(await self._rows(self._cached("expiring", build)), EXPIRING)
        ordered = {
            group: tuple(
                sorted(
                    (
                        ExpiringItem(
                            r.id, r.number, r.title, r.kind, _as_date(r.valid_until) or facts.today
                        )
                        for r in rows
                    ),
                    key=lambda i: (i.valid_until, i.number),
                )
            )
            for group, rows in found.items()
        }
        facts.expiring_documents = Expiring(ordered["documents"], totals["documents"])
        facts.expiring_evidence = Expiring(ordered["evidence"], totals["evidence"])

    async def _improvement(self, facts: Facts) -> None:
        """Every list of :class:`ImprovementFacts` in ONE statement: a UNION ALL of capped
        selects, each carrying its full count (a window over the filtered rows)."""

        def build() -> Any:
            f, m, link = Finding, CorrectiveMeasure, CorrectiveMeasureFinding
            open_internal_nc = and_(
                col(f.org_id) == P_ORG,
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
                        col(m.org_id) == P_ORG,
                        not_yet_implemented,
                        col(m.due_date) < P_TODAY,
                    ),
                    FAILING_LIMIT,
                ),
                "closed_unreviewed": (
                    m,
                    and_(
                        col(m.org_id) == P_ORG,
                        col(m.status) == MeasureStatus.closed,
                        col(m.review_result).is_(None),
                    ),
                    FAILING_LIMIT,
                ),
                # only the count matters: one row carries it
                "ofis": (f, and_(col(f.org_id) == P_ORG, col(f.grade) == FindingGrade.ofi), 1),
                "ofi_undated": (
                    f,
                    and_(
                        col(f.org_id) == P_ORG,
                        col(f.grade) == FindingGrade.ofi,
                        col(f.status) == FindingStatus.action_planned,
                        col(f.due_date).is_(None),
                    ),
                    FAILING_LIMIT,
                ),
            }
            return _capped_union(
                (
                    name,
                    [
                        col(model.id).label("id"),
                        col(model.number).label("number"),
                        col(model.due_date).label("due_date"),
                    ],
                    where,
                    [col(model.number)],
                    limit,
                )
                for name, (model, where, limit) in lists.items()
            )

        rows = await self._rows(self._cached("improvement", build))
        found, totals = _by_list(rows, (f.name for f in fields(ImprovementFacts)))
        facts.improvement = ImprovementFacts(
            **{
                name: Capped(
                    tuple(
                        sorted(
                            (ObjectRef(r.id, r.number, _as_date(r.due_date)) for r in listed),
                            key=lambda x: x.number,
                        )
                    ),
                    totals[name],
                )
                for name, listed in found.items()
            }
        )

    # --- the small lists: ONE statement of JSON arrays ---------------------------------

    def _json_rows(self, stmt: Any) -> Any:
        """``stmt``'s rows as one JSON array of arrays (a scalar subquery): SQLite's
        ``json_group_array(json_array(...))``, PostgreSQL's ``json_agg(json_build_array)``.
        Values arrive as JSON: ids as text, booleans as 0/1 or true/false, dates as ISO
        text; the decoders below read both forms."""
        sub = stmt.subquery()
        if self.sqlite:
            agg = func.json_group_array(func.json_array(*sub.c))
        else:
            agg = func.json_agg(func.json_build_array(*sub.c))
        return type_coerce(sa_select(agg).select_from(sub).scalar_subquery(), JSON)

    async def _lists(self, facts: Facts) -> None:
        """Programmes, audits, audit coverage, independence conflicts, Stage 2 findings,
        open findings per clause, people, courses, training records and objectives."""

        def build() -> Any:
            queries = {
                "programmes": self._programmes(),
                "audits": self._audits(),
                "coverage": self._coverage(),
                "conflicts": self._conflicts(),
                "stage2": self._stage2_findings(),
                "by_root": self._open_findings_by_root(),
                "people": self._people(),
                "courses": self._courses(),
                "records": self._records(),
                "objectives": self._objectives(),
            }
            return sa_select(*(self._json_rows(q).label(name) for name, q in queries.items()))

        stmt = self._cached("lists", build)
        row = (await self.session.execute(stmt, self.params)).one()._mapping
        rows = {name: row[name] or [] for name in row}
        facts.programmes = [
            ProgrammeFacts(_uuid(r[0]), r[1], bool(r[2]), bool(r[3]))
            for r in sorted(rows["programmes"], key=lambda r: (r[4], r[0]))
        ]
        facts.audits = [
            AuditFacts(
                id=_uuid(r[0]),
                number=r[1],
                type=r[2],
                status=r[3],
                title=r[4],
                programme_id=_uuid(r[5]) if r[5] else None,
                has_scope=bool(r[6]),
                has_criteria=bool(r[7]),
                has_report=bool(r[8]),
                has_distribution=bool(r[9]),
                planned_start_date=_as_date(r[10]),
                planned_end_date=_as_date(r[11]),
                actual_end_date=_as_date(r[12]),
            )
            for r in sorted(rows["audits"], key=lambda r: r[1])
        ]
        for requirement_id, ended in rows["coverage"]:
            ended_on = _as_date(ended)
            if ended_on is not None:
                facts.audited_on[_uuid(requirement_id)] = ended_on
        facts.conflicts = [
            IndependenceConflict(_uuid(r[0]), r[1], r[2], _uuid(r[3]))
            for r in sorted(rows["conflicts"], key=lambda r: (r[1], r[4]))
        ]
        facts.findings = [
            FindingFacts(
                id=_uuid(r[0]),
                number=r[1],
                grade=r[2],
                status=r[3],
                source=r[4],
                audit_id=_uuid(r[5]) if r[5] else None,
                requirement_ref=r[6],
                due_date=_as_date(r[7]),
                cb_plan_accepted=bool(r[8]),
                cb_verified_on=_utc_date(r[9]),
            )
            for r in sorted(rows["stage2"], key=lambda r: r[1])
        ]
        facts.open_findings_by_root = {root: int(n) for root, n in rows["by_root"]}
        facts.people = [
            PersonFacts(_uuid(r[0]), r[1], tuple(_json_list(r[2])))
            for r in sorted(rows["people"], key=lambda r: (r[1], _uuid(r[0])))
        ]
        for course_id, title, kind, role_key in rows["courses"]:
            cid = _uuid(course_id)
            facts.courses[cid] = CourseFacts(cid, title, kind)
            if role_key is not None:
                facts.competence.setdefault(role_key, set()).add(cid)
        for person_id, course_id, completed, expires, never, evaluated in rows["records"]:
            completed_on = _as_date(completed) or facts.today
            evaluated_on = _as_date(evaluated)
            facts.records[(_uuid(person_id), _uuid(course_id))] = RecordFacts(
                latest_completed=completed_on,
                latest_expiry=None if int(never) else _as_date(expires),
                evaluated=evaluated_on is not None and evaluated_on >= completed_on,
            )
        facts.objectives = [
            ObjectiveFacts(
                id=_uuid(r[0]),
                number=r[1],
                title=r[2],
                has_metric=bool(r[3]),
                has_owner=bool(r[4]),
                has_due_date=bool(r[5]),
                recent_measurements=int(r[6]),
            )
            for r in sorted(rows["objectives"], key=lambda r: r[1])
        ]

    def _programmes(self) -> Any:
        return sa_select(
            col(AuditProgramme.id),
            col(AuditProgramme.title),
            col(AuditProgramme.approved_at).is_not(None),
            func.trim(col(AuditProgramme.method)) != "",
            col(AuditProgramme.created_at),
        ).where(col(AuditProgramme.org_id) == P_ORG)

    def _audits(self) -> Any:
        return sa_select(
            col(Audit.id),
            col(Audit.number),
            col(Audit.type),
            col(Audit.status),
            col(Audit.title),
            col(Audit.programme_id),
            func.json_array_length(col(Audit.scope)) > 0,
            func.trim(col(Audit.criteria)) != "",
            func.trim(col(Audit.report_summary)) != "",
            func.json_array_length(col(Audit.distribution)) > 0,
            col(Audit.planned_start_date),
            col(Audit.planned_end_date),
            col(Audit.actual_end_date),
        ).where(col(Audit.org_id) == P_ORG, col(Audit.framework_id) == P_FRAMEWORK)

    def _coverage(self) -> Any:
        """Per requirement: when a closed internal audit that assessed it ended."""
        line = AuditChecklistLine
        ended = func.max(func.coalesce(col(Audit.actual_end_date), col(Audit.planned_end_date)))
        return (
            sa_select(col(line.requirement_id), ended)
            .join(Audit, col(Audit.id) == line.audit_id)
            .where(
                col(line.org_id) == P_ORG,
                col(Audit.framework_id) == P_FRAMEWORK,
                col(Audit.type) == AuditType.internal,
                col(Audit.status) == AuditStatus.closed,
                col(line.result) != ChecklistResult.not_assessed,
            )
            .group_by(col(line.requirement_id))
        )

    def _conflicts(self) -> Any:
        """Auditors assigned to or assessing a requirement they own (RDY-29)."""
        line = AuditChecklistLine
        owner = col(RequirementStatus.owner_id)
        assigned = func.coalesce(col(line.auditor_id), col(Audit.lead_auditor_id))
        return (
            sa_select(
                col(line.audit_id), col(Audit.number), col(line.ref), owner, col(line.sort_key)
            )
            .join(Audit, col(Audit.id) == line.audit_id)
            .join(
                RequirementStatus,
                and_(
                    col(RequirementStatus.requirement_id) == line.requirement_id,
                    col(RequirementStatus.org_id) == line.org_id,
                ),
            )
            .where(
                col(line.org_id) == P_ORG,
                col(Audit.framework_id) == P_FRAMEWORK,
                col(Audit.type) == AuditType.internal,
                col(Audit.status) != AuditStatus.cancelled,
                owner.is_not(None),
                or_(col(line.assessed_by_id) == owner, assigned == owner),
            )
            .order_by(col(Audit.number), col(line.sort_key))
            .limit(CONFLICT_LIMIT)
        )

    def _stage2_findings(self) -> Any:
        """Nonconformities raised in a (not cancelled) Stage 2 audit: RDY-38..40."""
        return (
            sa_select(
                col(Finding.id),
                col(Finding.number),
                col(Finding.grade),
                col(Finding.status),
                col(Finding.source),
                col(Finding.audit_id),
                col(Finding.requirement_ref),
                col(Finding.due_date),
                col(Finding.cb_plan_accepted_at).is_not(None),
                col(Finding.cb_verified_at),
            )
            .join(Audit, col(Audit.id) == Finding.audit_id)
            .where(
                col(Finding.org_id) == P_ORG,
                col(Finding.grade).in_(NONCONFORMITY_GRADES),
                col(Audit.type) == AuditType.stage2,
                col(Audit.status) != AuditStatus.cancelled,
            )
        )

    def _open_findings_by_root(self) -> Any:
        return (
            sa_select(col(Requirement.root_ref), func.count())
            .select_from(Finding)
            .join(Requirement, col(Requirement.id) == Finding.requirement_id)
            .where(
                col(Finding.org_id) == P_ORG,
                col(Requirement.framework_id) == P_FRAMEWORK,
                col(Finding.status) != FindingStatus.closed,
            )
            .group_by(col(Requirement.root_ref))
        )

    def _people(self) -> Any:
        return sa_select(
            col(TrainingPerson.id),
            col(TrainingPerson.full_name),
            col(TrainingPerson.role_keys),  # JSON text on SQLite (see _json_list)
        ).where(col(TrainingPerson.org_id) == P_ORG, col(TrainingPerson.in_scope).is_(True))

    def _courses(self) -> Any:
        return (
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
                    col(CompetenceRequirement.org_id) == P_ORG,
                ),
            )
            .where(col(TrainingCourse.org_id) == P_ORG)
        )

    def _records(self) -> Any:
        """The newest record per person and course; RDY-17 asks whether the newest
        completion was evaluated (the last evaluated completion is compared)."""
        rec = TrainingRecord
        return (
            sa_select(
                col(rec.person_id),
                col(rec.course_id),
                func.max(col(rec.completed_on)),
                func.max(col(rec.expires_on)),
                _flag(col(rec.expires_on).is_(None)),
                func.max(case((col(rec.evaluation_method).is_not(None), col(rec.completed_on)))),
            )
            .where(col(rec.org_id) == P_ORG)
            .group_by(col(rec.person_id), col(rec.course_id))
        )

    def _objectives(self) -> Any:
        om = ObjectiveMeasurement
        recent = (
            sa_select(col(om.objective_id).label("objective_id"), func.count().label("n"))
            .where(col(om.org_id) == P_ORG, col(om.period_end) >= P_SINCE)
            .group_by(col(om.objective_id))
            .subquery()
        )
        return (
            sa_select(
                col(Objective.id),
                col(Objective.number),
                col(Objective.title),
                func.trim(col(Objective.metric)) != "",
                col(Objective.owner_id).is_not(None),
                col(Objective.due_date).is_not(None),
                func.coalesce(recent.c.n, 0),
            )
            .outerjoin(recent, recent.c.objective_id == Objective.id)
            .where(col(Objective.org_id) == P_ORG)
        )


class SettingsRepository(OrgScopedRepository[ReadinessSettings]):
    model = ReadinessSettings

    async def current(self) -> ReadinessSettings | None:
        """The organisation's overrides (locked in a write request), None before the first."""
        return (
            (await self.session.execute(self.for_change(self.base_statement()))).scalars().first()
        )


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
