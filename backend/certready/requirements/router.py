from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Header, Path, Query, Response
from fastapi.responses import StreamingResponse

from certready.api.csv import CSV_RESPONSES, ListFormatDep, list_or_csv
from certready.api.deps import PrincipalDep, SessionDep
from certready.core.http import set_etag
from certready.core.pagination import PageDep
from certready.core.problems import problem_responses
from certready.requirements import service
from certready.requirements.catalogue.loader import REF_PATTERN
from certready.requirements.deps import (
    FrameworkDep,
    FrameworkQueryDep,
    RequirementsEditor,
    RequirementsReader,
)
from certready.requirements.enums import AssessableFilter, CatalogueView, ImplementationStatus
from certready.requirements.schemas import (
    DocumentedInformationCatalogue,
    FrameworkPage,
    FrameworkRead,
    RequirementBulkResult,
    RequirementBulkUpdate,
    RequirementCatalogue,
    RequirementDetailRead,
    RequirementFilters,
    RequirementPage,
    RequirementSummaryRead,
    RequirementUpdate,
)

frameworks_router = APIRouter(prefix="/frameworks", tags=["frameworks"])
router = APIRouter(prefix="/orgs/{org}/requirements", tags=["requirements"])

RefPath = Annotated[str, Path(max_length=32, description="Clause ref.", examples=["8.6.1"])]


@frameworks_router.get("", response_model=FrameworkPage, responses=CSV_RESPONSES)
async def list_frameworks(
    principal: PrincipalDep, session: SessionDep, page: PageDep, fmt: ListFormatDep
) -> FrameworkPage | StreamingResponse:
    """List the frameworks whose requirements can be tracked (ISO/IEC 20000-1:2018 first)."""
    return await list_or_csv(
        fmt,
        page,
        lambda p: service.list_frameworks(session, p),
        FrameworkPage,
        item=FrameworkRead.model_validate,
    )


@frameworks_router.get(
    "/{framework}/requirements",
    response_model=RequirementCatalogue,
    responses=problem_responses(404),
)
async def list_framework_requirements(
    principal: PrincipalDep,
    session: SessionDep,
    framework: FrameworkDep,
    view: CatalogueView = CatalogueView.flat,
) -> RequirementCatalogue:
    """Read a framework's requirement catalogue with our guidance, as a flat list or a tree.

    Each node names the documented information it asks for. The catalogue is bounded
    reference data, so it is returned whole (no paging), ordered by clause number.
    """
    return await service.list_framework_requirements(session, framework, view)


@frameworks_router.get(
    "/{framework}/documented-information",
    response_model=DocumentedInformationCatalogue,
    responses=problem_responses(404),
)
async def list_documented_information(
    principal: PrincipalDep, session: SessionDep, framework: FrameworkDep
) -> DocumentedInformationCatalogue:
    """List the documents and records a framework asks for, by clause, and which are mandatory."""
    return await service.list_documented_information(session, framework)


@router.get("", response_model=RequirementPage, responses=CSV_RESPONSES)
async def list_requirements(
    ctx: RequirementsReader,
    session: SessionDep,
    framework: FrameworkQueryDep,
    page: PageDep,
    fmt: ListFormatDep,
    clause: Annotated[
        str | None,
        Query(
            max_length=32,
            pattern=REF_PATTERN,
            description="Clause prefix: `8.5` matches 8.5 and 8.5.x, not 8.50.",
        ),
    ] = None,
    status: Annotated[
        list[ImplementationStatus] | None, Query(description="Repeat to match any of several.")
    ] = None,
    owner_id: uuid.UUID | None = None,
    not_occurring: bool | None = None,
    q: Annotated[
        str | None,
        Query(min_length=1, max_length=200, description="Case-insensitive text in ref or title."),
    ] = None,
    assessable: Annotated[
        AssessableFilter,
        Query(
            description=(
                "`true` (default): the assessable leaves; `false`: grouping clauses only; "
                "`all`: both. Grouping clauses carry no status, so their status fields are null."
            )
        ),
    ] = AssessableFilter.true,
) -> RequirementPage | StreamingResponse:
    """List the organisation's requirements with their implementation status, in clause order."""
    filters = RequirementFilters(
        clause=clause,
        status=status,
        owner_id=owner_id,
        not_occurring=not_occurring,
        q=q,
        assessable=assessable,
    )
    return await list_or_csv(
        fmt,
        page,
        lambda p: service.list_requirements(session, ctx.org_id, framework, filters, p),
        RequirementPage,
    )


@router.get("/summary", response_model=RequirementSummaryRead)
async def summarize_requirements(
    ctx: RequirementsReader, session: SessionDep, framework: FrameworkQueryDep
) -> RequirementSummaryRead:
    """Count the organisation's requirements by status, per top-level clause and overall."""
    return await service.summarize_requirements(session, ctx.org_id, framework)


@router.post("/bulk", response_model=RequirementBulkResult, responses=problem_responses(412))
async def bulk_update_requirements(
    data: RequirementBulkUpdate,
    editor: RequirementsEditor,
    session: SessionDep,
    framework: FrameworkQueryDep,
) -> RequirementBulkResult:
    """Change up to 500 requirements at once, all or nothing.

    Every row is checked before anything is written; one bad row refuses the whole
    request (422, each error names the row index and ref). `If-Match` is not used here:
    give a row's `version` to refuse it when someone changed it meanwhile (412).
    """
    return await service.bulk_update_requirements(session, editor, framework, data)


@router.get("/{ref}", response_model=RequirementDetailRead)
async def get_requirement(
    ref: RefPath,
    ctx: RequirementsReader,
    session: SessionDep,
    framework: FrameworkQueryDep,
    response: Response,
) -> RequirementDetailRead:
    """Read one requirement: status, guidance, documented information it asks for and its history.

    The `ETag` header is needed to change it.
    """
    detail = await service.get_requirement(session, ctx.org_id, framework, ref)
    set_etag(response, detail.version or 0)
    return detail


@router.patch("/{ref}", response_model=RequirementDetailRead, responses=problem_responses(412, 428))
async def update_requirement(
    ref: RefPath,
    data: RequirementUpdate,
    editor: RequirementsEditor,
    session: SessionDep,
    framework: FrameworkQueryDep,
    response: Response,
    if_match: Annotated[str | None, Header()] = None,
) -> RequirementDetailRead:
    """Change a requirement's status, owner, target date, notes or not-occurring justification.

    ISO/IEC 20000-1 allows no exclusions: "not applicable" is refused (422); use
    `not_occurring` with a justification. Process owners change only the requirements
    they own and cannot hand them to someone else (403).
    """
    detail = await service.update_requirement(session, editor, framework, ref, data, if_match)
    set_etag(response, detail.version or 0)
    return detail
