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
from certready.risks import service
from certready.risks.deps import (
    RiskDep,
    RiskMethodDep,
    RiskMethodManager,
    RisksReader,
    RisksWriter,
)
from certready.risks.enums import RiskStatus, Treatment
from certready.risks.schemas import (
    RiskActionCreate,
    RiskActionRead,
    RiskActionUpdate,
    RiskCreate,
    RiskFilters,
    RiskHeatMap,
    RiskMethodRead,
    RiskMethodUpdate,
    RiskMethodWrite,
    RiskPage,
    RiskRead,
    RiskUpdate,
)
from certready.risks.service import method_read

router = APIRouter(prefix="/orgs/{org}/risks", tags=["risks"])


@router.get("/method", response_model=RiskMethodRead)
async def get_risk_method(
    ctx: RisksReader, method: RiskMethodDep, response: Response
) -> RiskMethodRead:
    """The risk method: scales, level matrix and acceptance criteria (404 before it exists)."""
    set_etag(response, method.version)
    return method_read(method)


@router.post(
    "/method",
    response_model=RiskMethodRead,
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(409),
)
async def create_risk_method(
    data: RiskMethodWrite, ctx: RiskMethodManager, session: SessionDep, response: Response
) -> RiskMethodRead:
    """Record the organisation's risk method (once)."""
    method = await service.create_method(session, ctx, data)
    set_etag(response, method.version)
    return method_read(method)


@router.patch("/method", response_model=RiskMethodRead, responses=problem_responses(409, 412, 428))
async def update_risk_method(
    data: RiskMethodUpdate,
    ctx: RiskMethodManager,
    method: RiskMethodDep,
    session: SessionDep,
    response: Response,
    if_match: Annotated[str | None, Header()] = None,
) -> RiskMethodRead:
    """Change or approve the method (send `If-Match`)."""
    method = await service.update_method(session, ctx, method, data, if_match)
    set_etag(response, method.version)
    return method_read(method)


@router.get("/heat-map", response_model=RiskHeatMap)
async def get_heat_map(ctx: RisksReader, session: SessionDep) -> RiskHeatMap:
    """Open risks per likelihood x impact cell, with each cell's level."""
    return await service.heat_map(session, ctx.org_id)


@router.get("", response_model=RiskPage, responses=CSV_RESPONSES)
async def list_risks(
    ctx: RisksReader,
    session: SessionDep,
    page: PageDep,
    fmt: ListFormatDep,
    level: Annotated[str | None, Query(max_length=60, description="A level of the method.")] = None,
    owner_id: uuid.UUID | None = None,
    treatment: Treatment | None = None,
    undecided: bool | None = None,
    status: RiskStatus | None = None,
    overdue_review: bool | None = None,
    service_id: Annotated[
        uuid.UUID | None, Query(description="Only risks affecting this service.")
    ] = None,
) -> RiskPage | StreamingResponse:
    """The risk register (RSK-1 first), by level, owner, treatment, status, overdue review
    or affected service."""
    filters = RiskFilters(
        level=level,
        owner_id=owner_id,
        treatment=treatment,
        undecided=undecided,
        status=status,
        overdue_review=overdue_review,
        service_id=service_id,
    )
    return await list_or_csv(
        fmt, page, lambda p: service.list_risks(session, ctx.org_id, filters, p), RiskPage
    )


@router.post(
    "",
    response_model=RiskRead,
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(409),
)
async def create_risk(
    data: RiskCreate, ctx: RisksWriter, session: SessionDep, response: Response
) -> RiskRead:
    """Register a risk (RSK-<n>) with likelihood and impact on the method's scales."""
    risk = await service.create_risk(session, ctx, data)
    set_etag(response, risk.version)
    return await service.read_risk(session, risk)


@router.get("/{risk_id}", response_model=RiskRead)
async def get_risk(
    ctx: RisksReader, risk: RiskDep, session: SessionDep, response: Response
) -> RiskRead:
    """Read a risk with its computed level; the `ETag` header is needed to change it."""
    set_etag(response, risk.version)
    return await service.read_risk(session, risk)


@router.patch("/{risk_id}", response_model=RiskRead, responses=problem_responses(409, 412, 428))
async def update_risk(
    data: RiskUpdate,
    ctx: RisksWriter,
    risk: RiskDep,
    session: SessionDep,
    response: Response,
    if_match: Annotated[str | None, Header()] = None,
) -> RiskRead:
    """Change a risk (send `If-Match`); process owners change only their own;
    `service_ids` replaces the services it affects."""
    risk = await service.update_risk(session, ctx, risk, data, if_match)
    set_etag(response, risk.version)
    return await service.read_risk(session, risk)


@router.delete("/{risk_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_risk(ctx: RisksWriter, risk: RiskDep, session: SessionDep) -> None:
    """Delete a risk registered by mistake."""
    await service.delete_risk(session, ctx, risk)


@router.post(
    "/{risk_id}/actions", response_model=RiskActionRead, status_code=status.HTTP_201_CREATED
)
async def add_risk_action(
    data: RiskActionCreate, ctx: RisksWriter, risk: RiskDep, session: SessionDep, response: Response
) -> RiskActionRead:
    """Add a treatment action; the risk's version moves."""
    action = await service.add_action(session, ctx, risk, data)
    set_etag(response, risk.version)
    return RiskActionRead.model_validate(action)


@router.patch("/{risk_id}/actions/{action_id}", response_model=RiskActionRead)
async def update_risk_action(
    action_id: Annotated[uuid.UUID, Path()],
    data: RiskActionUpdate,
    ctx: RisksWriter,
    risk: RiskDep,
    session: SessionDep,
    response: Response,
) -> RiskActionRead:
    """Change a treatment action (done, owner, due date); the risk's version moves."""
    action = await service.update_action(session, ctx, risk, action_id, data)
    set_etag(response, risk.version)
    return RiskActionRead.model_validate(action)
