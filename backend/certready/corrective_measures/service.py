"""Corrective measures: react, analyse, act, check effectiveness (ISO/IEC 20000-1 10.1)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from certready.activity.service import diff, record, snapshot
from certready.context import OrgContext
from certready.core.clock import today, utcnow
from certready.core.http import check_if_match
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
from certready.findings.enums import FindingGrade, FindingStatus
from certready.findings.models import Finding
from certready.findings.repository import FindingRepository
from certready.findings.schemas import FindingTransition
from certready.findings.workflow import workflow_for

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


def is_overdue(measure: CorrectiveMeasure) -> bool:
    return (
        measure.due_date is not None
        and measure.due_date < today()
        and measure.status not in NOT_OVERDUE_STATUSES
    )


async def _findings(
    session: AsyncSession, org_id: uuid.UUID, ids: Sequence[uuid.UUID]
) -> list[Finding]:
    if not ids:
        return []
    stmt = FindingRepository(session, org_id).base_statement().where(col(Finding.id).in_(ids))
    return list((await session.execute(stmt)).scalars().all())


async def _validate_findings(
    session: AsyncSession, org_id: uuid.UUID, ids: Sequence[uuid.UUID], loc: list[str | int]
) -> list[uuid.UUID]:
    wanted = list(dict.fromkeys(ids))
    found = {f.id: f for f in await _findings(session, org_id, wanted)}
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


async def _plan_findings(
    session: AsyncSession, ctx: OrgContext, measure: CorrectiveMeasure
) -> None:
    # A finding whose measure is planned has its action planned (findings workflow, with its
    # own activity entry); observations and OFIs have no such state and stay as they are.
    repo = CorrectiveMeasureRepository(session, ctx.org_id)
    ids = (await repo.finding_ids([measure.id])).get(measure.id, [])
    for finding in sorted(await _findings(session, ctx.org_id, ids), key=lambda f: f.number):
        if finding.status != FindingStatus.open:
            continue
        if FindingStatus.action_planned not in workflow_for(FindingGrade(finding.grade)).allowed(
            FindingStatus.open
        ):
            continue
        await findings_service.transition_finding(
            session,
            ctx,
            finding,
            FindingTransition(
                to=FindingStatus.action_planned, note=f"{measure_key(measure)} planned"
            ),
        )


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
    session: AsyncSession, measures: Sequence[CorrectiveMeasure]
) -> list[CorrectiveMeasureRead]:
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
            }
        )
        for m in measures
    ]


async def measure_read(session: AsyncSession, measure: CorrectiveMeasure) -> CorrectiveMeasureRead:
    return (await measure_reads(session, [measure]))[0]


async def list_measures(
    session: AsyncSession, org_id: uuid.UUID, filters: CorrectiveMeasureFilters, page: PageParams
) -> tuple[list[CorrectiveMeasureRead], str | None, int]:
    stmt = CorrectiveMeasureRepository(session, org_id).filtered(filters, today())
    rows, next_cursor, total = await paginate(
        session, stmt, keys=[col(CorrectiveMeasure.number)], params=page, descending=True
    )
    return await measure_reads(session, rows), next_cursor, total


# --- writes ---------------------------------------------------------------------------------
def _touch(measure: CorrectiveMeasure) -> None:
    measure.version += 1
    measure.updated_at = utcnow()


def _ensure_open(measure: CorrectiveMeasure) -> None:
    if measure.status in FINAL_MEASURE_STATUSES:
        raise Conflict(f"{measure_key(measure)} is {measure.status}: it is read-only.")


async def create_measure(
    session: AsyncSession, ctx: OrgContext, data: CorrectiveMeasureCreate
) -> CorrectiveMeasure:
    repo = CorrectiveMeasureRepository(session, ctx.org_id)
    finding_ids = await _validate_findings(
        session, ctx.org_id, data.finding_ids, ["body", "finding_ids"]
    )
    await _validate_members(repo, {"owner_id": data.owner_id})
    measure = CorrectiveMeasure(
        org_id=ctx.org_id,
        number=await next_number(session, ctx.org_id, "corrective_measure"),
        title=data.title,
        description=data.description,
        owner_id=data.owner_id,
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


async def update_measure(
    session: AsyncSession,
    ctx: OrgContext,
    measure: CorrectiveMeasure,
    data: CorrectiveMeasureUpdate,
    if_match: str | None,
) -> CorrectiveMeasure:
    check_if_match(if_match, measure.version)
    _ensure_open(measure)
    repo = CorrectiveMeasureRepository(session, ctx.org_id)
    changes = data.model_dump(exclude_unset=True)
    if "title" in changes and changes["title"] is None:
        raise Unprocessable("title cannot be null.", loc=["body", "title"])
    for key in ("description", "correction", "root_cause", "extent"):
        if key in changes and changes[key] is None:
            changes[key] = ""
    await _validate_members(
        repo, {k: changes[k] for k in ("owner_id", "correction_by_id") if k in changes}
    )
    old_findings = (await repo.finding_ids([measure.id])).get(measure.id, [])
    new_findings = old_findings
    if changes.get("finding_ids") is not None:
        new_findings = await _validate_findings(
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

    def state(findings: list[uuid.UUID], sms: list[uuid.UUID]) -> dict[str, Any]:
        return {
            **snapshot(measure, MEASURE_FIELDS),
            "finding_ids": sorted(str(f) for f in findings),
            "sms_change_evidence_ids": sorted(str(e) for e in sms),
        }

    before = state(old_findings, old_changes)
    for key in MEASURE_FIELDS:
        if key in changes:
            setattr(measure, key, changes[key])
    after = state(new_findings, new_changes)
    changed_before, changed_after = diff(before, after)
    if changed_after:
        if "finding_ids" in changed_after:
            await repo.replace_findings(measure.id, new_findings)
        if "sms_change_evidence_ids" in changed_after:
            await repo.replace_sms_changes(measure.id, new_changes)
        _touch(measure)
        record(
            session,
            org_id=ctx.org_id,
            actor=ctx.actor,
            action="corrective_measure.update",
            object_type=OBJECT_TYPE,
            object_id=measure.id,
            summary=f"{measure_key(measure)} changed: " + ", ".join(sorted(changed_after)),
            before=changed_before,
            after=changed_after,
        )
    await session.flush()
    return measure


async def _move(
    session: AsyncSession,
    ctx: OrgContext,
    measure: CorrectiveMeasure,
    to: MeasureStatus,
    note: str,
) -> None:
    """The one way a measure changes state: workflow check, side effects, activity entry."""
    repo = CorrectiveMeasureRepository(session, ctx.org_id)
    current = MeasureStatus(measure.status)
    actions = (await repo.actions([measure.id])).get(measure.id, [])
    MEASURE_WORKFLOW.check(MeasureMove(measure=measure, actions=actions, note=note), current, to)
    now = utcnow()
    extra: dict[str, Any] = {}
    if to == MeasureStatus.cancelled:
        measure.cancel_reason = note.strip()
    elif to == MeasureStatus.closed:
        measure.closed_at = now
    elif current == MeasureStatus.effectiveness_review and to == MeasureStatus.analysed:
        measure.reopen_count += 1
        extra["reopen_count"] = measure.reopen_count
    elif to == MeasureStatus.effectiveness_review:
        # A fresh review for each round; the previous one stays in the activity log.
        for key in REVIEW_FIELDS:
            setattr(measure, key, "" if key in ("review_method", "review_note") else None)
        measure.review_recorded_at = None
    measure.status = to
    _touch(measure)
    record(
        session,
        org_id=ctx.org_id,
        actor=ctx.actor,
        action="corrective_measure.transition",
        object_type=OBJECT_TYPE,
        object_id=measure.id,
        summary=f"{measure_key(measure)}: {current.value} -> {to.value}",
        before={"status": current.value},
        after={"status": to.value, "note": note, **extra},
    )
    if to == MeasureStatus.planned:
        await _plan_findings(session, ctx, measure)
    await session.flush()


async def transition_measure(
    session: AsyncSession,
    ctx: OrgContext,
    measure: CorrectiveMeasure,
    data: CorrectiveMeasureTransition,
) -> CorrectiveMeasure:
    await _move(session, ctx, measure, data.to, data.note)
    return measure


async def add_action(
    session: AsyncSession,
    ctx: OrgContext,
    measure: CorrectiveMeasure,
    data: CorrectiveActionCreate,
) -> CorrectiveMeasure:
    repo = CorrectiveMeasureRepository(session, ctx.org_id)
    _ensure_actions_editable(measure)
    await _validate_members(repo, {"owner_id": data.owner_id})
    action = CorrectiveAction(
        org_id=ctx.org_id,
        measure_id=measure.id,
        description=data.description,
        owner_id=data.owner_id,
        due_date=data.due_date,
    )
    repo.add_action(action)
    await session.flush()
    _touch(measure)
    record(
        session,
        org_id=ctx.org_id,
        actor=ctx.actor,
        action="corrective_measure.action_add",
        object_type=OBJECT_TYPE,
        object_id=measure.id,
        summary=f"{measure_key(measure)}: action planned",
        after={"action_id": action.id, **snapshot(action, ACTION_FIELDS)},
    )
    await session.flush()
    return measure


def actions_editable(measure: CorrectiveMeasure) -> bool:
    """Actions are planned and ticked off up to 'planned'; implementing the measure freezes them."""
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
    repo = CorrectiveMeasureRepository(session, ctx.org_id)
    action = await repo.action(measure.id, action_id)
    if action is None:
        raise NotFound()
    _ensure_actions_editable(measure)
    changes = data.model_dump(exclude_unset=True)
    for key in ("description", "done"):
        if key in changes and changes[key] is None:
            raise Unprocessable(f"{key} cannot be null.", loc=["body", key])
    await _validate_members(repo, {k: changes[k] for k in ("owner_id",) if k in changes})
    if changes.get("evidence_id") is not None:
        await ensure_evidence_in_org(
            session, ctx.org_id, [changes["evidence_id"]], ["body", "evidence_id"]
        )
    before = snapshot(action, ACTION_FIELDS)
    for key in ACTION_FIELDS:
        if key in changes:
            setattr(action, key, changes[key])
    changed_before, changed_after = diff(before, snapshot(action, ACTION_FIELDS))
    if "done" in changed_after:
        action.done_at = utcnow() if action.done else None
    if changed_after:
        _touch(measure)
        record(
            session,
            org_id=ctx.org_id,
            actor=ctx.actor,
            action="corrective_measure.action_update",
            object_type=OBJECT_TYPE,
            object_id=measure.id,
            summary=f"{measure_key(measure)}: action changed: " + ", ".join(sorted(changed_after)),
            before={"action_id": str(action.id), **changed_before},
            after={"action_id": str(action.id), **changed_after},
        )
    await session.flush()
    return measure


async def record_effectiveness_review(
    session: AsyncSession,
    ctx: OrgContext,
    measure: CorrectiveMeasure,
    data: EffectivenessReviewCreate,
) -> CorrectiveMeasure:
    """Step 4 of 10.1: the caller reviews; not effective sends the measure back to analysis."""
    if measure.status != MeasureStatus.effectiveness_review:
        raise Conflict(
            f"{measure_key(measure)} is {measure.status}: effectiveness is reviewed in "
            "'effectiveness_review'."
        )
    if data.evidence_id is not None:
        await ensure_evidence_in_org(
            session, ctx.org_id, [data.evidence_id], ["body", "evidence_id"]
        )
    measure.review_by_id = ctx.person_id()
    measure.review_method = data.method
    measure.review_result = data.result
    measure.review_date = data.review_date
    measure.review_evidence_id = data.evidence_id
    measure.review_note = data.note
    measure.review_recorded_at = utcnow()
    _touch(measure)
    record(
        session,
        org_id=ctx.org_id,
        actor=ctx.actor,
        action="corrective_measure.effectiveness_review",
        object_type=OBJECT_TYPE,
        object_id=measure.id,
        summary=f"{measure_key(measure)}: effectiveness review {data.result.value}",
        after=snapshot(measure, REVIEW_FIELDS),
    )
    if data.result == EffectivenessResult.not_effective:
        await _move(
            session,
            ctx,
            measure,
            MeasureStatus.analysed,
            data.note or "Effectiveness review: not effective",
        )
    await session.flush()
    return measure
