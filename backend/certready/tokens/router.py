from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, status
from fastapi.responses import StreamingResponse

from certready.api.csv import CSV_RESPONSES, ListFormatDep, list_or_csv
from certready.api.deps import PrincipalDep, Requires, SessionDep
from certready.context import OrgContext
from certready.core.pagination import PageDep
from certready.core.problems import problem_responses
from certready.orgs.permissions import Action
from certready.tokens import service
from certready.tokens.schemas import (
    ApiTokenCreate,
    ApiTokenCreated,
    ApiTokenPage,
    CurrentTokenRead,
)

router = APIRouter(prefix="/orgs/{org}/tokens", tags=["tokens"])
current_router = APIRouter(prefix="/tokens", tags=["tokens"])

TokensManager = Annotated[OrgContext, Depends(Requires(Action.tokens_manage))]


@router.get("", response_model=ApiTokenPage, responses=CSV_RESPONSES)
async def list_tokens(
    ctx: TokensManager, session: SessionDep, page: PageDep, fmt: ListFormatDep
) -> ApiTokenPage | StreamingResponse:
    """List the organisation's API tokens (never their secrets), newest first."""
    return await list_or_csv(
        fmt, page, lambda p: service.list_tokens(session, ctx.org_id, p), ApiTokenPage
    )


@router.post("", response_model=ApiTokenCreated, status_code=status.HTTP_201_CREATED)
async def create_token(
    data: ApiTokenCreate, ctx: TokensManager, session: SessionDep
) -> ApiTokenCreated:
    """Create an API token; its secret (`crt_...`) is in this response only, never again."""
    return await service.create_token(session, ctx, data)


@router.delete("/{token_id}", status_code=status.HTTP_204_NO_CONTENT)
async def revoke_token(token_id: uuid.UUID, ctx: TokensManager, session: SessionDep) -> None:
    """Revoke an API token: it stops working at once."""
    await service.revoke_token(session, ctx, token_id)


@current_router.get("/current", response_model=CurrentTokenRead, responses=problem_responses(404))
async def get_current_token(principal: PrincipalDep, session: SessionDep) -> CurrentTokenRead:
    """Describe the API token making this call: its organisation, scopes, role and expiry."""
    return await service.current_token(session, principal)
