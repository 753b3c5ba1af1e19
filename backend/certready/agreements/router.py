from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Header, Response, status
from fastapi.responses import StreamingResponse

from certready.agreements import service, targets
from certready.agreements.deps import AgreementDep
from certready.agreements.enums import AgreementStatus, AgreementType
from certready.agreements.schemas import (
    AgreementCreate,
    AgreementFilters,
    AgreementPage,
    AgreementRead,
    AgreementUpdate,
    TargetCreate,
    TargetUpdate,
)
from certready.agreements.service import read_agreement
from certready.api.csv import CSV_RESPONSES, ListFormatDep, list_or_csv
from certready.api.deps import SessionDep
from certready.core.http import set_etag
from certready.core.pagination import PageDep
from certready.core.problems import problem_responses
from certready.suppliers.deps import SuppliersReader, SuppliersWriter

router = APIRouter(prefix="/orgs/{org}/agreements", tags=["agreements"])


@router.get("", response_model=AgreementPage, responses=CSV_RESPONSES)
async def list_agreements(
    ctx: SuppliersReader,
    session: SessionDep,
    page: PageDep,
    fmt: ListFormatDep,
    type: AgreementType | None = None,
    status: AgreementStatus | None = None,
    supplier_id: uuid.UUID | None = None,
    customer_id: uuid.UUID | None = None,
    service_id: uuid.UUID | None = None,
) -> AgreementPage | StreamingResponse:
    """List agreements (AGR-1 first), by type, status, supplier, customer or service."""
    filters = AgreementFilters(
        type=type,
        status=status,
        supplier_id=supplier_id,
        customer_id=customer_id,
        service_id=service_id,
    )
    return await list_or_csv(
        fmt, page, lambda p: service.list_agreements(session, ctx.org_id, filters, p), AgreementPage
    )


@router.post("", response_model=AgreementRead, status_code=status.HTTP_201_CREATED)
async def create_agreement(
    data: AgreementCreate, ctx: SuppliersWriter, session: SessionDep, response: Response
) -> AgreementRead:
    """Record an SLA (with a customer), a contract or an OLA (with a supplier)."""
    agreement = await service.create_agreement(session, ctx, data)
    set_etag(response, agreement.version)
    return await read_agreement(session, agreement)


@router.get("/{agreement_id}", response_model=AgreementRead)
async def get_agreement(
    ctx: SuppliersReader, agreement: AgreementDep, session: SessionDep, response: Response
) -> AgreementRead:
    """Read an agreement with its services and targets; the `ETag` is needed to change it."""
    set_etag(response, agreement.version)
    return await read_agreement(session, agreement)


@router.patch(
    "/{agreement_id}", response_model=AgreementRead, responses=problem_responses(412, 428)
)
async def update_agreement(
    data: AgreementUpdate,
    ctx: SuppliersWriter,
    agreement: AgreementDep,
    session: SessionDep,
    response: Response,
    if_match: Annotated[str | None, Header()] = None,
) -> AgreementRead:
    """Change an agreement (send `If-Match`); `service_ids` replaces the services covered."""
    agreement = await service.update_agreement(session, ctx, agreement, data, if_match)
    set_etag(response, agreement.version)
    return await read_agreement(session, agreement)


@router.post(
    "/{agreement_id}/targets", response_model=AgreementRead, status_code=status.HTTP_201_CREATED
)
async def add_target(
    data: TargetCreate,
    ctx: SuppliersWriter,
    agreement: AgreementDep,
    session: SessionDep,
    response: Response,
) -> AgreementRead:
    """Add a service level target; answers the agreement with its new `ETag`."""
    await targets.add_target(session, ctx, agreement, data)
    set_etag(response, agreement.version)
    return await read_agreement(session, agreement)


@router.patch(
    "/{agreement_id}/targets/{target_id}",
    response_model=AgreementRead,
    responses=problem_responses(412, 428),
)
async def update_target(
    data: TargetUpdate,
    target_id: uuid.UUID,
    ctx: SuppliersWriter,
    agreement: AgreementDep,
    session: SessionDep,
    response: Response,
    if_match: Annotated[str | None, Header()] = None,
) -> AgreementRead:
    """Change a target (send the agreement's `ETag` as `If-Match`)."""
    await targets.update_target(session, ctx, agreement, target_id, data, if_match)
    set_etag(response, agreement.version)
    return await read_agreement(session, agreement)


@router.delete(
    "/{agreement_id}/targets/{target_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(412, 428),
)
async def delete_target(
    target_id: uuid.UUID,
    ctx: SuppliersWriter,
    agreement: AgreementDep,
    session: SessionDep,
    if_match: Annotated[str | None, Header()] = None,
) -> None:
    """Remove a target (send the agreement's `ETag` as `If-Match`)."""
    await targets.delete_target(session, ctx, agreement, target_id, if_match)
