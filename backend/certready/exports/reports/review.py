"""The minutes of one management review (PDF): the review (chair, dates, period covered),
attendees, agenda, every input topic with its notes, outcome and linked objects, the
decisions, the actions (owner, due date, status) and the approval of the minutes.

The data is the review as the API reads it (``review_detail``), the names of the action
owners (one statement) and the keys of the linked objects (one statement).
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from certready.context import OrgContext
from certready.exports.reports.document import Cover, Story
from certready.exports.reports.repository import LinkRepository
from certready.management_reviews.models import ManagementReview
from certready.management_reviews.repository import ReviewRepository
from certready.management_reviews.schemas import (
    ManagementReviewDetailRead,
    ManagementReviewInputRead,
)
from certready.management_reviews.service import review_detail

EXPORT = "Management review minutes"
STEM = "review-minutes"


@dataclass
class ReviewData:
    review: ManagementReviewDetailRead
    names: dict[uuid.UUID, str]
    keys: dict[tuple[str, uuid.UUID], str]


async def load(session: AsyncSession, ctx: OrgContext, review: ManagementReview) -> ReviewData:
    """The review with its parts, the action owners' names and the linked objects' keys."""
    detail = await review_detail(session, review)
    owners = {a.owner_id for a in detail.actions if a.owner_id is not None}
    names = await ReviewRepository(session, ctx.org_id).member_names(owners)
    wanted: dict[str, list[uuid.UUID]] = defaultdict(list)
    for item in detail.inputs:
        for link in item.links:
            wanted[str(link.type)].append(link.id)
    if detail.minutes_evidence_id is not None:
        wanted["evidence"].append(detail.minutes_evidence_id)
    keys = await LinkRepository(session, ctx.org_id).link_keys(wanted)
    return ReviewData(review=detail, names=names, keys=keys)


def _outcome(item: ManagementReviewInputRead) -> str:
    if item.not_applicable_reason:
        return "not applicable"
    return "covered" if item.covered else "not covered"


def _linked(data: ReviewData, item: ManagementReviewInputRead) -> str:
    keys = [
        data.keys.get((str(link.type), link.id), f"{link.type} (removed)") for link in item.links
    ]
    return "; ".join(keys)


def _review(story: Story, data: ReviewData) -> None:
    review = data.review
    story.heading("1. The review")
    minutes = (
        f"{data.keys.get(('evidence', review.minutes_evidence_id), '?')} ({review.minutes_status})"
        if review.minutes_evidence_id
        else "none linked"
    )
    story.facts(
        "review",
        [
            ("Review", f"{review.key} {review.title}"),
            ("Status", str(review.status)),
            ("Planned date", str(review.planned_date)),
            ("Held on", str(review.held_date) if review.held_date else "not held yet"),
            ("Chair", review.chair_name or "none"),
            (
                "Period covered",
                f"since {review.since_date}" if review.since_date else "since the start",
            ),
            ("Inputs pre-filled at (UTC)", f"{review.snapshot_at:%Y-%m-%d %H:%M}"),
            ("Minutes document", minutes),
        ],
    )
    story.heading("2. Attendees")
    story.table(
        "attendees",
        ["Name", "Member of the organisation"],
        [[a.name, a.user_id is not None] for a in review.attendees],
        widths=[3, 2],
        empty="No attendees recorded.",
    )
    story.heading("3. Agenda")
    story.para(review.agenda or "No agenda recorded.", section="agenda")


def _inputs(story: Story, data: ReviewData) -> None:
    story.heading("4. Inputs")
    story.table(
        "inputs",
        ["#", "Topic", "Mandatory", "Outcome", "Notes", "Linked"],
        [
            [
                n,
                item.title,
                item.mandatory,
                _outcome(item),
                item.not_applicable_reason or item.notes,
                _linked(data, item),
            ]
            for n, item in enumerate(data.review.inputs, start=1)
        ],
        widths=[0.4, 3.2, 0.9, 1.2, 3.8, 1.2],
        badges=[3],
    )


def _outputs(story: Story, data: ReviewData) -> None:
    review = data.review
    story.heading("5. Decisions")
    numbers = {d.id: n for n, d in enumerate(review.decisions, start=1)}
    story.table(
        "decisions",
        ["#", "Kind", "Decision"],
        [[numbers[d.id], str(d.kind).replace("_", " "), d.text] for d in review.decisions],
        widths=[0.4, 1.4, 8],
        empty="No decisions recorded.",
    )
    story.heading("6. Actions")
    story.table(
        "actions",
        ["#", "Action", "Decision", "Owner", "Due", "Status", "Done at (UTC)"],
        [
            [
                n,
                a.description,
                numbers.get(a.decision_id, "") if a.decision_id else "",
                data.names.get(a.owner_id, "") if a.owner_id else "",
                a.due_date,
                "overdue" if a.overdue else str(a.status),
                f"{a.done_at:%Y-%m-%d}" if a.done_at else "",
            ]
            for n, a in enumerate(review.actions, start=1)
        ],
        widths=[0.4, 4, 0.9, 1.6, 1.1, 1, 1.1],
        badges=[5],
        empty="No actions recorded.",
    )
    story.heading("7. Approval")
    if review.minutes_approved_at is not None:
        day = review.minutes_approved_on or review.minutes_approved_at.date()
        story.para(f"Minutes approved on {day}.", section="approval")
    else:
        story.para(
            f"The minutes are not approved yet (status {review.status}).", section="approval"
        )
    if review.uncovered_topics:
        story.para(
            "Input topics not yet covered: " + ", ".join(review.uncovered_topics) + ".",
            section="uncovered",
        )


def build(data: ReviewData, report_id: str) -> tuple[Cover, Story]:
    """The cover and the body of the minutes."""
    story = Story()
    _review(story, data)
    _inputs(story, data)
    _outputs(story, data)
    review = data.review
    cover = Cover(
        title=EXPORT,
        subject=f"{review.key} {review.title}",
        report_id=report_id,
        facts=[
            ("Review", review.key),
            ("Status", str(review.status)),
            ("Held on", str(review.held_date) if review.held_date else "not held yet"),
            ("Chair", review.chair_name or "none"),
        ],
    )
    return cover, story
