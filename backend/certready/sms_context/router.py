from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Header, Path, Response, status

from certready.api.deps import SessionDep
from certready.core.http import set_etag
from certready.core.problems import problem_responses
from certready.sms_context import service
from certready.sms_context.deps import ContextDep, ContextReader, ContextWriter
from certready.sms_context.schemas import (
    ContextCreate,
    ContextRead,
    ContextUpdate,
    IssueCreate,
    IssueRead,
    IssueUpdate,
    PartyCreate,
    PartyRead,
    PartyUpdate,
)

router = APIRouter(prefix="/orgs/{org}/context", tags=["context"])


@router.get("", response_model=ContextRead)
async def get_context(
    ctx: ContextReader, rec: ContextDep, session: SessionDep, response: Response
) -> ContextRead:
    """The context record with issues and interested parties (404 before it exists)."""
    set_etag(response, rec.version)
    return await service.context_read(session, rec)


@router.post(
    "",
    response_model=ContextRead,
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(409),
)
async def create_context(
    data: ContextCreate, ctx: ContextWriter, session: SessionDep, response: Response
) -> ContextRead:
    """Start the organisation's context record (once)."""
    rec = await service.create_context(session, ctx, data)
    set_etag(response, rec.version)
    return await service.context_read(session, rec)


@router.patch("", response_model=ContextRead, responses=problem_responses(412, 428))
async def update_context(
    data: ContextUpdate,
    ctx: ContextWriter,
    rec: ContextDep,
    session: SessionDep,
    response: Response,
    if_match: Annotated[str | None, Header()] = None,
) -> ContextRead:
    """Change, approve or mark reviewed (send `If-Match`)."""
    rec = await service.update_context(session, ctx, rec, data, if_match)
    set_etag(response, rec.version)
    return await service.context_read(session, rec)


@router.post("/issues", response_model=IssueRead, status_code=status.HTTP_201_CREATED)
async def add_issue(
    data: IssueCreate, ctx: ContextWriter, rec: ContextDep, session: SessionDep, response: Response
) -> IssueRead:
    """Add an internal or external issue; the record's version moves."""
    issue = await service.add_issue(session, ctx, rec, data)
    set_etag(response, rec.version)
    return IssueRead.model_validate(issue)


@router.patch("/issues/{issue_id}", response_model=IssueRead)
async def update_issue(
    issue_id: Annotated[uuid.UUID, Path()],
    data: IssueUpdate,
    ctx: ContextWriter,
    rec: ContextDep,
    session: SessionDep,
    response: Response,
) -> IssueRead:
    """Change or retire an issue; the record's version moves."""
    issue = await service.update_issue(session, ctx, rec, issue_id, data)
    set_etag(response, rec.version)
    return IssueRead.model_validate(issue)


@router.post("/parties", response_model=PartyRead, status_code=status.HTTP_201_CREATED)
async def add_party(
    data: PartyCreate, ctx: ContextWriter, rec: ContextDep, session: SessionDep, response: Response
) -> PartyRead:
    """Add an interested party with its requirements; the record's version moves."""
    party = await service.add_party(session, ctx, rec, data)
    set_etag(response, rec.version)
    return PartyRead.model_validate(party)


@router.patch("/parties/{party_id}", response_model=PartyRead)
async def update_party(
    party_id: Annotated[uuid.UUID, Path()],
    data: PartyUpdate,
    ctx: ContextWriter,
    rec: ContextDep,
    session: SessionDep,
    response: Response,
) -> PartyRead:
    """Change an interested party (relevance, requirements); the record's version moves."""
    party = await service.update_party(session, ctx, rec, party_id, data)
    set_etag(response, rec.version)
    return PartyRead.model_validate(party)
