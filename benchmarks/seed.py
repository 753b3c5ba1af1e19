"""Deterministic "large organisation" seed (PERFORMANCE.md 4.2) with bulk inserts.

    from benchmarks.seed import generate, insert_core, insert_raw

``generate(catalogue, scale, seed)`` builds every row in memory as plain dicts, from one
``random.Random(seed)`` (same seed and scale: same rows; dates are offsets from the run
date so expiry and overdue shares stay meaningful). ``insert_core`` writes them with
SQLAlchemy Core ``insert(table)`` + a list of dicts (executemany / insertmanyvalues) in
one transaction; ``insert_raw`` writes the same rows with the bare DB-API driver
(``sqlite3`` / ``psycopg`` ``executemany``), the ratio baseline.

Scale 1: 2,000 requirements in 4 frameworks (the real ISO/IEC 20000-1 catalogue loaded
by the migration plus 3 generated clause trees of depth 3-4), a status row per assessable
requirement, 50,000 evidence items (Zipf over requirements, 30 % also on an ISO 20000
leaf), ~75k requirement links, ~10k documented-information links, ~60 % with one
version row (metadata only), 5,000 findings, 5,000 corrective measures (15 % overdue)
linked to findings, 200 users with memberships; and the ITSM registers (``_operations``):
60 customers, 200 services (1-3 customers, 2-5 clause-8 processes, a fifth operated by a
supplier, ~80 % named in the scope statement), 300 suppliers with 1-2 reviews and 500
supplier-provided evidence links, 300 agreements (SLAs, contracts, OLAs) over 1-3 services
with 2-4 targets, 2,000 configuration items (each supporting 1-2 services), 24 CMDB
verifications, the risk method and 500 risks (treatment actions), 40 continuity plans
with 120 tests, 50 report definitions with ~9 in 10 of their periods produced, the
context record with 20 issues and 40 interested parties. No audits, training or
objectives.
"""

from __future__ import annotations

import itertools
import json
import random
import time
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from certready.agreements.enums import AgreementStatus, AgreementType
from certready.agreements.models import Agreement, AgreementService, ServiceLevelTarget
from certready.auth.models import User
from certready.configuration.enums import CiStatus, VerificationResult
from certready.configuration.models import (
    CmdbVerification,
    ConfigurationItem,
    ConfigurationItemService,
)
from certready.continuity.enums import TestResult
from certready.continuity.models import ContinuityPlan, ContinuityTest
from certready.core.clock import add_months
from certready.corrective_measures.enums import MeasureStatus
from certready.corrective_measures.models import CorrectiveMeasure, CorrectiveMeasureFinding
from certready.customers.enums import CustomerKind
from certready.customers.models import Customer
from certready.evidence.enums import EvidenceKind, EvidenceStatus
from certready.evidence.models import (
    Evidence,
    EvidenceDocument,
    EvidenceRequirement,
    EvidenceVersion,
)
from certready.findings.enums import FindingGrade, FindingSource, FindingStatus
from certready.findings.models import Finding
from certready.objectives.enums import Direction
from certready.orgs.enums import Role
from certready.orgs.models import Membership, Organisation, OrgCounter
from certready.requirements.catalogue.loader import DEFAULT_FRAMEWORK, sort_key
from certready.requirements.enums import DocumentedInformationKind, ImplementationStatus
from certready.requirements.models import (
    DocumentedInformation,
    Framework,
    Requirement,
    RequirementStatus,
)
from certready.risks.enums import RiskStatus, Treatment
from certready.risks.models import Risk, RiskAction, RiskMethod
from certready.service_reports.enums import FREQUENCY_MONTHS, ReportFrequency
from certready.service_reports.models import ProducedReport, ReportDefinition
from certready.services.enums import Criticality, Operator, ServiceStatus
from certready.services.models import ScopeService, Service, ServiceCustomer, ServiceProcess
from certready.sms_context.enums import IssueKind, PartyKind
from certready.sms_context.models import ContextIssue, ContextRecord, InterestedParty
from certready.suppliers.enums import ReviewResult, StatementStatus, SupplierKind, SupplierStatus
from certready.suppliers.models import (
    Supplier,
    SupplierEvidence,
    SupplierReview,
    SupplierStatement,
)
from sqlalchemy.engine import Connection

ORG_SLUG = "bench"
ADMIN_EMAIL = "admin@bench.example"
TOTAL_REQUIREMENTS = 2000
GENERATED_FRAMEWORKS = (
    ("bench-iso27001-annex-a", "ISO/IEC 27001:2022 Annex A (bench)", 0.40),
    ("bench-internal-controls", "Internal control set (bench)", 0.35),
    ("bench-customer-contract", "Customer contract obligations (bench)", 0.25),
)
# Insert order (foreign keys).
TABLES: tuple[Any, ...] = (
    User,
    Organisation,
    Membership,
    OrgCounter,
    Framework,
    Requirement,
    DocumentedInformation,
    RequirementStatus,
    Evidence,
    EvidenceVersion,
    EvidenceRequirement,
    EvidenceDocument,
    Finding,
    CorrectiveMeasure,
    CorrectiveMeasureFinding,
    Customer,
    Supplier,
    SupplierReview,
    SupplierEvidence,
    SupplierStatement,
    Service,
    ServiceCustomer,
    ServiceProcess,
    ScopeService,
    Agreement,
    AgreementService,
    ServiceLevelTarget,
    ConfigurationItem,
    ConfigurationItemService,
    CmdbVerification,
    RiskMethod,
    Risk,
    RiskAction,
    ContinuityPlan,
    ContinuityTest,
    ReportDefinition,
    ProducedReport,
    ContextRecord,
    ContextIssue,
    InterestedParty,
)


@dataclass
class Catalogue:
    """What the migration already put in the database (the ISO 20000-1 catalogue)."""

    framework_id: uuid.UUID
    requirements: list[tuple[uuid.UUID, str, bool]]  # id, ref, assessable
    documents: list[uuid.UUID]


@dataclass
class Seed:
    scale: float
    seed: int
    org_id: uuid.UUID
    admin_id: uuid.UUID
    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    generate_s: float = 0.0

    @property
    def counts(self) -> dict[str, int]:
        return {name: len(rows) for name, rows in self.rows.items()}

    @property
    def total_rows(self) -> int:
        return sum(self.counts.values())

    @property
    def framework_codes(self) -> list[str]:
        return [DEFAULT_FRAMEWORK, *(code for code, _, _ in GENERATED_FRAMEWORKS)]


def load_catalogue(conn: Connection) -> Catalogue:
    fw = conn.execute(
        sa.select(Framework.__table__.c.id).where(Framework.__table__.c.code == DEFAULT_FRAMEWORK)
    ).scalar_one()
    req = Requirement.__table__.c
    reqs = [
        (r.id, r.ref, bool(r.assessable))
        for r in conn.execute(
            sa.select(req.id, req.ref, req.assessable)
            .where(req.framework_id == fw)
            .order_by(req.sort_key)
        )
    ]
    di = DocumentedInformation.__table__.c
    docs = list(
        conn.execute(sa.select(di.id).where(di.framework_id == fw).order_by(di.key)).scalars()
    )
    return Catalogue(fw, reqs, docs)


class _Gen:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)

    def uid(self) -> uuid.UUID:
        return uuid.UUID(int=self.rng.getrandbits(128), version=4)

    def zipf(self, n: int, k: int, s: float = 1.1) -> list[int]:
        """``k`` indices in range(n), Zipf-distributed over a shuffled rank order."""
        order = list(range(n))
        self.rng.shuffle(order)
        cum = list(itertools.accumulate(1.0 / (rank + 1) ** s for rank in range(n)))
        return [order[i] for i in self.rng.choices(range(n), cum_weights=cum, k=k)]

    def pick(self, weighted: Sequence[tuple[Any, float]]) -> Any:
        values, weights = zip(*weighted, strict=True)
        return self.rng.choices(values, weights=weights)[0]


def _tree(g: _Gen, total: int) -> list[tuple[str, str | None, int]]:
    """Pre-order clause tree of depth 3-4: (ref, parent_ref, depth), exactly ``total`` nodes."""
    nodes: list[tuple[str, str | None, int]] = []
    for r in itertools.count(1):
        nodes.append((str(r), None, 1))
        for c in range(1, g.rng.randint(3, 6) + 1):
            nodes.append((f"{r}.{c}", str(r), 2))
            for s in range(1, g.rng.randint(2, 5) + 1):
                ref = f"{r}.{c}.{s}"
                nodes.append((ref, f"{r}.{c}", 3))
                if g.rng.random() < 0.3:
                    for leaf in range(1, g.rng.randint(2, 3) + 1):
                        nodes.append((f"{ref}.{leaf}", ref, 4))
        if len(nodes) >= total:
            return nodes[:total]
    raise AssertionError("unreachable")


def generate(
    catalogue: Catalogue, scale: float = 1.0, seed: int = 20261125, admin_hash: str = ""
) -> Seed:
    start = time.perf_counter()
    g = _Gen(seed)
    rng = g.rng
    now = datetime.now(UTC).replace(microsecond=0)
    today = now.date()

    def n(base: int, minimum: int = 1) -> int:
        return max(minimum, round(base * scale))

    def ago(max_days: int) -> datetime:
        return now - timedelta(seconds=rng.randrange(max_days * 86400 + 1))

    out: dict[str, list[dict[str, Any]]] = {}

    # --- users, organisation, memberships -------------------------------------------------
    users = []
    for i in range(n(200, 2)):
        created = ago(900)
        users.append(
            {
                "id": g.uid(),
                "email": ADMIN_EMAIL if i == 0 else f"user{i:04d}@bench.example",
                "full_name": "Ada Admin" if i == 0 else f"Bench User {i:04d}",
                "password_hash": admin_hash if i == 0 else None,
                "is_active": True,
                "token_version": 0,
                "last_login_at": None,
                "created_at": created,
                "updated_at": created,
            }
        )
    user_ids = [u["id"] for u in users]
    org_id = g.uid()
    out["user_account"] = users
    out["organisation"] = [
        {
            "id": org_id,
            "slug": ORG_SLUG,
            "name": "Bench Large Organisation",
            "sms_scope": "All IT services delivered from the bench data centre.",
            "target_certification_date": today + timedelta(days=120),
            "certification_body": "Bench CB",
            "certification_decision_date": None,
            "version": 1,
            "data_version": 0,
            "created_at": now - timedelta(days=900),
            "updated_at": now - timedelta(days=900),
        }
    ]
    roles = [
        (Role.sms_manager, 5),
        (Role.process_owner, 55),
        (Role.auditor, 10),
        (Role.external_auditor, 3),
        (Role.viewer, 27),
    ]
    out["membership"] = [
        {
            "id": g.uid(),
            "org_id": org_id,
            "user_id": uid,
            "role": Role.admin if i == 0 else g.pick(roles),
            "created_at": ago(900),
            "sessions_since": None,
            "top_management": i == 0,
            "version": 1,
        }
        for i, uid in enumerate(user_ids)
    ]

    # --- frameworks and requirements ------------------------------------------------------
    frameworks: list[dict[str, Any]] = []
    requirements: list[dict[str, Any]] = []
    documents: list[dict[str, Any]] = []
    leaves: list[tuple[uuid.UUID, str]] = [(i, r) for i, r, a in catalogue.requirements if a]
    iso_leaf_count = len(leaves)
    generated_total = max(30, n(TOTAL_REQUIREMENTS) - len(catalogue.requirements))
    for code, name, share in GENERATED_FRAMEWORKS:
        fw_id = g.uid()
        created = now - timedelta(days=800)
        frameworks.append(
            {
                "id": fw_id,
                "code": code,
                "name": name,
                "version": "bench",
                "publisher": "Certready bench",
                "allows_exclusions": False,
                "catalogue_version": "1",
                "created_at": created,
                "updated_at": created,
            }
        )
        nodes = _tree(g, max(10, round(generated_total * share)))
        parents = {p for _, p, _ in nodes if p is not None}
        ids: dict[str, uuid.UUID] = {}
        for ref, parent, depth in nodes:
            rid = ids[ref] = g.uid()
            assessable = ref not in parents
            requirements.append(
                {
                    "id": rid,
                    "framework_id": fw_id,
                    "ref": ref,
                    "title": f"{name.split(' (')[0]} control {ref}",
                    "parent_id": ids[parent] if parent else None,
                    "parent_ref": parent,
                    "root_ref": ref.split(".", 1)[0],
                    "depth": depth,
                    "assessable": assessable,
                    "sort_key": sort_key(ref),
                    "guidance": "",
                }
            )
            if assessable:
                leaves.append((rid, ref))
        roots = sorted({r.split(".", 1)[0] for r, _, _ in nodes}, key=int)
        for k in range(1, 13):
            documents.append(
                {
                    "id": g.uid(),
                    "framework_id": fw_id,
                    "key": f"{'D' if k <= 6 else 'R'}{k}",
                    "kind": DocumentedInformationKind.document
                    if k <= 6
                    else DocumentedInformationKind.record,
                    "title": f"{code} document {k}",
                    "clause_refs": [rng.choice(roots)],
                    "mandatory": k % 3 != 0,
                    "description": "",
                    "sort_key": sort_key(f"{k}"),
                }
            )
    out["framework"] = frameworks
    out["requirement"] = requirements
    out["documented_information"] = documents
    statuses = [
        (ImplementationStatus.not_started, 15),
        (ImplementationStatus.planned, 20),
        (ImplementationStatus.in_progress, 30),
        (ImplementationStatus.implemented, 35),
    ]
    out["requirement_status"] = [
        {
            "org_id": org_id,
            "requirement_id": rid,
            "status": g.pick(statuses),
            "owner_id": rng.choice(user_ids) if rng.random() < 0.7 else None,
            "target_date": today + timedelta(days=rng.randint(-60, 300)),
            "notes": "",
            "not_occurring": rng.random() < 0.02,
            "not_occurring_justification": "",
            "version": 1,
            "updated_at": ago(365),
            "updated_by": rng.choice(user_ids),
        }
        for rid, _ in leaves
    ]

    # --- evidence --------------------------------------------------------------------------
    n_evidence = n(50_000)
    kinds = [
        (EvidenceKind.policy, 6),
        (EvidenceKind.procedure, 10),
        (EvidenceKind.plan, 5),
        (EvidenceKind.record, 40),
        (EvidenceKind.report, 12),
        (EvidenceKind.ticket_export, 10),
        (EvidenceKind.screenshot, 9),
        (EvidenceKind.statement, 5),
        (EvidenceKind.other, 3),
    ]
    ev_status = [
        (EvidenceStatus.approved, 55),
        (EvidenceStatus.in_review, 15),
        (EvidenceStatus.draft, 20),
        (EvidenceStatus.rejected, 10),
    ]
    primary = g.zipf(len(leaves), n_evidence)
    extra = g.zipf(len(leaves), n_evidence)
    iso_pick = g.zipf(max(1, iso_leaf_count), n_evidence)
    all_docs = list(catalogue.documents) + [d["id"] for d in documents]
    doc_pick = g.zipf(len(all_docs), n_evidence, s=0.9)
    evidence, versions, links, doc_links = [], [], [], []
    for i in range(n_evidence):
        eid = g.uid()
        created = ago(730)
        status = g.pick(ev_status)
        effective = created.date() - timedelta(days=rng.randint(0, 30))
        valid_until = None
        if rng.random() < 0.6:  # a third of these are already expired
            valid_until = today + timedelta(days=rng.randint(-180, 365))
        archived = rng.random() < 0.03
        has_version = rng.random() < 0.6
        approved = status == EvidenceStatus.approved
        evidence.append(
            {
                "id": eid,
                "org_id": org_id,
                "number": i + 1,
                "title": f"Evidence item {i + 1}",
                "description": "",
                "kind": g.pick(kinds),
                "source": "ui" if rng.random() < 0.7 else "integration:jira",
                "external_ref": "",
                "owner_id": rng.choice(user_ids),
                "effective_date": effective,
                "valid_until": valid_until,
                "tags": [],
                "status": status,
                "current_version": 1 if has_version else 0,
                "approved_by": rng.choice(user_ids) if approved else None,
                "approved_at": created + timedelta(days=1) if approved else None,
                "approved_on": (created + timedelta(days=1)).date() if approved else None,
                "archived_at": created + timedelta(days=2) if archived else None,
                "archived_by": user_ids[0] if archived else None,
                "created_by": rng.choice(user_ids),
                "revision": 1,
                "created_at": created,
                "updated_at": created,
            }
        )
        if has_version:
            versions.append(
                {
                    "id": g.uid(),
                    "org_id": org_id,
                    "evidence_id": eid,
                    "number": 1,
                    "sha256": f"{rng.getrandbits(256):064x}",
                    "size": rng.randint(10_000, 5_000_000),
                    "media_type": "application/pdf",
                    "filename": f"evidence-{i + 1}.pdf",
                    "uploaded_by": rng.choice(user_ids),
                    "uploaded_at": created,
                }
            )
        targets = {leaves[primary[i]][0]}
        if iso_leaf_count and rng.random() < 0.3:
            targets.add(leaves[iso_pick[i]][0])
        if rng.random() < 0.2:
            targets.add(leaves[extra[i]][0])
        for rid in targets:
            links.append(
                {"evidence_id": eid, "requirement_id": rid, "org_id": org_id, "created_at": created}
            )
        if rng.random() < 0.2:
            doc_links.append(
                {
                    "evidence_id": eid,
                    "document_id": all_docs[doc_pick[i]],
                    "org_id": org_id,
                    "created_at": created,
                }
            )
    out["evidence"] = evidence
    out["evidence_version"] = versions
    out["evidence_requirement"] = links
    out["evidence_document"] = doc_links

    # --- findings and corrective measures --------------------------------------------------
    n_findings = n(5_000)
    grades = [
        (FindingGrade.major_nc, 10),
        (FindingGrade.minor_nc, 35),
        (FindingGrade.observation, 25),
        (FindingGrade.ofi, 30),
    ]
    f_status = [
        (FindingStatus.open, 30),
        (FindingStatus.action_planned, 25),
        (FindingStatus.closed, 45),
    ]
    sources = [
        (FindingSource.internal_audit, 50),
        (FindingSource.certification_audit, 10),
        (FindingSource.complaint, 10),
        (FindingSource.incident, 15),
        (FindingSource.self_assessment, 15),
    ]
    finding_req = g.zipf(len(leaves), n_findings)
    findings = []
    for i in range(n_findings):
        raised = ago(720)
        status = g.pick(f_status)
        source = g.pick(sources)
        if rng.random() < 0.5 and iso_leaf_count:
            req = leaves[rng.randrange(iso_leaf_count)]
        elif rng.random() < 0.8:
            req = leaves[finding_req[i]]
        else:
            req = None
        findings.append(
            {
                "id": g.uid(),
                "org_id": org_id,
                "number": i + 1,
                "grade": g.pick(grades),
                "status": status,
                "source": source,
                "statement": f"Finding {i + 1}: the requirement is not fully met.",
                "requirement_id": req[0] if req else None,
                "requirement_ref": req[1] if req else None,
                "audit_id": None,
                "checklist_line_id": None,
                "raised_by_id": rng.choice(user_ids),
                "raised_at": raised,
                "raised_on": raised.date(),
                "due_date": raised.date() + timedelta(days=rng.randint(30, 180)),
                "decision_note": "Closed after verification."
                if status == FindingStatus.closed
                else "",
                "cb_plan_accepted_at": raised + timedelta(days=10)
                if source == FindingSource.certification_audit and rng.random() < 0.7
                else None,
                "cb_verified_at": None,
                "closed_at": raised + timedelta(days=60)
                if status == FindingStatus.closed
                else None,
                "closed_on": (raised + timedelta(days=60)).date()
                if status == FindingStatus.closed
                else None,
                "version": 1,
                "created_at": raised,
                "updated_at": raised,
            }
        )
    out["finding"] = findings
    n_measures = n(5_000)
    active = [
        MeasureStatus.open,
        MeasureStatus.contained,
        MeasureStatus.analysed,
        MeasureStatus.planned,
    ]
    settled = [
        (MeasureStatus.implemented, 15),
        (MeasureStatus.effectiveness_review, 10),
        (MeasureStatus.closed, 60),
        (MeasureStatus.cancelled, 15),
    ]
    measures, measure_links = [], []
    for i in range(n_measures):
        mid = g.uid()
        created = ago(700)
        roll = rng.random()
        if roll < 0.15:  # overdue: still active, due date passed
            status = rng.choice(active)
            due = today - timedelta(days=rng.randint(1, 120))
        elif roll < 0.45:  # active, due in the future
            status = rng.choice(active)
            due = today + timedelta(days=rng.randint(1, 180))
        else:
            status = g.pick(settled)
            due = created.date() + timedelta(days=rng.randint(14, 120))
        closed = status == MeasureStatus.closed
        measures.append(
            {
                "id": mid,
                "org_id": org_id,
                "number": i + 1,
                "title": f"Corrective measure {i + 1}",
                "description": "",
                "status": status,
                "owner_id": rng.choice(user_ids) if rng.random() < 0.9 else None,
                "due_date": due,
                "correction": "",
                "correction_date": None,
                "correction_by_id": None,
                "root_cause_method": None,
                "root_cause": "Missing review step." if status not in active[:2] else "",
                "extent": "",
                "review_by_id": None,
                "review_method": "",
                "review_result": "effective" if closed else None,
                "review_date": None,
                "review_evidence_id": None,
                "review_note": "",
                "review_recorded_at": None,
                "reopen_count": 0,
                "cancel_reason": "Duplicate." if status == MeasureStatus.cancelled else "",
                "closed_at": created + timedelta(days=90) if closed else None,
                "closed_on": (created + timedelta(days=90)).date() if closed else None,
                "version": 1,
                "created_at": created,
                "updated_at": created,
            }
        )
        picks = {rng.randrange(n_findings) for _ in range(2 if rng.random() < 0.1 else 1)}
        measure_links.extend(
            {"measure_id": mid, "finding_id": findings[f]["id"], "org_id": org_id} for f in picks
        )
    out["corrective_measure"] = measures
    out["corrective_measure_finding"] = measure_links
    counters = _operations(g, out, n, catalogue, org_id, user_ids, [e["id"] for e in evidence], now)
    out["org_counter"] = [
        {"org_id": org_id, "name": name, "value": value}
        for name, value in (
            ("evidence", n_evidence),
            ("finding", n_findings),
            ("corrective_measure", n_measures),
            *counters.items(),
        )
    ]
    result = Seed(scale=scale, seed=seed, org_id=org_id, admin_id=user_ids[0])
    result.rows = {t.__tablename__: out[t.__tablename__] for t in TABLES}
    result.generate_s = time.perf_counter() - start
    return result


# --- services, suppliers, agreements, CMDB, risks, continuity, reports, context --------------


def _period_ends(frequency: ReportFrequency, start: date, today: date) -> list[tuple[date, date]]:
    """Complete reporting periods (start, end) from ``start`` to ``today``: ISO weeks or
    calendar months / quarters / halves / years."""
    periods: list[tuple[date, date]] = []
    if frequency == ReportFrequency.weekly:
        first = start - timedelta(days=start.weekday())
        while first + timedelta(days=6) < today:
            periods.append((first, first + timedelta(days=6)))
            first += timedelta(days=7)
        return periods
    months = FREQUENCY_MONTHS[frequency]
    first = date(start.year, ((start.month - 1) // months) * months + 1, 1)
    while (nxt := add_months(first, months)) <= today:
        periods.append((first, nxt - timedelta(days=1)))
        first = nxt
    return periods


def _operations(
    g: _Gen,
    out: dict[str, list[dict[str, Any]]],
    n: Any,
    catalogue: Catalogue,
    org_id: uuid.UUID,
    user_ids: list[uuid.UUID],
    evidence_ids: list[uuid.UUID],
    now: datetime,
) -> dict[str, int]:
    """Scale 1: 60 customers, 200 services (1-3 customers, 2-5 clause-8 processes each, a
    fifth operated by a supplier), 300 suppliers with 1-2 reviews, 300 agreements (SLAs,
    contracts, OLAs) over 1-3 services with 2-4 targets, 2,000 configuration items (1-2
    services each), 24 CMDB verifications, the risk method and 500 risks, 40 continuity
    plans with 120 tests, 50 report definitions with their produced reports, the context
    record with 20 issues and 40 interested parties. Returns the org counters."""
    rng = g.rng
    today = now.date()

    def ago(max_days: int) -> datetime:
        return now - timedelta(seconds=rng.randrange(max_days * 86400 + 1))

    def owner(share: float = 0.9) -> uuid.UUID | None:
        return rng.choice(user_ids) if rng.random() < share else None

    def evidence(share: float) -> uuid.UUID | None:
        return rng.choice(evidence_ids) if evidence_ids and rng.random() < share else None

    def base(created: datetime, versioned: bool = True) -> dict[str, Any]:
        row: dict[str, Any] = {"id": g.uid(), "org_id": org_id}
        if versioned:
            row["version"] = 1
        row.update(created_at=created, updated_at=created)
        return row

    # customers
    customers = []
    for i in range(n(60, 2)):
        customers.append(
            {
                **base(ago(900)),
                "number": i + 1,
                "name": f"Bench Customer {i + 1:03d}",
                "kind": CustomerKind.internal if rng.random() < 0.3 else CustomerKind.external,
                "contact": f"contact{i + 1}@customer.example",
                "description": "",
            }
        )
    out["customer"] = customers

    # suppliers, their reviews, supplier-provided evidence, one "none exist" statement
    supplier_kinds = [
        (SupplierKind.external, 70),
        (SupplierKind.internal, 25),
        (SupplierKind.customer_as_supplier, 5),
    ]
    suppliers, reviews = [], []
    for i in range(n(300, 2)):
        created = ago(900)
        row = {
            **base(created),
            "number": i + 1,
            "name": f"Bench Supplier {i + 1:03d}",
            "kind": g.pick(supplier_kinds),
            "contact": "",
            "owner_id": owner(),
            "status": SupplierStatus.active if rng.random() < 0.9 else SupplierStatus.inactive,
            "in_scope": rng.random() < 0.85,
            "notes": "",
        }
        suppliers.append(row)
        for _ in range(rng.randint(1, 2)):
            reviews.append(
                {
                    **base(ago(400), versioned=False),
                    "supplier_id": row["id"],
                    "reviewed_on": today - timedelta(days=rng.randint(0, 400)),
                    "result": g.pick(
                        [
                            (ReviewResult.satisfactory, 70),
                            (ReviewResult.needs_improvement, 20),
                            (ReviewResult.unsatisfactory, 10),
                        ]
                    ),
                    "summary": "",
                    "evidence_id": evidence(0.5),
                    "recorded_by_id": rng.choice(user_ids),
                }
            )
    out["supplier"] = suppliers
    out["supplier_review"] = reviews
    provided = rng.sample(evidence_ids, min(len(evidence_ids), n(500)))
    out["supplier_evidence"] = [
        {
            "evidence_id": eid,
            "supplier_id": rng.choice(suppliers)["id"],
            "org_id": org_id,
            "created_at": ago(700),
        }
        for eid in provided
    ]
    out["supplier_statement"] = [
        {
            **base(ago(300)),
            "category": SupplierKind.customer_as_supplier,
            "statement": "No customer acts as a supplier of the bench services.",
            "status": StatementStatus.draft,
            "approved_by_id": None,
            "approved_on": None,
        }
    ]

    # services, their customers and processes, the scope statement's services
    clause8 = sorted(ref for _, ref, leaf in catalogue.requirements if leaf and ref[:2] == "8.")
    if not clause8:
        clause8 = ["8.1"]
    service_status = [
        (ServiceStatus.pipeline, 10),
        (ServiceStatus.live, 70),
        (ServiceStatus.retiring, 10),
        (ServiceStatus.retired, 10),
    ]
    criticality = [
        (Criticality.low, 25),
        (Criticality.medium, 40),
        (Criticality.high, 25),
        (Criticality.critical, 10),
    ]
    services, service_customers, processes, scope = [], [], [], []
    for i in range(n(200, 2)):
        in_scope = rng.random() < 0.9
        row = {
            **base(ago(900)),
            "number": i + 1,
            "name": f"Bench Service {i + 1:03d}",
            "description": "",
            "status": g.pick(service_status),
            "owner_id": owner(),
            "criticality": g.pick(criticality),
            "in_scope": in_scope,
            "out_of_scope_reason": "" if in_scope or rng.random() < 0.2 else "Hosted elsewhere.",
        }
        services.append(row)
        sid = row["id"]
        for c in rng.sample(customers, min(len(customers), rng.randint(1, 3))):
            service_customers.append({"org_id": org_id, "service_id": sid, "customer_id": c["id"]})
        for ref in rng.sample(clause8, min(len(clause8), rng.randint(2, 5))):
            by_supplier = rng.random() < 0.2
            processes.append(
                {
                    **base(row["created_at"], versioned=False),
                    "service_id": sid,
                    "requirement_ref": ref,
                    "operator": Operator.supplier if by_supplier else Operator.organisation,
                    "supplier_id": rng.choice(suppliers)["id"]
                    if by_supplier and rng.random() < 0.9
                    else None,
                    "owner_id": owner(),
                    "monitoring": "Monthly service review." if by_supplier else "",
                    "monitoring_objective_id": None,
                }
            )
        if in_scope and rng.random() < 0.9:
            scope.append({"org_id": org_id, "service_id": sid})
    out["service"] = services
    out["service_customer"] = service_customers
    out["service_process"] = processes
    out["scope_service"] = scope

    # agreements over services, with service level targets
    internal = [s for s in suppliers if s["kind"] == SupplierKind.internal] or suppliers
    external = [s for s in suppliers if s["kind"] != SupplierKind.internal] or suppliers
    agreement_status = [
        (AgreementStatus.draft, 10),
        (AgreementStatus.active, 75),
        (AgreementStatus.expired, 10),
        (AgreementStatus.terminated, 5),
    ]
    agreements, covered, targets = [], [], []
    for i in range(n(300, 3)):
        created = ago(900)
        kind = (AgreementType.sla, AgreementType.contract, AgreementType.ola_internal_agreement)[
            i % 3
        ]
        start = created.date()
        row = {
            **base(created),
            "number": i + 1,
            "title": f"Bench agreement {i + 1:03d}",
            "type": kind,
            "customer_id": rng.choice(customers)["id"] if kind == AgreementType.sla else None,
            "supplier_id": None
            if kind == AgreementType.sla
            else rng.choice(internal if kind == AgreementType.ola_internal_agreement else external)[
                "id"
            ],
            "start_date": start,
            "end_date": start + timedelta(days=rng.choice((365, 730, 1095))),
            "review_date": today + timedelta(days=rng.randint(-30, 330)),
            "evidence_id": evidence(0.7),
            "status": g.pick(agreement_status),
            "notes": "",
        }
        agreements.append(row)
        for s in rng.sample(services, min(len(services), rng.randint(1, 3))):
            covered.append({"agreement_id": row["id"], "service_id": s["id"], "org_id": org_id})
        for k in range(rng.randint(2, 4)):
            targets.append(
                {
                    **base(created, versioned=False),
                    "agreement_id": row["id"],
                    "metric": ("Availability", "Response time P1", "Resolution P2", "CSAT")[k],
                    "target": (99.9, 15.0, 8.0, 4.2)[k],
                    "unit": ("%", "min", "h", "/5")[k],
                    "direction": Direction.at_most if k in (1, 2) else Direction.at_least,
                }
            )
    out["agreement"] = agreements
    out["agreement_service"] = covered
    out["service_level_target"] = targets

    # configuration items and CMDB verifications
    ci_status = [
        (CiStatus.planned, 5),
        (CiStatus.active, 80),
        (CiStatus.maintenance, 5),
        (CiStatus.retired, 10),
    ]
    ci_types = ("server", "database", "network", "application", "storage", "endpoint", "cloud")
    out["configuration_item"] = [
        {
            **base(ago(900)),
            "key": f"CI-{i + 1}",
            "name": f"Bench CI {i + 1:04d}",
            "type": rng.choice(ci_types),
            "status": g.pick(ci_status),
            "owner_id": owner(0.8),
            "last_verified": today - timedelta(days=rng.randint(0, 500))
            if rng.random() < 0.7
            else None,
            "description": "",
        }
        for i in range(n(2_000, 2))
    ]
    # every configuration item supports 1-2 services (a quarter of them two)
    out["configuration_item_service"] = [
        {"configuration_item_id": ci["id"], "service_id": s["id"], "org_id": org_id}
        for ci in out["configuration_item"]
        for s in rng.sample(services, min(len(services), 2 if rng.random() < 0.25 else 1))
    ]
    out["cmdb_verification"] = [
        {
            **base(ago(720)),
            "number": i + 1,
            "verified_on": today - timedelta(days=30 * i + rng.randint(0, 20)),
            "sample_size": rng.randint(20, 100),
            "result": g.pick(
                [
                    (VerificationResult.passed, 70),
                    (VerificationResult.partial, 20),
                    (VerificationResult.failed, 10),
                ]
            ),
            "notes": "",
            "evidence_item_id": evidence(0.8),
            "recorded_by_id": rng.choice(user_ids),
        }
        for i in range(n(24))
    ]

    # risk method and register
    levels = ["low", "medium", "high", "very high"]
    matrix = [[levels[min(3, (li * im) // 6)] for im in range(1, 6)] for li in range(1, 6)]
    out["risk_method"] = [
        {
            **base(now - timedelta(days=800)),
            "likelihood_scale": ["rare", "unlikely", "possible", "likely", "almost certain"],
            "impact_scale": ["minimal", "minor", "moderate", "major", "severe"],
            "levels": levels,
            "matrix": matrix,
            "acceptance_criteria": "Low and medium risks may be accepted by the risk owner.",
            "acceptable_levels": ["low", "medium"],
            "approved_on": today - timedelta(days=700),
            "approved_by_id": user_ids[0],
        }
    ]
    treatments = [
        (None, 8),
        (Treatment.accept, 30),
        (Treatment.treat, 45),
        (Treatment.transfer, 10),
        (Treatment.avoid, 7),
    ]
    risks, actions = [], []
    for i in range(n(500, 2)):
        created = ago(800)
        treatment = g.pick(treatments)
        row = {
            **base(created),
            "number": i + 1,
            "title": f"Bench risk {i + 1:03d}",
            "description": "",
            "owner_id": owner(0.92),
            "likelihood": rng.randint(1, 5),
            "impact": rng.randint(1, 5),
            "treatment": treatment,
            "treatment_note": "",
            "review_date": today + timedelta(days=rng.randint(-60, 300)),
            "status": RiskStatus.open if rng.random() < 0.85 else RiskStatus.closed,
        }
        risks.append(row)
        if treatment == Treatment.treat:
            actions.append(
                {
                    **base(created, versioned=False),
                    "risk_id": row["id"],
                    "description": "Implement the control.",
                    "owner_id": owner(),
                    "due_date": today + timedelta(days=rng.randint(-90, 180)),
                    "done": rng.random() < 0.4,
                }
            )
    out["risk"] = risks
    out["risk_action"] = actions

    # continuity plans and tests
    plans, tests = [], []
    for i in range(n(40)):
        created = ago(900)
        plans.append(
            {
                **base(created),
                "number": i + 1,
                "title": f"Bench continuity plan {i + 1:02d}",
                "description": "",
                "owner_id": owner(),
                "evidence_item_id": evidence(0.8),
                "approved_on": created.date() if rng.random() < 0.8 else None,
            }
        )
    for i in range(n(120)):
        tested = today - timedelta(days=rng.randint(0, 800))
        tests.append(
            {
                **base(datetime.combine(tested, now.timetz())),
                "plan_id": rng.choice(plans)["id"],
                "number": i + 1,
                "tested_on": tested,
                "scenario": "Loss of the primary data centre.",
                "result": g.pick(
                    [
                        (TestResult.passed, 70),
                        (TestResult.passed_with_issues, 20),
                        (TestResult.failed, 10),
                    ]
                ),
                "issues_found": "",
                "evidence_item_id": evidence(0.6),
            }
        )
    out["continuity_plan"] = plans
    out["continuity_test"] = tests

    # service report definitions and the reports produced (about 9 in 10 periods)
    frequencies = [
        (ReportFrequency.weekly, 4),
        (ReportFrequency.monthly, 50),
        (ReportFrequency.quarterly, 25),
        (ReportFrequency.half_yearly, 6),
        (ReportFrequency.yearly, 5),
        (ReportFrequency.on_request, 10),
    ]
    definitions, produced = [], []
    for i in range(n(50)):
        frequency = g.pick(frequencies)
        horizon = 180 if frequency == ReportFrequency.weekly else 730
        starts = today - timedelta(days=rng.randint(30, horizon))
        row = {
            **base(datetime.combine(starts, now.timetz())),
            "number": i + 1,
            "title": f"Bench service report {i + 1:02d}",
            "audience": rng.choice(customers)["name"],
            "frequency": frequency,
            "starts_on": starts,
            "owner_id": owner(),
        }
        definitions.append(row)
        if frequency == ReportFrequency.on_request:
            periods = (
                [(starts, starts + timedelta(days=30))] if starts + timedelta(30) < today else []
            )
        else:
            periods = _period_ends(frequency, starts, today)
        for first, last in periods:
            if rng.random() < 0.9:
                made = min(today, last + timedelta(days=rng.randint(1, 10)))
                produced.append(
                    {
                        **base(datetime.combine(made, now.timetz())),
                        "definition_id": row["id"],
                        "number": len(produced) + 1,
                        "period_start": first,
                        "period_end": last,
                        "produced_on": made,
                        "evidence_item_id": evidence(0.5),
                    }
                )
    out["report_definition"] = definitions
    out["produced_report"] = produced

    # the context record (4.1) with issues and interested parties (4.2)
    record = {
        **base(now - timedelta(days=700)),
        "summary": "A managed-services provider for the bench group.",
        "climate_change_relevant": False,
        "climate_change_reasoning": "No service depends on climate-exposed sites.",
        "approved_on": today - timedelta(days=200),
        "approved_by_id": user_ids[0],
        "reviewed_on": today - timedelta(days=60),
    }
    out["context_record"] = [record]
    out["context_issue"] = [
        {
            **base(record["created_at"], versioned=False),
            "record_id": record["id"],
            "kind": IssueKind.internal if k % 2 else IssueKind.external,
            "description": f"Context issue {k + 1}",
            "active": rng.random() < 0.9,
        }
        for k in range(n(20, 2))
    ]
    party_kinds = list(PartyKind)
    out["interested_party"] = [
        {
            **base(record["created_at"], versioned=False),
            "record_id": record["id"],
            "name": f"Interested party {k + 1:02d}",
            "kind": party_kinds[k % len(party_kinds)],
            "requirements": "Service availability and reporting.",
            "relevant": rng.random() < 0.9,
        }
        for k in range(n(40, 2))
    ]
    return {
        "customer": len(customers),
        "supplier": len(suppliers),
        "service": len(services),
        "agreement": len(agreements),
        "configuration_item": len(out["configuration_item"]),
        "cmdb_verification": len(out["cmdb_verification"]),
        "risk": len(risks),
        "continuity_plan": len(plans),
        "continuity_test": len(tests),
        "report_definition": len(definitions),
        "produced_report": len(produced),
    }


# --- writers --------------------------------------------------------------------------------


def insert_core(conn: Connection, seed: Seed) -> dict[str, float]:
    """SQLAlchemy Core executemany, table by table, inside the caller's transaction."""
    timings: dict[str, float] = {}
    for model in TABLES:
        table = model.__table__
        rows = seed.rows[table.name]
        if not rows:
            continue
        start = time.perf_counter()
        conn.execute(sa.insert(table), rows)
        timings[table.name] = time.perf_counter() - start
    return timings


def _sqlite_value(value: Any) -> Any:
    if isinstance(value, uuid.UUID):
        return value.hex
    if isinstance(value, datetime):
        return value.astimezone(UTC).replace(tzinfo=None).isoformat(" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | dict):
        return json.dumps(value)
    if isinstance(value, bool):
        return int(value)
    return value


def insert_raw(dbapi_conn: Any, seed: Seed, dialect: str) -> dict[str, float]:
    """The baseline: the same rows through the bare driver's ``executemany`` (one transaction,
    committed by the caller). Values get the minimal conversion each driver needs."""
    timings: dict[str, float] = {}
    cur = dbapi_conn.cursor()
    if dialect == "postgresql":
        from psycopg.types.json import Json

        def convert(v: Any) -> Any:
            return Json(v) if isinstance(v, list | dict) else v
    else:
        convert = _sqlite_value
    mark = "%s" if dialect == "postgresql" else "?"
    for model in TABLES:
        table = model.__table__
        rows = seed.rows[table.name]
        if not rows:
            continue
        cols = list(rows[0])
        sql = (
            f'INSERT INTO "{table.name}" ({", ".join(cols)}) '
            f"VALUES ({', '.join([mark] * len(cols))})"
        )
        start = time.perf_counter()
        params: Iterable[tuple[Any, ...]] = (tuple(convert(r[c]) for c in cols) for r in rows)
        cur.executemany(sql, list(params))
        timings[table.name] = time.perf_counter() - start
    cur.close()
    return timings
