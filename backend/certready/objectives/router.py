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
from certready.objectives import service
from certready.objectives.deps import ObjectiveDep, ObjectivesReader, ObjectivesWriter
from certready.objectives.enums import Frequency, ObjectiveStatus
from certready.objectives.schemas import (
    MeasurementCreate,
    MeasurementPage,
    MeasurementRead,
    ObjectiveCreate,
    ObjectiveFilters,
    ObjectivePage,
    ObjectiveRead,
    ObjectiveUpdate,
)

router = APIRouter(prefix="/orgs/{org}/objectives", tags=["objectives"])


@router.get("", response_model=ObjectivePage, responses=CSV_RESPONSES)
async def list_objectives(
    ctx: ObjectivesReader,
    session: SessionDep,
    page: PageDep,
    fmt: ListFormatDep,
    status: ObjectiveStatus | None = None,
    owner_id: uuid.UUID | None = None,
    frequency: Frequency | None = None,
) -> ObjectivePage | StreamingResponse:
    """List objectives (O-1 first) with their computed status, by status, owner or frequency."""
    filters = ObjectiveFilters(status=status, owner_id=owner_id, frequency=frequency)
    return await list_or_csv(
        fmt, page, lambda p: service.list_objectives(session, ctx.org_id, filters, p), ObjectivePage
    )


@router.post(
    "",
    response_model=ObjectiveRead,
    status_code=status.HTTP_201_CREATED,
)
async def create_objective(
    data: ObjectiveCreate, ctx: ObjectivesWriter, session: SessionDep, response: Response
) -> ObjectiveRead:
    """Create a measurable objective (O-<n>) with metric, target, direction and owner."""
    objective = await service.create_objective(session, ctx, data)
    set_etag(response, objective.version)
    return await service.read_objective(session, objective)


@router.get("/{objective_id}", response_model=ObjectiveRead)
async def get_objective(
    ctx: ObjectivesReader, objective: ObjectiveDep, session: SessionDep, response: Response
) -> ObjectiveRead:
    """Read an objective and its status; the `ETag` header is needed to change it."""
    set_etag(response, objective.version)
    return await service.read_objective(session, objective)


@router.patch(
    "/{objective_id}", response_model=ObjectiveRead, responses=problem_responses(412, 428)
)
async def update_objective(
    data: ObjectiveUpdate,
    ctx: ObjectivesWriter,
    objective: ObjectiveDep,
    session: SessionDep,
    response: Response,
    if_match: Annotated[str | None, Header()] = None,
) -> ObjectiveRead:
    """Change an objective (send `If-Match`); process owners change only their own."""
    objective = await service.update_objective(session, ctx, objective, data, if_match)
    set_etag(response, objective.version)
    return await service.read_objective(session, objective)


@router.delete(
    "/{objective_id}", status_code=status.HTTP_204_NO_CONTENT, responses=problem_responses(409)
)
async def delete_objective(
    ctx: ObjectivesWriter, objective: ObjectiveDep, session: SessionDep
) -> None:
    """Delete an objective that has no measurements yet."""
    await service.delete_objective(session, ctx, objective)


@router.get("/{objective_id}/measurements", response_model=MeasurementPage, responses=CSV_RESPONSES)
async def list_measurements(
    ctx: ObjectivesReader,
    objective: ObjectiveDep,
    session: SessionDep,
    page: PageDep,
    fmt: ListFormatDep,
) -> MeasurementPage | StreamingResponse:
    """List an objective's measurements, latest period first."""
    return await list_or_csv(
        fmt,
        page,
        lambda p: service.list_measurements(session, objective, p),
        MeasurementPage,
        item=MeasurementRead.model_validate,
    )


@router.post(
    "/{objective_id}/measurements",
    response_model=MeasurementRead,
    status_code=status.HTTP_201_CREATED,
)
async def create_measurement(
    data: MeasurementCreate, ctx: ObjectivesWriter, objective: ObjectiveDep, session: SessionDep
) -> MeasurementRead:
    """Record a measured value for a period (a day, or start and end)."""
    measurement = await service.create_measurement(session, ctx, objective, data)
    return MeasurementRead.model_validate(measurement)
