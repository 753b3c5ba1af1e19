"""What the parts of a management review share: its key, the read-only rule, the specs.

A review's inputs, decisions and actions carry no ETag of their own: changing one moves
the review's version (``core.changes.update_part``) and is logged on the review.
"""

from __future__ import annotations

from datetime import date

from certready.core.changes import ChangeSpec
from certready.core.problems import Conflict
from certready.management_reviews.enums import FINAL_REVIEW_STATUSES, ActionStatus
from certready.management_reviews.models import (
    ManagementReview,
    ManagementReviewAction,
    ManagementReviewInput,
)

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


def review_key(review: ManagementReview) -> str:
    return f"MR-{review.number}"


REVIEW_CHANGES = ChangeSpec(
    object_type="management_review",
    fields=REVIEW_FIELDS,
    label=review_key,
    required=frozenset({"title", "planned_date"}),
    blank={"agenda": "", "chair_name": ""},
)
INPUT_CHANGES = ChangeSpec(
    object_type="management_review.input",
    fields=INPUT_FIELDS,
    label=lambda item: f"input '{item.key}'",
    required=frozenset({"covered"}),
    blank={"notes": ""},
)
DECISION_CHANGES = ChangeSpec(
    object_type="management_review.decision",
    fields=DECISION_FIELDS,
    label=lambda decision: "decision",
    required=frozenset(DECISION_FIELDS),
)
ACTION_CHANGES = ChangeSpec(
    object_type="management_review.action",
    fields=ACTION_FIELDS,
    label=lambda action: "action",
    required=frozenset({"description", "owner_id", "due_date", "status"}),
)


def ensure_editable(review: ManagementReview) -> None:
    """409 once the minutes are approved or the review is cancelled (it is a record)."""
    if review.status in FINAL_REVIEW_STATUSES:
        raise Conflict(f"{review_key(review)} is {review.status}: it is read-only.")


def is_resolved(item: ManagementReviewInput) -> bool:
    """Covered, or not applicable with a reason (what 'held' needs of every topic)."""
    return item.covered or bool((item.not_applicable_reason or "").strip())


def is_overdue(action: ManagementReviewAction, now: date) -> bool:
    return (
        action.status == ActionStatus.open and action.due_date is not None and action.due_date < now
    )
