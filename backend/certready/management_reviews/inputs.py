"""The input topics of a review: notes, links, covered or not applicable (9.3)."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncSession

from certready.context import OrgContext
from certready.core.changes import requested, update_part
from certready.core.problems import Conflict, NotFound, Unprocessable
from certready.db.base import columns
from certready.management_reviews.base import (
    INPUT_CHANGES,
    REVIEW_CHANGES,
    ensure_editable,
    is_resolved,
    review_key,
)
from certready.management_reviews.enums import LinkType, ReviewStatus
from certready.management_reviews.models import ManagementReview, ManagementReviewInput
from certready.management_reviews.repository import ReviewRepository
from certready.management_reviews.schemas import (
    ManagementReviewInputRead,
    ManagementReviewInputUpdate,
    TopicLink,
)


def input_read(review: ManagementReview, item: ManagementReviewInput) -> ManagementReviewInputRead:
    return ManagementReviewInputRead.model_validate(
        {
            **columns(item),
            "resolved": is_resolved(item),
            "prefill": {s: (review.snapshot or {}).get(s) for s in item.sources or []},
        }
    )


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
    changes = requested(data, INPUT_CHANGES)
    if "links" in changes:
        changes["links"] = await _check_links(repo, data.links or [])
    if "not_applicable_reason" in changes:
        given = changes["not_applicable_reason"]
        if given is not None and not given.strip():
            # "not applicable" counts only with a reason (iso20000.md 6.6); null withdraws it
            raise Unprocessable(
                "A topic is marked not applicable only with a reason.",
                loc=["body", "not_applicable_reason"],
            )
        reason = (given or "").strip() or None
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
    covered = changes.get("covered", item.covered)
    reason = changes.get("not_applicable_reason", item.not_applicable_reason)
    if review.status == ReviewStatus.held and not (covered or (reason or "").strip()):
        raise Conflict(
            f"{review_key(review)} is held: topic '{key}' must stay covered or not applicable."
        )
    await update_part(
        session,
        ctx,
        review,
        item,
        changes,
        INPUT_CHANGES,
        parent_spec=REVIEW_CHANGES,
        label=f"{review_key(review)} input '{key}'",
    )
    return item
