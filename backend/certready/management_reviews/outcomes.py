"""The outputs of a review (9.3): decisions, and actions with an owner and a due date."""

from __future__ import annotations

import uuid

from sqlalchemy.ext.asyncio import AsyncSession

from certready.context import OrgContext
from certready.core.changes import add_part, requested, update_part
from certready.core.clock import today, utcnow
from certready.core.problems import Conflict, NotFound, Unprocessable
from certready.db.base import columns
from certready.management_reviews.base import (
    ACTION_CHANGES,
    DECISION_CHANGES,
    REVIEW_CHANGES,
    ensure_editable,
    is_overdue,
    review_key,
)
from certready.management_reviews.enums import ActionStatus, ReviewStatus
from certready.management_reviews.models import (
    ManagementReview,
    ManagementReviewAction,
    ManagementReviewDecision,
)
from certready.management_reviews.repository import ReviewRepository
from certready.management_reviews.schemas import (
    ManagementReviewActionCreate,
    ManagementReviewActionRead,
    ManagementReviewActionUpdate,
    ManagementReviewDecisionCreate,
    ManagementReviewDecisionRead,
    ManagementReviewDecisionUpdate,
)

# Action fields that may still change after the minutes are approved (follow-up).
FOLLOW_UP_FIELDS = frozenset({"owner_id", "due_date", "status"})


def decision_read(decision: ManagementReviewDecision) -> ManagementReviewDecisionRead:
    return ManagementReviewDecisionRead.model_validate(columns(decision))


def action_read(action: ManagementReviewAction) -> ManagementReviewActionRead:
    return ManagementReviewActionRead.model_validate(
        {**columns(action), "overdue": is_overdue(action, today())}
    )


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
    await add_part(
        session,
        ctx,
        review,
        decision,
        DECISION_CHANGES,
        parent_spec=REVIEW_CHANGES,
        summary=f"{review_key(review)}: {data.kind} decision recorded",
        id_key="decision_id",
    )
    return decision


async def update_decision(
    session: AsyncSession,
    ctx: OrgContext,
    review: ManagementReview,
    decision_id: uuid.UUID,
    data: ManagementReviewDecisionUpdate,
) -> ManagementReviewDecision:
    """Change a decision while the minutes are not approved."""
    ensure_editable(review)
    decision = await ReviewRepository(session, ctx.org_id).decision(review.id, decision_id)
    if decision is None:
        raise NotFound()
    await update_part(
        session,
        ctx,
        review,
        decision,
        requested(data, DECISION_CHANGES),
        DECISION_CHANGES,
        parent_spec=REVIEW_CHANGES,
        label=f"{review_key(review)}: decision",
        id_key="decision_id",
    )
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
    await add_part(
        session,
        ctx,
        review,
        action,
        ACTION_CHANGES,
        parent_spec=REVIEW_CHANGES,
        summary=f"{review_key(review)}: action recorded, due {action.due_date}",
        id_key="action_id",
    )
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
    changes = requested(data, ACTION_CHANGES)
    if review.status == ReviewStatus.minutes_approved:
        locked = sorted(
            k for k in changes.keys() - FOLLOW_UP_FIELDS if changes[k] != getattr(action, k)
        )
        if locked:
            raise Conflict(
                f"{review_key(review)} has approved minutes: only the owner, due date and "
                f"status of its actions change (not {', '.join(locked)})."
            )
    await _check_action_refs(repo, review, changes.get("owner_id"), changes.get("decision_id"))
    change = await update_part(
        session,
        ctx,
        review,
        action,
        changes,
        ACTION_CHANGES,
        parent_spec=REVIEW_CHANGES,
        label=f"{review_key(review)}: action",
        id_key="action_id",
    )
    if change.touched("status"):
        action.done_at = utcnow() if action.status == ActionStatus.done else None
        await session.flush()
    return action
