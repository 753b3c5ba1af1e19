"""Permission aliases and load-or-404 for management reviews."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Depends, Path

from certready.api.deps import OrgCtxDep, Requires, SessionDep
from certready.context import OrgContext
from certready.management_reviews.models import ManagementReview
from certready.management_reviews.repository import ReviewRepository
from certready.orgs.permissions import Action

ReviewsReader = Annotated[OrgContext, Depends(Requires(Action.reviews_read))]
ReviewsWriter = Annotated[OrgContext, Depends(Requires(Action.reviews_write))]


async def get_review(
    review_id: Annotated[uuid.UUID, Path()], ctx: OrgCtxDep, session: SessionDep
) -> ManagementReview:
    """The review in the caller's organisation; any other id is the same 404."""
    return await ReviewRepository(session, ctx.org_id).get_or_404(review_id)


ReviewDep = Annotated[ManagementReview, Depends(get_review)]
