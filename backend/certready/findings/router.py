from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Header, Query, Response, status
from fastapi.responses import StreamingResponse

from certready.api.csv import CSV_RESPONSES, ListFormatDep, list_or_csv
from certready.api.deps import SessionDep
from certready.core.http import set_etag
from certready.core.pagination import PageDep
from certready.core.problems import problem_responses
from certready.findings import service
from certready.findings.deps import FindingDep, FindingsReader, FindingsWriter
from certready.findings.enums import FindingGrade, FindingSource, FindingStatus
from certready.findings.schemas import (
    FindingCreate,
    FindingFilters,
    FindingPage,
    FindingRead,
    FindingTransition,
    FindingUpdate,
)
from certready.requirements.catalogue.loader import REF_PATTERN

router = APIRouter(prefix="/orgs/{org}/findings", tags=["findings"])


@router.get("", response_model=FindingPage, responses=CSV_RESPONSES)
async def list_findings(
    ctx: FindingsReader,
    session: SessionDep,
    page: PageDep,
    fmt: ListFormatDep,
    grade: FindingGrade | None = None,
    status: FindingStatus | None = None,
    clause: Annotated[
        str | None,
        Query(pattern=REF_PATTERN, max_length=32, description='Clause prefix: "8" or "8.5".'),
    ] = None,
    audit_id: uuid.UUID | None = None,
    source: FindingSource | None = None,
    overdue: Annotated[bool | None, Query(description="Due date passed and not closed.")] = None,
) -> FindingPage | StreamingResponse:
    """List findings, newest first, filtered by grade, status, clause, audit, source or overdue."""
    filters = FindingFilters(
        grade=grade,
        status=status,
        clause=clause,
        audit_id=audit_id,
        source=source,
        overdue=overdue,
    )
    return await list_or_csv(
        fmt, page, lambda p: service.list_findings(session, ctx.org_id, filters, p), FindingPage
    )


@router.post(
    "",
    response_model=FindingRead,
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(409),
)
async def create_finding(
    data: FindingCreate, ctx: FindingsWriter, session: SessionDep, response: Response
) -> FindingRead:
    """Raise a finding (F-<n>); from a checklist line it becomes the line's linked finding."""
    finding = await service.create_finding(session, ctx, data)
    set_etag(response, finding.version)
    return await service.finding_read(session, finding)


@router.get("/{finding_id}", response_model=FindingRead)
async def get_finding(
    ctx: FindingsReader, finding: FindingDep, session: SessionDep, response: Response
) -> FindingRead:
    """Read a finding; the `ETag` header is needed to change it."""
    set_etag(response, finding.version)
    return await service.finding_read(session, finding)


@router.patch(
    "/{finding_id}", response_model=FindingRead, responses=problem_responses(409, 412, 428)
)
async def update_finding(
    data: FindingUpdate,
    ctx: FindingsWriter,
    finding: FindingDep,
    session: SessionDep,
    response: Response,
    if_match: Annotated[str | None, Header()] = None,
) -> FindingRead:
    """Change a finding that is not closed (send `If-Match`)."""
    finding = await service.update_finding(session, ctx, finding, data, if_match)
    set_etag(response, finding.version)
    return await service.finding_read(session, finding)


@router.post(
    "/{finding_id}/transitions", response_model=FindingRead, responses=problem_responses(409)
)
async def transition_finding(
    data: FindingTransition,
    ctx: FindingsWriter,
    finding: FindingDep,
    session: SessionDep,
    response: Response,
) -> FindingRead:
    """Move a finding through its lifecycle (observations and OFIs close with a note)."""
    finding = await service.transition_finding(session, ctx, finding, data)
    set_etag(response, finding.version)
    return await service.finding_read(session, finding)
