"""The audit report and the internal-audit coverage of the requirements (9.2)."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from certready.audits.enums import AuditStatus, AuditType, ChecklistResult
from certready.audits.models import Audit
from certready.audits.repository import AuditRepository
from certready.audits.rules import audit_key
from certready.audits.schemas import (
    AuditCoverageRead,
    AuditReportRead,
    AuditTeamEntry,
    ChecklistCounts,
    ClauseResults,
    CoverageLine,
    ReportFinding,
    ReportLine,
)
from certready.core.clock import add_months, utcnow
from certready.core.problems import Unprocessable


async def audit_report(session: AsyncSession, audit: Audit) -> AuditReportRead:
    """Objectives and method (the programme's), scope, criteria, team, dates, results by
    clause, the checklist with notes, findings with their objective evidence, conclusions,
    distribution and the closing day: what the printed report and its PDF show."""
    repo = AuditRepository(session, audit.org_id)
    team_ids = (await repo.team([audit.id])).get(audit.id, [])
    people = [u for u in [audit.lead_auditor_id, *team_ids] if u is not None]
    names = await repo.user_names(people)
    team = [
        AuditTeamEntry(
            user_id=u,
            name=names.get(u, ""),
            role="lead" if u == audit.lead_auditor_id else "member",
        )
        for u in dict.fromkeys(people)
    ]
    clauses: dict[str, ClauseResults] = {}
    totals = ChecklistCounts(total=0)
    for root_ref, title, _sort, result, count in await repo.results_by_clause(audit.id):
        clause = clauses.setdefault(root_ref, ClauseResults(ref=root_ref, title=title, total=0))
        setattr(clause, str(result), getattr(clause, str(result)) + count)
        setattr(totals, str(result), getattr(totals, str(result)) + count)
        clause.total += count
        totals.total += count
    evidence = await repo.finding_evidence_numbers(audit.id)
    findings = [
        ReportFinding(
            id=f.id,
            key=f"F-{f.number}",
            grade=str(f.grade),
            status=str(f.status),
            requirement_ref=f.requirement_ref,
            statement=f.statement,
            objective_evidence=[f"E-{n}" for n in evidence.get(f.id, [])],
        )
        for f in await repo.findings(audit.id)
    ]
    programme = await repo.programme_of(audit)
    return AuditReportRead(
        audit_id=audit.id,
        key=audit_key(audit),
        title=audit.title,
        type=AuditType(audit.type),
        status=AuditStatus(audit.status),
        scope=audit.scope,
        criteria=audit.criteria,
        team=team,
        external_auditors=audit.external_auditors,
        planned_start_date=audit.planned_start_date,
        planned_end_date=audit.planned_end_date,
        actual_start_date=audit.actual_start_date,
        actual_end_date=audit.actual_end_date,
        results=totals,
        results_by_clause=list(clauses.values()),
        findings=findings,
        conclusions=audit.report_summary,
        distribution=audit.distribution,
        objectives=programme.objectives if programme else "",
        method=programme.method if programme else "",
        lines=await _lines(repo, audit.id),
        closed_on=audit.closed_on,
    )


async def _lines(repo: AuditRepository, audit_id: uuid.UUID) -> list[ReportLine]:
    """The checklist with the auditors' names, notes and sampled evidence keys."""
    return [
        ReportLine(
            ref=ref,
            result=ChecklistResult(result),
            auditor=auditor,
            assessed_on=assessed_on,
            notes=notes,
            sampled_evidence=[
                f"E-{n}" for n in sorted({int(n) for n in (numbers or "").split(";") if n})
            ],
        )
        for ref, result, auditor, assessed_on, notes, numbers in await repo.report_lines(audit_id)
    ]


def months_before(moment: datetime, months: int) -> datetime:
    """The same day-of-month and time ``months`` earlier (clamped to the month's last day)."""
    return datetime.combine(add_months(moment.date(), -months), moment.timetz())


async def audit_coverage(
    session: AsyncSession, org_id: uuid.UUID, months: int, framework: str
) -> AuditCoverageRead:
    """Which leaf requirements an internal audit assessed within the window (one statement
    after the framework lookup). A line counts when its audit is internal and reporting or
    closed, its result is not ``not_assessed``, and it was assessed (``assessed_on``, the day
    the auditor states) within the last ``months`` months."""
    repo = AuditRepository(session, org_id)
    framework_id = await repo.framework_id(framework)
    if framework_id is None:
        raise Unprocessable("No such framework.", loc=["query", "framework"])
    since = months_before(utcnow(), months)
    items = [
        CoverageLine(
            ref=r.ref,
            title=r.title,
            root_ref=r.root_ref,
            sort_key=r.sort_key,
            audit_id=r.audit_id,
            audit_key=f"A-{r.audit_number}" if r.audit_number is not None else None,
            result=ChecklistResult(r.result) if r.result is not None else None,
            assessed_at=r.assessed_at,
            assessed_on=r.assessed_on,
        )
        for r in await repo.coverage(framework_id, since.date())
    ]
    not_covered = [i.ref for i in items if i.audit_id is None]
    return AuditCoverageRead(
        months=months,
        window_start=since,
        total=len(items),
        covered=len(items) - len(not_covered),
        items=items,
        not_covered=not_covered,
    )
