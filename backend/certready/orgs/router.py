from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Header, Query, Response, status
from fastapi.responses import StreamingResponse

from certready.api.csv import CSV_RESPONSES, ListFormatDep, list_or_csv
from certready.api.deps import OrgCtxDep, PrincipalDep, Requires, SessionDep
from certready.context import OrgContext
from certready.core.http import set_etag
from certready.core.pagination import PageDep
from certready.core.problems import problem_responses
from certready.orgs import service
from certready.orgs.permissions import Action
from certready.orgs.schemas import (
    MemberPage,
    MemberRead,
    MemberUpdate,
    OrgCreate,
    OrgPage,
    OrgRead,
    OrgUpdate,
)

router = APIRouter(prefix="/orgs", tags=["orgs"])
members_router = APIRouter(prefix="/orgs/{org}/members", tags=["members"])

OrgUpdater = Annotated[OrgContext, Depends(Requires(Action.org_update))]
MembersReader = Annotated[OrgContext, Depends(Requires(Action.members_read))]
MembersManager = Annotated[OrgContext, Depends(Requires(Action.members_manage))]


@router.get("", response_model=OrgPage, responses=CSV_RESPONSES)
async def list_orgs(
    principal: PrincipalDep, session: SessionDep, page: PageDep, fmt: ListFormatDep
) -> OrgPage | StreamingResponse:
    """List the organisations the caller is a member of."""
    return await list_or_csv(
        fmt,
        page,
        lambda p: service.list_organisations(session, principal.id, p),
        OrgPage,
        item=OrgRead.model_validate,
    )


@router.post(
    "",
    response_model=OrgRead,
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(409),
)
async def create_org(data: OrgCreate, principal: PrincipalDep, session: SessionDep) -> OrgRead:
    """Create an organisation; the caller becomes its first admin."""
    org = await service.create_organisation(session, data, principal.user, principal.actor)
    return OrgRead.model_validate(org)


@router.get("/{org}", response_model=OrgRead, responses=problem_responses(404))
async def get_org(ctx: OrgCtxDep, response: Response) -> OrgRead:
    """Read an organisation's settings; the `ETag` header is needed to change them."""
    set_etag(response, ctx.org.version)
    return OrgRead.model_validate(ctx.org)


@router.patch("/{org}", response_model=OrgRead, responses=problem_responses(403, 404, 412, 428))
async def update_org(
    data: OrgUpdate,
    ctx: OrgUpdater,
    session: SessionDep,
    response: Response,
    if_match: Annotated[str | None, Header()] = None,
) -> OrgRead:
    """Change an organisation's name, SMS scope statement, dates or certification body."""
    org = await service.update_organisation(session, ctx, data, if_match)
    set_etag(response, org.version)
    return OrgRead.model_validate(org)


@members_router.get("", response_model=MemberPage, responses=CSV_RESPONSES)
async def list_members(
    ctx: MembersReader,
    session: SessionDep,
    page: PageDep,
    fmt: ListFormatDep,
    can: Annotated[
        Action | None,
        Query(description="Only members whose role allows this action (e.g. `measures:write`)."),
    ] = None,
) -> MemberPage | StreamingResponse:
    """List the members and their roles; `can` keeps those whose role allows that action."""
    return await list_or_csv(
        fmt, page, lambda p: service.list_members(session, ctx.org_id, p, can), MemberPage
    )


@members_router.patch(
    "/{user_id}",
    response_model=MemberRead,
    responses=problem_responses(403, 404, 409, 412, 428),
)
async def update_member(
    user_id: uuid.UUID,
    data: MemberUpdate,
    ctx: MembersManager,
    session: SessionDep,
    response: Response,
    if_match: Annotated[str | None, Header()] = None,
) -> MemberRead:
    """Change a member's role (their sessions in this organisation end at once, not
    elsewhere) or designate them top management (If-Match with the member's ETag)."""
    member = await service.update_member(session, ctx, user_id, data, if_match)
    set_etag(response, member.version)
    return member


@members_router.delete(
    "/{user_id}", status_code=status.HTTP_204_NO_CONTENT, responses=problem_responses(404, 409)
)
async def remove_member(user_id: uuid.UUID, ctx: MembersManager, session: SessionDep) -> None:
    """Remove a person from this organisation only (not the last admin); other organisations'
    sessions of the person keep working."""
    await service.remove_member(session, ctx, user_id)
