from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Header, Path, Query, Response, status
from fastapi.responses import StreamingResponse

from certready.api.csv import CSV_RESPONSES, ListFormatDep, list_or_csv
from certready.api.deps import SessionDep
from certready.core.http import set_etag
from certready.core.pagination import PageDep
from certready.core.problems import problem_responses
from certready.management_reviews import inputs, outcomes, service
from certready.management_reviews.deps import ReviewDep, ReviewsReader, ReviewsWriter
from certready.management_reviews.enums import ReviewStatus
from certready.management_reviews.inputs import input_read
from certready.management_reviews.outcomes import action_read, decision_read
from certready.management_reviews.schemas import (
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
    ManagementReviewPage,
    ManagementReviewTransition,
    ManagementReviewUpdate,
    ReviewFilters,
)

router = APIRouter(prefix="/orgs/{org}/management-reviews", tags=["management-reviews"])


@router.get("", response_model=ManagementReviewPage, responses=CSV_RESPONSES)
async def list_management_reviews(
    ctx: ReviewsReader,
    session: SessionDep,
    page: PageDep,
    fmt: ListFormatDep,
    status: ReviewStatus | None = None,
    year: Annotated[
        int | None,
        Query(ge=1900, le=9999, description="Year held (or planned, if not held yet)."),
    ] = None,
) -> ManagementReviewPage | StreamingResponse:
    """List management reviews, newest first, filtered by status or year."""
    filters = ReviewFilters(status=status, year=year)
    return await list_or_csv(
        fmt,
        page,
        lambda p: service.list_reviews(session, ctx.org_id, filters, p),
        ManagementReviewPage,
    )


@router.post(
    "",
    response_model=ManagementReviewDetailRead,
    status_code=status.HTTP_201_CREATED,
)
async def create_management_review(
    data: ManagementReviewCreate, ctx: ReviewsWriter, session: SessionDep, response: Response
) -> ManagementReviewDetailRead:
    """Plan a management review (MR-<n>) with its inputs pre-filled from current data."""
    review = await service.create_review(session, ctx, data)
    set_etag(response, review.version)
    return await service.review_detail(session, review)


@router.get("/{review_id}", response_model=ManagementReviewDetailRead)
async def get_management_review(
    ctx: ReviewsReader, review: ReviewDep, session: SessionDep, response: Response
) -> ManagementReviewDetailRead:
    """Read a review with its inputs, decisions and actions; the `ETag` is needed to change it."""
    set_etag(response, review.version)
    return await service.review_detail(session, review)


@router.patch(
    "/{review_id}",
    response_model=ManagementReviewDetailRead,
    responses=problem_responses(409, 412, 428),
)
async def update_management_review(
    data: ManagementReviewUpdate,
    ctx: ReviewsWriter,
    review: ReviewDep,
    session: SessionDep,
    response: Response,
    if_match: Annotated[str | None, Header()] = None,
) -> ManagementReviewDetailRead:
    """Change a review whose minutes are not approved yet (send `If-Match`)."""
    review = await service.update_review(session, ctx, review, data, if_match)
    set_etag(response, review.version)
    return await service.review_detail(session, review)


@router.post(
    "/{review_id}/transitions",
    response_model=ManagementReviewDetailRead,
    responses=problem_responses(409),
)
async def transition_management_review(
    data: ManagementReviewTransition,
    ctx: ReviewsWriter,
    review: ReviewDep,
    session: SessionDep,
    response: Response,
) -> ManagementReviewDetailRead:
    """Mark a review held (every topic resolved), approve its minutes, or cancel it."""
    review = await service.transition_review(session, ctx, review, data)
    set_etag(response, review.version)
    return await service.review_detail(session, review)


@router.patch(
    "/{review_id}/inputs/{topic_key}",
    response_model=ManagementReviewInputRead,
    responses=problem_responses(409),
)
async def update_management_review_input(
    data: ManagementReviewInputUpdate,
    ctx: ReviewsWriter,
    review: ReviewDep,
    session: SessionDep,
    topic_key: Annotated[str, Path(max_length=64)],
) -> ManagementReviewInputRead:
    """Record an input topic's notes and links, and mark it covered or not applicable."""
    item = await inputs.update_input(session, ctx, review, topic_key, data)
    return input_read(review, item)


@router.post(
    "/{review_id}/decisions",
    response_model=ManagementReviewDecisionRead,
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(409),
)
async def create_management_review_decision(
    data: ManagementReviewDecisionCreate,
    ctx: ReviewsWriter,
    review: ReviewDep,
    session: SessionDep,
) -> ManagementReviewDecisionRead:
    """Record a decision of the review (improvement, SMS or service change, resources)."""
    decision = await outcomes.create_decision(session, ctx, review, data)
    return decision_read(decision)


@router.patch(
    "/{review_id}/decisions/{decision_id}",
    response_model=ManagementReviewDecisionRead,
    responses=problem_responses(409),
)
async def update_management_review_decision(
    data: ManagementReviewDecisionUpdate,
    ctx: ReviewsWriter,
    review: ReviewDep,
    session: SessionDep,
    decision_id: uuid.UUID,
) -> ManagementReviewDecisionRead:
    """Change a decision while the minutes are not approved."""
    decision = await outcomes.update_decision(session, ctx, review, decision_id, data)
    return decision_read(decision)


@router.post(
    "/{review_id}/actions",
    response_model=ManagementReviewActionRead,
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(409),
)
async def create_management_review_action(
    data: ManagementReviewActionCreate,
    ctx: ReviewsWriter,
    review: ReviewDep,
    session: SessionDep,
) -> ManagementReviewActionRead:
    """Record an action with its owner and due date."""
    action = await outcomes.create_action(session, ctx, review, data)
    return action_read(action)


@router.patch(
    "/{review_id}/actions/{action_id}",
    response_model=ManagementReviewActionRead,
    responses=problem_responses(409),
)
async def update_management_review_action(
    data: ManagementReviewActionUpdate,
    ctx: ReviewsWriter,
    review: ReviewDep,
    session: SessionDep,
    action_id: uuid.UUID,
) -> ManagementReviewActionRead:
    """Change an action or mark it done; after approval only owner, due date and status."""
    action = await outcomes.update_action(session, ctx, review, action_id, data)
    return action_read(action)
