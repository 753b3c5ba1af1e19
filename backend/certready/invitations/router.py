from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Request, status
from fastapi.responses import StreamingResponse

from certready.api.csv import CSV_RESPONSES, ListFormatDep, list_or_csv
from certready.api.deps import DatabaseDep, PrincipalDep, Requires, SessionDep, SettingsDep
from certready.context import OrgContext
from certready.core.pagination import PageDep
from certready.core.problems import problem_responses
from certready.invitations import service
from certready.invitations.schemas import (
    InvitationAccepted,
    InvitationCreate,
    InvitationCreated,
    InvitationPage,
    InvitationPreview,
    InvitationRegister,
    InvitationToken,
)
from certready.orgs.permissions import Action

router = APIRouter(prefix="/orgs/{org}/invitations", tags=["members"])
public_router = APIRouter(prefix="/invitations", tags=["invitations"])

MembersManager = Annotated[OrgContext, Depends(Requires(Action.members_manage))]


def _client(request: Request) -> str:
    return request.client.host if request.client else "unknown"


@router.post(
    "",
    response_model=InvitationCreated,
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(409),
)
async def create_invitation(
    data: InvitationCreate,
    ctx: MembersManager,
    session: SessionDep,
    settings: SettingsDep,
    request: Request,
) -> InvitationCreated:
    """Invite an e-mail address with a role: the same answer whether or not it has an account.

    With mail configured the link goes to the address only; without, `accept_url` is
    returned this once for the admin to hand on. Re-inviting replaces the open invitation.
    """
    base = settings.public_url or str(request.base_url)
    return await service.create_invitation(session, settings, ctx, data, base)


@router.get("", response_model=InvitationPage, responses=CSV_RESPONSES)
async def list_invitations(
    ctx: MembersManager, session: SessionDep, page: PageDep, fmt: ListFormatDep
) -> InvitationPage | StreamingResponse:
    """List the open (pending, unexpired) invitations, newest first."""
    return await list_or_csv(
        fmt, page, lambda p: service.list_invitations(session, ctx, p), InvitationPage
    )


@router.delete(
    "/{invitation_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(404, 409),
)
async def revoke_invitation(
    invitation_id: uuid.UUID, ctx: MembersManager, session: SessionDep
) -> None:
    """Withdraw an open invitation; its link stops working."""
    await service.revoke_invitation(session, ctx, invitation_id)


@public_router.post(
    "/lookup", response_model=InvitationPreview, responses=problem_responses(404, 429)
)
async def lookup_invitation(
    data: InvitationToken,
    request: Request,
    session: SessionDep,
    db: DatabaseDep,
    settings: SettingsDep,
) -> InvitationPreview:
    """Show what an invitation link offers (organisation, address, role); throttled."""
    await service.throttle_client(db, settings, _client(request))
    return await service.preview(session, data.token)


@public_router.post(
    "/register",
    response_model=InvitationAccepted,
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(404, 409, 429),
)
async def register_from_invitation(
    data: InvitationRegister,
    request: Request,
    session: SessionDep,
    db: DatabaseDep,
    settings: SettingsDep,
) -> InvitationAccepted:
    """Accept as a new account: choose your name and password, then log in; throttled."""
    await service.throttle_client(db, settings, _client(request))
    return await service.register(session, settings, data)


@public_router.post(
    "/accept", response_model=InvitationAccepted, responses=problem_responses(403, 404, 409)
)
async def accept_invitation(
    data: InvitationToken, principal: PrincipalDep, session: SessionDep
) -> InvitationAccepted:
    """Accept with your existing account, signed in as the invited address."""
    return await service.accept(session, principal, data.token)
