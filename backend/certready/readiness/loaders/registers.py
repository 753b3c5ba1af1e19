"""Facts of the SMS registers and certification-body follow-up (RDY-03, RDY-07, RDY-37,
RDY-43): the risk method and register gaps, the context record, Stage 1 areas of concern
and the minor NCs of certification-body audits. Part of the lists statement."""

from __future__ import annotations

from typing import Any

from sqlalchemy import case, func, or_
from sqlalchemy import select as sa_select
from sqlmodel import col

from certready.audits.enums import AuditStatus, AuditType
from certready.audits.models import Audit
from certready.corrective_measures.enums import EffectivenessResult
from certready.corrective_measures.models import CorrectiveMeasure, CorrectiveMeasureFinding
from certready.db.repository import of_org
from certready.findings.enums import FindingGrade, FindingSource
from certready.findings.models import Finding
from certready.readiness.facts import (
    FAILING_LIMIT,
    CbFindingFacts,
    ContextFacts,
    Facts,
    RiskGap,
    RiskRegisterFacts,
)
from certready.readiness.loaders.base import P_ORG, as_date, as_uuid
from certready.risks.enums import RiskStatus
from certready.risks.models import Risk, RiskMethod
from certready.sms_context.enums import IssueKind
from certready.sms_context.models import ContextIssue, ContextRecord, InterestedParty

CB_AUDIT_TYPES = (AuditType.stage2, AuditType.surveillance, AuditType.recertification)


def _gap() -> Any:
    return or_(col(Risk.owner_id).is_(None), col(Risk.treatment).is_(None))


def _open_risk() -> Any:
    return (of_org(Risk, P_ORG), col(Risk.status) == RiskStatus.open)


def _context() -> Any:
    def count(model: Any, *where: Any) -> Any:
        return (
            sa_select(func.count())
            .where(of_org(model, P_ORG), col(model.record_id) == ContextRecord.id, *where)
            .scalar_subquery()
        )

    active = col(ContextIssue.active).is_(True)
    return sa_select(
        col(ContextRecord.id),
        col(ContextRecord.approved_on),
        col(ContextRecord.reviewed_on),
        col(ContextRecord.climate_change_relevant),
        func.trim(col(ContextRecord.climate_change_reasoning)) != "",
        count(ContextIssue, active, col(ContextIssue.kind) == IssueKind.internal),
        count(ContextIssue, active, col(ContextIssue.kind) == IssueKind.external),
        count(InterestedParty, col(InterestedParty.relevant).is_(True)),
    ).where(of_org(ContextRecord, P_ORG))


def _cb_findings(grade: FindingGrade, types: tuple[AuditType, ...]) -> Any:
    effective = (
        sa_select(col(CorrectiveMeasureFinding.finding_id))
        .join(CorrectiveMeasure, col(CorrectiveMeasure.id) == CorrectiveMeasureFinding.measure_id)
        .where(
            of_org(CorrectiveMeasure, P_ORG),
            col(CorrectiveMeasureFinding.finding_id) == Finding.id,
            col(CorrectiveMeasure.review_result) == EffectivenessResult.effective,
        )
        .exists()
    )
    return (
        sa_select(
            col(Finding.id),
            col(Finding.number),
            col(Finding.status),
            col(Finding.audit_id),
            col(Finding.cb_plan_accepted_at).is_not(None),
            effective,
        )
        .join(Audit, col(Audit.id) == Finding.audit_id)
        .where(
            of_org(Finding, P_ORG),
            col(Finding.grade) == grade,
            col(Finding.source) == FindingSource.certification_audit,
            col(Audit.type).in_(types),
            col(Audit.status) != AuditStatus.cancelled,
        )
    )


def list_queries() -> dict[str, Any]:
    """This family's part of the lists statement (see ``loaders.lists``)."""
    gaps = (
        sa_select(
            col(Risk.id),
            col(Risk.number),
            col(Risk.title),
            col(Risk.owner_id).is_not(None),
            col(Risk.treatment).is_not(None),
        )
        .where(*_open_risk(), _gap())
        .order_by(col(Risk.number))
        .limit(FAILING_LIMIT)
    )
    return {
        "risk_method": sa_select(
            col(RiskMethod.id),
            col(RiskMethod.approved_on).is_not(None),
            func.trim(col(RiskMethod.acceptance_criteria)) != "",
        ).where(of_org(RiskMethod, P_ORG)),
        "risk_counts": sa_select(
            func.count(), func.coalesce(func.sum(case((_gap(), 1), else_=0)), 0)
        ).where(*_open_risk()),
        "risk_gaps": gaps,
        "context": _context(),
        "stage1_concerns": _cb_findings(FindingGrade.area_of_concern, (AuditType.stage1,)),
        "cb_minors": _cb_findings(FindingGrade.minor_nc, CB_AUDIT_TYPES),
    }


def _cb(rows: list[Any]) -> list[CbFindingFacts]:
    return [
        CbFindingFacts(
            id=as_uuid(r[0]),
            number=int(r[1]),
            status=r[2],
            audit_id=as_uuid(r[3]),
            cb_agreed=bool(r[4]),
            effective=bool(r[5]),
        )
        for r in sorted(rows, key=lambda r: r[1])
    ]


def read_lists(facts: Facts, rows: dict[str, list[Any]]) -> None:
    method = rows["risk_method"][0] if rows["risk_method"] else None
    counts = rows["risk_counts"][0] if rows["risk_counts"] else [0, 0]
    facts.risk_register = RiskRegisterFacts(
        method_exists=method is not None,
        method_approved=bool(method and method[1]),
        has_criteria=bool(method and method[2]),
        open_risks=int(counts[0] or 0),
        gaps=tuple(
            RiskGap(
                id=as_uuid(r[0]),
                number=int(r[1]),
                title=r[2],
                has_owner=bool(r[3]),
                has_treatment=bool(r[4]),
            )
            for r in sorted(rows["risk_gaps"], key=lambda r: r[1])
        ),
        gap_total=int(counts[1] or 0),
    )
    if rows["context"]:
        c = rows["context"][0]
        facts.context = ContextFacts(
            id=as_uuid(c[0]),
            approved_on=as_date(c[1]),
            reviewed_on=as_date(c[2]),
            climate_change_relevant=None if c[3] is None else bool(c[3]),
            climate_change_reasoned=bool(c[4]),
            internal_issues=int(c[5]),
            external_issues=int(c[6]),
            relevant_parties=int(c[7]),
        )
    facts.stage1_concerns = _cb(rows["stage1_concerns"])
    facts.cb_minors = _cb(rows["cb_minors"])
