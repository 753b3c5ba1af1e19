"""Findings: grading, lifecycle and the certification-body follow-up (iso20000.md 3.4, 10.1)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from certready.activity.service import record, snapshot
from certready.audits.enums import FINAL_AUDIT_STATUSES, AuditStatus, AuditType
from certready.audits.models import Audit, AuditChecklistLine
from certready.audits.repository import AuditRepository
from certready.audits.rules import (
    audit_key,
    ensure_may_conduct,
    evidence_json,
    is_certification_body,
)
from certready.audits.schemas import LinkedEvidence
from certready.context import OrgContext
from certready.core.changes import ChangeSpec, check_version, move_object, requested, update_object
from certready.core.clock import today, utcnow
from certready.core.occurred import occurred_on
from certready.core.pagination import PageParams, paginate
from certready.core.problems import Conflict, Forbidden, IllegalTransition, Unprocessable
from certready.corrective_measures.enums import NOT_OVERDUE_STATUSES, EffectivenessResult
from certready.corrective_measures.models import CorrectiveMeasure
from certready.db.base import columns
from certready.db.repository import next_number
from certready.evidence.service import ensure_evidence_in_org
from certready.findings.enums import (
    NONCONFORMITY_GRADES,
    FindingClosure,
    FindingGrade,
    FindingSource,
    FindingStatus,
)
from certready.findings.models import Finding
from certready.findings.repository import FindingRepository
from certready.findings.schemas import (
    FindingConsequence,
    FindingCreate,
    FindingFilters,
    FindingMeasure,
    FindingRead,
    FindingTransition,
    FindingUpdate,
)
from certready.findings.workflow import FindingMove, workflow_for
from certready.orgs.enums import Role
from certready.requirements.catalogue.loader import DEFAULT_FRAMEWORK
from certready.requirements.models import Requirement

FINDING_FIELDS = [
    "grade",
    "statement",
    "requirement_ref",
    "due_date",
    "cb_plan_accepted_at",
    "cb_verified_at",
]


def finding_key(finding: Finding) -> str:
    return f"F-{finding.number}"


FINDING_CHANGES = ChangeSpec(
    object_type="finding",
    fields=FINDING_FIELDS,
    label=finding_key,
    required=frozenset({"grade", "statement"}),
)


def is_cb_finding(finding: Finding) -> bool:
    return finding.source == FindingSource.certification_audit


def _ensure_may_write(ctx: OrgContext, finding: Finding) -> None:
    # Certification-body auditors handle only the body's findings (permission table note).
    if ctx.role == Role.external_auditor and not is_cb_finding(finding):
        raise Forbidden("External auditors may work only on certification-body findings.")


async def _evidence(
    session: AsyncSession, org_id: uuid.UUID, links: Sequence[LinkedEvidence]
) -> list[tuple[uuid.UUID, int | None]]:
    """Objective evidence of a finding: distinct items, all in the finding's organisation."""
    pairs = list({e.evidence_item_id: e.version_number for e in links}.items())
    await ensure_evidence_in_org(session, org_id, [i for i, _ in pairs], ["body", "evidence"])
    return pairs


def _measure_item(m: CorrectiveMeasure) -> FindingMeasure:
    result = m.review_result
    return FindingMeasure(
        id=m.id,
        key=f"CM-{m.number}",
        title=m.title,
        status=m.status,
        owner_id=m.owner_id,
        due_date=m.due_date,
        overdue=m.due_date is not None
        and m.due_date < today()
        and m.status not in NOT_OVERDUE_STATUSES,
        effectiveness_result=EffectivenessResult(result) if result is not None else None,
        closed_at=m.closed_at,
    )


async def finding_reads(session: AsyncSession, findings: Sequence[Finding]) -> list[FindingRead]:
    """Read models of these findings, their evidence and measures loaded in one query each."""
    if not findings:
        return []
    repo = FindingRepository(session, findings[0].org_id)
    evidence = await repo.evidence([f.id for f in findings])
    measures = await repo.measures([f.id for f in findings])
    now = today()
    return [
        FindingRead.model_validate(
            {
                **columns(f),
                "key": finding_key(f),
                "allowed_transitions": workflow_for(FindingGrade(f.grade)).allowed(
                    FindingStatus(f.status)
                ),
                "certification_body": is_cb_finding(f),
                "evidence": [
                    LinkedEvidence(evidence_item_id=i, version_number=n)
                    for i, n in evidence.get(f.id, [])
                ],
                "measures": [_measure_item(m) for m in measures.get(f.id, [])],
                "overdue": f.due_date is not None
                and f.due_date < now
                and f.status != FindingStatus.closed,
            }
        )
        for f in findings
    ]


async def finding_read(session: AsyncSession, finding: Finding) -> FindingRead:
    return (await finding_reads(session, [finding]))[0]


async def list_findings(
    session: AsyncSession, org_id: uuid.UUID, filters: FindingFilters, page: PageParams
) -> tuple[list[FindingRead], str | None, int]:
    """One page of findings, newest first, matching the filters."""
    stmt = FindingRepository(session, org_id).filtered(filters, today())
    rows, next_cursor, total = await paginate(
        session, stmt, keys=[col(Finding.number)], params=page, descending=True
    )
    return await finding_reads(session, rows), next_cursor, total


async def _framework_for(session: AsyncSession, org_id: uuid.UUID, audit: Audit | None) -> Any:
    if audit is not None:
        return audit.framework_id
    framework_id = await AuditRepository(session, org_id).framework_id(DEFAULT_FRAMEWORK)
    if framework_id is None:  # pragma: no cover - the catalogue migration loads it
        raise Unprocessable("The requirement catalogue is not loaded.", loc=["body"])
    return framework_id


async def _origin(
    session: AsyncSession, ctx: OrgContext, data: FindingCreate
) -> tuple[Audit | None, AuditChecklistLine | None, FindingSource]:
    """The audit and checklist line a new finding is raised on, and its source."""
    audits = AuditRepository(session, ctx.org_id)
    audit_id = data.audit_id
    line = None
    if data.checklist_line_id is not None:
        line = await audits.line(data.checklist_line_id)
        if line is None:
            raise Unprocessable("No such checklist line.", loc=["body", "checklist_line_id"])
        if audit_id is not None and audit_id != line.audit_id:
            raise Unprocessable(
                "The checklist line belongs to another audit.", loc=["body", "checklist_line_id"]
            )
        audit_id = line.audit_id
    source = data.source or FindingSource.other
    if audit_id is None:
        if ctx.role == Role.external_auditor and source != FindingSource.certification_audit:
            raise Forbidden("External auditors raise certification-body findings only.")
        return None, line, source
    audit = await audits.get(audit_id)
    if audit is None:
        raise Unprocessable("No such audit.", loc=["body", "audit_id"])
    ensure_may_conduct(ctx, audit)
    if audit.status in FINAL_AUDIT_STATUSES or audit.status == AuditStatus.planned:
        raise Conflict(
            f"{audit_key(audit)} is {audit.status}: findings are raised while an audit is "
            "in_progress or reporting."
        )
    derived = (
        FindingSource.certification_audit
        if is_certification_body(audit)
        else FindingSource.internal_audit
    )
    if data.source is not None and data.source != derived:
        raise Unprocessable(
            f"A finding of this audit has source {derived.value}.", loc=["body", "source"]
        )
    return audit, line, derived


async def _new_requirement(
    session: AsyncSession,
    org_id: uuid.UUID,
    data: FindingCreate,
    audit: Audit | None,
    line: AuditChecklistLine | None,
) -> tuple[str | None, Requirement | None]:
    """The requirement a new finding is against (a line's own; required for nonconformities)."""
    ref = data.requirement_ref
    if line is not None:
        if ref is not None and ref != line.ref:
            raise Unprocessable(
                f"The checklist line is about {line.ref}.", loc=["body", "requirement_ref"]
            )
        ref = line.ref
    if ref is None:
        if data.grade in NONCONFORMITY_GRADES:
            raise Unprocessable(
                "A nonconformity names the requirement it is against.",
                loc=["body", "requirement_ref"],
            )
        return None, None
    framework_id = await _framework_for(session, org_id, audit)
    requirement = await FindingRepository(session, org_id).requirement(framework_id, ref)
    if requirement is None:
        raise Unprocessable(f"No requirement {ref}.", loc=["body", "requirement_ref"])
    return ref, requirement


async def create_finding(session: AsyncSession, ctx: OrgContext, data: FindingCreate) -> Finding:
    """Raise a finding, on an audit (or one of its checklist lines) or on its own."""
    org_id = ctx.org_id
    repo = FindingRepository(session, org_id)
    audit, line, source = await _origin(session, ctx, data)
    if data.grade == FindingGrade.area_of_concern and (
        audit is None or audit.type != AuditType.stage1
    ):
        raise Unprocessable(
            "An area of concern is recorded from a Stage 1 audit.", loc=["body", "grade"]
        )
    ref, requirement = await _new_requirement(session, org_id, data, audit, line)
    started = (audit.actual_start_date if audit else None, "the audit's actual start")
    raised_on = occurred_on(data.raised_on, "raised_on", not_before=[started])
    finding = Finding(
        org_id=org_id,
        number=await next_number(session, org_id, "finding"),
        grade=data.grade,
        source=source,
        statement=data.statement,
        requirement_id=requirement.id if requirement else None,
        requirement_ref=ref,
        audit_id=audit.id if audit else None,
        checklist_line_id=line.id if line else None,
        raised_by_id=ctx.user_id,
        raised_at=utcnow(),
        raised_on=raised_on,
        due_date=data.due_date,
    )
    links = await _evidence(session, org_id, data.evidence)
    repo.add(finding)
    await session.flush()
    await repo.replace_evidence(finding.id, links)
    record(
        session,
        org_id=org_id,
        actor=ctx.actor,
        action="finding.create",
        object_type="finding",
        object_id=finding.id,
        summary=f"{finding_key(finding)} ({finding.grade}) raised"
        + (f" on {audit_key(audit)}" if audit else ""),
        after={
            **snapshot(finding, [*FINDING_FIELDS, "source", "status", "audit_id"]),
            "checklist_line_id": finding.checklist_line_id,
            "evidence": evidence_json(links),
        },
        occurred_on=raised_on,
    )
    await session.flush()
    return finding


async def update_finding(
    session: AsyncSession,
    ctx: OrgContext,
    finding: Finding,
    data: FindingUpdate,
    if_match: str | None,
) -> Finding:
    """Change a finding that is not closed; the grade only while it is open."""
    check_version(finding, if_match, FINDING_CHANGES)
    _ensure_may_write(ctx, finding)
    if finding.status == FindingStatus.closed:
        raise Conflict(f"{finding_key(finding)} is closed: it is read-only.")
    repo = FindingRepository(session, ctx.org_id)
    changes = requested(data, FINDING_CHANGES)
    grade_changes = "grade" in changes and changes["grade"] != finding.grade
    if grade_changes and finding.status != FindingStatus.open:
        raise Conflict("The grade changes only while the finding is open.")
    if grade_changes and FindingGrade.area_of_concern in (changes["grade"], finding.grade):
        raise Unprocessable(
            "An area of concern stays one (and only Stage 1 records them).", loc=["body", "grade"]
        )
    grade = FindingGrade(changes.get("grade", finding.grade))
    if "requirement_ref" in changes and changes["requirement_ref"] != finding.requirement_ref:
        finding.requirement_id = await _requirement_id(session, ctx, finding, changes)
    ref_after = changes.get("requirement_ref", finding.requirement_ref)
    if grade in NONCONFORMITY_GRADES and ref_after is None:
        raise Unprocessable(
            "A nonconformity names the requirement it is against.", loc=["body", "requirement_ref"]
        )
    _check_cb_fields(finding, changes, grade)
    evidence_before = (await repo.evidence([finding.id])).get(finding.id, [])
    evidence_after = (
        evidence_before
        if data.evidence is None
        else await _evidence(session, finding.org_id, data.evidence)
    )
    change = await update_object(
        session,
        ctx,
        finding,
        {k: v for k, v in changes.items() if k in FINDING_FIELDS},
        FINDING_CHANGES,
        if_match=if_match,
        extra_before={"evidence": evidence_json(evidence_before)},
        extra_after={"evidence": evidence_json(evidence_after)},
    )
    if change.touched("evidence"):
        await repo.replace_evidence(finding.id, evidence_after)
        await session.flush()
    return finding


async def _requirement_id(
    session: AsyncSession, ctx: OrgContext, finding: Finding, changes: dict[str, Any]
) -> uuid.UUID | None:
    """The requirement a changed ``requirement_ref`` names (422 when unknown)."""
    if finding.checklist_line_id is not None:
        raise Unprocessable(
            "A finding raised from a checklist line keeps the line's requirement.",
            loc=["body", "requirement_ref"],
        )
    ref = changes["requirement_ref"]
    if ref is None:
        return None
    audit = (
        await AuditRepository(session, ctx.org_id).get(finding.audit_id)
        if finding.audit_id
        else None
    )
    framework_id = await _framework_for(session, ctx.org_id, audit)
    requirement = await FindingRepository(session, ctx.org_id).requirement(framework_id, ref)
    if requirement is None:
        raise Unprocessable(f"No requirement {ref}.", loc=["body", "requirement_ref"])
    return requirement.id


def _check_cb_fields(finding: Finding, changes: dict[str, Any], grade: FindingGrade) -> None:
    """The certification body's acceptance and verification dates, on its findings only."""
    cb_fields = {"cb_plan_accepted_at", "cb_verified_at"} & {
        k for k, v in changes.items() if v is not None
    }
    if cb_fields and not is_cb_finding(finding):
        raise Unprocessable(
            "Only certification-body findings record the body's acceptance and verification.",
            loc=["body", sorted(cb_fields)[0]],
        )
    if changes.get("cb_verified_at") is not None and grade != FindingGrade.major_nc:
        raise Unprocessable(
            "The body's verification date is recorded for major nonconformities.",
            loc=["body", "cb_verified_at"],
        )


def _closure(finding: Finding, data: FindingTransition) -> FindingClosure | None:
    """The closing decision: corrective action for NCs, a correction only for the others."""
    if data.to != FindingStatus.closed:
        if data.decision is not None:
            raise Unprocessable(
                "A decision is recorded only when closing.", loc=["body", "decision"]
            )
        return None
    if data.decision is not None:
        return data.decision
    if FindingGrade(finding.grade) in NONCONFORMITY_GRADES:
        return FindingClosure.corrective_action
    return FindingClosure.correction_only


async def _finding_move(
    session: AsyncSession,
    ctx: OrgContext,
    finding: Finding,
    to: FindingStatus,
    note: str,
    decision: FindingClosure | None,
) -> FindingMove:
    """What the close guards of the finding's workflow look at."""
    open_measures = effective = 0
    if to == FindingStatus.closed and FindingGrade(finding.grade) in NONCONFORMITY_GRADES:
        # 10.1: a nonconformity closes once corrective action worked: no linked measure
        # open, and at least one closed as effective
        repo = FindingRepository(session, ctx.org_id)
        open_measures = (await repo.open_measure_counts([finding.id])).get(finding.id, 0)
        effective = (await repo.effective_measure_counts([finding.id])).get(finding.id, 0)
    return FindingMove(
        finding=finding,
        note=note,
        open_measures=open_measures,
        certification_body=is_cb_finding(finding),
        effective_measures=effective,
        decision=decision,
    )


async def _move(
    session: AsyncSession,
    ctx: OrgContext,
    finding: Finding,
    move: FindingMove,
    to: FindingStatus,
    because: dict[str, str] | None = None,
    day: date | None = None,
) -> FindingStatus:
    """The one way a finding changes state (a user's request or a measure's consequence);
    ``day``: the day it happened (validated by the caller), default today."""

    def close() -> None:
        if to == FindingStatus.closed:
            finding.closed_at = utcnow()
            finding.closed_on = day or today()
            finding.decision_note = move.note.strip()
            finding.closure_decision = move.decision

    extra: dict[str, Any] = {}
    if move.decision is not None:
        extra["decision"] = move.decision.value
    if because is not None:
        extra["because"] = because
    return await move_object(
        session,
        ctx,
        finding,
        workflow_for(FindingGrade(finding.grade)),
        move,
        to,
        FINDING_CHANGES,
        note=move.note,
        effects=close,
        extra_after=extra or None,
        occurred_on=day,
    )


async def transition_finding(
    session: AsyncSession, ctx: OrgContext, finding: Finding, data: FindingTransition
) -> Finding:
    """Move a finding through its grade's lifecycle (the close guards of 10.1)."""
    _ensure_may_write(ctx, finding)
    decision = _closure(finding, data)
    day = occurred_on(
        data.occurred_on,
        "occurred_on",
        not_before=[(finding.raised_on, f"{finding_key(finding)} was raised")],
    )
    move = await _finding_move(session, ctx, finding, data.to, data.note, decision)
    await _move(session, ctx, finding, move, data.to, day=day)
    return finding


async def follow_measure(
    session: AsyncSession,
    ctx: OrgContext,
    finding_ids: Sequence[uuid.UUID],
    measure: str,
    event: str,
    day: date | None = None,
) -> list[FindingConsequence]:
    """Move the nonconformities a measure's ``event`` settles, each with its own entry.

    ``planned``: an open NC has its action planned. ``closed`` (the measure closed with an
    effective review): an NC with no linked measure still open closes, as its workflow
    and guards allow (a certification-body major waits for the body's verification).
    Observations and OFIs have no measure-driven states and stay as they are. The caller
    (corrective_measures) calls this explicitly; it returns what moved. ``day`` is the day
    the measure's move happened (a finding is never moved before it was raised).
    """
    out: list[FindingConsequence] = []
    repo = FindingRepository(session, ctx.org_id)
    for finding in await repo.locked(finding_ids):
        grade = FindingGrade(finding.grade)
        if grade not in NONCONFORMITY_GRADES:
            continue
        current = FindingStatus(finding.status)
        if event == "planned" and current == FindingStatus.open:
            to, reason = FindingStatus.action_planned, f"{measure} planned"
            decision = None
        elif event == "closed" and current == FindingStatus.action_planned:
            to, reason = FindingStatus.closed, f"{measure} closed effective"
            decision = FindingClosure.corrective_action
        else:
            continue
        move = await _finding_move(session, ctx, finding, to, reason, decision)
        try:
            workflow_for(grade).check(move, current, to)
        except IllegalTransition:
            continue  # e.g. another measure still open: the finding waits for it
        on = max(day, finding.raised_on) if day else None
        because = {"measure": measure, "event": event}
        await _move(session, ctx, finding, move, to, because=because, day=on)
        out.append(
            FindingConsequence(
                finding_id=finding.id,
                key=finding_key(finding),
                from_status=current,
                to_status=to,
                reason=reason,
            )
        )
    return sorted(out, key=lambda c: int(c.key[2:]))
