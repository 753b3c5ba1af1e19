"""Facts of the coverage rules (RDY-11, RDY-12, RDY-19, RDY-20): the framework's leaves
with the organisation's status, the evidence counts per leaf, and the open findings per
top-level clause."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import and_, case, func, or_
from sqlalchemy import select as sa_select
from sqlmodel import col

from certready.db.repository import of_org
from certready.evidence.enums import EvidenceKind
from certready.evidence.models import Evidence, EvidenceRequirement
from certready.findings.enums import FindingStatus
from certready.findings.models import Finding
from certready.readiness.facts import DOCUMENT_KINDS, RECORD_KINDS, Facts, Leaf, LeafEvidence
from certready.readiness.loaders.base import (
    P_CODE,
    P_FRAMEWORK,
    P_LEAVES,
    P_ORG,
    Run,
    as_date,
    current,
    flag,
)
from certready.requirements.models import Framework, Requirement, RequirementStatus


def _requirements() -> Any:
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
                of_org(RequirementStatus, P_ORG),
            ),
        )
        .where(
            col(Framework.code) == P_CODE,
            or_(col(Requirement.assessable).is_(True), col(Requirement.depth) == 1),
        )
        .order_by(col(Requirement.sort_key))
    )


async def load_requirements(run: Run, facts: Facts) -> uuid.UUID | None:
    """Leaves with the organisation's status, and the top-level clause titles; returns the
    framework's id (None for an unknown framework)."""
    framework_id = None
    for row in await run.rows("requirements", _requirements):
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


def _leaf_evidence() -> Any:
    is_current = current()
    kind = col(Evidence.kind)
    is_record = and_(is_current, kind.in_(RECORD_KINDS))
    link = EvidenceRequirement
    return (
        sa_select(
            col(link.requirement_id),
            flag(col(Evidence.archived_at).is_(None)).label("links"),
            flag(is_current).label("current"),
            flag(and_(is_current, kind.in_(DOCUMENT_KINDS))).label("documents"),
            flag(is_record).label("records"),
            flag(and_(is_current, kind == EvidenceKind.statement)).label("statements"),
            func.max(case((is_record, col(Evidence.effective_date)), else_=None)).label(
                "latest_record"
            ),
        )
        .join(Evidence, col(Evidence.id) == link.evidence_id)
        .where(of_org(link, P_ORG), col(link.requirement_id).in_(P_LEAVES))
        .group_by(col(link.requirement_id))
    )


async def load_leaf_evidence(run: Run, facts: Facts) -> None:
    """Evidence counts per leaf: the links of the framework's leaves (listed by id, so
    PostgreSQL estimates the skewed link counts from its statistics), through the
    index ``requirement_id, org_id, evidence_id`` and the covering currency index."""
    for row in await run.rows("leaf_evidence", _leaf_evidence):
        facts.leaf_evidence[row.requirement_id] = LeafEvidence(
            links=int(row.links),
            current=int(row.current),
            current_documents=int(row.documents),
            current_records=int(row.records),
            current_statements=int(row.statements),
            latest_record_date=as_date(row.latest_record),
        )


def _open_findings_by_root() -> Any:
    return (
        sa_select(col(Requirement.root_ref), func.count())
        .select_from(Finding)
        .join(Requirement, col(Requirement.id) == Finding.requirement_id)
        .where(
            of_org(Finding, P_ORG),
            col(Requirement.framework_id) == P_FRAMEWORK,
            col(Finding.status) != FindingStatus.closed,
        )
        .group_by(col(Requirement.root_ref))
    )


def list_queries() -> dict[str, Any]:
    """This family's part of the lists statement (see ``loaders.lists``)."""
    return {"by_root": _open_findings_by_root()}


def read_lists(facts: Facts, rows: dict[str, list[Any]]) -> None:
    facts.open_findings_by_root = {root: int(n) for root, n in rows["by_root"]}
