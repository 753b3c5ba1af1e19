"""Management reviews and their rules (ISO/IEC 20000-1 9.3; iso20000.md 4.2, RDY-31/32).

Rules enforced here: a review is chaired by top management and considers every input
topic (covered, or not applicable with a reason) before it is marked held; its results
are retained as approved minutes; inputs are pre-filled from the organisation's data
when the review is created and kept as that snapshot.
"""

from __future__ import annotations

import uuid
from collections import Counter, defaultdict
from collections.abc import Sequence
from datetime import UTC, date, datetime, time
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from certready.activity.service import diff, record, snapshot
from certready.audits.service import audit_key
from certready.context import OrgContext
from certready.core.clock import today, utcnow
from certready.core.http import check_if_match
from certready.core.pagination import PageParams, paginate
from certready.core.problems import Conflict, IllegalTransition, NotFound, Unprocessable
from certready.corrective_measures.enums import FINAL_MEASURE_STATUSES
from certready.db.base import columns
from certready.db.repository import next_number
from certready.findings.enums import FindingStatus
from certready.management_reviews.enums import (
    FINAL_REVIEW_STATUSES,
    HELD_STATUSES,
    ActionStatus,
    LinkType,
    ReviewStatus,
)
from certready.management_reviews.models import (
    ManagementReview,
    ManagementReviewAction,
    ManagementReviewDecision,
    ManagementReviewInput,
)
from certready.management_reviews.repository import ReviewRepository
from certready.management_reviews.schemas import (
    Attendee,
    ManagementReviewActionCreate,
    ManagementReviewActionRead,
    ManagementReviewActionUpdate,
    ManagementReviewCreate,
    ManagementReviewDecisionCreate,
    ManagementReviewDecisionRead,
    ManagementReviewDecisionUpdate,
    ManagementReviewDetailRead,
    ManagementReviewInputRead,
    ManagementReviewInputUpdate,
    ManagementReviewRead,
    ManagementReviewTransition,
    ManagementReviewUpdate,
    ReviewFilters,
    TopicLink,
)
from certready.management_reviews.topics import DEFAULT_TOPIC_KEYS, DEFAULT_TOPICS, Topic
from certready.management_reviews.workflow import REVIEW_WORKFLOW, ReviewMove
from certready.objectives.service import cutoffs, objective_key
from certready.readiness.facts import ReviewFacts
from certready.training.service import training_matrix

REVIEW_FIELDS = [
    "title",
    "planned_date",
    "held_date",
    "chair_id",
    "chair_name",
    "attendees",
    "agenda",
    "minutes_evidence_id",
]
INPUT_FIELDS = ["notes", "links", "covered", "not_applicable_reason"]
DECISION_FIELDS = ["kind", "text"]
ACTION_FIELDS = ["description", "owner_id", "due_date", "status", "decision_id"]
# Action fields that may still change after the minutes are approved (follow-up).
FOLLOW_UP_FIELDS = frozenset({"owner_id", "due_date", "status"})
# Expiring-soon horizon for the training coverage figure in the snapshot.
TRAINING_HORIZON_DAYS = 30
# Longest lists kept in the snapshot (the counts always cover everything).
SNAPSHOT_LIST_LIMIT = 200


def review_key(review: ManagementReview) -> str:
    return f"MR-{review.number}"


def ensure_editable(review: ManagementReview) -> None:
    if review.status in FINAL_REVIEW_STATUSES:
        raise Conflict(f"{review_key(review)} is {review.status}: it is read-only.")


def is_resolved(item: ManagementReviewInput) -> bool:
    return item.covered or bool((item.not_applicable_reason or "").strip())


def _start_of(day: date | None) -> datetime | None:
    return datetime.combine(day, time.min, tzinfo=UTC) if day else None


def _is_overdue(action: ManagementReviewAction, now: date) -> bool:
    return (
        action.status == ActionStatus.open and action.due_date is not None and action.due_date < now
    )


# --- pre-filled inputs ----------------------------------------------------------------------


async def build_snapshot(
    session: AsyncSession, org_id: uuid.UUID, since: date | None
) -> dict[str, Any]:
    """The data a review looks at, computed once (iso20000.md 4.2 inputs 1, 3, 4, 7, 10).

    A constant number of statements whatever the data size: earlier actions (1),
    findings grouped by grade x status (1), corrective measures grouped by status (1),
    audits closed since and their checklist results (2), objectives with their computed
    status (1), training matrix (4).
    """
    repo = ReviewRepository(session, org_id)
    now = today()
    since_at = _start_of(since)
    return {
        "as_of": now.isoformat(),
        "since": since.isoformat() if since else None,
        "previous_actions": await _previous_actions(repo, now),
        "findings": await _findings(repo, since_at),
        "corrective_measures": await _measures(repo, since_at, now),
        "audits": await _audits(repo, since_at),
        "objectives": await _objectives(repo),
        "training": await _training(session, org_id),
    }


async def _previous_actions(repo: ReviewRepository, now: date) -> dict[str, Any]:
    rows = await repo.earlier_actions()
    counts = {"total": len(rows), "open": 0, "done": 0, "overdue": 0}
    items = []
    for action, number in rows:
        overdue = _is_overdue(action, now)
        counts[ActionStatus(action.status).value] += 1
        counts["overdue"] += overdue
        items.append(
            {
                "id": str(action.id),
                "review_key": f"MR-{number}",
                "description": action.description,
                "owner_id": str(action.owner_id) if action.owner_id else None,
                "due_date": action.due_date.isoformat() if action.due_date else None,
                "status": ActionStatus(action.status).value,
                "overdue": overdue,
            }
        )
    # open ones first: they are what the review has to chase
    items.sort(key=lambda i: i["status"] != ActionStatus.open.value)
    return {**counts, "items": items[:SNAPSHOT_LIST_LIMIT]}


async def _findings(repo: ReviewRepository, since: datetime | None) -> dict[str, Any]:
    by_grade: dict[str, dict[str, int]] = defaultdict(
        lambda: {"total": 0, "open": 0, "raised_since": 0, "closed_since": 0}
    )
    by_status: Counter[str] = Counter()
    for grade, status, n, raised, closed in await repo.finding_counts(since):
        entry = by_grade[grade]
        entry["total"] += n
        entry["open"] += n if status != FindingStatus.closed else 0
        entry["raised_since"] += raised
        entry["closed_since"] += closed
        by_status[status] += n
    totals = {
        k: sum(g[k] for g in by_grade.values())
        for k in ("total", "open", "raised_since", "closed_since")
    }
    return {
        **totals,
        # the trend since the last review: positive means the backlog grew
        "net_change_since": totals["raised_since"] - totals["closed_since"],
        "by_grade": dict(sorted(by_grade.items())),
        "by_status": dict(sorted(by_status.items())),
    }


async def _measures(repo: ReviewRepository, since: datetime | None, now: date) -> dict[str, Any]:
    rows = await repo.measure_counts(since, now)
    by_status = {status: n for status, n, *_ in rows}
    return {
        "total": sum(by_status.values()),
        "open": sum(n for s, n in by_status.items() if s not in FINAL_MEASURE_STATUSES),
        "overdue": sum(r[4] for r in rows),
        "opened_since": sum(r[2] for r in rows),
        "closed_since": sum(r[3] for r in rows),
        "by_status": dict(sorted(by_status.items())),
    }


async def _audits(repo: ReviewRepository, since: datetime | None) -> dict[str, Any]:
    audits = await repo.audits_closed_since(since)
    per_audit: dict[uuid.UUID, dict[str, int]] = defaultdict(dict)
    totals: Counter[str] = Counter()
    for audit_id, result, n in await repo.audit_result_counts([a.id for a in audits]):
        per_audit[audit_id][result] = n
        totals[result] += n
    return {
        "closed_since": len(audits),
        "results": dict(sorted(totals.items())),
        "items": [
            {
                "id": str(a.id),
                "key": audit_key(a),
                "title": a.title,
                "type": str(a.type),
                "closed_at": a.closed_at.isoformat() if a.closed_at else None,
                "results": dict(sorted(per_audit.get(a.id, {}).items())),
            }
            for a in audits[:SNAPSHOT_LIST_LIMIT]
        ],
    }


async def _objectives(repo: ReviewRepository) -> dict[str, Any]:
    rows = await repo.objectives_with_status(cutoffs())
    counts = Counter(status for *_, status in rows)
    return {
        "total": len(rows),
        "on_target": counts["on_target"],
        "off_target": counts["off_target"],
        "no_recent_data": counts["no_recent_data"],
        "items": [
            {
                "id": str(o.id),
                "key": objective_key(o),
                "title": o.title,
                "target": o.target,
                "direction": str(o.direction),
                "unit": o.unit,
                "latest_value": value,
                "latest_period_end": end.isoformat() if end else None,
                "status": status,
            }
            for o, value, end, status in rows[:SNAPSHOT_LIST_LIMIT]
        ],
    }


async def _training(session: AsyncSession, org_id: uuid.UUID) -> dict[str, Any]:
    matrix = await training_matrix(session, org_id, None, TRAINING_HORIZON_DAYS)
    return {
        "people_in_scope": len(matrix.rows),
        "overall": matrix.coverage.overall.model_dump(mode="json"),
        "awareness": matrix.coverage.awareness.model_dump(mode="json"),
    }


# --- reads ----------------------------------------------------------------------------------


def _review_fields(review: ManagementReview) -> dict[str, Any]:
    return {
        **columns(review),
        "key": review_key(review),
        "allowed_transitions": REVIEW_WORKFLOW.allowed(ReviewStatus(review.status)),
    }


def input_read(review: ManagementReview, item: ManagementReviewInput) -> ManagementReviewInputRead:
    return ManagementReviewInputRead.model_validate(
        {
            **columns(item),
            "resolved": is_resolved(item),
            "prefill": {s: (review.snapshot or {}).get(s) for s in item.sources or []},
        }
    )


def decision_read(decision: ManagementReviewDecision) -> ManagementReviewDecisionRead:
    return ManagementReviewDecisionRead.model_validate(columns(decision))


def action_read(action: ManagementReviewAction) -> ManagementReviewActionRead:
    return ManagementReviewActionRead.model_validate(
        {**columns(action), "overdue": _is_overdue(action, today())}
    )


async def review_detail(
    session: AsyncSession, review: ManagementReview
) -> ManagementReviewDetailRead:
    repo = ReviewRepository(session, review.org_id)
    inputs = await repo.inputs(review.id)
    minutes_status = (
        await repo.evidence_status(review.minutes_evidence_id)
        if review.minutes_evidence_id
        else None
    )
    return ManagementReviewDetailRead.model_validate(
        {
            **_review_fields(review),
            "minutes_status": minutes_status,
            "uncovered_topics": [i.key for i in inputs if not is_resolved(i)],
            "inputs": [input_read(review, i) for i in inputs],
            "decisions": [decision_read(d) for d in await repo.decisions(review.id)],
            "actions": [action_read(a) for a in await repo.actions(review.id)],
        }
    )


async def list_reviews(
    session: AsyncSession, org_id: uuid.UUID, filters: ReviewFilters, page: PageParams
) -> tuple[list[ManagementReviewRead], str | None, int]:
    stmt = ReviewRepository(session, org_id).filtered(filters)
    rows, next_cursor, total = await paginate(
        session, stmt, keys=[col(ManagementReview.number)], params=page, descending=True
    )
    return (
        [ManagementReviewRead.model_validate(_review_fields(r)) for r in rows],
        next_cursor,
        total,
    )


# --- writes ---------------------------------------------------------------------------------


async def _people(
    repo: ReviewRepository,
    chair_id: uuid.UUID | None,
    chair_name: str,
    attendees: Sequence[Attendee],
) -> tuple[uuid.UUID | None, str, list[dict[str, Any]]]:
    """Resolve member names (one query); members must belong to this organisation."""
    member_ids = {a.user_id for a in attendees if a.user_id is not None}
    if chair_id is not None:
        member_ids.add(chair_id)
    names = await repo.member_names(member_ids)
    if chair_id is not None and chair_id not in names:
        raise Unprocessable(
            "The chair must be a member (or give chair_name).", loc=["body", "chair_id"]
        )
    people: list[dict[str, Any]] = []
    seen: set[uuid.UUID] = set()
    for i, a in enumerate(attendees):
        if a.user_id is None:
            people.append({"user_id": None, "name": a.name.strip()})
            continue
        if a.user_id not in names:
            raise Unprocessable(
                "An attendee with a user_id must be a member.",
                loc=["body", "attendees", i, "user_id"],
            )
        if a.user_id not in seen:
            seen.add(a.user_id)
            people.append({"user_id": str(a.user_id), "name": names[a.user_id]})
    name = names[chair_id] if chair_id is not None else chair_name.strip()
    return chair_id, name, people


def _topics(data: ManagementReviewCreate) -> list[tuple[Topic, bool]]:
    extra_keys = [t.key for t in data.extra_topics]
    clash = sorted({k for k in extra_keys if k in DEFAULT_TOPIC_KEYS or extra_keys.count(k) > 1})
    if clash:
        raise Unprocessable(
            f"Topic key(s) already used: {', '.join(clash)}.", loc=["body", "extra_topics"]
        )
    return [(t, True) for t in DEFAULT_TOPICS] + [
        (Topic(t.key, t.title), False) for t in data.extra_topics
    ]


async def create_review(
    session: AsyncSession, ctx: OrgContext, data: ManagementReviewCreate
) -> ManagementReview:
    """Plan a review and pre-fill its inputs from the data since the last held review."""
    repo = ReviewRepository(session, ctx.org_id)
    topics = _topics(data)
    chair_id, chair_name, attendees = await _people(
        repo, data.chair_id, data.chair_name, data.attendees
    )
    since = await repo.last_held_date()
    prefilled = await build_snapshot(session, ctx.org_id, since)
    review = repo.add(
        ManagementReview(
            org_id=ctx.org_id,
            number=await next_number(session, ctx.org_id, "management_review"),
            title=data.title,
            planned_date=data.planned_date,
            chair_id=chair_id,
            chair_name=chair_name,
            attendees=attendees,
            agenda=data.agenda,
            since_date=since,
            snapshot=prefilled,
            snapshot_at=utcnow(),
        )
    )
    await session.flush()
    session.add_all(
        ManagementReviewInput(
            org_id=ctx.org_id,
            review_id=review.id,
            key=topic.key,
            title=topic.title,
            position=position,
            mandatory=mandatory,
            sources=list(topic.sources),
        )
        for position, (topic, mandatory) in enumerate(topics, start=1)
    )
    record(
        session,
        org_id=ctx.org_id,
        actor=ctx.actor,
        action="management_review.create",
        object_type="management_review",
        object_id=review.id,
        summary=f"{review_key(review)} '{review.title}' planned for {review.planned_date}",
        after={
            **snapshot(review, [*REVIEW_FIELDS, "status"]),
            "topics": [t.key for t, _ in topics],
        },
    )
    await session.flush()
    return review


def _touch(review: ManagementReview) -> None:
    review.version += 1
    review.updated_at = utcnow()


async def update_review(
    session: AsyncSession,
    ctx: OrgContext,
    review: ManagementReview,
    data: ManagementReviewUpdate,
    if_match: str | None,
) -> ManagementReview:
    check_if_match(if_match, review.version)
    ensure_editable(review)
    repo = ReviewRepository(session, ctx.org_id)
    changes = data.model_dump(exclude_unset=True)
    for key in ("title", "planned_date"):
        if key in changes and changes[key] is None:
            raise Unprocessable(f"{key} cannot be null.", loc=["body", key])
    for key in ("agenda", "chair_name"):
        if key in changes and changes[key] is None:
            changes[key] = ""
    if "held_date" in changes:
        held = changes["held_date"]
        if held is None and review.status == ReviewStatus.held:
            raise Unprocessable("A held review keeps its held date.", loc=["body", "held_date"])
        if held is not None and held > today():
            raise Unprocessable("The held date cannot be in the future.", loc=["body", "held_date"])
    if {"chair_id", "chair_name", "attendees"} & changes.keys():
        current = [Attendee.model_validate(a) for a in review.attendees or []]
        chair_id = changes.get("chair_id", review.chair_id)
        # a new free-text chair replaces a member chair, and the other way round
        if "chair_name" in changes and "chair_id" not in changes:
            chair_id = None
        # clearing a member chair clears the name that came with it
        chair_name = "" if "chair_id" in changes else review.chair_name
        given = changes.get("attendees")
        attendees = current if given is None else [Attendee.model_validate(a) for a in given]
        (
            changes["chair_id"],
            changes["chair_name"],
            changes["attendees"],
        ) = await _people(repo, chair_id, changes.get("chair_name", chair_name), attendees)
    evidence_id = changes.get("minutes_evidence_id")
    if evidence_id is not None and await repo.evidence_status(evidence_id) is None:
        raise Unprocessable("No such evidence item.", loc=["body", "minutes_evidence_id"])
    before = snapshot(review, REVIEW_FIELDS)
    for key, value in changes.items():
        setattr(review, key, value)
    changed_before, changed_after = diff(before, snapshot(review, REVIEW_FIELDS))
    if changed_after:
        _touch(review)
        record(
            session,
            org_id=ctx.org_id,
            actor=ctx.actor,
            action="management_review.update",
            object_type="management_review",
            object_id=review.id,
            summary=f"{review_key(review)} changed: " + ", ".join(sorted(changed_after)),
            before=changed_before,
            after=changed_after,
        )
    await session.flush()
    return review


async def transition_review(
    session: AsyncSession,
    ctx: OrgContext,
    review: ManagementReview,
    data: ManagementReviewTransition,
) -> ManagementReview:
    repo = ReviewRepository(session, ctx.org_id)
    current = ReviewStatus(review.status)
    move = ReviewMove(review)
    if current == ReviewStatus.planned and data.to == ReviewStatus.held:
        move.uncovered_topics = [i.key for i in await repo.inputs(review.id) if not is_resolved(i)]
    if data.to == ReviewStatus.minutes_approved and review.minutes_evidence_id is not None:
        move.minutes_status = await repo.evidence_status(review.minutes_evidence_id)
    try:
        REVIEW_WORKFLOW.check(move, current, data.to)
    except IllegalTransition as exc:
        if move.uncovered_topics:
            exc.extra["uncovered_topics"] = move.uncovered_topics
        raise
    now = utcnow()
    if data.to == ReviewStatus.held:
        review.held_at = now
    elif data.to == ReviewStatus.minutes_approved:
        review.minutes_approved_at = now
    elif data.to == ReviewStatus.cancelled:
        review.cancelled_at = now
    review.status = data.to
    _touch(review)
    record(
        session,
        org_id=ctx.org_id,
        actor=ctx.actor,
        action="management_review.transition",
        object_type="management_review",
        object_id=review.id,
        summary=f"{review_key(review)}: {current.value} -> {data.to.value}",
        before={"status": current.value},
        after={"status": data.to.value, "note": data.note},
    )
    await session.flush()
    return review


# --- inputs ---------------------------------------------------------------------------------


async def _check_links(repo: ReviewRepository, links: Sequence[TopicLink]) -> list[dict[str, str]]:
    unique = list(dict.fromkeys((link.type, link.id) for link in links))
    wanted: dict[LinkType, list[uuid.UUID]] = defaultdict(list)
    for link_type, id_ in unique:
        wanted[link_type].append(id_)
    found = await repo.existing_links(wanted)
    missing = [f"{t.value}:{i}" for t, i in unique if (t, i) not in found]
    if missing:
        raise Unprocessable(
            f"No such item(s) in this organisation: {', '.join(missing[:10])}.",
            loc=["body", "links"],
        )
    return [{"type": t.value, "id": str(i)} for t, i in unique]


async def update_input(
    session: AsyncSession,
    ctx: OrgContext,
    review: ManagementReview,
    key: str,
    data: ManagementReviewInputUpdate,
) -> ManagementReviewInput:
    """Record a topic's notes and links, and whether it was covered or does not apply."""
    ensure_editable(review)
    repo = ReviewRepository(session, ctx.org_id)
    item = await repo.input_by_key(review.id, key)
    if item is None:
        raise NotFound()
    changes = data.model_dump(exclude_unset=True)
    if "notes" in changes and changes["notes"] is None:
        changes["notes"] = ""
    if "covered" in changes and changes["covered"] is None:
        raise Unprocessable("covered cannot be null.", loc=["body", "covered"])
    if "links" in changes:
        changes["links"] = await _check_links(repo, data.links or [])
    if "not_applicable_reason" in changes:
        reason = (changes["not_applicable_reason"] or "").strip() or None
        changes["not_applicable_reason"] = reason
        if reason and changes.get("covered"):
            raise Unprocessable(
                "A topic is either covered or not applicable, not both.",
                loc=["body", "not_applicable_reason"],
            )
        if reason and "covered" not in changes:
            changes["covered"] = False
    elif changes.get("covered"):
        # covering the topic withdraws an earlier "not applicable"
        changes["not_applicable_reason"] = None
    before = snapshot(item, INPUT_FIELDS)
    for field_name, value in changes.items():
        setattr(item, field_name, value)
    if review.status == ReviewStatus.held and not is_resolved(item):
        raise Conflict(
            f"{review_key(review)} is held: topic '{key}' must stay covered or not applicable."
        )
    changed_before, changed_after = diff(before, snapshot(item, INPUT_FIELDS))
    if changed_after:
        item.updated_at = utcnow()
        _touch(review)
        record(
            session,
            org_id=ctx.org_id,
            actor=ctx.actor,
            action="management_review.input.update",
            object_type="management_review",
            object_id=review.id,
            summary=f"{review_key(review)} input '{key}' changed: "
            + ", ".join(sorted(changed_after)),
            before=changed_before,
            after=changed_after,
        )
    await session.flush()
    return item


# --- decisions ------------------------------------------------------------------------------


async def create_decision(
    session: AsyncSession,
    ctx: OrgContext,
    review: ManagementReview,
    data: ManagementReviewDecisionCreate,
) -> ManagementReviewDecision:
    """Record an output of the review (9.3: improvement, changes, resource needs)."""
    ensure_editable(review)
    decision = ManagementReviewDecision(
        org_id=ctx.org_id, review_id=review.id, kind=data.kind, text=data.text
    )
    session.add(decision)
    await session.flush()
    _touch(review)
    record(
        session,
        org_id=ctx.org_id,
        actor=ctx.actor,
        action="management_review.decision.create",
        object_type="management_review",
        object_id=review.id,
        summary=f"{review_key(review)}: {decision.kind} decision recorded",
        after={"decision_id": decision.id, **snapshot(decision, DECISION_FIELDS)},
    )
    await session.flush()
    return decision


async def update_decision(
    session: AsyncSession,
    ctx: OrgContext,
    review: ManagementReview,
    decision_id: uuid.UUID,
    data: ManagementReviewDecisionUpdate,
) -> ManagementReviewDecision:
    ensure_editable(review)
    decision = await ReviewRepository(session, ctx.org_id).decision(review.id, decision_id)
    if decision is None:
        raise NotFound()
    changes = data.model_dump(exclude_unset=True)
    for key in DECISION_FIELDS:
        if key in changes and changes[key] is None:
            raise Unprocessable(f"{key} cannot be null.", loc=["body", key])
    before = snapshot(decision, DECISION_FIELDS)
    for key, value in changes.items():
        setattr(decision, key, value)
    changed_before, changed_after = diff(before, snapshot(decision, DECISION_FIELDS))
    if changed_after:
        decision.updated_at = utcnow()
        _touch(review)
        record(
            session,
            org_id=ctx.org_id,
            actor=ctx.actor,
            action="management_review.decision.update",
            object_type="management_review",
            object_id=review.id,
            summary=f"{review_key(review)}: decision changed",
            before={"decision_id": decision.id, **changed_before},
            after={"decision_id": decision.id, **changed_after},
        )
    await session.flush()
    return decision


# --- actions --------------------------------------------------------------------------------


async def _check_action_refs(
    repo: ReviewRepository,
    review: ManagementReview,
    owner_id: uuid.UUID | None,
    decision_id: uuid.UUID | None,
) -> None:
    if owner_id is not None and owner_id not in await repo.member_names([owner_id]):
        raise Unprocessable("The owner must be a member.", loc=["body", "owner_id"])
    if decision_id is not None and await repo.decision(review.id, decision_id) is None:
        raise Unprocessable("No such decision in this review.", loc=["body", "decision_id"])


async def create_action(
    session: AsyncSession,
    ctx: OrgContext,
    review: ManagementReview,
    data: ManagementReviewActionCreate,
) -> ManagementReviewAction:
    """Record an action with an owner and a due date (iso20000.md 4.2 outputs)."""
    ensure_editable(review)
    repo = ReviewRepository(session, ctx.org_id)
    await _check_action_refs(repo, review, data.owner_id, data.decision_id)
    action = ManagementReviewAction(org_id=ctx.org_id, review_id=review.id, **data.model_dump())
    session.add(action)
    await session.flush()
    _touch(review)
    record(
        session,
        org_id=ctx.org_id,
        actor=ctx.actor,
        action="management_review.action.create",
        object_type="management_review",
        object_id=review.id,
        summary=f"{review_key(review)}: action recorded, due {action.due_date}",
        after={"action_id": action.id, **snapshot(action, ACTION_FIELDS)},
    )
    await session.flush()
    return action


async def update_action(
    session: AsyncSession,
    ctx: OrgContext,
    review: ManagementReview,
    action_id: uuid.UUID,
    data: ManagementReviewActionUpdate,
) -> ManagementReviewAction:
    """Change an action; after the minutes are approved only its follow-up (owner, due, status)."""
    if review.status == ReviewStatus.cancelled:
        raise Conflict(f"{review_key(review)} is cancelled: it is read-only.")
    repo = ReviewRepository(session, ctx.org_id)
    action = await repo.action(review.id, action_id)
    if action is None:
        raise NotFound()
    changes = data.model_dump(exclude_unset=True)
    for key in ("description", "owner_id", "due_date", "status"):
        if key in changes and changes[key] is None:
            raise Unprocessable(f"{key} cannot be null.", loc=["body", key])
    if review.status == ReviewStatus.minutes_approved:
        locked = sorted(
            k for k in changes.keys() - FOLLOW_UP_FIELDS if changes[k] != getattr(action, k)
        )
        if locked:
            raise Conflict(
                f"{review_key(review)} has approved minutes: only the owner, due date and "
                f"status of its actions change (not {', '.join(locked)})."
            )
    await _check_action_refs(
        repo,
        review,
        changes.get("owner_id") if "owner_id" in changes else None,
        changes.get("decision_id"),
    )
    before = snapshot(action, ACTION_FIELDS)
    for key, value in changes.items():
        setattr(action, key, value)
    changed_before, changed_after = diff(before, snapshot(action, ACTION_FIELDS))
    if changed_after:
        now = utcnow()
        if "status" in changed_after:
            action.done_at = now if action.status == ActionStatus.done else None
        action.updated_at = now
        _touch(review)
        record(
            session,
            org_id=ctx.org_id,
            actor=ctx.actor,
            action="management_review.action.update",
            object_type="management_review",
            object_id=review.id,
            summary=f"{review_key(review)}: action changed: " + ", ".join(sorted(changed_after)),
            before={"action_id": action.id, **changed_before},
            after={"action_id": action.id, **changed_after},
        )
    await session.flush()
    return action


# --- readiness (RDY-31, RDY-32) ------------------------------------------------------------


async def readiness_reviews(
    session: AsyncSession, org_id: uuid.UUID, today: date
) -> list[ReviewFacts]:
    """The reviews as the readiness rules see them, in one statement (readiness reads them).

    Held means marked held (or minutes approved) with a held date; a planned review is
    scheduled for its planned date, and its agenda is the agenda text or its topic list.
    Decisions are recorded when the review has at least one decision (9.3 outputs).
    """
    facts: dict[uuid.UUID, dict[str, Any]] = {}
    for row in await ReviewRepository(session, org_id).readiness_rows():
        rid, number, status, planned, held, agenda, has_decision, has_topics, key = row
        entry = facts.setdefault(
            rid,
            {
                "id": rid,
                "key": f"MR-{number}",
                "held_on": held if status in HELD_STATUSES else None,
                "scheduled_for": planned if status == ReviewStatus.planned else None,
                "has_agenda": bool((agenda or "").strip()) or bool(has_topics),
                "missing_inputs": [],
                "decisions_recorded": bool(has_decision),
                "minutes_approved": status == ReviewStatus.minutes_approved,
            },
        )
        if key is not None:
            entry["missing_inputs"].append(key)
    return [
        ReviewFacts(**{**f, "missing_inputs": tuple(f["missing_inputs"])}) for f in facts.values()
    ]
