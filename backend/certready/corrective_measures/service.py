"""Corrective measures: react, analyse, act, check effectiveness (ISO/IEC 20000-1 10.1)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from certready.activity.service import record, snapshot
from certready.context import OrgContext
from certready.core.changes import (
    ANY_VERSION,
    ChangeSpec,
    add_part,
    check_version,
    move_object,
    requested,
    update_object,
    update_part,
)
from certready.core.clock import today, utcnow
from certready.core.occurred import occurred_on
from certready.core.pagination import PageParams, paginate
from certready.core.problems import Conflict, NotFound, Unprocessable
from certready.corrective_measures.enums import (
    ACTIONS_EDITABLE,
    FINAL_MEASURE_STATUSES,
    NOT_OVERDUE_STATUSES,
    EffectivenessResult,
    MeasureStatus,
)
from certready.corrective_measures.models import CorrectiveAction, CorrectiveMeasure
from certready.corrective_measures.repository import CorrectiveMeasureRepository
from certready.corrective_measures.schemas import (
    CorrectiveActionCreate,
    CorrectiveActionRead,
    CorrectiveActionUpdate,
    CorrectiveMeasureCreate,
    CorrectiveMeasureFilters,
    CorrectiveMeasureRead,
    CorrectiveMeasureTransition,
    CorrectiveMeasureUpdate,
    EffectivenessReviewCreate,
    EffectivenessReviewRead,
)
from certready.corrective_measures.workflow import MEASURE_WORKFLOW, MeasureMove
from certready.db.base import columns
from certready.db.repository import next_number
from certready.evidence.service import ensure_evidence_in_org
from certready.findings import service as findings_service
from certready.findings.enums import FindingStatus
from certready.findings.schemas import FindingConsequence
from certready.orgs.permissions import Action

OBJECT_TYPE = "corrective_measure"
MEASURE_FIELDS = [
    "title",
    "description",
    "owner_id",
    "due_date",
    "correction",
    "correction_date",
    "correction_by_id",
    "root_cause_method",
    "root_cause",
    "extent",
]
ACTION_FIELDS = ["description", "owner_id", "due_date", "done", "evidence_id"]
REVIEW_FIELDS = [
    "review_by_id",
    "review_method",
    "review_result",
    "review_date",
    "review_evidence_id",
    "review_note",
]


def measure_key(measure: CorrectiveMeasure) -> str:
    return f"CM-{measure.number}"


MEASURE_CHANGES = ChangeSpec(
    object_type=OBJECT_TYPE,
    fields=MEASURE_FIELDS,
    label=measure_key,
    required=frozenset({"title"}),
    blank={"description": "", "correction": "", "root_cause": "", "extent": ""},
)
ACTION_CHANGES = ChangeSpec(
    object_type="corrective_measure.action",
    fields=ACTION_FIELDS,
    label=lambda action: "action",
    required=frozenset({"description", "done"}),
)
# The effectiveness review is recorded as a change of the measure (step 4 of 10.1).
REVIEW_CHANGES = ChangeSpec(
    object_type=OBJECT_TYPE,
    fields=[*REVIEW_FIELDS, "review_recorded_at"],
    label=measure_key,
)
# The ownership rule (orgs.permissions.OWN_ONLY): process owners write only their measures.
OWNED = Action.measures_write
WHAT = "corrective measures"  # the ownership rule's 403 names them
KEPT = "corrective measures (and cannot hand them to someone else) that"


def is_overdue(measure: CorrectiveMeasure) -> bool:
    return (
        measure.due_date is not None
        and measure.due_date < today()
        and measure.status not in NOT_OVERDUE_STATUSES
    )


async def _validate_findings(
    session: AsyncSession, org_id: uuid.UUID, ids: Sequence[uuid.UUID], loc: list[str | int]
) -> list[uuid.UUID]:
    wanted = list(dict.fromkeys(ids))
    found = {f.id: f for f in await CorrectiveMeasureRepository(session, org_id).findings(wanted)}
    for i, fid in enumerate(wanted):
        finding = found.get(fid)
        # another organisation's finding reads exactly like a missing one
        if finding is None:
            raise Unprocessable("No such finding.", loc=[*loc, i])
        if finding.status == FindingStatus.closed:
            raise Unprocessable(
                f"{findings_service.finding_key(finding)} is closed.", loc=[*loc, i]
            )
    return wanted


async def _validate_members(
    repo: CorrectiveMeasureRepository, people: dict[str, uuid.UUID | None]
) -> None:
    ids = [u for u in people.values() if u is not None]
    members = await repo.members(ids)
    for field, user_id in people.items():
        if user_id is not None and user_id not in members:
            raise Unprocessable("Not a member of this organisation.", loc=["body", field])


# Findings move on with their measures; the findings service decides how (explicit call).
MOVES_FINDINGS = frozenset(
    {MeasureStatus.planned, MeasureStatus.implemented, MeasureStatus.effectiveness_review}
)


async def _follow(
    session: AsyncSession,
    ctx: OrgContext,
    measure: CorrectiveMeasure,
    event: str,
    finding_ids: Sequence[uuid.UUID] | None = None,
    day: date | None = None,
) -> list[FindingConsequence]:
    """Move the measure's findings on (planned: action planned; closed: closed), logged."""
    if finding_ids is None:
        repo = CorrectiveMeasureRepository(session, ctx.org_id)
        finding_ids = (await repo.finding_ids([measure.id])).get(measure.id, [])
    moved = await findings_service.follow_measure(
        session, ctx, finding_ids, measure_key(measure), event, day
    )
    await session.flush()
    return moved


# --- reads ----------------------------------------------------------------------------------
def _action_read(action: CorrectiveAction) -> CorrectiveActionRead:
    return CorrectiveActionRead.model_validate(columns(action))


def _review_read(m: CorrectiveMeasure) -> EffectivenessReviewRead | None:
    if m.review_result is None:
        return None
    return EffectivenessReviewRead(
        reviewer_id=m.review_by_id,
        method=m.review_method,
        result=EffectivenessResult(m.review_result),
        review_date=m.review_date,
        evidence_id=m.review_evidence_id,
        note=m.review_note,
        recorded_at=m.review_recorded_at,
    )


async def measure_reads(
    session: AsyncSession,
    measures: Sequence[CorrectiveMeasure],
    consequences: Sequence[FindingConsequence] = (),
) -> list[CorrectiveMeasureRead]:
    """The reads of ``measures`` (one organisation) in a constant number of statements."""
    if not measures:
        return []
    repo = CorrectiveMeasureRepository(session, measures[0].org_id)
    ids = [m.id for m in measures]
    findings = await repo.finding_ids(ids)
    actions = await repo.actions(ids)
    changes = await repo.sms_changes(ids)
    return [
        CorrectiveMeasureRead.model_validate(
            {
                **columns(m),
                "key": measure_key(m),
                "allowed_transitions": MEASURE_WORKFLOW.allowed(MeasureStatus(m.status)),
                "finding_ids": findings.get(m.id, []),
                "overdue": is_overdue(m),
                "actions": [_action_read(a) for a in actions.get(m.id, [])],
                "actions_editable": actions_editable(m),
                "sms_change_evidence_ids": changes.get(m.id, []),
                "effectiveness_review": _review_read(m),
                "consequences": list(consequences),
            }
        )
        for m in measures
    ]


async def measure_read(
    session: AsyncSession,
    measure: CorrectiveMeasure,
    consequences: Sequence[FindingConsequence] = (),
) -> CorrectiveMeasureRead:
    """The read of one measure, with what the request moved elsewhere (``consequences``)."""
    return (await measure_reads(session, [measure], consequences))[0]


async def list_measures(
    session: AsyncSession, org_id: uuid.UUID, filters: CorrectiveMeasureFilters, page: PageParams
) -> tuple[list[CorrectiveMeasureRead], str | None, int]:
    """One page of measures, newest first."""
    stmt = CorrectiveMeasureRepository(session, org_id).filtered(filters, today())
    rows, next_cursor, total = await paginate(
        session, stmt, keys=[col(CorrectiveMeasure.number)], params=page, descending=True
    )
    return await measure_reads(session, rows), next_cursor, total


# --- writes ---------------------------------------------------------------------------------
def _ensure_open(measure: CorrectiveMeasure) -> None:
    if measure.status in FINAL_MEASURE_STATUSES:
        raise Conflict(f"{measure_key(measure)} is {measure.status}: it is read-only.")


def _ensure_owns(ctx: OrgContext, *owners: uuid.UUID | None) -> None:
    """The ownership rule: process owners change the measures they own (and their actions)."""
    ctx.ensure_owns(OWNED, owners, WHAT)


async def create_measure(
    session: AsyncSession, ctx: OrgContext, data: CorrectiveMeasureCreate
) -> CorrectiveMeasure:
    """Open a measure (CM-<n>) on open findings of the organisation, or standing alone."""
    repo = CorrectiveMeasureRepository(session, ctx.org_id)
    finding_ids = await _validate_findings(
        session, ctx.org_id, data.finding_ids, ["body", "finding_ids"]
    )
    owner_id = ctx.default_owner(OWNED, data.owner_id)
    await _validate_members(repo, {"owner_id": owner_id})
    ctx.ensure_owns(OWNED, [owner_id], KEPT)
    measure = CorrectiveMeasure(
        org_id=ctx.org_id,
        number=await next_number(session, ctx.org_id, "corrective_measure"),
        title=data.title,
        description=data.description,
        owner_id=owner_id,
        due_date=data.due_date,
    )
    repo.add(measure)
    await session.flush()
    await repo.replace_findings(measure.id, finding_ids)
    record(
        session,
        org_id=ctx.org_id,
        actor=ctx.actor,
        action="corrective_measure.create",
        object_type=OBJECT_TYPE,
        object_id=measure.id,
        summary=f"{measure_key(measure)} opened: {measure.title}",
        after={
            **snapshot(measure, ["title", "description", "owner_id", "due_date", "status"]),
            "finding_ids": sorted(str(f) for f in finding_ids),
        },
    )
    await session.flush()
    return measure


def _links_json(findings: Sequence[uuid.UUID], sms: Sequence[uuid.UUID]) -> dict[str, Any]:
    return {
        "finding_ids": sorted(str(f) for f in findings),
        "sms_change_evidence_ids": sorted(str(e) for e in sms),
    }


async def update_measure(
    session: AsyncSession,
    ctx: OrgContext,
    measure: CorrectiveMeasure,
    data: CorrectiveMeasureUpdate,
    if_match: str | None,
) -> tuple[CorrectiveMeasure, list[FindingConsequence]]:
    """Change a measure that is neither closed nor cancelled, with its links.

    Linking findings to a measure already planned (or further) plans their action: the
    moved findings are returned.
    """
    check_version(measure, if_match, MEASURE_CHANGES)
    _ensure_owns(ctx, measure.owner_id)
    _ensure_open(measure)
    repo = CorrectiveMeasureRepository(session, ctx.org_id)
    changes = requested(data, MEASURE_CHANGES)
    await _validate_members(
        repo, {k: changes[k] for k in ("owner_id", "correction_by_id") if k in changes}
    )
    if "owner_id" in changes:
        ctx.ensure_owns(OWNED, [changes["owner_id"]], KEPT)
    old_findings = (await repo.finding_ids([measure.id])).get(measure.id, [])
    new_findings = old_findings
    if changes.get("finding_ids") is not None:
        # findings already linked stay linked even once closed; new ones must be open
        await _validate_findings(
            session,
            ctx.org_id,
            [f for f in changes["finding_ids"] if f not in old_findings],
            ["body", "finding_ids"],
        )
        new_findings = list(dict.fromkeys(changes["finding_ids"]))
    old_changes = (await repo.sms_changes([measure.id])).get(measure.id, [])
    new_changes = old_changes
    if changes.get("sms_change_evidence_ids") is not None:
        new_changes = sorted(set(changes["sms_change_evidence_ids"]))
        await ensure_evidence_in_org(
            session, ctx.org_id, new_changes, ["body", "sms_change_evidence_ids"]
        )
    change = await update_object(
        session,
        ctx,
        measure,
        {k: v for k, v in changes.items() if k in MEASURE_FIELDS},
        MEASURE_CHANGES,
        if_match=if_match,
        extra_before=_links_json(old_findings, old_changes),
        extra_after=_links_json(new_findings, new_changes),
    )
    moved: list[FindingConsequence] = []
    if change.touched("finding_ids"):
        await repo.replace_findings(measure.id, new_findings)
        added = [f for f in new_findings if f not in old_findings]
        if added and measure.status in MOVES_FINDINGS:
            moved = await _follow(session, ctx, measure, "planned", added)
    if change.touched("sms_change_evidence_ids"):
        await repo.replace_sms_changes(measure.id, new_changes)
    await session.flush()
    return measure, moved


async def _move(
    session: AsyncSession,
    ctx: OrgContext,
    measure: CorrectiveMeasure,
    to: MeasureStatus,
    note: str,
    day: date | None = None,
) -> list[FindingConsequence]:
    """The one way a measure changes state: workflow check, side effects, activity entry
    (``day``: the day it happened, already validated; default today).

    Planning a measure plans its findings' action; closing it (effective) closes the
    findings it settles. Returns the findings that moved.
    """
    repo = CorrectiveMeasureRepository(session, ctx.org_id)
    current = MeasureStatus(measure.status)
    actions = (await repo.actions([measure.id])).get(measure.id, [])
    reopens = current == MeasureStatus.effectiveness_review and to == MeasureStatus.analysed

    def effects() -> None:
        if to == MeasureStatus.cancelled:
            measure.cancel_reason = note.strip()
        elif to == MeasureStatus.closed:
            measure.closed_at = utcnow()
            measure.closed_on = day or today()
        elif reopens:
            measure.reopen_count += 1
        elif to == MeasureStatus.effectiveness_review:
            # A fresh review for each round; the previous one stays in the activity log.
            for key in REVIEW_FIELDS:
                setattr(measure, key, "" if key in ("review_method", "review_note") else None)
            measure.review_recorded_at = None

    await move_object(
        session,
        ctx,
        measure,
        MEASURE_WORKFLOW,
        MeasureMove(measure=measure, actions=actions, note=note),
        to,
        MEASURE_CHANGES,
        note=note,
        effects=effects,
        extra_after={"reopen_count": measure.reopen_count + 1} if reopens else None,
        occurred_on=day,
    )
    if to == MeasureStatus.planned:
        return await _follow(session, ctx, measure, "planned", day=day)
    if to == MeasureStatus.closed:
        return await _follow(session, ctx, measure, "closed", day=measure.closed_on)
    return []


async def transition_measure(
    session: AsyncSession,
    ctx: OrgContext,
    measure: CorrectiveMeasure,
    data: CorrectiveMeasureTransition,
) -> tuple[CorrectiveMeasure, list[FindingConsequence]]:
    """Move a measure through 10.1 (process owners: only the measures they own).

    Returns the measure and the findings its move moved on.
    """
    _ensure_owns(ctx, measure.owner_id)
    reviewed = (measure.review_date, "the effectiveness review")
    bounds = [reviewed] if data.to == MeasureStatus.closed else []
    day = occurred_on(data.occurred_on, "occurred_on", not_before=bounds)
    moved = await _move(session, ctx, measure, data.to, data.note, day)
    return measure, moved


async def add_action(
    session: AsyncSession,
    ctx: OrgContext,
    measure: CorrectiveMeasure,
    data: CorrectiveActionCreate,
) -> CorrectiveMeasure:
    """Plan an action of the measure (the caller's own when a process owner names nobody)."""
    _ensure_owns(ctx, measure.owner_id)
    repo = CorrectiveMeasureRepository(session, ctx.org_id)
    _ensure_actions_editable(measure)
    # the measure's owner assigns its actions to whoever carries them out
    owner_id = ctx.default_owner(OWNED, data.owner_id)
    await _validate_members(repo, {"owner_id": owner_id})
    action = CorrectiveAction(
        org_id=ctx.org_id,
        measure_id=measure.id,
        description=data.description,
        owner_id=owner_id,
        due_date=data.due_date,
    )
    repo.add_action(action)
    await add_part(
        session,
        ctx,
        measure,
        action,
        ACTION_CHANGES,
        parent_spec=MEASURE_CHANGES,
        summary=f"{measure_key(measure)}: action planned",
        id_key="action_id",
        action="corrective_measure.action_add",
    )
    return measure


def actions_editable(measure: CorrectiveMeasure) -> bool:
    """Actions are planned and ticked off up to 'planned'; implementing the measure freezes them.

    A state of the measure, the same for every caller; who may edit which action is the
    ownership rule (``update_action``), which the SPA learns from the caller's permissions.
    """
    return measure.status in ACTIONS_EDITABLE


def _ensure_actions_editable(measure: CorrectiveMeasure) -> None:
    if not actions_editable(measure):
        raise Conflict(
            f"{measure_key(measure)} is {measure.status}: its actions change up to 'planned'."
        )


async def update_action(
    session: AsyncSession,
    ctx: OrgContext,
    measure: CorrectiveMeasure,
    action_id: uuid.UUID,
    data: CorrectiveActionUpdate,
) -> CorrectiveMeasure:
    """Change an action or tick it off (process owners: their measure's, or assigned to them)."""
    repo = CorrectiveMeasureRepository(session, ctx.org_id)
    action = await repo.action(measure.id, action_id)
    if action is None:
        raise NotFound()
    _ensure_owns(ctx, measure.owner_id, action.owner_id)
    _ensure_actions_editable(measure)
    changes = requested(data, ACTION_CHANGES)
    await _validate_members(repo, {k: changes[k] for k in ("owner_id",) if k in changes})
    if "owner_id" in changes:
        # an assignee keeps the action; the measure's owner reassigns it
        ctx.ensure_owns(OWNED, [measure.owner_id, changes["owner_id"]], KEPT)
    if changes.get("evidence_id") is not None:
        await ensure_evidence_in_org(
            session, ctx.org_id, [changes["evidence_id"]], ["body", "evidence_id"]
        )
    change = await update_part(
        session,
        ctx,
        measure,
        action,
        changes,
        ACTION_CHANGES,
        parent_spec=MEASURE_CHANGES,
        label=f"{measure_key(measure)}: action",
        id_key="action_id",
        action="corrective_measure.action_update",
    )
    if change.touched("done"):
        action.done_at = utcnow() if action.done else None
        await session.flush()
    return measure


async def record_effectiveness_review(
    session: AsyncSession,
    ctx: OrgContext,
    measure: CorrectiveMeasure,
    data: EffectivenessReviewCreate,
) -> CorrectiveMeasure:
    """Step 4 of 10.1: the caller reviews; not effective sends the measure back to analysis."""
    _ensure_owns(ctx, measure.owner_id)
    if measure.status != MeasureStatus.effectiveness_review:
        raise Conflict(
            f"{measure_key(measure)} is {measure.status}: effectiveness is reviewed in "
            "'effectiveness_review'."
        )
    occurred_on(data.review_date, "review_date")
    if data.evidence_id is not None:
        await ensure_evidence_in_org(
            session, ctx.org_id, [data.evidence_id], ["body", "evidence_id"]
        )
    values = {
        "review_by_id": ctx.person_id(),
        "review_method": data.method,
        "review_result": data.result,
        "review_date": data.review_date,
        "review_evidence_id": data.evidence_id,
        "review_note": data.note,
        "review_recorded_at": utcnow(),
    }
    await update_object(
        session,
        ctx,
        measure,
        values,
        REVIEW_CHANGES,
        if_match=ANY_VERSION,
        action="corrective_measure.effectiveness_review",
        summary=f"{measure_key(measure)}: effectiveness review {data.result.value}",
        occurred_on=data.review_date,
    )
    if data.result == EffectivenessResult.not_effective:
        await _move(
            session,
            ctx,
            measure,
            MeasureStatus.analysed,
            data.note or "Effectiveness review: not effective",
            data.review_date,
        )
    return measure
