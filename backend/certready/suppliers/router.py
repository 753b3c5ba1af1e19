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
from certready.suppliers import reviews, service, statements
from certready.suppliers.deps import (
    StatementDep,
    SupplierDep,
    SuppliersReader,
    SuppliersWriter,
)
from certready.suppliers.enums import SupplierKind, SupplierStatus
from certready.suppliers.schemas import (
    ReviewCreate,
    ReviewPage,
    ReviewRead,
    ReviewUpdate,
    StatementCreate,
    StatementMove,
    StatementPage,
    StatementRead,
    StatementUpdate,
    SupplierCreate,
    SupplierEvidenceCreate,
    SupplierEvidencePage,
    SupplierFilters,
    SupplierPage,
    SupplierRead,
    SupplierUpdate,
)
from certready.suppliers.service import supplier_read

router = APIRouter(prefix="/orgs/{org}/suppliers", tags=["suppliers"])
statements_router = APIRouter(prefix="/orgs/{org}/supplier-statements", tags=["suppliers"])


@router.get("", response_model=SupplierPage, responses=CSV_RESPONSES)
async def list_suppliers(
    ctx: SuppliersReader,
    session: SessionDep,
    page: PageDep,
    fmt: ListFormatDep,
    kind: SupplierKind | None = None,
    status: SupplierStatus | None = None,
    in_scope: bool | None = None,
    owner_id: uuid.UUID | None = None,
) -> SupplierPage | StreamingResponse:
    """List suppliers (SUP-1 first), by kind, status, scope or owner."""
    filters = SupplierFilters(kind=kind, status=status, in_scope=in_scope, owner_id=owner_id)
    return await list_or_csv(
        fmt, page, lambda p: service.list_suppliers(session, ctx.org_id, filters, p), SupplierPage
    )


@router.post("", response_model=SupplierRead, status_code=status.HTTP_201_CREATED)
async def create_supplier(
    data: SupplierCreate, ctx: SuppliersWriter, session: SessionDep, response: Response
) -> SupplierRead:
    """Record a supplier (SUP-<n>): external, internal or a customer acting as a supplier."""
    supplier = await service.create_supplier(session, ctx, data)
    set_etag(response, supplier.version)
    return supplier_read(supplier)


@router.get("/{supplier_id}", response_model=SupplierRead)
async def get_supplier(
    ctx: SuppliersReader, supplier: SupplierDep, response: Response
) -> SupplierRead:
    """Read a supplier; the `ETag` header is needed to change it."""
    set_etag(response, supplier.version)
    return supplier_read(supplier)


@router.patch("/{supplier_id}", response_model=SupplierRead, responses=problem_responses(412, 428))
async def update_supplier(
    data: SupplierUpdate,
    ctx: SuppliersWriter,
    supplier: SupplierDep,
    session: SessionDep,
    response: Response,
    if_match: Annotated[str | None, Header()] = None,
) -> SupplierRead:
    """Change a supplier (send `If-Match`); suppliers are deactivated, never deleted."""
    supplier = await service.update_supplier(session, ctx, supplier, data, if_match)
    set_etag(response, supplier.version)
    return supplier_read(supplier)


@router.get("/{supplier_id}/reviews", response_model=ReviewPage, responses=CSV_RESPONSES)
async def list_reviews(
    ctx: SuppliersReader,
    supplier: SupplierDep,
    session: SessionDep,
    page: PageDep,
    fmt: ListFormatDep,
) -> ReviewPage | StreamingResponse:
    """List the supplier's performance reviews, latest first."""
    return await list_or_csv(
        fmt,
        page,
        lambda p: reviews.list_reviews(session, supplier, p),
        ReviewPage,
        item=ReviewRead.model_validate,
    )


@router.post(
    "/{supplier_id}/reviews", response_model=ReviewRead, status_code=status.HTTP_201_CREATED
)
async def add_review(
    data: ReviewCreate,
    ctx: SuppliersWriter,
    supplier: SupplierDep,
    session: SessionDep,
    response: Response,
) -> ReviewRead:
    """Record a performance review (date, result, evidence); the supplier's ETag moves."""
    review = await reviews.add_review(session, ctx, supplier, data)
    set_etag(response, supplier.version)
    return ReviewRead.model_validate(review)


@router.patch(
    "/{supplier_id}/reviews/{review_id}",
    response_model=ReviewRead,
    responses=problem_responses(412, 428),
)
async def update_review(
    data: ReviewUpdate,
    review_id: uuid.UUID,
    ctx: SuppliersWriter,
    supplier: SupplierDep,
    session: SessionDep,
    response: Response,
    if_match: Annotated[str | None, Header()] = None,
) -> ReviewRead:
    """Change a review (send the supplier's `ETag` as `If-Match`)."""
    review = await reviews.update_review(session, ctx, supplier, review_id, data, if_match)
    set_etag(response, supplier.version)
    return ReviewRead.model_validate(review)


@router.get("/{supplier_id}/evidence", response_model=SupplierEvidencePage, responses=CSV_RESPONSES)
async def list_supplier_evidence(
    ctx: SuppliersReader,
    supplier: SupplierDep,
    session: SessionDep,
    page: PageDep,
    fmt: ListFormatDep,
) -> SupplierEvidencePage | StreamingResponse:
    """List the evidence items this supplier owns or provides (RDY-06 reads them)."""
    return await list_or_csv(
        fmt, page, lambda p: reviews.list_evidence(session, supplier, p), SupplierEvidencePage
    )


@router.post(
    "/{supplier_id}/evidence",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(409),
)
async def add_supplier_evidence(
    data: SupplierEvidenceCreate,
    ctx: SuppliersWriter,
    supplier: SupplierDep,
    session: SessionDep,
    response: Response,
) -> None:
    """Record that an evidence item is owned or provided by this supplier, not by you."""
    await reviews.add_evidence(session, ctx, supplier, data)
    set_etag(response, supplier.version)


@router.delete("/{supplier_id}/evidence/{evidence_id}", status_code=status.HTTP_204_NO_CONTENT)
async def remove_supplier_evidence(
    evidence_id: uuid.UUID, ctx: SuppliersWriter, supplier: SupplierDep, session: SessionDep
) -> None:
    """The evidence item is no longer recorded as this supplier's."""
    await reviews.remove_evidence(session, ctx, supplier, evidence_id)


@statements_router.get("", response_model=StatementPage, responses=CSV_RESPONSES)
async def list_statements(
    ctx: SuppliersReader, session: SessionDep, page: PageDep, fmt: ListFormatDep
) -> StatementPage | StreamingResponse:
    """List the "none exist" statements, one per supplier kind at most."""
    return await list_or_csv(
        fmt,
        page,
        lambda p: statements.list_statements(session, ctx.org_id, p),
        StatementPage,
        item=StatementRead.model_validate,
    )


@statements_router.post(
    "",
    response_model=StatementRead,
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(409),
)
async def create_statement(
    data: StatementCreate, ctx: SuppliersWriter, session: SessionDep, response: Response
) -> StatementRead:
    """Draft the statement that no supplier of one kind exists (approve it for RDY-13)."""
    statement = await statements.create_statement(session, ctx, data)
    set_etag(response, statement.version)
    return StatementRead.model_validate(statement)


@statements_router.get("/{statement_id}", response_model=StatementRead)
async def get_statement(
    ctx: SuppliersReader, statement: StatementDep, response: Response
) -> StatementRead:
    """Read a statement; the `ETag` header is needed to change it."""
    set_etag(response, statement.version)
    return StatementRead.model_validate(statement)


@statements_router.patch(
    "/{statement_id}", response_model=StatementRead, responses=problem_responses(409, 412, 428)
)
async def update_statement(
    data: StatementUpdate,
    ctx: SuppliersWriter,
    statement: StatementDep,
    session: SessionDep,
    response: Response,
    if_match: Annotated[str | None, Header()] = None,
) -> StatementRead:
    """Change a draft statement's wording (send `If-Match`)."""
    statement = await statements.update_statement(session, ctx, statement, data, if_match)
    set_etag(response, statement.version)
    return StatementRead.model_validate(statement)


@statements_router.post(
    "/{statement_id}/transitions", response_model=StatementRead, responses=problem_responses(409)
)
async def move_statement(
    data: StatementMove,
    ctx: SuppliersWriter,
    statement: StatementDep,
    session: SessionDep,
    response: Response,
) -> StatementRead:
    """Approve a draft statement (who and when are recorded) or withdraw it to draft."""
    statement = await statements.move_statement(session, ctx, statement, data)
    set_etag(response, statement.version)
    return StatementRead.model_validate(statement)
