from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Header, Query, Request, Response, status
from fastapi.responses import StreamingResponse

from certready.api.csv import CSV_RESPONSES, ListFormatDep, list_or_csv
from certready.api.deps import SessionDep
from certready.configuration import importer, service
from certready.configuration.deps import (
    ItemDep,
    OperationsReader,
    OperationsWriter,
    VerificationDep,
)
from certready.configuration.enums import CiStatus
from certready.configuration.schemas import (
    CiCreate,
    CiFilters,
    CiImportResult,
    CiPage,
    CiRead,
    CiUpdate,
    VerificationCreate,
    VerificationPage,
    VerificationRead,
    VerificationUpdate,
)
from certready.core.http import set_etag
from certready.core.pagination import PageDep
from certready.core.problems import problem_responses
from certready.db.base import columns

router = APIRouter(prefix="/orgs/{org}", tags=["configuration"])
IfMatch = Annotated[str | None, Header()]

CSV_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {
            "text/csv": {"schema": {"type": "string"}},
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": ["file"],
                    "properties": {"file": {"type": "string", "format": "binary"}},
                }
            },
        },
    }
}


def _verification(v: Any) -> VerificationRead:
    return VerificationRead.model_validate({**columns(v), "key": service.verification_key(v)})


@router.get("/configuration-items", response_model=CiPage, responses=CSV_RESPONSES)
async def list_configuration_items(
    ctx: OperationsReader,
    session: SessionDep,
    page: PageDep,
    fmt: ListFormatDep,
    status: CiStatus | None = None,
    type: Annotated[str | None, Query(max_length=64)] = None,
    owner_id: uuid.UUID | None = None,
    service_id: Annotated[
        uuid.UUID | None, Query(description="Only items supporting this service.")
    ] = None,
    q: Annotated[str | None, Query(max_length=100, description="Key or name contains.")] = None,
) -> CiPage | StreamingResponse:
    """List configuration items by key, filtered by status, type, owner, service or text."""
    filters = CiFilters(status=status, type=type, owner_id=owner_id, service_id=service_id, q=q)
    return await list_or_csv(
        fmt, page, lambda p: service.list_items(session, ctx.org_id, filters, p), CiPage
    )


@router.post(
    "/configuration-items",
    response_model=CiRead,
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(409),
)
async def create_configuration_item(
    data: CiCreate, ctx: OperationsWriter, session: SessionDep, response: Response
) -> CiRead:
    """Record a configuration item (its own key, or the next CI-<n>) and the services it
    supports."""
    item = await service.create_item(session, ctx, data)
    set_etag(response, item.version)
    return await service.read_item(session, item)


@router.post(
    "/configuration-items/import",
    response_model=CiImportResult,
    responses=problem_responses(413, 415),
    openapi_extra=CSV_BODY,
)
async def import_configuration_items(
    request: Request, ctx: OperationsWriter, session: SessionDep
) -> CiImportResult:
    """Import a CMDB export (CSV: key, name, type[, status, owner, last_verified,
    description, service]); all or nothing, known keys updated, an error per bad cell.
    `service` holds service keys (`SVC-3`, several separated by `;`)."""
    text = await importer.read_csv(request)
    return await service.import_items(session, ctx, text)


@router.get("/configuration-items/{item_id}", response_model=CiRead)
async def get_configuration_item(
    ctx: OperationsReader, item: ItemDep, session: SessionDep, response: Response
) -> CiRead:
    """Read a configuration item; the `ETag` header is needed to change it."""
    set_etag(response, item.version)
    return await service.read_item(session, item)


@router.patch(
    "/configuration-items/{item_id}",
    response_model=CiRead,
    responses=problem_responses(409, 412, 428),
)
async def update_configuration_item(
    data: CiUpdate,
    ctx: OperationsWriter,
    item: ItemDep,
    session: SessionDep,
    response: Response,
    if_match: IfMatch = None,
) -> CiRead:
    """Change a configuration item (send `If-Match`); `service_ids` replaces the services it
    supports."""
    item = await service.update_item(session, ctx, item, data, if_match)
    set_etag(response, item.version)
    return await service.read_item(session, item)


@router.delete("/configuration-items/{item_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_configuration_item(
    ctx: OperationsWriter, item: ItemDep, session: SessionDep
) -> None:
    """Delete a configuration item recorded by mistake."""
    await service.delete_item(session, ctx, item)


@router.get("/cmdb-verifications", response_model=VerificationPage, responses=CSV_RESPONSES)
async def list_cmdb_verifications(
    ctx: OperationsReader, session: SessionDep, page: PageDep, fmt: ListFormatDep
) -> VerificationPage | StreamingResponse:
    """List CMDB verifications, newest first."""
    return await list_or_csv(
        fmt,
        page,
        lambda p: service.list_verifications(session, ctx.org_id, p),
        VerificationPage,
        item=_verification,
    )


@router.post(
    "/cmdb-verifications", response_model=VerificationRead, status_code=status.HTTP_201_CREATED
)
async def create_cmdb_verification(
    data: VerificationCreate, ctx: OperationsWriter, session: SessionDep, response: Response
) -> VerificationRead:
    """Record a CMDB verification (date, sample size, result, evidence)."""
    verification = await service.create_verification(session, ctx, data)
    set_etag(response, verification.version)
    return _verification(verification)


@router.get("/cmdb-verifications/{verification_id}", response_model=VerificationRead)
async def get_cmdb_verification(
    ctx: OperationsReader, verification: VerificationDep, response: Response
) -> VerificationRead:
    """Read a CMDB verification; the `ETag` header is needed to change it."""
    set_etag(response, verification.version)
    return _verification(verification)


@router.patch(
    "/cmdb-verifications/{verification_id}",
    response_model=VerificationRead,
    responses=problem_responses(412, 428),
)
async def update_cmdb_verification(
    data: VerificationUpdate,
    ctx: OperationsWriter,
    verification: VerificationDep,
    session: SessionDep,
    response: Response,
    if_match: IfMatch = None,
) -> VerificationRead:
    """Change a CMDB verification (send `If-Match`)."""
    verification = await service.update_verification(session, ctx, verification, data, if_match)
    set_etag(response, verification.version)
    return _verification(verification)
