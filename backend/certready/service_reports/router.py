from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Header, Response, status
from fastapi.responses import StreamingResponse

from certready.api.csv import CSV_RESPONSES, ListFormatDep, list_or_csv
from certready.api.deps import SessionDep
from certready.configuration.deps import OperationsReader, OperationsWriter
from certready.core.http import set_etag
from certready.core.pagination import PageDep
from certready.core.problems import problem_responses
from certready.db.base import columns
from certready.service_reports import service
from certready.service_reports.deps import DefinitionDep, ReportDep
from certready.service_reports.schemas import (
    DefinitionCreate,
    DefinitionPage,
    DefinitionRead,
    DefinitionUpdate,
    ReportCreate,
    ReportPage,
    ReportRead,
    ReportUpdate,
)

router = APIRouter(prefix="/orgs/{org}", tags=["service reports"])
IfMatch = Annotated[str | None, Header()]


def _definition(d: Any) -> DefinitionRead:
    return DefinitionRead.model_validate({**columns(d), "key": service.definition_key(d)})


def _report(r: Any) -> ReportRead:
    return ReportRead.model_validate({**columns(r), "key": service.report_key(r)})


@router.get("/report-definitions", response_model=DefinitionPage, responses=CSV_RESPONSES)
async def list_report_definitions(
    ctx: OperationsReader, session: SessionDep, page: PageDep, fmt: ListFormatDep
) -> DefinitionPage | StreamingResponse:
    """List service report definitions, RD-1 first."""
    return await list_or_csv(
        fmt,
        page,
        lambda p: service.list_definitions(session, ctx.org_id, p),
        DefinitionPage,
        item=_definition,
    )


@router.post(
    "/report-definitions", response_model=DefinitionRead, status_code=status.HTTP_201_CREATED
)
async def create_report_definition(
    data: DefinitionCreate, ctx: OperationsWriter, session: SessionDep, response: Response
) -> DefinitionRead:
    """Record a service report agreed at a frequency (RD-<n>)."""
    definition = await service.create_definition(session, ctx, data)
    set_etag(response, definition.version)
    return _definition(definition)


@router.get("/report-definitions/{definition_id}", response_model=DefinitionRead)
async def get_report_definition(
    ctx: OperationsReader, definition: DefinitionDep, response: Response
) -> DefinitionRead:
    """Read a report definition; the `ETag` header is needed to change it."""
    set_etag(response, definition.version)
    return _definition(definition)


@router.patch(
    "/report-definitions/{definition_id}",
    response_model=DefinitionRead,
    responses=problem_responses(412, 428),
)
async def update_report_definition(
    data: DefinitionUpdate,
    ctx: OperationsWriter,
    definition: DefinitionDep,
    session: SessionDep,
    response: Response,
    if_match: IfMatch = None,
) -> DefinitionRead:
    """Change a report definition (send `If-Match`)."""
    definition = await service.update_definition(session, ctx, definition, data, if_match)
    set_etag(response, definition.version)
    return _definition(definition)


@router.get(
    "/report-definitions/{definition_id}/reports",
    response_model=ReportPage,
    responses=CSV_RESPONSES,
)
async def list_produced_reports(
    ctx: OperationsReader,
    definition: DefinitionDep,
    session: SessionDep,
    page: PageDep,
    fmt: ListFormatDep,
) -> ReportPage | StreamingResponse:
    """List the reports produced for a definition, the latest period first."""
    return await list_or_csv(
        fmt, page, lambda p: service.list_reports(session, definition, p), ReportPage, item=_report
    )


@router.post(
    "/report-definitions/{definition_id}/reports",
    response_model=ReportRead,
    status_code=status.HTTP_201_CREATED,
)
async def create_produced_report(
    data: ReportCreate,
    ctx: OperationsWriter,
    definition: DefinitionDep,
    session: SessionDep,
    response: Response,
) -> ReportRead:
    """Record a produced report (period, produced on, evidence)."""
    report = await service.create_report(session, ctx, definition, data)
    set_etag(response, report.version)
    return _report(report)


@router.get("/service-reports/{report_id}", response_model=ReportRead)
async def get_produced_report(
    ctx: OperationsReader, report: ReportDep, response: Response
) -> ReportRead:
    """Read a produced report; the `ETag` header is needed to change it."""
    set_etag(response, report.version)
    return _report(report)


@router.patch(
    "/service-reports/{report_id}", response_model=ReportRead, responses=problem_responses(412, 428)
)
async def update_produced_report(
    data: ReportUpdate,
    ctx: OperationsWriter,
    report: ReportDep,
    session: SessionDep,
    response: Response,
    if_match: IfMatch = None,
) -> ReportRead:
    """Change a produced report (send `If-Match`)."""
    report = await service.update_report(session, ctx, report, data, if_match)
    set_etag(response, report.version)
    return _report(report)
