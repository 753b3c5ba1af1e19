from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Header, Path, Query, Response, status
from fastapi.responses import StreamingResponse

from certready.api.csv import CSV_RESPONSES, ListFormatDep, list_or_csv
from certready.api.deps import SessionDep
from certready.audits import checklist, programmes, report, sampling, service
from certready.audits.deps import (
    AuditDep,
    AuditsConductor,
    AuditsManager,
    AuditsReader,
    ProgrammeDep,
)
from certready.audits.enums import AuditStatus, AuditType
from certready.audits.programmes import programme_read
from certready.audits.schemas import (
    AuditChecklistRead,
    AuditCoverageRead,
    AuditCreate,
    AuditDetailRead,
    AuditPage,
    AuditProgrammeCreate,
    AuditProgrammePage,
    AuditProgrammeRead,
    AuditProgrammeUpdate,
    AuditReportRead,
    AuditTransition,
    AuditUpdate,
    ChecklistLineRead,
    ChecklistLineUpdate,
    SampleDraw,
    SampleFilters,
    SamplePopulation,
    SampleRead,
)
from certready.core.http import set_etag
from certready.core.pagination import PageDep
from certready.core.problems import problem_responses
from certready.requirements.catalogue.loader import DEFAULT_FRAMEWORK, REF_PATTERN

programmes_router = APIRouter(prefix="/orgs/{org}/audit-programmes", tags=["audit-programmes"])
router = APIRouter(prefix="/orgs/{org}/audits", tags=["audits"])

IfMatch = Annotated[str | None, Header()]
Ref = Annotated[str, Path(pattern=REF_PATTERN, max_length=32)]


@programmes_router.get("", response_model=AuditProgrammePage, responses=CSV_RESPONSES)
async def list_audit_programmes(
    ctx: AuditsReader, session: SessionDep, page: PageDep, fmt: ListFormatDep
) -> AuditProgrammePage | StreamingResponse:
    """List the organisation's internal audit programmes, newest first."""
    return await list_or_csv(
        fmt,
        page,
        lambda p: programmes.list_programmes(session, ctx.org_id, p),
        AuditProgrammePage,
        item=programme_read,
    )


@programmes_router.post("", response_model=AuditProgrammeRead, status_code=status.HTTP_201_CREATED)
async def create_audit_programme(
    data: AuditProgrammeCreate, ctx: AuditsManager, session: SessionDep, response: Response
) -> AuditProgrammeRead:
    """Create an audit programme: period, objectives and the audit method (procedure)."""
    programme = await programmes.create_programme(session, ctx.org_id, data, ctx.actor)
    set_etag(response, programme.version)
    return programme_read(programme)


@programmes_router.get("/{programme_id}", response_model=AuditProgrammeRead)
async def get_audit_programme(
    ctx: AuditsReader, programme: ProgrammeDep, response: Response
) -> AuditProgrammeRead:
    """Read one audit programme; the `ETag` header is needed to change it."""
    set_etag(response, programme.version)
    return programme_read(programme)


@programmes_router.patch(
    "/{programme_id}", response_model=AuditProgrammeRead, responses=problem_responses(412, 428)
)
async def update_audit_programme(
    data: AuditProgrammeUpdate,
    ctx: AuditsManager,
    programme: ProgrammeDep,
    session: SessionDep,
    response: Response,
    if_match: IfMatch = None,
) -> AuditProgrammeRead:
    """Change a programme; changing period, objectives or method withdraws its approval."""
    programme = await programmes.update_programme(session, ctx, programme, data, if_match)
    set_etag(response, programme.version)
    return programme_read(programme)


@programmes_router.post(
    "/{programme_id}/approve", response_model=AuditProgrammeRead, responses=problem_responses(409)
)
async def approve_audit_programme(
    ctx: AuditsManager, programme: ProgrammeDep, session: SessionDep, response: Response
) -> AuditProgrammeRead:
    """Approve a programme (records who approved it and when)."""
    programme = await programmes.approve_programme(session, ctx, programme)
    set_etag(response, programme.version)
    return programme_read(programme)


@router.get("", response_model=AuditPage, responses=CSV_RESPONSES)
async def list_audits(
    ctx: AuditsReader,
    session: SessionDep,
    page: PageDep,
    fmt: ListFormatDep,
    type: AuditType | None = None,
    status: AuditStatus | None = None,
    programme_id: uuid.UUID | None = None,
) -> AuditPage | StreamingResponse:
    """List audits, newest first, filtered by type, status or programme."""
    return await list_or_csv(
        fmt,
        page,
        lambda p: service.list_audits(session, ctx.org_id, type, status, programme_id, p),
        AuditPage,
    )


@router.post("", response_model=AuditDetailRead, status_code=status.HTTP_201_CREATED)
async def create_audit(
    data: AuditCreate, ctx: AuditsManager, session: SessionDep, response: Response
) -> AuditDetailRead:
    """Plan an audit: type, scope (refs or clause prefixes), criteria, dates and team."""
    audit = await service.create_audit(session, ctx.org_id, data, ctx.actor)
    set_etag(response, audit.version)
    return await service.audit_detail(session, audit)


@router.get("/coverage", response_model=AuditCoverageRead)
async def get_audit_coverage(
    ctx: AuditsReader,
    session: SessionDep,
    months: Annotated[int, Query(ge=1, le=120)] = 12,
    framework: Annotated[str, Query(max_length=64)] = DEFAULT_FRAMEWORK,
) -> AuditCoverageRead:
    """Show, per leaf requirement, the latest internal audit that assessed it in the window,
    and the requirements no internal audit covered."""
    return await report.audit_coverage(session, ctx.org_id, months, framework)


@router.get("/{audit_id}", response_model=AuditDetailRead)
async def get_audit(
    ctx: AuditsReader, audit: AuditDep, session: SessionDep, response: Response
) -> AuditDetailRead:
    """Read an audit with its expanded scope, checklist counts and independence gaps."""
    set_etag(response, audit.version)
    return await service.audit_detail(session, audit)


@router.patch(
    "/{audit_id}", response_model=AuditDetailRead, responses=problem_responses(409, 412, 428)
)
async def update_audit(
    data: AuditUpdate,
    ctx: AuditsManager,
    audit: AuditDep,
    session: SessionDep,
    response: Response,
    if_match: IfMatch = None,
) -> AuditDetailRead:
    """Change an audit that is not closed or cancelled (send `If-Match`)."""
    audit = await service.update_audit(session, ctx, audit, data, if_match)
    set_etag(response, audit.version)
    return await service.audit_detail(session, audit)


@router.post(
    "/{audit_id}/transitions", response_model=AuditDetailRead, responses=problem_responses(409)
)
async def transition_audit(
    data: AuditTransition,
    ctx: AuditsManager,
    audit: AuditDep,
    session: SessionDep,
    response: Response,
) -> AuditDetailRead:
    """Move an audit through its lifecycle; starting it builds the checklist."""
    audit = await service.transition_audit(session, ctx, audit, data)
    set_etag(response, audit.version)
    return await service.audit_detail(session, audit)


@router.get("/{audit_id}/checklist", response_model=AuditChecklistRead)
async def get_audit_checklist(
    ctx: AuditsReader, audit: AuditDep, session: SessionDep
) -> AuditChecklistRead:
    """List every checklist line in clause order (ref, title, top clause, result, evidence)."""
    return await checklist.get_checklist(session, audit)


@router.patch(
    "/{audit_id}/checklist/{ref}",
    response_model=ChecklistLineRead,
    responses=problem_responses(409, 412),
)
async def assess_audit_checklist_line(
    ref: Ref,
    data: ChecklistLineUpdate,
    ctx: AuditsConductor,
    audit: AuditDep,
    session: SessionDep,
    response: Response,
    if_match: IfMatch = None,
) -> ChecklistLineRead:
    """Assess one checklist line (result, notes, sampled evidence, auditor).

    Auditors cannot assess requirements they own (409 `auditor-not-independent`).
    `If-Match` with the line's version is optional and checked when sent.
    """
    line = await checklist.assess_line(session, ctx, audit, ref, data, if_match)
    set_etag(response, line.version)
    return line


@router.get(
    "/{audit_id}/checklist/{ref}/sample",
    response_model=SampleRead,
    responses=problem_responses(422),
)
async def get_audit_checklist_sample(
    ref: Ref, ctx: AuditsReader, audit: AuditDep, session: SessionDep
) -> SampleRead:
    """The line's ITSM sample: its seed, filters, population size and the drawn records."""
    return await sampling.get_sample(session, audit, ref)


@router.get(
    "/{audit_id}/checklist/{ref}/sample/population",
    response_model=SamplePopulation,
    responses=problem_responses(422),
)
async def get_audit_checklist_population(
    ref: Ref,
    filters: Annotated[SampleFilters, Query()],
    ctx: AuditsReader,
    audit: AuditDep,
    session: SessionDep,
) -> SamplePopulation:
    """How many of the line's ITSM records the filters hold, and the suggested sample size
    (population up to 50: 5, up to 250: 10, more: 25)."""
    return await sampling.population(session, audit, ref, filters)


@router.post(
    "/{audit_id}/checklist/{ref}/sample",
    response_model=SampleRead,
    responses=problem_responses(409, 412, 422),
)
async def draw_audit_checklist_sample(
    ref: Ref,
    data: SampleDraw,
    ctx: AuditsConductor,
    audit: AuditDep,
    session: SessionDep,
    response: Response,
    if_match: IfMatch = None,
) -> SampleRead:
    """Draw a reproducible sample of the line's ITSM records (replacing the previous one).

    The population is the records of the line's clause the filters hold, ordered by id; the
    same `seed`, filters and population draw the same records. `size` defaults to the
    suggested size; `seed` to a new random one. `If-Match` with the line's version is
    optional and checked when sent.
    """
    sample = await sampling.draw_sample(session, ctx, audit, ref, data, if_match)
    set_etag(response, sample.version)
    return sample


@router.get("/{audit_id}/report", response_model=AuditReportRead)
async def get_audit_report(
    ctx: AuditsReader, audit: AuditDep, session: SessionDep
) -> AuditReportRead:
    """Build the audit report: scope, criteria, team, dates, results by clause, findings,
    conclusions and distribution."""
    return await report.audit_report(session, audit)
