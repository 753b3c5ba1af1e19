"""The audit checklist: one line per leaf requirement in scope, assessed independently (9.2)."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import date
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from certready.audits.enums import AuditStatus, ChecklistResult
from certready.audits.models import Audit, AuditChecklistLine
from certready.audits.repository import AuditRepository
from certready.audits.rules import (
    AuditorNotIndependent,
    audit_key,
    ensure_may_conduct,
    evidence_json,
    itsm_clauses,
)
from certready.audits.schemas import (
    AuditChecklistRead,
    ChecklistLineRead,
    ChecklistLineUpdate,
    LinkedEvidence,
)
from certready.context import OrgContext
from certready.core.changes import ANY_VERSION, ChangeSpec, check_version, requested, update_object
from certready.core.clock import utcnow
from certready.core.occurred import occurred_on
from certready.core.problems import Conflict, Forbidden, Unprocessable
from certready.evidence.service import ensure_evidence_in_org

LINE_CHANGES = ChangeSpec(
    object_type="audit_checklist_line",
    fields=["result", "notes", "auditor_id", "assessed_on"],
    label=lambda line: str(line.ref),  # assess_line names the audit too
    blank={"notes": ""},
)
# Sending any of these assesses the line (stamps who assessed it and when).
ASSESSMENT = frozenset({"result", "notes", "evidence", "assessed_on"})


def _line_read(
    row: Any,
    evidence: dict[uuid.UUID, list[tuple[uuid.UUID, int | None]]],
    findings: dict[uuid.UUID, list[uuid.UUID]],
) -> ChecklistLineRead:
    line: AuditChecklistLine = row[0]
    return ChecklistLineRead(
        id=line.id,
        ref=line.ref,
        title=row.title,
        root_ref=row.root_ref,
        sort_key=line.sort_key,
        result=ChecklistResult(line.result),
        notes=line.notes,
        auditor_id=line.auditor_id,
        owner_id=row.owner_id,
        assessed_by_id=line.assessed_by_id,
        assessed_at=line.assessed_at,
        assessed_on=line.assessed_on,
        evidence=[
            LinkedEvidence(evidence_item_id=i, version_number=n)
            for i, n in evidence.get(line.id, [])
        ],
        finding_ids=findings.get(line.id, []),
        itsm_clauses=itsm_clauses(line.ref),
        sample_seed=line.sample_seed,
        sample_size=row.sample_size or 0,
        version=line.version,
    )


async def get_checklist(session: AsyncSession, audit: Audit) -> AuditChecklistRead:
    """Three statements whatever the scope size: lines, sampled evidence, linked findings."""
    repo = AuditRepository(session, audit.org_id)
    rows = await repo.lines(audit.id)
    evidence = await repo.evidence(audit.id)
    findings = await repo.line_findings(audit.id)
    items = [_line_read(r, evidence, findings) for r in rows]
    return AuditChecklistRead(audit_id=audit.id, total=len(items), items=items)


async def _auditors(ctx: OrgContext, repo: AuditRepository, audit: Audit) -> set[uuid.UUID]:
    """The lead and the team; 403 unless the caller is one of them."""
    team = (await repo.team([audit.id])).get(audit.id, [])
    auditors = {u for u in [audit.lead_auditor_id, *team] if u is not None}
    if ctx.user_id not in auditors:
        raise Forbidden("Only the audit's lead auditor and team members assess its checklist.")
    return auditors


def _check_independence(
    ctx: OrgContext,
    line: AuditChecklistLine,
    owner_id: uuid.UUID | None,
    changes: dict[str, Any],
    auditors: set[uuid.UUID],
) -> None:
    """ISO/IEC 20000-1 9.2: auditors are objective and impartial; nobody audits their own work."""
    if changes.get("auditor_id") is not None and changes["auditor_id"] not in auditors:
        raise Unprocessable(
            "The line's auditor must be the lead auditor or a team member.",
            loc=["body", "auditor_id"],
        )
    if owner_id is None:
        return
    if changes.get("auditor_id", line.auditor_id) == owner_id:
        raise AuditorNotIndependent(
            f"The line's auditor owns requirement {line.ref} and cannot audit it.",
            extra={"ref": line.ref, "owner_id": str(owner_id)},
        )
    if ASSESSMENT & set(changes) and ctx.user_id == owner_id:
        raise AuditorNotIndependent(
            f"You own requirement {line.ref}: another team member must assess it.",
            extra={"ref": line.ref, "owner_id": str(owner_id)},
        )


async def assess_line(
    session: AsyncSession,
    ctx: OrgContext,
    audit: Audit,
    ref: str,
    data: ChecklistLineUpdate,
    if_match: str | None,
) -> ChecklistLineRead:
    """Assess one line (result, notes, sampled evidence, auditor); ``If-Match`` optional."""
    ensure_may_conduct(ctx, audit)
    if audit.status not in (AuditStatus.in_progress, AuditStatus.reporting):
        raise Conflict(
            f"The audit is {audit.status}: checklist lines are assessed while it is "
            "in_progress or reporting."
        )
    repo = AuditRepository(session, audit.org_id)
    row = await repo.line_by_ref(audit.id, ref)
    if row is None:
        raise Unprocessable(f"{ref} is not in this audit's checklist.", loc=["path", "ref"])
    line: AuditChecklistLine = row[0]
    version = if_match or ANY_VERSION  # checked when sent
    check_version(line, version, LINE_CHANGES)
    auditors = await _auditors(ctx, repo, audit)
    changes = requested(data, LINE_CHANGES)
    _check_independence(ctx, line, row.owner_id, changes, auditors)
    assessing = bool(ASSESSMENT & set(changes))
    changes.pop("evidence", None)
    if "result" in changes and changes["result"] is None:
        del changes["result"]  # a null result leaves the result as it is
    day = _assessed_on(audit, line, changes) if assessing else None
    evidence_before = (await repo.evidence(audit.id, line.id)).get(line.id, [])
    evidence_after = evidence_before
    if data.evidence is not None:
        evidence_after = list({e.evidence_item_id: e.version_number for e in data.evidence}.items())
        await ensure_evidence_in_org(
            session, audit.org_id, [i for i, _ in evidence_after], ["body", "evidence"]
        )
    change = await update_object(
        session,
        ctx,
        line,
        changes,
        replace(LINE_CHANGES, label=lambda _line: f"{audit_key(audit)} {ref}"),
        if_match=version,
        extra_before={"evidence": evidence_json(evidence_before)},
        extra_after={"evidence": evidence_json(evidence_after)},
        action="audit.checklist.assess",
        identity={"audit_id": audit.id, "ref": ref},
        occurred_on=day,
    )
    if change:
        if change.touched("evidence"):
            await repo.replace_evidence(line.id, evidence_after)
        if assessing:
            _stamp(line, ctx.user_id)
        await session.flush()
    findings = await repo.line_findings(audit.id, line.id)
    return _line_read(row, {line.id: evidence_after}, findings)


def _assessed_on(audit: Audit, line: AuditChecklistLine, changes: dict[str, Any]) -> date | None:
    """The day stated for the assessment (else the one stated before, else today), set in
    ``changes``: not in the future, not before the audit started. None when the line goes
    back to not assessed."""
    if ChecklistResult(changes.get("result", line.result)) == ChecklistResult.not_assessed:
        changes["assessed_on"] = None
        return None
    day = occurred_on(
        changes.get("assessed_on"),
        "assessed_on",
        default=line.assessed_on,
        not_before=[(audit.actual_start_date, "the audit's actual start")],
    )
    changes["assessed_on"] = day
    return day


def _stamp(line: AuditChecklistLine, assessor: uuid.UUID | None) -> None:
    """Who assessed the line and when (cleared when it is back to ``not_assessed``)."""
    if line.result == ChecklistResult.not_assessed:
        line.assessed_at = None
        line.assessed_on = None
        line.assessed_by_id = None
    else:
        line.assessed_at = utcnow()
        line.assessed_by_id = assessor
    line.auditor_id = line.auditor_id or assessor
