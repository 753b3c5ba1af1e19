"""Audits: planning, scope, team and lifecycle (ISO/IEC 20000-1 9.2).

Rules enforced here (iso20000.md 4.1): internal audits belong to an approved-or-not
programme; criteria and scope are defined per audit; auditors do not audit their own
work (independence); results are reported (summary + distribution) before closing.
Programmes live in ``audits.programmes``, the checklist in ``audits.checklist``, the
report and coverage in ``audits.report``; the shared rules in ``audits.rules``.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from certready.activity.service import record, snapshot
from certready.audits.checklist import assess_line, get_checklist
from certready.audits.enums import CERTIFICATION_BODY_TYPES, AuditStatus, AuditType, ChecklistResult
from certready.audits.models import Audit
from certready.audits.programmes import (
    approve_programme,
    create_programme,
    get_programme,
    update_programme,
)
from certready.audits.repository import AuditProgrammeRepository, AuditRepository
from certready.audits.rules import INTERNAL_AUDITOR_ROLES, audit_key, ensure_editable, expand_scope
from certready.audits.schemas import (
    AuditCreate,
    AuditDetailRead,
    AuditRead,
    AuditTransition,
    AuditUpdate,
    ChecklistCounts,
)
from certready.audits.workflow import AUDIT_WORKFLOW, AuditMove
from certready.context import Actor, OrgContext
from certready.core.changes import ChangeSpec, check_version, move_object, requested, update_object
from certready.core.clock import utcnow
from certready.core.occurred import not_in_future, occurred_on
from certready.core.pagination import PageParams, paginate
from certready.core.problems import Conflict, IllegalTransition, Unprocessable
from certready.db.base import columns
from certready.db.repository import next_number
from certready.orgs.enums import Role
from certready.requirements.catalogue.loader import DEFAULT_FRAMEWORK

# Re-exported: other packages (management reviews, the demo) import these from here.
__all__ = [
    "approve_programme",
    "assess_line",
    "audit_key",
    "create_programme",
    "get_checklist",
    "get_programme",
    "update_programme",
]

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
AUDIT_CHANGES = ChangeSpec(
    object_type="audit",
    fields=AUDIT_FIELDS,
    label=audit_key,
    required=frozenset({"title", "scope"}),
    blank={"criteria": "", "report_summary": "", "external_auditors": [], "distribution": []},
)


# --- scope and people -----------------------------------------------------------------------


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
    """Read models of these audits, their teams loaded in one query."""
    if not audits:
        return []
    teams = await AuditRepository(session, audits[0].org_id).team([a.id for a in audits])
    return [AuditRead.model_validate(_audit_read(a, teams.get(a.id, []))) for a in audits]


async def audit_detail(session: AsyncSession, audit: Audit) -> AuditDetailRead:
    """An audit with its expanded scope, checklist counts and independence gaps."""
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
    """One page of audits, newest first, filtered by type, status or programme."""
    stmt = AuditRepository(session, org_id).filtered(type_, status, programme_id)
    rows, next_cursor, total = await paginate(
        session, stmt, keys=[col(Audit.number)], params=page, descending=True
    )
    return await audit_reads(session, rows), next_cursor, total


# --- writes ---------------------------------------------------------------------------------


async def create_audit(
    session: AsyncSession, org_id: uuid.UUID, data: AuditCreate, actor: Actor
) -> Audit:
    """Plan an audit (scope, programme and team checked) and log it."""
    repo = AuditRepository(session, org_id)
    framework_id = await repo.framework_id(data.framework or DEFAULT_FRAMEWORK)
    if framework_id is None:
        raise Unprocessable("No such framework.", loc=["body", "framework"])
    await _check_programme(session, org_id, data.type, data.programme_id)
    not_in_future(data.actual_start_date, "actual_start_date")
    not_in_future(data.actual_end_date, "actual_end_date")
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
    session: AsyncSession,
    ctx: OrgContext,
    audit: Audit,
    data: AuditUpdate,
    if_match: str | None,
) -> Audit:
    """Change an audit that is not closed or cancelled; the scope only while it is planned."""
    check_version(audit, if_match, AUDIT_CHANGES)
    ensure_editable(audit)
    repo = AuditRepository(session, audit.org_id)
    changes = requested(data, AUDIT_CHANGES)
    if "scope" in changes:
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
    _check_dates(audit, changes)
    change = await update_object(
        session,
        ctx,
        audit,
        changes,
        AUDIT_CHANGES,
        if_match=if_match,
        extra_before={"team_member_ids": old_team},
        extra_after={"team_member_ids": new_team},
    )
    if change.touched("team_member_ids"):
        await repo.replace_team(audit.id, new_team)
        await session.flush()
    return audit


def _check_dates(audit: Audit, changes: dict[str, Any]) -> None:
    """End dates are not before start dates (planned and actual), after the change; what
    actually happened did not happen in the future."""
    for name in ("actual_start_date", "actual_end_date"):
        if name in changes:
            not_in_future(changes[name], name)
    for kind in ("planned", "actual"):
        start = changes.get(f"{kind}_start_date", getattr(audit, f"{kind}_start_date"))
        end = changes.get(f"{kind}_end_date", getattr(audit, f"{kind}_end_date"))
        if start and end and end < start:
            raise Unprocessable(f"{kind}_end_date is before {kind}_start_date.", loc=["body"])


async def transition_audit(
    session: AsyncSession, ctx: OrgContext, audit: Audit, data: AuditTransition
) -> Audit:
    """Move an audit through its lifecycle; starting it builds the checklist."""
    repo = AuditRepository(session, audit.org_id)
    current = AuditStatus(audit.status)
    move = AuditMove(audit)
    if current == AuditStatus.reporting and data.to == AuditStatus.closed:
        move.unassessed_refs = await repo.unassessed_refs(audit.id)
        move.unlinked_nonconforming_refs = await repo.unlinked_nonconforming_refs(audit.id)

    day = _transition_day(audit, data)

    def dates() -> None:
        if data.to == AuditStatus.in_progress:
            audit.actual_start_date = day
        elif data.to == AuditStatus.reporting:
            audit.actual_end_date = day
        elif data.to == AuditStatus.closed:
            audit.actual_end_date = audit.actual_end_date or day
            audit.closed_at = utcnow()
            audit.closed_on = day

    try:
        await move_object(
            session,
            ctx,
            audit,
            AUDIT_WORKFLOW,
            move,
            data.to,
            AUDIT_CHANGES,
            note=data.note,
            effects=dates,
            occurred_on=day,
        )
    except IllegalTransition as exc:
        if move.unassessed_refs:
            exc.extra["unassessed_refs"] = move.unassessed_refs
        if move.unlinked_nonconforming_refs:
            exc.extra["unlinked_nonconforming_refs"] = move.unlinked_nonconforming_refs
        raise
    if data.to == AuditStatus.in_progress:
        await _create_checklist(repo, audit)
    return audit


def _transition_day(audit: Audit, data: AuditTransition) -> date:
    """The day the move happened (``occurred_on``, else the date already recorded, else
    today), checked against the audit's earlier dates (422 before anything changes)."""
    start = (audit.actual_start_date, "the audit's actual start")
    if data.to == AuditStatus.in_progress:
        return occurred_on(data.occurred_on, "occurred_on", default=audit.actual_start_date)
    if data.to == AuditStatus.reporting:
        return occurred_on(
            data.occurred_on, "occurred_on", default=audit.actual_end_date, not_before=[start]
        )
    end = (audit.actual_end_date, "the end of the audit work (actual_end_date)")
    return occurred_on(data.occurred_on, "occurred_on", not_before=[start, end])


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
