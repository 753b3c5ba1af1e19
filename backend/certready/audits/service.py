"""Audit programmes, audits, checklists and their rules (ISO/IEC 20000-1 9.2).

Rules enforced here (iso20000.md 4.1): internal audits belong to an approved-or-not
programme; criteria and scope are defined per audit; auditors do not audit their own
work (independence); results are reported (summary + distribution) before closing.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from certready.activity.service import diff, record, snapshot
from certready.audits.enums import (
    CERTIFICATION_BODY_TYPES,
    FINAL_AUDIT_STATUSES,
    AuditStatus,
    AuditType,
    ChecklistResult,
)
from certready.audits.models import Audit, AuditChecklistLine, AuditProgramme
from certready.audits.repository import AuditProgrammeRepository, AuditRepository
from certready.audits.schemas import (
    AuditChecklistRead,
    AuditCoverageRead,
    AuditCreate,
    AuditDetailRead,
    AuditProgrammeCreate,
    AuditProgrammeRead,
    AuditProgrammeUpdate,
    AuditRead,
    AuditReportRead,
    AuditTeamEntry,
    AuditTransition,
    AuditUpdate,
    ChecklistCounts,
    ChecklistLineRead,
    ChecklistLineUpdate,
    ClauseResults,
    CoverageLine,
    LinkedEvidence,
    ReportFinding,
)
from certready.audits.workflow import AUDIT_WORKFLOW, AuditMove
from certready.context import Actor, OrgContext
from certready.core.clock import today, utcnow
from certready.core.http import check_if_match
from certready.core.pagination import PageParams, paginate
from certready.core.problems import Conflict, Forbidden, IllegalTransition, Unprocessable
from certready.db.base import columns
from certready.db.repository import next_number
from certready.evidence.service import ensure_evidence_in_org
from certready.orgs.enums import Role
from certready.requirements.catalogue.loader import DEFAULT_FRAMEWORK

# Roles that may lead or join an audit; certification-body audits also take external auditors.
INTERNAL_AUDITOR_ROLES = frozenset({Role.admin, Role.sms_manager, Role.auditor})

PROGRAMME_FIELDS = [
    "title",
    "period_label",
    "period_start",
    "period_end",
    "objectives",
    "method",
    "risk_basis",
]
# Substance of an approved programme: changing any of these withdraws the approval.
PROGRAMME_APPROVAL_FIELDS = frozenset(
    {"period_label", "period_start", "period_end", "objectives", "method"}
)
AUDIT_FIELDS = [
    "title",
    "programme_id",
    "scope",
    "criteria",
    "planned_start_date",
    "planned_end_date",
    "actual_start_date",
    "actual_end_date",
    "lead_auditor_id",
    "external_auditors",
    "report_summary",
    "distribution",
]


class AuditorNotIndependent(Conflict):
    slug, title = "auditor-not-independent", "Auditor not independent"


def audit_key(audit: Audit) -> str:
    return f"A-{audit.number}"


def is_certification_body(audit: Audit) -> bool:
    return AuditType(audit.type) in CERTIFICATION_BODY_TYPES


def ensure_may_conduct(ctx: OrgContext, audit: Audit) -> None:
    """External auditors conduct and raise findings on certification-body audits only."""
    if ctx.role == Role.external_auditor and not is_certification_body(audit):
        raise Forbidden("External auditors may work only on certification-body audits.")


def ensure_editable(audit: Audit) -> None:
    if audit.status in FINAL_AUDIT_STATUSES:
        raise Conflict(f"The audit is {audit.status}: it is read-only.")


# --- programmes -----------------------------------------------------------------------------


def programme_read(p: AuditProgramme) -> AuditProgrammeRead:
    return AuditProgrammeRead.model_validate({**columns(p), "approved": p.approved_at is not None})


async def create_programme(
    session: AsyncSession, org_id: uuid.UUID, data: AuditProgrammeCreate, actor: Actor
) -> AuditProgramme:
    programme = AuditProgramme(org_id=org_id, **data.model_dump())
    AuditProgrammeRepository(session, org_id).add(programme)
    await session.flush()
    record(
        session,
        org_id=org_id,
        actor=actor,
        action="audit_programme.create",
        object_type="audit_programme",
        object_id=programme.id,
        summary=f"Audit programme '{programme.title}' created",
        after=snapshot(programme, PROGRAMME_FIELDS),
    )
    return programme


async def list_programmes(
    session: AsyncSession, org_id: uuid.UUID, page: PageParams
) -> tuple[list[AuditProgramme], str | None, int]:
    stmt = AuditProgrammeRepository(session, org_id).base_statement()
    return await paginate(
        session,
        stmt,
        keys=[col(AuditProgramme.created_at), col(AuditProgramme.id)],
        params=page,
        descending=True,
    )


async def get_programme(
    session: AsyncSession, org_id: uuid.UUID, programme_id: uuid.UUID
) -> AuditProgramme:
    return await AuditProgrammeRepository(session, org_id).get_or_404(programme_id)


async def update_programme(
    session: AsyncSession,
    programme: AuditProgramme,
    data: AuditProgrammeUpdate,
    if_match: str | None,
    actor: Actor,
) -> AuditProgramme:
    check_if_match(if_match, programme.version)
    before = snapshot(programme, PROGRAMME_FIELDS)
    for key, value in data.model_dump(exclude_unset=True).items():
        if key == "title" and value is None:
            raise Unprocessable("The title cannot be empty.", loc=["body", "title"])
        empty = value is None and key not in {"period_start", "period_end"}
        setattr(programme, key, "" if empty else value)
    if (
        programme.period_start
        and programme.period_end
        and (programme.period_end < programme.period_start)
    ):
        raise Unprocessable("period_end must not be before period_start.", loc=["body"])
    changed_before, changed_after = diff(before, snapshot(programme, PROGRAMME_FIELDS))
    if changed_after:
        if programme.approved_at is not None and PROGRAMME_APPROVAL_FIELDS & set(changed_after):
            # An approval covers the text that was approved; a new method needs a new approval.
            changed_before["approved_at"] = programme.approved_at.isoformat()
            changed_after["approved_at"] = None
            programme.approved_at = None
            programme.approved_by_id = None
        programme.version += 1
        programme.updated_at = utcnow()
        record(
            session,
            org_id=programme.org_id,
            actor=actor,
            action="audit_programme.update",
            object_type="audit_programme",
            object_id=programme.id,
            summary=f"Audit programme '{programme.title}' changed: "
            + ", ".join(sorted(changed_after)),
            before=changed_before,
            after=changed_after,
        )
    await session.flush()
    return programme


async def approve_programme(
    session: AsyncSession, programme: AuditProgramme, actor: Actor
) -> AuditProgramme:
    if programme.approved_at is not None:
        raise Conflict("The programme is already approved.")
    if not programme.method.strip():
        raise Conflict("Describe the audit method before approving the programme.")
    programme.approved_at = utcnow()
    programme.approved_by_id = actor.id
    programme.version += 1
    programme.updated_at = programme.approved_at
    record(
        session,
        org_id=programme.org_id,
        actor=actor,
        action="audit_programme.approve",
        object_type="audit_programme",
        object_id=programme.id,
        summary=f"Audit programme '{programme.title}' approved",
        before={"approved_at": None},
        after={"approved_at": programme.approved_at, "approved_by_id": actor.id},
    )
    await session.flush()
    return programme


# --- scope and people -----------------------------------------------------------------------


def _prefixes(ref: str) -> list[str]:
    parts = ref.split(".")
    return [".".join(parts[: i + 1]) for i in range(len(parts))]


def expand_scope(scope: Sequence[str], leaves: Sequence[Any]) -> tuple[list[Any], list[str]]:
    """Leaves covered by refs / clause prefixes (``8`` covers ``8.x``, never ``80``), in
    catalogue order and without duplicates; plus the scope items that match nothing."""
    wanted = set(scope)
    matched: set[str] = set()
    rows = []
    for leaf in leaves:
        hits = wanted.intersection(_prefixes(leaf.ref))
        if hits:
            rows.append(leaf)
            matched |= hits
    unknown = [s for s in dict.fromkeys(scope) if s not in matched]
    return rows, unknown


async def _framework_leaves(
    repo: AuditRepository, framework_id: uuid.UUID, scope: Sequence[str]
) -> list[Any]:
    rows, unknown = expand_scope(scope, await repo.leaves(framework_id))
    if unknown:
        raise Unprocessable(
            "These scope entries match no requirement: " + ", ".join(unknown) + ".",
            loc=["body", "scope"],
            extra={"unknown": unknown},
        )
    return rows


async def _check_people(
    repo: AuditRepository,
    audit_type: AuditType,
    lead: uuid.UUID | None,
    team: Sequence[uuid.UUID],
) -> None:
    people = [u for u in [lead, *team] if u is not None]
    roles = await repo.member_roles(people)
    allowed = set(INTERNAL_AUDITOR_ROLES)
    if audit_type in CERTIFICATION_BODY_TYPES:
        allowed.add(Role.external_auditor)
    names = ", ".join(sorted(r.value for r in allowed))
    if lead is not None and roles.get(lead) not in allowed:
        raise Unprocessable(
            f"The lead auditor must be a member with one of these roles: {names}.",
            loc=["body", "lead_auditor_id"],
        )
    for i, user_id in enumerate(team):
        if roles.get(user_id) not in allowed:
            raise Unprocessable(
                f"Team members must be members with one of these roles: {names}.",
                loc=["body", "team_member_ids", i],
            )


async def _check_programme(
    session: AsyncSession, org_id: uuid.UUID, audit_type: AuditType, programme_id: uuid.UUID | None
) -> None:
    if programme_id is None:
        if audit_type == AuditType.internal:
            raise Unprocessable(
                "An internal audit belongs to an audit programme.", loc=["body", "programme_id"]
            )
        return
    if await AuditProgrammeRepository(session, org_id).get(programme_id) is None:
        raise Unprocessable("No such audit programme.", loc=["body", "programme_id"])


# --- reads ----------------------------------------------------------------------------------


def _audit_read(audit: Audit, team: list[uuid.UUID]) -> dict[str, Any]:
    return {
        **columns(audit),
        "key": audit_key(audit),
        "allowed_transitions": AUDIT_WORKFLOW.allowed(AuditStatus(audit.status)),
        "team_member_ids": team,
    }


async def audit_reads(session: AsyncSession, audits: Sequence[Audit]) -> list[AuditRead]:
    if not audits:
        return []
    teams = await AuditRepository(session, audits[0].org_id).team([a.id for a in audits])
    return [AuditRead.model_validate(_audit_read(a, teams.get(a.id, []))) for a in audits]


async def audit_detail(session: AsyncSession, audit: Audit) -> AuditDetailRead:
    repo = AuditRepository(session, audit.org_id)
    team = (await repo.team([audit.id])).get(audit.id, [])
    leaves, _ = expand_scope(audit.scope, await repo.leaves(audit.framework_id))
    auditors = {u for u in [audit.lead_auditor_id, *team] if u is not None}
    # Independence (9.2): a line needs someone on the team who does not own the requirement.
    blocked = [
        leaf.ref
        for leaf in leaves
        if auditors and leaf.owner_id is not None and not (auditors - {leaf.owner_id})
    ]
    counts = await repo.result_counts(audit.id)
    return AuditDetailRead.model_validate(
        {
            **_audit_read(audit, team),
            "requirement_refs": [leaf.ref for leaf in leaves],
            "lines_without_eligible_auditor": blocked,
            "checklist": ChecklistCounts(total=sum(counts.values()), **counts),
        }
    )


async def list_audits(
    session: AsyncSession,
    org_id: uuid.UUID,
    type_: AuditType | None,
    status: AuditStatus | None,
    programme_id: uuid.UUID | None,
    page: PageParams,
) -> tuple[list[AuditRead], str | None, int]:
    stmt = AuditRepository(session, org_id).filtered(type_, status, programme_id)
    rows, next_cursor, total = await paginate(
        session, stmt, keys=[col(Audit.number)], params=page, descending=True
    )
    return await audit_reads(session, rows), next_cursor, total


# --- writes ---------------------------------------------------------------------------------


async def create_audit(
    session: AsyncSession, org_id: uuid.UUID, data: AuditCreate, actor: Actor
) -> Audit:
    repo = AuditRepository(session, org_id)
    framework_id = await repo.framework_id(data.framework or DEFAULT_FRAMEWORK)
    if framework_id is None:
        raise Unprocessable("No such framework.", loc=["body", "framework"])
    await _check_programme(session, org_id, data.type, data.programme_id)
    await _framework_leaves(repo, framework_id, data.scope)
    team = list(dict.fromkeys(data.team_member_ids))
    await _check_people(repo, data.type, data.lead_auditor_id, team)
    fields = data.model_dump(exclude={"framework", "team_member_ids"})
    fields["scope"] = list(dict.fromkeys(data.scope))
    audit = Audit(
        org_id=org_id,
        number=await next_number(session, org_id, "audit"),
        framework_id=framework_id,
        **fields,
    )
    repo.add(audit)
    await session.flush()
    await repo.replace_team(audit.id, team)
    record(
        session,
        org_id=org_id,
        actor=actor,
        action="audit.create",
        object_type="audit",
        object_id=audit.id,
        summary=f"{audit_key(audit)} '{audit.title}' ({audit.type}) planned",
        after={**snapshot(audit, [*AUDIT_FIELDS, "type", "status"]), "team_member_ids": team},
    )
    await session.flush()
    return audit


async def update_audit(
    session: AsyncSession, audit: Audit, data: AuditUpdate, if_match: str | None, actor: Actor
) -> Audit:
    check_if_match(if_match, audit.version)
    ensure_editable(audit)
    repo = AuditRepository(session, audit.org_id)
    changes = data.model_dump(exclude_unset=True)
    if "title" in changes and changes["title"] is None:
        raise Unprocessable("The title cannot be empty.", loc=["body", "title"])
    if "scope" in changes:
        if changes["scope"] is None:
            raise Unprocessable("The scope cannot be empty.", loc=["body", "scope"])
        changes["scope"] = list(dict.fromkeys(changes["scope"]))
        if changes["scope"] != audit.scope:
            if audit.status != AuditStatus.planned:
                # The checklist was built from the scope when the audit started.
                raise Conflict("The scope can change only while the audit is planned.")
            await _framework_leaves(repo, audit.framework_id, changes["scope"])
    if "programme_id" in changes:
        await _check_programme(
            session, audit.org_id, AuditType(audit.type), changes["programme_id"]
        )
    old_team = (await repo.team([audit.id])).get(audit.id, [])
    new_team = old_team
    if "team_member_ids" in changes:
        new_team = list(dict.fromkeys(changes.pop("team_member_ids") or []))
    lead = changes.get("lead_auditor_id", audit.lead_auditor_id)
    if "lead_auditor_id" in changes or new_team != old_team:
        await _check_people(repo, AuditType(audit.type), lead, new_team)
    if lead is None and audit.status != AuditStatus.planned:
        raise Unprocessable(
            "A started audit keeps a lead auditor.", loc=["body", "lead_auditor_id"]
        )
    for key in ("criteria", "report_summary"):
        if key in changes and changes[key] is None:
            changes[key] = ""
    for key in ("external_auditors", "distribution"):
        if key in changes and changes[key] is None:
            changes[key] = []
    before = {**snapshot(audit, AUDIT_FIELDS), "team_member_ids": [str(u) for u in old_team]}
    for key, value in changes.items():
        setattr(audit, key, value)
    if (
        audit.planned_start_date
        and audit.planned_end_date
        and (audit.planned_end_date < audit.planned_start_date)
    ):
        raise Unprocessable("planned_end_date is before planned_start_date.", loc=["body"])
    if (
        audit.actual_start_date
        and audit.actual_end_date
        and (audit.actual_end_date < audit.actual_start_date)
    ):
        raise Unprocessable("actual_end_date is before actual_start_date.", loc=["body"])
    after = {**snapshot(audit, AUDIT_FIELDS), "team_member_ids": [str(u) for u in new_team]}
    changed_before, changed_after = diff(before, after)
    if changed_after:
        if new_team != old_team:
            await repo.replace_team(audit.id, new_team)
        audit.version += 1
        audit.updated_at = utcnow()
        record(
            session,
            org_id=audit.org_id,
            actor=actor,
            action="audit.update",
            object_type="audit",
            object_id=audit.id,
            summary=f"{audit_key(audit)} changed: " + ", ".join(sorted(changed_after)),
            before=changed_before,
            after=changed_after,
        )
    await session.flush()
    return audit


async def transition_audit(
    session: AsyncSession, audit: Audit, data: AuditTransition, actor: Actor
) -> Audit:
    repo = AuditRepository(session, audit.org_id)
    current = AuditStatus(audit.status)
    move = AuditMove(audit)
    if current == AuditStatus.reporting and data.to == AuditStatus.closed:
        move.unassessed_refs = await repo.unassessed_refs(audit.id)
        move.unlinked_nonconforming_refs = await repo.unlinked_nonconforming_refs(audit.id)
    try:
        AUDIT_WORKFLOW.check(move, current, data.to)
    except IllegalTransition as exc:
        if move.unassessed_refs:
            exc.extra["unassessed_refs"] = move.unassessed_refs
        if move.unlinked_nonconforming_refs:
            exc.extra["unlinked_nonconforming_refs"] = move.unlinked_nonconforming_refs
        raise
    now = utcnow()
    if data.to == AuditStatus.in_progress:
        await _create_checklist(repo, audit)
        audit.actual_start_date = audit.actual_start_date or today()
    elif data.to in (AuditStatus.reporting, AuditStatus.closed):
        audit.actual_end_date = audit.actual_end_date or today()
    if data.to == AuditStatus.closed:
        audit.closed_at = now
    audit.status = data.to
    audit.version += 1
    audit.updated_at = now
    record(
        session,
        org_id=audit.org_id,
        actor=actor,
        action="audit.transition",
        object_type="audit",
        object_id=audit.id,
        summary=f"{audit_key(audit)}: {current.value} -> {data.to.value}",
        before={"status": current.value},
        after={"status": data.to.value, "note": data.note},
    )
    await session.flush()
    return audit


async def _create_checklist(repo: AuditRepository, audit: Audit) -> None:
    """One line per leaf requirement in scope, inserted in one statement."""
    leaves = await _framework_leaves(repo, audit.framework_id, audit.scope)
    await repo.insert_lines(
        [
            {
                "id": uuid.uuid4(),
                "org_id": audit.org_id,
                "audit_id": audit.id,
                "requirement_id": leaf.id,
                "ref": leaf.ref,
                "sort_key": leaf.sort_key,
                "result": ChecklistResult.not_assessed.value,
                "notes": "",
                "version": 1,
            }
            for leaf in leaves
        ]
    )


# --- checklist ------------------------------------------------------------------------------


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
        evidence=[
            LinkedEvidence(evidence_item_id=i, version_number=n)
            for i, n in evidence.get(line.id, [])
        ],
        finding_ids=findings.get(line.id, []),
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


async def assess_line(
    session: AsyncSession,
    ctx: OrgContext,
    audit: Audit,
    ref: str,
    data: ChecklistLineUpdate,
    if_match: str | None,
) -> ChecklistLineRead:
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
    owner_id: uuid.UUID | None = row.owner_id
    if if_match:
        check_if_match(if_match, line.version)
    team = (await repo.team([audit.id])).get(audit.id, [])
    auditors = {u for u in [audit.lead_auditor_id, *team] if u is not None}
    caller = ctx.user_id
    if caller not in auditors:
        raise Forbidden("Only the audit's lead auditor and team members assess its checklist.")
    changes = data.model_dump(exclude_unset=True)
    if changes.get("auditor_id") is not None and changes["auditor_id"] not in auditors:
        raise Unprocessable(
            "The line's auditor must be the lead auditor or a team member.",
            loc=["body", "auditor_id"],
        )
    assigned = changes.get("auditor_id", line.auditor_id)
    # ISO/IEC 20000-1 9.2: auditors are objective and impartial; nobody audits their own work.
    if owner_id is not None and assigned == owner_id:
        raise AuditorNotIndependent(
            f"The line's auditor owns requirement {ref} and cannot audit it.",
            extra={"ref": ref, "owner_id": str(owner_id)},
        )
    assessing = bool({"result", "notes", "evidence"} & set(changes))
    if assessing and owner_id is not None and caller == owner_id:
        raise AuditorNotIndependent(
            f"You own requirement {ref}: another team member must assess it.",
            extra={"ref": ref, "owner_id": str(owner_id)},
        )
    evidence_before = (await repo.evidence(audit.id, line.id)).get(line.id, [])
    fields = ["result", "notes", "auditor_id"]
    before = {**snapshot(line, fields), "evidence": _evidence_json(evidence_before)}
    if changes.get("result") is not None:
        line.result = changes["result"]
    if "notes" in changes:
        line.notes = changes["notes"] or ""
    if "auditor_id" in changes:
        line.auditor_id = changes["auditor_id"]
    evidence_after = evidence_before
    if data.evidence is not None:
        evidence_after = list({e.evidence_item_id: e.version_number for e in data.evidence}.items())
        await ensure_evidence_in_org(
            session, audit.org_id, [i for i, _ in evidence_after], ["body", "evidence"]
        )
    after = {**snapshot(line, fields), "evidence": _evidence_json(evidence_after)}
    changed_before, changed_after = diff(before, after)
    if changed_after:
        if "evidence" in changed_after:
            await repo.replace_evidence(line.id, evidence_after)
        if assessing:
            if line.result == ChecklistResult.not_assessed:
                line.assessed_at = None
                line.assessed_by_id = None
            else:
                line.assessed_at = utcnow()
                line.assessed_by_id = caller
            line.auditor_id = line.auditor_id or caller
        line.version += 1
        record(
            session,
            org_id=audit.org_id,
            actor=ctx.actor,
            action="audit.checklist.assess",
            object_type="audit_checklist_line",
            object_id=line.id,
            summary=f"{audit_key(audit)} {ref}: " + ", ".join(sorted(changed_after)),
            before={"audit_id": str(audit.id), "ref": ref, **changed_before},
            after={"audit_id": str(audit.id), "ref": ref, **changed_after},
        )
        await session.flush()
    findings = await repo.line_findings(audit.id, line.id)
    return _line_read(row, {line.id: evidence_after}, findings)


def _evidence_json(links: Sequence[tuple[uuid.UUID, int | None]]) -> list[dict[str, Any]]:
    return [{"evidence_item_id": str(i), "version_number": n} for i, n in sorted(links)]


# --- report and coverage --------------------------------------------------------------------


async def audit_report(session: AsyncSession, audit: Audit) -> AuditReportRead:
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
    findings = [
        ReportFinding(
            id=f.id,
            key=f"F-{f.number}",
            grade=str(f.grade),
            status=str(f.status),
            requirement_ref=f.requirement_ref,
            statement=f.statement,
        )
        for f in await repo.findings(audit.id)
    ]
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
    )


def months_before(moment: datetime, months: int) -> datetime:
    """The same day-of-month ``months`` earlier (clamped to the month's last day)."""
    year, month = divmod(moment.year * 12 + moment.month - 1 - months, 12)
    month += 1
    day = moment.day
    while day > 28:
        try:
            return moment.replace(year=year, month=month, day=day)
        except ValueError:
            day -= 1
    return moment.replace(year=year, month=month, day=day)


async def audit_coverage(
    session: AsyncSession, org_id: uuid.UUID, months: int, framework: str
) -> AuditCoverageRead:
    """Which leaf requirements an internal audit assessed within the window (one statement
    after the framework lookup). A line counts when its audit is internal and reporting or
    closed, its result is not ``not_assessed``, and it was assessed (``assessed_at``) within
    the last ``months`` months."""
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
        )
        for r in await repo.coverage(framework_id, since)
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
