"""What the rules see: small, already aggregated facts loaded by a fixed set of statements.

The repository fills one :class:`Facts` per evaluation (GROUP BY in SQL); the rules are
pure functions over it, so every rule is testable without a database and the number of
SQL statements does not depend on the size of the organisation.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date

from certready.evidence.enums import EvidenceKind

# Failing objects a rule result lists: the rule detail (and the SQL caps) ...
FAILING_LIMIT = 50
# ... and each rule in the whole report, whose size stays small (the totals are exact).
REPORT_FAILING_LIMIT = 10

# Evidence kinds that document how something is done (maintained documented information).
DOCUMENT_KINDS = frozenset({EvidenceKind.policy, EvidenceKind.procedure, EvidenceKind.plan})
# Evidence kinds that show something happened (retained documented information).
RECORD_KINDS = frozenset(
    {EvidenceKind.record, EvidenceKind.report, EvidenceKind.ticket_export, EvidenceKind.screenshot}
)


@dataclass(frozen=True)
class Leaf:
    """An assessable requirement with the organisation's status."""

    id: uuid.UUID
    ref: str
    root_ref: str
    sort_key: str
    status: str | None
    owner_id: uuid.UUID | None
    not_occurring: bool


@dataclass(frozen=True)
class LeafEvidence:
    """Evidence linked to one requirement; "current" = approved, not archived, not expired."""

    links: int = 0
    current: int = 0
    current_documents: int = 0
    current_records: int = 0
    current_statements: int = 0
    # Newest effective date of a current record-kind item (RDY-20).
    latest_record_date: date | None = None


@dataclass(frozen=True)
class DocumentFacts:
    """One documented-information entry (D1, R3 ...) and the evidence fulfilling it."""

    id: uuid.UUID
    key: str
    kind: str
    title: str
    clause_refs: tuple[str, ...]
    mandatory: bool
    items: int
    current: int
    # current items under document control: a file version, an owner and a review date
    controlled: int
    # current items approved by a member designated top management when approving (RDY-04)
    top_approved: int = 0


@dataclass(frozen=True)
class ExpiringItem:
    id: uuid.UUID
    number: int
    title: str
    kind: str
    valid_until: date


@dataclass(frozen=True)
class Expiring:
    """Approved evidence whose ``valid_until`` falls within a rule's window: the first
    :data:`FAILING_LIMIT` by date, and how many in all."""

    items: tuple[ExpiringItem, ...] = ()
    total: int = 0


@dataclass(frozen=True)
class ProgrammeFacts:
    id: uuid.UUID
    title: str
    approved: bool
    has_method: bool


@dataclass(frozen=True)
class AuditFacts:
    id: uuid.UUID
    number: int
    type: str
    status: str
    title: str
    programme_id: uuid.UUID | None
    has_scope: bool
    has_criteria: bool
    has_report: bool
    has_distribution: bool
    planned_start_date: date | None
    planned_end_date: date | None
    actual_end_date: date | None

    @property
    def key(self) -> str:
        return f"A-{self.number}"

    @property
    def date(self) -> date | None:
        """The best date we know: when it ended, else when it is planned."""
        return self.actual_end_date or self.planned_end_date or self.planned_start_date


@dataclass(frozen=True)
class IndependenceConflict:
    """An auditor who assessed (or was assigned) a requirement they own (RDY-29)."""

    audit_id: uuid.UUID
    audit_number: int
    ref: str
    user_id: uuid.UUID


@dataclass(frozen=True)
class FindingFacts:
    id: uuid.UUID
    number: int
    grade: str
    status: str
    source: str
    audit_id: uuid.UUID | None
    requirement_ref: str | None
    due_date: date | None
    cb_plan_accepted: bool
    cb_verified_on: date | None

    @property
    def key(self) -> str:
        return f"F-{self.number}"


@dataclass(frozen=True)
class PersonFacts:
    """One person in scope (iso20000.md 6.6): a member holding an SMS role, an owner of a
    requirement, objective, corrective measure or action, or someone the training register
    adds. ``id`` is their register entry (training records hang on it), or their user id
    when they are not in the register (``registered`` False: no records can exist)."""

    id: uuid.UUID
    name: str
    role_keys: tuple[str, ...]
    # why they are in scope: "role admin", "owner of 8.6.1", "training register" ...
    reasons: tuple[str, ...] = ()
    registered: bool = True
    user_id: uuid.UUID | None = None

    @property
    def why(self) -> str:
        """The reasons, short: ``(role admin; owner of 8.6.1, 8.6.2)``."""
        return f" ({'; '.join(self.reasons)})" if self.reasons else ""


@dataclass(frozen=True)
class CourseFacts:
    id: uuid.UUID
    title: str
    kind: str


@dataclass(frozen=True)
class RecordFacts:
    """The newest training record of one person for one course."""

    latest_completed: date
    # None: the newest completion never expires.
    latest_expiry: date | None
    # The newest completion has an effectiveness evaluation (RDY-17).
    evaluated: bool


@dataclass(frozen=True)
class ObjectiveFacts:
    id: uuid.UUID
    number: int
    title: str
    has_metric: bool
    has_owner: bool
    has_due_date: bool
    # Measurements whose period ended on or after the window start (RDY-10).
    recent_measurements: int

    @property
    def key(self) -> str:
        return f"O-{self.number}"


@dataclass(frozen=True)
class ObjectRef:
    """A finding (``F-n``) or corrective measure (``CM-n``) a rule names as failing."""

    id: uuid.UUID
    number: int
    due_date: date | None = None


@dataclass(frozen=True)
class Capped:
    """The first :data:`FAILING_LIMIT` objects of a list, in number order, and how many
    there are in all: the SQL filters and counts, Python never sees the rest."""

    items: tuple[ObjectRef, ...] = ()
    total: int = 0

    @classmethod
    def of(cls, *items: ObjectRef) -> Capped:
        return cls(tuple(sorted(items, key=lambda r: r.number)[:FAILING_LIMIT]), len(items))


@dataclass(frozen=True)
class ImprovementFacts:
    """Nonconformity, corrective action and improvement (10.1, 10.2), filtered in SQL.

    "Open internal NC": a major or minor nonconformity from an internal audit that is not
    closed. A measure counts unless it is cancelled; it is complete with a root cause,
    an owner and a due date.
    """

    # RDY-33: open internal NCs with no measure, and with measures none of which is complete.
    nc_without_measure: Capped = Capped()
    nc_incomplete_measure: Capped = Capped()
    # RDY-34: open internal major NCs; measures not yet implemented and past their due date.
    open_majors: Capped = Capped()
    overdue_measures: Capped = Capped()
    # RDY-35: closed measures without an effectiveness review.
    closed_unreviewed: Capped = Capped()
    # RDY-36: improvement opportunities (grade ``ofi``, any source; ``total`` is what counts)
    # and the accepted ones (``action_planned``) without a target date.
    ofis: Capped = Capped()
    ofi_undated: Capped = Capped()


@dataclass(frozen=True)
class ReviewFacts:
    """A management review as the readiness rules need it (see ``providers``)."""

    id: uuid.UUID
    key: str
    held_on: date | None
    scheduled_for: date | None
    has_agenda: bool
    missing_inputs: tuple[str, ...]
    decisions_recorded: bool
    actions_recorded: bool
    minutes_approved: bool


@dataclass(frozen=True)
class OtherPartyEvidence:
    """An evidence item for clause 4 or 5 that a supplier owns or provides (RDY-06)."""

    evidence_id: uuid.UUID
    evidence_number: int
    title: str
    supplier_id: uuid.UUID
    supplier_number: int
    supplier_name: str


@dataclass(frozen=True)
class ServiceFacts:
    """A catalogue service (RDY-02, RDY-22, RDY-23): scope flag, scope statement, own
    processes, recorded configuration items."""

    id: uuid.UUID
    number: int
    name: str
    status: str
    in_scope: bool
    has_reason: bool
    named_in_scope: bool
    # clause-8 processes the organisation operates itself for this service
    own_processes: int
    # configuration items linked to it that are not retired (RDY-22)
    configuration_items: int = 0

    @property
    def key(self) -> str:
        return f"SVC-{self.number}"


@dataclass(frozen=True)
class OtherPartyProcess:
    """A clause-8 process another party operates for a service (RDY-23)."""

    service_id: uuid.UUID
    ref: str
    has_supplier: bool
    has_owner: bool
    # monitored through an objective with at least one measurement
    monitored: bool


@dataclass(frozen=True)
class PlanFacts:
    """A service continuity plan and the day of its latest test (RDY-21)."""

    id: uuid.UUID
    number: int
    title: str
    last_tested: date | None

    @property
    def key(self) -> str:
        return f"CP-{self.number}"


@dataclass(frozen=True)
class ReportDefinitionFacts:
    """A service report agreed at a frequency and its latest produced periods (RDY-24)."""

    id: uuid.UUID
    number: int
    title: str
    frequency: str
    starts_on: date | None
    # the period ends of its latest produced reports, oldest first
    period_ends: tuple[date, ...] = ()

    @property
    def key(self) -> str:
        return f"RD-{self.number}"


@dataclass(frozen=True)
class SlaPair:
    """A (service, customer) pair in scope and how many live SLAs cover it (RDY-13)."""

    service_id: uuid.UUID
    service_number: int
    service_name: str
    customer_id: uuid.UUID
    customer_number: int
    customer_name: str
    slas: int


@dataclass(frozen=True)
class ScopeSupplier:
    """An active supplier in scope and its live agreements (RDY-13)."""

    id: uuid.UUID
    number: int
    name: str
    kind: str
    contracts: int
    agreements: int  # contracts and OLAs / internal agreements


@dataclass(frozen=True)
class RiskGap:
    """An open risk without an owner or a treatment decision (RDY-07)."""

    id: uuid.UUID
    number: int
    title: str
    has_owner: bool
    has_treatment: bool

    @property
    def key(self) -> str:
        return f"RSK-{self.number}"


@dataclass(frozen=True)
class RiskRegisterFacts:
    method_exists: bool = False
    method_approved: bool = False
    has_criteria: bool = False
    open_risks: int = 0
    # the first FAILING_LIMIT gaps by number, and how many in all
    gaps: tuple[RiskGap, ...] = ()
    gap_total: int = 0


@dataclass(frozen=True)
class ContextFacts:
    """The context record (4.1, 4.2) as RDY-03 reads it."""

    id: uuid.UUID
    approved_on: date | None
    reviewed_on: date | None
    climate_change_relevant: bool | None
    climate_change_reasoned: bool
    internal_issues: int
    external_issues: int
    relevant_parties: int


@dataclass(frozen=True)
class CbFindingFacts:
    """A Stage 1 area of concern (RDY-37) or a CB audit's minor NC (RDY-43)."""

    id: uuid.UUID
    number: int
    status: str
    audit_id: uuid.UUID
    cb_agreed: bool
    # a linked corrective measure was reviewed effective
    effective: bool

    @property
    def key(self) -> str:
        return f"F-{self.number}"


@dataclass
class Facts:
    org_id: uuid.UUID
    org_slug: str
    today: date
    framework_code: str
    certification_decision_date: date | None = None
    clause_titles: dict[str, str] = field(default_factory=dict)
    leaves: list[Leaf] = field(default_factory=list)
    leaf_evidence: dict[uuid.UUID, LeafEvidence] = field(default_factory=dict)
    documents: dict[str, DocumentFacts] = field(default_factory=dict)
    # RDY-18: documents (policy, procedure, plan) due for review; RDY-25: any other kind.
    expiring_documents: Expiring = Expiring()
    expiring_evidence: Expiring = Expiring()
    programmes: list[ProgrammeFacts] = field(default_factory=list)
    audits: list[AuditFacts] = field(default_factory=list)
    # Requirement id -> newest end date of a closed internal audit that assessed it.
    audited_on: dict[uuid.UUID, date] = field(default_factory=dict)
    # per leaf: the end of the first closed internal audit inside RDY-28's window
    first_audited_in_window: dict[uuid.UUID, date] = field(default_factory=dict)
    conflicts: list[IndependenceConflict] = field(default_factory=list)
    # Nonconformities raised in Stage 2 audits (RDY-38..40).
    findings: list[FindingFacts] = field(default_factory=list)
    open_findings_by_root: dict[str, int] = field(default_factory=dict)
    people: list[PersonFacts] = field(default_factory=list)
    courses: dict[uuid.UUID, CourseFacts] = field(default_factory=dict)
    # Role key -> courses it requires (RDY-14, RDY-16).
    competence: dict[str, set[uuid.UUID]] = field(default_factory=dict)
    records: dict[tuple[uuid.UUID, uuid.UUID], RecordFacts] = field(default_factory=dict)
    objectives: list[ObjectiveFacts] = field(default_factory=list)
    # RDY-20: per clause (8.6.1 ...), the newest day an ITSM record of it opened or changed.
    itsm_latest: dict[str, date] = field(default_factory=dict)
    # RDY-20: per clause, the oldest day an ITSM record of it was opened (covering the period).
    itsm_oldest: dict[str, date] = field(default_factory=dict)
    # RDY-20: per service key (SVC-n) the mapping gave records, their oldest and newest day.
    itsm_by_service: dict[str, tuple[date | None, date | None]] = field(default_factory=dict)
    services: list[ServiceFacts] = field(default_factory=list)
    other_party_processes: list[OtherPartyProcess] = field(default_factory=list)
    # RDY-22: the newest CMDB verification (an audit of the configuration records)
    cmdb_last_verified: date | None = None
    improvement: ImprovementFacts = field(default_factory=ImprovementFacts)
    continuity_plans: list[PlanFacts] = field(default_factory=list)
    report_definitions: list[ReportDefinitionFacts] = field(default_factory=list)
    # None: no management-review provider is registered.
    reviews: list[ReviewFacts] | None = None
    # suppliers (RDY-06)
    other_party_evidence: list[OtherPartyEvidence] = field(default_factory=list)
    # agreements (RDY-13); none_exist: supplier kinds with an approved "none exist" statement
    sla_pairs: list[SlaPair] = field(default_factory=list)
    scope_suppliers: list[ScopeSupplier] = field(default_factory=list)
    none_exist: frozenset[str] = frozenset()
    risk_register: RiskRegisterFacts = field(default_factory=RiskRegisterFacts)
    # None: no context record.
    context: ContextFacts | None = None
    stage1_concerns: list[CbFindingFacts] = field(default_factory=list)
    cb_minors: list[CbFindingFacts] = field(default_factory=list)

    def route(self, path: str) -> str:
        """An SPA route inside this organisation (``/orgs/acme/...``)."""
        return f"/orgs/{self.org_slug}{path}"

    def leaves_under(self, *prefixes: str) -> list[Leaf]:
        """Leaves whose ref is one of ``prefixes`` or lies below one of them."""
        return [
            leaf
            for leaf in self.leaves
            if any(leaf.ref == p or leaf.ref.startswith(p + ".") for p in prefixes)
        ]

    def evidence_for(self, leaf: Leaf) -> LeafEvidence:
        return self.leaf_evidence.get(leaf.id, EMPTY_EVIDENCE)


EMPTY_EVIDENCE = LeafEvidence()
