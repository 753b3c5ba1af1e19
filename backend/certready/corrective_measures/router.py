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
from certready.corrective_measures import service
from certready.corrective_measures.deps import MeasureDep, MeasuresReader, MeasuresWriter
from certready.corrective_measures.enums import MeasureStatus
from certready.corrective_measures.schemas import (
    CorrectiveActionCreate,
    CorrectiveActionUpdate,
    CorrectiveMeasureCreate,
    CorrectiveMeasureFilters,
    CorrectiveMeasurePage,
    CorrectiveMeasureRead,
    CorrectiveMeasureTransition,
    CorrectiveMeasureUpdate,
    EffectivenessReviewCreate,
)

router = APIRouter(prefix="/orgs/{org}/corrective-measures", tags=["corrective-measures"])


@router.get("", response_model=CorrectiveMeasurePage, responses=CSV_RESPONSES)
async def list_corrective_measures(
    ctx: MeasuresReader,
    session: SessionDep,
    page: PageDep,
    fmt: ListFormatDep,
    status: MeasureStatus | None = None,
    owner_id: uuid.UUID | None = None,
    finding_id: uuid.UUID | None = None,
    overdue: Annotated[
        bool | None, Query(description="Due date passed and not yet implemented.")
    ] = None,
) -> CorrectiveMeasurePage | StreamingResponse:
    """List corrective measures, newest first, filtered by status, owner, finding or overdue."""
    filters = CorrectiveMeasureFilters(
        status=status, owner_id=owner_id, finding_id=finding_id, overdue=overdue
    )
    return await list_or_csv(
        fmt,
        page,
        lambda p: service.list_measures(session, ctx.org_id, filters, p),
        CorrectiveMeasurePage,
    )


@router.post(
    "",
    response_model=CorrectiveMeasureRead,
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(409),
)
async def create_corrective_measure(
    data: CorrectiveMeasureCreate, ctx: MeasuresWriter, session: SessionDep, response: Response
) -> CorrectiveMeasureRead:
    """Open a corrective measure (CM-<n>) on one or more findings, or standing alone."""
    measure = await service.create_measure(session, ctx, data)
    set_etag(response, measure.version)
    return await service.measure_read(session, measure)


@router.get("/{measure_id}", response_model=CorrectiveMeasureRead)
async def get_corrective_measure(
    ctx: MeasuresReader, measure: MeasureDep, session: SessionDep, response: Response
) -> CorrectiveMeasureRead:
    """Read a corrective measure; the `ETag` header is needed to change it."""
    set_etag(response, measure.version)
    return await service.measure_read(session, measure)


@router.patch(
    "/{measure_id}",
    response_model=CorrectiveMeasureRead,
    responses=problem_responses(409, 412, 428),
)
async def update_corrective_measure(
    data: CorrectiveMeasureUpdate,
    ctx: MeasuresWriter,
    measure: MeasureDep,
    session: SessionDep,
    response: Response,
    if_match: Annotated[str | None, Header()] = None,
) -> CorrectiveMeasureRead:
    """Record the correction, root cause, extent and SMS changes (send `If-Match`)."""
    measure, moved = await service.update_measure(session, ctx, measure, data, if_match)
    set_etag(response, measure.version)
    return await service.measure_read(session, measure, moved)


@router.post(
    "/{measure_id}/transitions",
    response_model=CorrectiveMeasureRead,
    responses=problem_responses(409),
)
async def transition_corrective_measure(
    data: CorrectiveMeasureTransition,
    ctx: MeasuresWriter,
    measure: MeasureDep,
    session: SessionDep,
    response: Response,
) -> CorrectiveMeasureRead:
    """Move a measure through its lifecycle (cancelling needs a reason in the note)."""
    measure, moved = await service.transition_measure(session, ctx, measure, data)
    set_etag(response, measure.version)
    return await service.measure_read(session, measure, moved)


@router.post(
    "/{measure_id}/actions",
    response_model=CorrectiveMeasureRead,
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(409),
)
async def add_corrective_action(
    data: CorrectiveActionCreate,
    ctx: MeasuresWriter,
    measure: MeasureDep,
    session: SessionDep,
    response: Response,
) -> CorrectiveMeasureRead:
    """Plan an action of the measure (owner and due date are needed before it is planned)."""
    measure = await service.add_action(session, ctx, measure, data)
    set_etag(response, measure.version)
    return await service.measure_read(session, measure)


@router.patch(
    "/{measure_id}/actions/{action_id}",
    response_model=CorrectiveMeasureRead,
    responses=problem_responses(409),
)
async def update_corrective_action(
    data: CorrectiveActionUpdate,
    ctx: MeasuresWriter,
    measure: MeasureDep,
    session: SessionDep,
    response: Response,
    action_id: Annotated[uuid.UUID, Path()],
) -> CorrectiveMeasureRead:
    """Change an action or mark it done, with its completion evidence."""
    measure = await service.update_action(session, ctx, measure, action_id, data)
    set_etag(response, measure.version)
    return await service.measure_read(session, measure)


@router.post(
    "/{measure_id}/effectiveness-review",
    response_model=CorrectiveMeasureRead,
    responses=problem_responses(409),
)
async def record_effectiveness_review(
    data: EffectivenessReviewCreate,
    ctx: MeasuresWriter,
    measure: MeasureDep,
    session: SessionDep,
    response: Response,
) -> CorrectiveMeasureRead:
    """Record the caller's effectiveness review; not effective returns the measure to analysis."""
    measure = await service.record_effectiveness_review(session, ctx, measure, data)
    set_etag(response, measure.version)
    return await service.measure_read(session, measure)
