"""Facts of the internal-audit rules (RDY-26..30): programmes, audits, the requirements
each closed internal audit assessed, and auditors assessing what they own. Part of the
lists statement (``loaders.lists``)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import case, func, or_
from sqlalchemy import select as sa_select
from sqlmodel import col

from certready.audits.enums import AuditStatus, AuditType, ChecklistResult
from certready.audits.models import Audit, AuditChecklistLine, AuditProgramme
from certready.db.repository import of_org
from certready.readiness.facts import AuditFacts, Facts, IndependenceConflict, ProgrammeFacts
from certready.readiness.loaders.base import (
    P_COVERAGE_SINCE,
    P_FRAMEWORK,
    P_ORG,
    as_date,
    as_uuid,
)
from certready.requirements.models import RequirementStatus

CONFLICT_LIMIT = 1000


def _programmes() -> Any:
    return sa_select(
        col(AuditProgramme.id),
        col(AuditProgramme.title),
        col(AuditProgramme.approved_at).is_not(None),
        func.trim(col(AuditProgramme.method)) != "",
        col(AuditProgramme.created_at),
    ).where(of_org(AuditProgramme, P_ORG))


def _audits() -> Any:
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
    ).where(of_org(Audit, P_ORG), col(Audit.framework_id) == P_FRAMEWORK)


def _coverage() -> Any:
    """Per requirement: when the last closed internal audit that assessed it ended, and
    when the first one inside RDY-28's window did (the coverage was complete once every
    requirement had one: RDY-32 compares the review with that date)."""
    line = AuditChecklistLine
    ended = func.coalesce(col(Audit.actual_end_date), col(Audit.planned_end_date))
    first_in_window = func.min(case((ended >= P_COVERAGE_SINCE, ended), else_=None))
    return (
        sa_select(col(line.requirement_id), func.max(ended), first_in_window)
        .join(Audit, col(Audit.id) == line.audit_id)
        .where(
            of_org(line, P_ORG),
            col(Audit.framework_id) == P_FRAMEWORK,
            col(Audit.type) == AuditType.internal,
            col(Audit.status) == AuditStatus.closed,
            col(line.result) != ChecklistResult.not_assessed,
        )
        .group_by(col(line.requirement_id))
    )


def _conflicts() -> Any:
    """Auditors assigned to or assessing a requirement they own (RDY-29)."""
    line = AuditChecklistLine
    owner = col(RequirementStatus.owner_id)
    assigned = func.coalesce(col(line.auditor_id), col(Audit.lead_auditor_id))
    return (
        sa_select(col(line.audit_id), col(Audit.number), col(line.ref), owner, col(line.sort_key))
        .join(Audit, col(Audit.id) == line.audit_id)
        .join(
            RequirementStatus,
            # the line's organisation: both are filtered by the same parameter
            (col(RequirementStatus.requirement_id) == line.requirement_id)
            & of_org(RequirementStatus, P_ORG),
        )
        .where(
            of_org(line, P_ORG),
            col(Audit.framework_id) == P_FRAMEWORK,
            col(Audit.type) == AuditType.internal,
            col(Audit.status) != AuditStatus.cancelled,
            owner.is_not(None),
            or_(col(line.assessed_by_id) == owner, assigned == owner),
        )
        .order_by(col(Audit.number), col(line.sort_key))
        .limit(CONFLICT_LIMIT)
    )


def list_queries() -> dict[str, Any]:
    """This family's part of the lists statement (see ``loaders.lists``)."""
    return {
        "programmes": _programmes(),
        "audits": _audits(),
        "coverage": _coverage(),
        "conflicts": _conflicts(),
    }


def read_lists(facts: Facts, rows: dict[str, list[Any]]) -> None:
    facts.programmes = [
        ProgrammeFacts(as_uuid(r[0]), r[1], bool(r[2]), bool(r[3]))
        for r in sorted(rows["programmes"], key=lambda r: (r[4], r[0]))
    ]
    facts.audits = [
        AuditFacts(
            id=as_uuid(r[0]),
            number=r[1],
            type=r[2],
            status=r[3],
            title=r[4],
            programme_id=as_uuid(r[5]) if r[5] else None,
            has_scope=bool(r[6]),
            has_criteria=bool(r[7]),
            has_report=bool(r[8]),
            has_distribution=bool(r[9]),
            planned_start_date=as_date(r[10]),
            planned_end_date=as_date(r[11]),
            actual_end_date=as_date(r[12]),
        )
        for r in sorted(rows["audits"], key=lambda r: r[1])
    ]
    for requirement_id, ended, first_in_window in rows["coverage"]:
        ended_on, first_on = as_date(ended), as_date(first_in_window)
        if ended_on is not None:
            facts.audited_on[as_uuid(requirement_id)] = ended_on
        if first_on is not None:
            facts.first_audited_in_window[as_uuid(requirement_id)] = first_on
    facts.conflicts = [
        IndependenceConflict(as_uuid(r[0]), r[1], r[2], as_uuid(r[3]))
        for r in sorted(rows["conflicts"], key=lambda r: (r[1], r[4]))
    ]
