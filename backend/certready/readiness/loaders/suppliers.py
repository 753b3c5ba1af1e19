"""Facts of the supplier rules (RDY-06): evidence for clauses 4 and 5 that another party
owns or provides. Part of the lists statement (``loaders.lists``)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select as sa_select
from sqlmodel import col

from certready.db.repository import of_org
from certready.evidence.models import Evidence, EvidenceRequirement
from certready.readiness.facts import Facts, OtherPartyEvidence
from certready.readiness.loaders.base import P_FRAMEWORK, P_ORG, as_uuid
from certready.requirements.models import Requirement
from certready.suppliers.models import Supplier, SupplierEvidence

# RDY-06: the clauses whose evidence must be the organisation's own.
OWN_CLAUSES = ("4", "5")


def _other_party_evidence() -> Any:
    linked = (
        sa_select(col(EvidenceRequirement.evidence_id))
        .join(Requirement, col(Requirement.id) == EvidenceRequirement.requirement_id)
        .where(
            of_org(EvidenceRequirement, P_ORG),
            col(Requirement.framework_id) == P_FRAMEWORK,
            col(Requirement.root_ref).in_(OWN_CLAUSES),
        )
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
        .join(SupplierEvidence, col(SupplierEvidence.evidence_id) == Evidence.id)
        .join(Supplier, col(Supplier.id) == SupplierEvidence.supplier_id)
        .where(
            of_org(Evidence, P_ORG),
            of_org(SupplierEvidence, P_ORG),
            of_org(Supplier, P_ORG),
            col(Evidence.archived_at).is_(None),
            col(Evidence.id).in_(linked),
        )
    )


def list_queries() -> dict[str, Any]:
    """This family's part of the lists statement (see ``loaders.lists``)."""
    return {"other_party_evidence": _other_party_evidence()}


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
