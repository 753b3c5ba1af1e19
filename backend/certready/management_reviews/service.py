"""Management reviews and their rules (ISO/IEC 20000-1 9.3; iso20000.md 4.2, RDY-31/32).

Rules enforced here: a review is chaired by top management and considers every input
topic (covered, or not applicable with a reason) before it is marked held; its results
are retained as approved minutes; inputs are pre-filled from the organisation's data
when the review is created and kept as that snapshot (``snapshot.py``). The inputs
(``inputs.py``) and the decisions and actions (``outcomes.py``) are parts of the review.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from certready.activity.service import record, snapshot
from certready.context import OrgContext
from certready.core.changes import check_version, move_object, requested, update_object
from certready.core.clock import today, utcnow
from certready.core.occurred import occurred_on
from certready.core.pagination import PageParams, paginate
from certready.core.problems import IllegalTransition, Unprocessable
from certready.db.base import columns
from certready.db.repository import next_number
from certready.management_reviews.base import (
    REVIEW_CHANGES,
    REVIEW_FIELDS,
    ensure_editable,
    is_resolved,
    review_key,
)
from certready.management_reviews.enums import HELD_STATUSES, ReviewStatus
from certready.management_reviews.inputs import input_read, update_input
from certready.management_reviews.models import ManagementReview, ManagementReviewInput
from certready.management_reviews.outcomes import (
    action_read,
    create_action,
    create_decision,
    decision_read,
    update_action,
    update_decision,
)
from certready.management_reviews.repository import ReviewRepository
from certready.management_reviews.schemas import (
    Attendee,
    ManagementReviewCreate,
    ManagementReviewDetailRead,
    ManagementReviewRead,
    ManagementReviewTransition,
    ManagementReviewUpdate,
    ReviewFilters,
)
from certready.management_reviews.snapshot import build_snapshot
from certready.management_reviews.topics import DEFAULT_TOPIC_KEYS, DEFAULT_TOPICS, Topic
from certready.management_reviews.workflow import REVIEW_WORKFLOW, ReviewMove
from certready.readiness.facts import ReviewFacts

# The parts live in their own modules; their public names stay importable from here.
__all__ = [
    "REVIEW_CHANGES",
    "REVIEW_FIELDS",
    "action_read",
    "build_snapshot",
    "create_action",
    "create_decision",
    "create_review",
    "decision_read",
    "ensure_editable",
    "input_read",
    "is_resolved",
    "list_reviews",
    "readiness_reviews",
    "review_detail",
    "review_key",
    "transition_review",
    "update_action",
    "update_decision",
    "update_input",
    "update_review",
]

# --- reads ----------------------------------------------------------------------------------


def _review_fields(review: ManagementReview) -> dict[str, Any]:
    return {
        **columns(review),
        "key": review_key(review),
        "allowed_transitions": REVIEW_WORKFLOW.allowed(ReviewStatus(review.status)),
    }


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


async def update_review(
    session: AsyncSession,
    ctx: OrgContext,
    review: ManagementReview,
    data: ManagementReviewUpdate,
    if_match: str | None,
) -> ManagementReview:
    """Change a review whose minutes are not approved; chair and attendees must be members."""
    check_version(review, if_match, REVIEW_CHANGES)
    ensure_editable(review)
    repo = ReviewRepository(session, ctx.org_id)
    changes = requested(data, REVIEW_CHANGES)
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
    await update_object(session, ctx, review, changes, REVIEW_CHANGES, if_match=if_match)
    return review


async def transition_review(
    session: AsyncSession,
    ctx: OrgContext,
    review: ManagementReview,
    data: ManagementReviewTransition,
) -> ManagementReview:
    """Mark a review held (every topic resolved), approve its minutes, or cancel it."""
    repo = ReviewRepository(session, ctx.org_id)
    current = ReviewStatus(review.status)
    move = ReviewMove(review)
    if current == ReviewStatus.planned and data.to == ReviewStatus.held:
        move.uncovered_topics = [i.key for i in await repo.inputs(review.id) if not is_resolved(i)]
    if data.to == ReviewStatus.minutes_approved and review.minutes_evidence_id is not None:
        move.minutes_status = await repo.evidence_status(review.minutes_evidence_id)
    if data.to in (ReviewStatus.held, ReviewStatus.minutes_approved):
        move.chair_top_management = await repo.chair_is_top_management(review.chair_id)
    stamp = {
        ReviewStatus.held: "held_at",
        ReviewStatus.minutes_approved: "minutes_approved_at",
        ReviewStatus.cancelled: "cancelled_at",
    }.get(data.to)
    day = _transition_day(review, data)
    move.held_on = day if data.to == ReviewStatus.held else None

    def effects() -> None:
        if stamp is not None:
            setattr(review, stamp, utcnow())
        if data.to == ReviewStatus.held:
            review.held_date = day
        elif data.to == ReviewStatus.minutes_approved:
            review.minutes_approved_on = day

    try:
        await move_object(
            session,
            ctx,
            review,
            REVIEW_WORKFLOW,
            move,
            data.to,
            REVIEW_CHANGES,
            note=data.note,
            effects=effects,
            occurred_on=day,
        )
    except IllegalTransition as exc:
        if move.uncovered_topics:
            exc.extra["uncovered_topics"] = move.uncovered_topics
        raise
    return review


def _transition_day(review: ManagementReview, data: ManagementReviewTransition) -> date:
    """The day the move happened (``occurred_on``; held: else the held date given, else
    today): not in the future, minutes not approved before the review was held."""
    if data.to == ReviewStatus.held:
        return occurred_on(data.occurred_on, "occurred_on", default=review.held_date)
    held = (review.held_date, f"{review_key(review)} was held")
    return occurred_on(data.occurred_on, "occurred_on", not_before=[held])


# --- readiness (RDY-31, RDY-32) ------------------------------------------------------------


async def readiness_reviews(
    session: AsyncSession, org_id: uuid.UUID, today: date
) -> list[ReviewFacts]:
    """The reviews as the readiness rules see them, in one statement (readiness reads them).

    Held means marked held (or minutes approved) with a held date; a planned review is
    scheduled for its planned date, and its agenda is the agenda text or its topic list.
    Decisions and actions are recorded when the review has at least one of each (9.3 outputs).
    """
    facts: dict[uuid.UUID, dict[str, Any]] = {}
    for row in await ReviewRepository(session, org_id).readiness_rows():
        rid, number, status, planned, held, agenda, has_decision, has_action, has_topics, key = row
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
                "actions_recorded": bool(has_action),
                "minutes_approved": status == ReviewStatus.minutes_approved,
            },
        )
        if key is not None:
            entry["missing_inputs"].append(key)
    return [
        ReviewFacts(**{**f, "missing_inputs": tuple(f["missing_inputs"])}) for f in facts.values()
    ]
