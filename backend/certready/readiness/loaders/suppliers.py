"""Facts of the supplier rules: evidence for clauses 4 and 5 that another party owns or
provides (RDY-06); the (service, customer) pairs in scope with their SLAs, the suppliers in
scope with their agreements and the approved "none exist" statements (RDY-13). Part of the
lists statement (``loaders.lists``)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import and_, case, func, or_
from sqlalchemy import select as sa_select
from sqlmodel import col

from certready.agreements.enums import AgreementStatus, AgreementType
from certready.agreements.models import Agreement, AgreementService
from certready.customers.models import Customer
from certready.db.repository import of_org
from certready.evidence.models import Evidence, EvidenceRequirement
from certready.readiness.facts import Facts, OtherPartyEvidence, ScopeSupplier, SlaPair
from certready.readiness.loaders.base import P_FRAMEWORK, P_ORG, P_TODAY, as_uuid
from certready.requirements.models import Requirement
from certready.services.enums import ServiceStatus
from certready.services.models import Service, ServiceCustomer
from certready.suppliers.enums import StatementStatus, SupplierStatus
from certready.suppliers.models import Supplier, SupplierEvidence, SupplierStatement

# RDY-13: the services whose customers need an SLA (delivered now, in the SMS scope).
DELIVERED = (ServiceStatus.live.value, ServiceStatus.retiring.value)

# RDY-06: the clauses whose evidence must be the organisation's own.
OWN_CLAUSES = ("4", "5")


def _other_party_evidence() -> Any:
    # Driven by the (few) supplier-provided items, each checked for a link to clauses 4-5
    # through the link's primary key: not by the set of every item linked to clauses 4-5
    # (~6,000 of 50,000 at the benchmark's scale 1), which both planners built first.
    linked = (
        sa_select(col(EvidenceRequirement.evidence_id))
        .join(Requirement, col(Requirement.id) == EvidenceRequirement.requirement_id)
        .where(
            col(EvidenceRequirement.evidence_id) == SupplierEvidence.evidence_id,
            of_org(EvidenceRequirement, P_ORG),
            col(Requirement.framework_id) == P_FRAMEWORK,
            col(Requirement.root_ref).in_(OWN_CLAUSES),
        )
        .exists()
    )
    return (
        sa_select(
            col(Evidence.id),
            col(Evidence.number),
            col(Evidence.title),
            col(Supplier.id),
            col(Supplier.number),
            col(Supplier.name),
        )
        .select_from(SupplierEvidence)
        .join(Evidence, col(Evidence.id) == SupplierEvidence.evidence_id)
        .join(Supplier, col(Supplier.id) == SupplierEvidence.supplier_id)
        .where(
            of_org(SupplierEvidence, P_ORG),
            of_org(Evidence, P_ORG),
            of_org(Supplier, P_ORG),
            col(Evidence.archived_at).is_(None),
            linked,
        )
    )


def _live() -> Any:
    """An agreement in force today: active, started, not ended."""
    return and_(
        of_org(Agreement, P_ORG),
        col(Agreement.status) == AgreementStatus.active.value,
        or_(col(Agreement.start_date).is_(None), col(Agreement.start_date) <= P_TODAY),
        or_(col(Agreement.end_date).is_(None), col(Agreement.end_date) >= P_TODAY),
    )


def _sla_pairs() -> Any:
    slas = (
        sa_select(
            col(AgreementService.service_id).label("service_id"),
            col(Agreement.customer_id).label("customer_id"),
            func.count().label("n"),
        )
        .join(Agreement, col(Agreement.id) == AgreementService.agreement_id)
        .where(
            of_org(AgreementService, P_ORG),
            _live(),
            col(Agreement.type) == AgreementType.sla.value,
        )
        .group_by(col(AgreementService.service_id), col(Agreement.customer_id))
        .subquery()
    )
    return (
        sa_select(
            col(Service.id),
            col(Service.number),
            col(Service.name),
            col(Customer.id),
            col(Customer.number),
            col(Customer.name),
            func.coalesce(slas.c.n, 0),
        )
        .join(ServiceCustomer, col(ServiceCustomer.service_id) == Service.id)
        .join(Customer, col(Customer.id) == ServiceCustomer.customer_id)
        .outerjoin(
            slas,
            and_(slas.c.service_id == Service.id, slas.c.customer_id == Customer.id),
        )
        .where(
            of_org(Service, P_ORG),
            of_org(ServiceCustomer, P_ORG),
            of_org(Customer, P_ORG),
            col(Service.in_scope).is_(True),
            col(Service.status).in_(DELIVERED),
        )
    )


def _scope_suppliers() -> Any:
    contract = case((col(Agreement.type) == AgreementType.contract.value, 1), else_=0)
    per = (
        sa_select(
            col(Agreement.supplier_id).label("supplier_id"),
            func.sum(contract).label("contracts"),
            func.count().label("agreements"),
        )
        .where(_live(), col(Agreement.supplier_id).is_not(None))
        .group_by(col(Agreement.supplier_id))
        .subquery()
    )
    return (
        sa_select(
            col(Supplier.id),
            col(Supplier.number),
            col(Supplier.name),
            col(Supplier.kind),
            func.coalesce(per.c.contracts, 0),
            func.coalesce(per.c.agreements, 0),
        )
        .outerjoin(per, per.c.supplier_id == Supplier.id)
        .where(
            of_org(Supplier, P_ORG),
            col(Supplier.in_scope).is_(True),
            col(Supplier.status) == SupplierStatus.active.value,
        )
    )


def _none_exist() -> Any:
    return sa_select(col(SupplierStatement.category)).where(
        of_org(SupplierStatement, P_ORG),
        col(SupplierStatement.status) == StatementStatus.approved.value,
    )


def list_queries() -> dict[str, Any]:
    """This family's part of the lists statement (see ``loaders.lists``)."""
    return {
        "other_party_evidence": _other_party_evidence(),
        "sla_pairs": _sla_pairs(),
        "scope_suppliers": _scope_suppliers(),
        "none_exist": _none_exist(),
    }


def read_lists(facts: Facts, rows: dict[str, list[Any]]) -> None:
    facts.other_party_evidence = [
        OtherPartyEvidence(
            evidence_id=as_uuid(r[0]),
            evidence_number=int(r[1]),
            title=r[2],
            supplier_id=as_uuid(r[3]),
            supplier_number=int(r[4]),
            supplier_name=r[5],
        )
        for r in sorted(rows["other_party_evidence"], key=lambda r: (r[1], r[4]))
    ]
    facts.sla_pairs = [
        SlaPair(
            service_id=as_uuid(r[0]),
            service_number=int(r[1]),
            service_name=r[2],
            customer_id=as_uuid(r[3]),
            customer_number=int(r[4]),
            customer_name=r[5],
            slas=int(r[6]),
        )
        for r in sorted(rows["sla_pairs"], key=lambda r: (r[1], r[4]))
    ]
    facts.scope_suppliers = [
        ScopeSupplier(
            id=as_uuid(r[0]),
            number=int(r[1]),
            name=r[2],
            kind=r[3],
            contracts=int(r[4]),
            agreements=int(r[5]),
        )
        for r in sorted(rows["scope_suppliers"], key=lambda r: r[1])
    ]
    facts.none_exist = frozenset(r[0] for r in rows["none_exist"])
