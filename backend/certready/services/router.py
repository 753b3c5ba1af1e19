from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Header, Response, status
from fastapi.responses import StreamingResponse

from certready.api.csv import CSV_RESPONSES, ListFormatDep, list_or_csv
from certready.api.deps import SessionDep
from certready.core.http import set_etag
from certready.core.pagination import PageDep
from certready.core.problems import problem_responses
from certready.services import processes, scope, service
from certready.services.deps import (
    ProcessDep,
    ScopeWriter,
    ServiceDep,
    ServicesReader,
    ServicesWriter,
)
from certready.services.enums import ServiceStatus
from certready.services.schemas import (
    ProcessCreate,
    ProcessUpdate,
    ScopeServicesRead,
    ScopeServicesUpdate,
    ServiceCreate,
    ServiceFilters,
    ServicePage,
    ServiceRead,
    ServiceTransition,
    ServiceUpdate,
)

router = APIRouter(prefix="/orgs/{org}/services", tags=["services"])
scope_router = APIRouter(prefix="/orgs/{org}/scope", tags=["services"])
IfMatch = Annotated[str | None, Header()]


@router.get("", response_model=ServicePage, responses=CSV_RESPONSES)
async def list_services(
    ctx: ServicesReader,
    session: SessionDep,
    page: PageDep,
    fmt: ListFormatDep,
    status: ServiceStatus | None = None,
    in_scope: bool | None = None,
    customer_id: uuid.UUID | None = None,
    owner_id: uuid.UUID | None = None,
) -> ServicePage | StreamingResponse:
    """The service catalogue (SVC-1 first), by status, scope flag, customer or owner."""
    filters = ServiceFilters(
        status=status, in_scope=in_scope, customer_id=customer_id, owner_id=owner_id
    )
    return await list_or_csv(
        fmt, page, lambda p: service.list_services(session, ctx.org_id, filters, p), ServicePage
    )


@router.post("", response_model=ServiceRead, status_code=status.HTTP_201_CREATED)
async def create_service(
    data: ServiceCreate, ctx: ServicesWriter, session: SessionDep, response: Response
) -> ServiceRead:
    """Add a service (SVC-<n>, pipeline); outside the scope it needs a reason."""
    svc = await service.create_service(session, ctx, data)
    set_etag(response, svc.version)
    return await service.read_service(session, svc)


@router.get("/{service_id}", response_model=ServiceRead)
async def get_service(
    ctx: ServicesReader, svc: ServiceDep, session: SessionDep, response: Response
) -> ServiceRead:
    """Read a service with its customers and processes; the `ETag` is needed to change it."""
    set_etag(response, svc.version)
    return await service.read_service(session, svc)


@router.patch("/{service_id}", response_model=ServiceRead, responses=problem_responses(412, 428))
async def update_service(
    data: ServiceUpdate,
    ctx: ServicesWriter,
    svc: ServiceDep,
    session: SessionDep,
    response: Response,
    if_match: IfMatch = None,
) -> ServiceRead:
    """Change a service (send `If-Match`); `customer_ids` replaces its customers."""
    svc = await service.update_service(session, ctx, svc, data, if_match)
    set_etag(response, svc.version)
    return await service.read_service(session, svc)


@router.post(
    "/{service_id}/transitions", response_model=ServiceRead, responses=problem_responses(409)
)
async def transition_service(
    data: ServiceTransition,
    ctx: ServicesWriter,
    svc: ServiceDep,
    session: SessionDep,
    response: Response,
) -> ServiceRead:
    """Move a service: pipeline -> live -> retiring -> retired (409 names the allowed states)."""
    svc = await service.transition_service(session, ctx, svc, data)
    set_etag(response, svc.version)
    return await service.read_service(session, svc)


@router.post(
    "/{service_id}/processes",
    response_model=ServiceRead,
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(409),
)
async def add_process(
    data: ProcessCreate,
    ctx: ServicesWriter,
    svc: ServiceDep,
    session: SessionDep,
    response: Response,
) -> ServiceRead:
    """Name a clause-8 process supporting the service and who operates it."""
    await processes.add_process(session, ctx, svc, data)
    set_etag(response, svc.version)
    return await service.read_service(session, svc)


@router.patch(
    "/{service_id}/processes/{process_id}",
    response_model=ServiceRead,
    responses=problem_responses(412, 428),
)
async def update_process(
    data: ProcessUpdate,
    ctx: ServicesWriter,
    svc: ServiceDep,
    process: ProcessDep,
    session: SessionDep,
    response: Response,
    if_match: IfMatch = None,
) -> ServiceRead:
    """Change a process's operator, owner or monitoring (`If-Match` of the service)."""
    await processes.update_process(session, ctx, svc, process, data, if_match)
    set_etag(response, svc.version)
    return await service.read_service(session, svc)


@router.delete(
    "/{service_id}/processes/{process_id}",
    response_model=ServiceRead,
    responses=problem_responses(412, 428),
)
async def remove_process(
    ctx: ServicesWriter,
    svc: ServiceDep,
    process: ProcessDep,
    session: SessionDep,
    response: Response,
    if_match: IfMatch = None,
) -> ServiceRead:
    """Remove a process from the service (`If-Match` of the service)."""
    await processes.remove_process(session, ctx, svc, process, if_match)
    set_etag(response, svc.version)
    return await service.read_service(session, svc)


@scope_router.get("/services", response_model=ScopeServicesRead)
async def read_scope_services(
    ctx: ServicesReader, session: SessionDep, response: Response
) -> ScopeServicesRead:
    """The services the scope statement names; the `ETag` is the organisation's."""
    set_etag(response, ctx.org.version)
    return await scope.read_scope(session, ctx)


@scope_router.put(
    "/services", response_model=ScopeServicesRead, responses=problem_responses(412, 428)
)
async def set_scope_services(
    data: ScopeServicesUpdate,
    ctx: ScopeWriter,
    session: SessionDep,
    response: Response,
    if_match: IfMatch = None,
) -> ScopeServicesRead:
    """Replace the services the scope statement names (`If-Match` of the organisation)."""
    result = await scope.set_scope(session, ctx, data, if_match)
    set_etag(response, result.version)
    return result
