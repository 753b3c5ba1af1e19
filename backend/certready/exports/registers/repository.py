"""SQL of the compliance matrix's register sheets: one streamed statement per sheet.

Each statement's labelled columns are its sheet's columns in order (``matrix_sheets``);
children (evidence of a finding, measures, actions, services of an agreement...) are
grouped in SQL subqueries, so a row never multiplies and the count of statements is fixed.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import String, and_, cast, func, literal_column
from sqlalchemy import select as sa_select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased
from sqlmodel import col

from certready.agreements.models import Agreement, AgreementService, ServiceLevelTarget
from certready.audits.models import Audit, AuditChecklistEvidence, AuditChecklistLine
from certready.auth.models import User
from certready.corrective_measures.models import (
    CorrectiveAction,
    CorrectiveMeasure,
    CorrectiveMeasureFinding,
)
from certready.customers.models import Customer
from certready.db.repository import OrgScopedRepository
from certready.evidence.models import Evidence, EvidenceRequirement, EvidenceVersion
from certready.findings.models import Finding, FindingEvidence
from certready.management_reviews.models import (
    ManagementReview,
    ManagementReviewAction,
    ManagementReviewInput,
)
from certready.requirements.models import Requirement
from certready.risks.models import Risk, RiskAction
from certready.services.models import Service, ServiceCustomer, ServiceProcess
from certready.suppliers.models import Supplier, SupplierReview


def key(prefix: str, number: Any) -> Any:
    """``F-12`` from ``F-`` and a number column, in SQL (SQLite and PostgreSQL: ``||``)."""
    return literal_column(f"'{prefix}'", String) + cast(number, String)


def keys(prefix: str, number: Any) -> Any:
    """The human keys of a group, ``; ``-separated (the service sorts them)."""
    return func.aggregate_strings(key(prefix, number), "; ")


class RegisterRepository(OrgScopedRepository[Finding]):
    """The register sheets' statements (findings, measures, audits, ... risks)."""

    model = Finding

    def __init__(self, session: AsyncSession, org_id: uuid.UUID, framework_id: uuid.UUID) -> None:
        super().__init__(session, org_id)
        self.framework_id = framework_id

    def evidence(self) -> Any:
        """Current evidence items supporting a requirement of the framework, once each, with
        the refs they support (other frameworks' items belong to their own matrices)."""
        ev, link, version, owner = Evidence, EvidenceRequirement, EvidenceVersion, aliased(User)
        refs = (
            sa_select(
                col(link.evidence_id),
                func.aggregate_strings(col(Requirement.ref), "; ").label("refs"),
            )
            .join(Requirement, col(Requirement.id) == col(link.requirement_id))
            .where(self.of_org(link), col(Requirement.framework_id) == self.framework_id)
            .group_by(col(link.evidence_id))
            .subquery("evidence_refs")
        )
        return (
            sa_select(
                key("E-", ev.number).label("key"),
                col(ev.title),
                refs.c.refs,
                col(ev.kind),
                col(ev.status),
                col(ev.current_version),
                col(version.sha256),
                col(version.filename),
                col(ev.approved_on),
                col(ev.effective_date),
                col(ev.valid_until),
                col(owner.full_name).label("owner"),
                col(ev.source),
            )
            .join(refs, refs.c.evidence_id == col(ev.id))
            .outerjoin(
                version,
                and_(
                    col(version.evidence_id) == col(ev.id),
                    col(version.number) == col(ev.current_version),
                    self.of_org(version),
                ),
            )
            .outerjoin(owner, col(owner.id) == col(ev.owner_id))
            .where(self.of_org(ev), col(ev.archived_at).is_(None))
            .order_by(col(ev.number))
        )

    def findings(self) -> Any:
        """Findings with their objective evidence and the measures acting on them."""
        f, cm, link = Finding, CorrectiveMeasure, CorrectiveMeasureFinding
        owner = aliased(User)
        evidence = (
            sa_select(
                col(FindingEvidence.finding_id), keys("E-", Evidence.number).label("key_list")
            )
            .join(Evidence, col(Evidence.id) == col(FindingEvidence.evidence_item_id))
            .where(self.of_org(FindingEvidence, Evidence))
            .group_by(col(FindingEvidence.finding_id))
            .subquery("finding_evidence_keys")
        )
        measures = (
            sa_select(
                col(link.finding_id),
                keys("CM-", cm.number).label("key_list"),
                func.aggregate_strings(func.nullif(cm.root_cause, ""), "\n").label("root_cause"),
                func.aggregate_strings(func.nullif(cm.correction, ""), "\n").label("correction"),
                func.aggregate_strings(col(owner.full_name), "; ").label("owners"),
                func.max(cm.due_date).label("due"),
                func.max(cm.review_date).label("reviewed_on"),
                func.aggregate_strings(col(cm.review_result), "; ").label("result"),
                func.max(cm.closed_on).label("closed_on"),
            )
            .join(cm, col(cm.id) == col(link.measure_id))
            .outerjoin(owner, col(owner.id) == col(cm.owner_id))
            .where(self.of_org(link, cm), col(cm.status) != "cancelled")
            .group_by(col(link.finding_id))
            .subquery("finding_measures")
        )
        return (
            sa_select(
                key("F-", f.number).label("key"),
                col(f.requirement_ref),
                col(f.grade),
                col(f.status),
                col(f.source),
                col(f.statement),
                key("A-", Audit.number).label("audit"),
                evidence.c.key_list.label("evidence"),
                col(f.raised_on),
                col(f.due_date),
                measures.c.key_list.label("measures"),
                measures.c.root_cause,
                measures.c.correction,
                measures.c.owners,
                measures.c.due.label("measures_due"),
                measures.c.reviewed_on,
                measures.c.result,
                measures.c.closed_on.label("measures_closed_on"),
                col(f.closed_on),
                col(f.closure_decision),
                col(f.decision_note),
            )
            .outerjoin(Audit, and_(col(Audit.id) == col(f.audit_id), self.of_org(Audit)))
            .outerjoin(evidence, evidence.c.finding_id == col(f.id))
            .outerjoin(measures, measures.c.finding_id == col(f.id))
            .where(self.of_org(f))
            .order_by(col(f.number))
        )

    def measures(self) -> Any:
        """Corrective measures with their findings, owner, correction, review and closure."""
        cm, owner, reviewer = CorrectiveMeasure, aliased(User), aliased(User)
        findings = (
            sa_select(
                col(CorrectiveMeasureFinding.measure_id),
                keys("F-", Finding.number).label("key_list"),
            )
            .join(Finding, col(Finding.id) == col(CorrectiveMeasureFinding.finding_id))
            .where(self.of_org(CorrectiveMeasureFinding, Finding))
            .group_by(col(CorrectiveMeasureFinding.measure_id))
            .subquery("measure_findings")
        )
        actions = (
            sa_select(
                col(CorrectiveAction.measure_id),
                func.count().label("total"),
                func.count().filter(col(CorrectiveAction.done).is_(True)).label("done"),
            )
            .where(self.of_org(CorrectiveAction))
            .group_by(col(CorrectiveAction.measure_id))
            .subquery("measure_actions")
        )
        return (
            sa_select(
                key("CM-", cm.number).label("key"),
                col(cm.title),
                col(cm.status),
                findings.c.key_list.label("findings"),
                col(owner.full_name).label("owner"),
                col(cm.due_date),
                col(cm.correction),
                col(cm.correction_date),
                col(cm.root_cause_method),
                col(cm.root_cause),
                col(cm.extent),
                actions.c.total.label("actions"),
                actions.c.done.label("actions_done"),
                col(reviewer.full_name).label("reviewer"),
                col(cm.review_method),
                col(cm.review_result),
                col(cm.review_date),
                col(cm.reopen_count),
                col(cm.closed_on),
            )
            .outerjoin(owner, col(owner.id) == col(cm.owner_id))
            .outerjoin(reviewer, col(reviewer.id) == col(cm.review_by_id))
            .outerjoin(findings, findings.c.measure_id == col(cm.id))
            .outerjoin(actions, actions.c.measure_id == col(cm.id))
            .where(self.of_org(cm))
            .order_by(col(cm.number))
        )

    def audits(self) -> Any:
        """Audits with their lead, dates and counts of lines, nonconformities and findings."""
        line, lead = AuditChecklistLine, aliased(User)
        lines = (
            sa_select(
                col(line.audit_id),
                func.count().label("total"),
                func.count().filter(col(line.result) != "not_assessed").label("assessed"),
                func.count().filter(col(line.result) == "nonconforming").label("nonconforming"),
            )
            .where(self.of_org(line))
            .group_by(col(line.audit_id))
            .subquery("audit_lines")
        )
        findings = (
            sa_select(col(Finding.audit_id), func.count().label("total"))
            .where(self.of_org(Finding), col(Finding.audit_id).is_not(None))
            .group_by(col(Finding.audit_id))
            .subquery("audit_findings")
        )
        return (
            sa_select(
                key("A-", Audit.number).label("key"),
                col(Audit.type),
                col(Audit.status),
                col(Audit.title),
                col(Audit.scope),
                col(Audit.criteria),
                col(Audit.planned_start_date),
                col(Audit.planned_end_date),
                col(Audit.actual_start_date),
                col(Audit.actual_end_date),
                col(lead.full_name).label("lead"),
                col(Audit.external_auditors),
                col(Audit.closed_on),
                lines.c.total.label("lines"),
                lines.c.assessed,
                lines.c.nonconforming,
                findings.c.total.label("findings"),
            )
            .outerjoin(lead, col(lead.id) == col(Audit.lead_auditor_id))
            .outerjoin(lines, lines.c.audit_id == col(Audit.id))
            .outerjoin(findings, findings.c.audit_id == col(Audit.id))
            .where(self.of_org(Audit))
            .order_by(col(Audit.number))
        )

    def checklist_lines(self) -> Any:
        """Every checklist line of every audit, in audit then clause order."""
        line, auditor, assessor = AuditChecklistLine, aliased(User), aliased(User)
        sampled = (
            sa_select(
                col(AuditChecklistEvidence.line_id), keys("E-", Evidence.number).label("key_list")
            )
            .join(Evidence, col(Evidence.id) == col(AuditChecklistEvidence.evidence_item_id))
            .where(self.of_org(AuditChecklistEvidence, Evidence))
            .group_by(col(AuditChecklistEvidence.line_id))
            .subquery("line_evidence")
        )
        return (
            sa_select(
                key("A-", Audit.number).label("audit"),
                col(Audit.status).label("audit_status"),
                col(line.ref),
                col(line.result),
                col(auditor.full_name).label("auditor"),
                col(assessor.full_name).label("assessed_by"),
                col(line.assessed_on),
                col(line.notes),
                sampled.c.key_list.label("evidence"),
                col(line.sample_population),
            )
            .join(Audit, col(Audit.id) == col(line.audit_id))
            .outerjoin(auditor, col(auditor.id) == col(line.auditor_id))
            .outerjoin(assessor, col(assessor.id) == col(line.assessed_by_id))
            .outerjoin(sampled, sampled.c.line_id == col(line.id))
            .where(self.of_org(line, Audit))
            .order_by(col(Audit.number), col(line.sort_key))
        )

    def reviews(self) -> Any:
        """Management reviews: dates, chair, minutes, clause 9.3 inputs covered, actions."""
        mr, chair = ManagementReview, aliased(User)
        inputs = (
            sa_select(
                col(ManagementReviewInput.review_id),
                func.count().label("total"),
                func.count().filter(col(ManagementReviewInput.covered).is_(True)).label("covered"),
            )
            .where(self.of_org(ManagementReviewInput))
            .group_by(col(ManagementReviewInput.review_id))
            .subquery("review_inputs")
        )
        actions = (
            sa_select(
                col(ManagementReviewAction.review_id),
                func.count().label("total"),
                func.count().filter(col(ManagementReviewAction.status) == "open").label("open"),
            )
            .where(self.of_org(ManagementReviewAction))
            .group_by(col(ManagementReviewAction.review_id))
            .subquery("review_actions")
        )
        return (
            sa_select(
                key("MR-", mr.number).label("key"),
                col(mr.title),
                col(mr.status),
                col(mr.planned_date),
                col(mr.held_date),
                func.coalesce(chair.full_name, func.nullif(mr.chair_name, "")).label("chair"),
                col(mr.minutes_approved_on),
                key("E-", Evidence.number).label("minutes"),
                inputs.c.total.label("inputs"),
                inputs.c.covered,
                actions.c.total.label("actions"),
                actions.c.open,
            )
            .outerjoin(chair, col(chair.id) == col(mr.chair_id))
            .outerjoin(
                Evidence,
                and_(col(Evidence.id) == col(mr.minutes_evidence_id), self.of_org(Evidence)),
            )
            .outerjoin(inputs, inputs.c.review_id == col(mr.id))
            .outerjoin(actions, actions.c.review_id == col(mr.id))
            .where(self.of_org(mr))
            .order_by(col(mr.number))
        )

    def services(self) -> Any:
        """The service catalogue with owners, scope, customers and processes."""
        owner = aliased(User)
        customers = (
            sa_select(
                col(ServiceCustomer.service_id),
                func.aggregate_strings(col(Customer.name), "; ").label("names"),
            )
            .join(Customer, col(Customer.id) == col(ServiceCustomer.customer_id))
            .where(self.of_org(ServiceCustomer, Customer))
            .group_by(col(ServiceCustomer.service_id))
            .subquery("service_customers")
        )
        processes = (
            sa_select(col(ServiceProcess.service_id), func.count().label("total"))
            .where(self.of_org(ServiceProcess))
            .group_by(col(ServiceProcess.service_id))
            .subquery("service_processes")
        )
        return (
            sa_select(
                key("SVC-", Service.number).label("key"),
                col(Service.name),
                col(Service.status),
                col(Service.criticality),
                col(owner.full_name).label("owner"),
                col(Service.in_scope),
                col(Service.out_of_scope_reason),
                customers.c.names.label("customers"),
                processes.c.total.label("processes"),
            )
            .outerjoin(owner, col(owner.id) == col(Service.owner_id))
            .outerjoin(customers, customers.c.service_id == col(Service.id))
            .outerjoin(processes, processes.c.service_id == col(Service.id))
            .where(self.of_org(Service))
            .order_by(col(Service.number))
        )

    def agreements(self) -> Any:
        """SLAs, contracts and OLAs with their parties, dates, services and targets."""
        ag = Agreement
        services = (
            sa_select(
                col(AgreementService.agreement_id), keys("SVC-", Service.number).label("key_list")
            )
            .join(Service, col(Service.id) == col(AgreementService.service_id))
            .where(self.of_org(AgreementService, Service))
            .group_by(col(AgreementService.agreement_id))
            .subquery("agreement_services")
        )
        targets = (
            sa_select(col(ServiceLevelTarget.agreement_id), func.count().label("total"))
            .where(self.of_org(ServiceLevelTarget))
            .group_by(col(ServiceLevelTarget.agreement_id))
            .subquery("agreement_targets")
        )
        return (
            sa_select(
                key("AGR-", ag.number).label("key"),
                col(ag.title),
                col(ag.type),
                col(ag.status),
                col(Customer.name).label("customer"),
                col(Supplier.name).label("supplier"),
                col(ag.start_date),
                col(ag.end_date),
                col(ag.review_date),
                key("E-", Evidence.number).label("evidence"),
                services.c.key_list.label("services"),
                targets.c.total.label("targets"),
            )
            .outerjoin(
                Customer, and_(col(Customer.id) == col(ag.customer_id), self.of_org(Customer))
            )
            .outerjoin(
                Supplier, and_(col(Supplier.id) == col(ag.supplier_id), self.of_org(Supplier))
            )
            .outerjoin(
                Evidence, and_(col(Evidence.id) == col(ag.evidence_id), self.of_org(Evidence))
            )
            .outerjoin(services, services.c.agreement_id == col(ag.id))
            .outerjoin(targets, targets.c.agreement_id == col(ag.id))
            .where(self.of_org(ag))
            .order_by(col(ag.number))
        )

    def suppliers(self) -> Any:
        """Suppliers with owner, scope, their latest review and agreements."""
        owner = aliased(User)
        reviews = (
            sa_select(
                col(SupplierReview.supplier_id),
                func.count().label("total"),
                func.max(SupplierReview.reviewed_on).label("last"),
            )
            .where(self.of_org(SupplierReview))
            .group_by(col(SupplierReview.supplier_id))
            .subquery("supplier_reviews")
        )
        agreements = (
            sa_select(col(Agreement.supplier_id), keys("AGR-", Agreement.number).label("key_list"))
            .where(self.of_org(Agreement), col(Agreement.supplier_id).is_not(None))
            .group_by(col(Agreement.supplier_id))
            .subquery("supplier_agreements")
        )
        return (
            sa_select(
                key("SUP-", Supplier.number).label("key"),
                col(Supplier.name),
                col(Supplier.kind),
                col(Supplier.status),
                col(Supplier.in_scope),
                col(owner.full_name).label("owner"),
                col(Supplier.contact),
                reviews.c.total.label("reviews"),
                reviews.c.last.label("last_review"),
                agreements.c.key_list.label("agreements"),
            )
            .outerjoin(owner, col(owner.id) == col(Supplier.owner_id))
            .outerjoin(reviews, reviews.c.supplier_id == col(Supplier.id))
            .outerjoin(agreements, agreements.c.supplier_id == col(Supplier.id))
            .where(self.of_org(Supplier))
            .order_by(col(Supplier.number))
        )

    def risks(self) -> Any:
        """The risk register: owner, likelihood, impact, treatment, review and open actions."""
        owner = aliased(User)
        actions = (
            sa_select(
                col(RiskAction.risk_id),
                func.count().label("total"),
                func.count().filter(col(RiskAction.done).is_(False)).label("open"),
            )
            .where(self.of_org(RiskAction))
            .group_by(col(RiskAction.risk_id))
            .subquery("risk_actions")
        )
        return (
            sa_select(
                key("RSK-", Risk.number).label("key"),
                col(Risk.title),
                col(Risk.status),
                col(owner.full_name).label("owner"),
                col(Risk.likelihood),
                col(Risk.impact),
                col(Risk.treatment),
                col(Risk.treatment_note),
                col(Risk.review_date),
                actions.c.total.label("actions"),
                actions.c.open,
            )
            .outerjoin(owner, col(owner.id) == col(Risk.owner_id))
            .outerjoin(actions, actions.c.risk_id == col(Risk.id))
            .where(self.of_org(Risk))
            .order_by(col(Risk.number))
        )
