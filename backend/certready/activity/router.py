from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Query

from certready.activity import service
from certready.activity.schemas import ActivityFilters, ActivityPage, ActivityRead
from certready.api.deps import Requires, SessionDep
from certready.context import OrgContext
from certready.core.pagination import PageDep
from certready.orgs.permissions import Action

router = APIRouter(prefix="/orgs/{org}/activity", tags=["activity"])

ActivityReader = Annotated[OrgContext, Depends(Requires(Action.activity_read))]


@router.get("", response_model=ActivityPage)
async def list_activity(
    ctx: ActivityReader,
    session: SessionDep,
    page: PageDep,
    object_type: Annotated[str | None, Query(max_length=64)] = None,
    object_id: Annotated[str | None, Query(max_length=64)] = None,
    actor_id: uuid.UUID | None = None,
    action: Annotated[str | None, Query(max_length=64)] = None,
) -> ActivityPage:
    """List the organisation's activity log, newest first (who, what, when, before/after)."""
    filters = ActivityFilters(
        object_type=object_type, object_id=object_id, actor_id=actor_id, action=action
    )
    rows, next_cursor, total = await service.list_activity(session, ctx.org_id, filters, page)
    return ActivityPage(
        items=[ActivityRead.model_validate(r) for r in rows], next_cursor=next_cursor, total=total
    )
