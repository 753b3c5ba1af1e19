from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Query
from fastapi.responses import StreamingResponse

from certready.activity import service
from certready.activity.schemas import ActivityFilters, ActivityPage, ActivityRead
from certready.api.csv import CSV_RESPONSES, ListFormatDep, list_or_csv
from certready.api.deps import Requires, SessionDep
from certready.context import OrgContext
from certready.core.pagination import PageDep
from certready.orgs.permissions import Action

router = APIRouter(prefix="/orgs/{org}/activity", tags=["activity"])

ActivityReader = Annotated[OrgContext, Depends(Requires(Action.activity_read))]


@router.get("", response_model=ActivityPage, responses=CSV_RESPONSES)
async def list_activity(
    ctx: ActivityReader,
    session: SessionDep,
    page: PageDep,
    fmt: ListFormatDep,
    object_type: Annotated[str | None, Query(max_length=64)] = None,
    object_id: Annotated[str | None, Query(max_length=64)] = None,
    actor_id: uuid.UUID | None = None,
    action: Annotated[str | None, Query(max_length=64)] = None,
) -> ActivityPage | StreamingResponse:
    """List the organisation's activity log, newest first (who, what, when, before/after)."""
    filters = ActivityFilters(
        object_type=object_type, object_id=object_id, actor_id=actor_id, action=action
    )
    return await list_or_csv(
        fmt,
        page,
        lambda p: service.list_activity(session, ctx.org_id, filters, p),
        ActivityPage,
        item=ActivityRead.model_validate,
    )
