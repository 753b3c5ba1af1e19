"""The review lifecycle: planned -> held -> minutes_approved (or planned -> cancelled).

Guards see a :class:`ReviewMove`: the review plus the facts the service loaded for the
move (topics not yet resolved, the minutes item's status), so that
``REVIEW_WORKFLOW.check`` stays the one place where the rules are decided.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from certready.core.workflow import Workflow
from certready.evidence.enums import EvidenceStatus
from certready.management_reviews.enums import ReviewStatus
from certready.management_reviews.models import ManagementReview

S = ReviewStatus


@dataclass
class ReviewMove:
    review: ManagementReview
    uncovered_topics: list[str] = field(default_factory=list)
    minutes_status: EvidenceStatus | None = None
    held_on: date | None = None  # the day the move says it was held (else the held date)
    # The chair is a member designated top management (iso20000.md 6.6), loaded by the service.
    chair_top_management: bool = False


def _chair_problem(move: ReviewMove) -> str | None:
    if move.review.chair_id is None and not move.review.chair_name.strip():
        return "the chair (top management) is missing"
    if not move.chair_top_management:
        return "the chair must be a member designated top management"
    return None


def _can_hold(move: ReviewMove) -> str | None:
    # ISO/IEC 20000-1 9.3 (iso20000.md 4.2): every required input topic is considered.
    reasons = []
    if (move.held_on or move.review.held_date) is None:
        reasons.append("the held date is missing")
    chair = _chair_problem(move)
    if chair:
        reasons.append(chair)
    if move.uncovered_topics:
        reasons.append(
            "input topic(s) neither covered nor marked not applicable: "
            + ", ".join(move.uncovered_topics)
        )
    if reasons:
        return "The review cannot be marked held: " + "; ".join(reasons) + "."
    return None


def _can_approve_minutes(move: ReviewMove) -> str | None:
    # 9.3: the results are retained as documented information (approved minutes).
    chair = _chair_problem(move)
    if chair:
        return f"The minutes cannot be approved: {chair}."
    if move.review.minutes_evidence_id is None:
        return "Link the minutes (an evidence item) before approving them."
    if move.minutes_status != EvidenceStatus.approved:
        status = move.minutes_status.value if move.minutes_status else "missing"
        return f"The minutes evidence item is {status}; it must be approved first."
    return None


REVIEW_WORKFLOW: Workflow[ReviewStatus, ReviewMove] = Workflow.build(
    {
        S.planned: {S.held, S.cancelled},
        S.held: {S.minutes_approved},
        S.minutes_approved: set(),
        S.cancelled: set(),
    },
    guards={
        (S.planned, S.held): _can_hold,
        (S.held, S.minutes_approved): _can_approve_minutes,
    },
)
