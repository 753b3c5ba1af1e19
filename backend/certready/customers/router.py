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
from certready.customers import service
from certready.customers.deps import CustomerDep, CustomersReader, CustomersWriter
from certready.customers.enums import CustomerKind
from certready.customers.schemas import (
    CustomerCreate,
    CustomerFilters,
    CustomerPage,
    CustomerRead,
    CustomerUpdate,
)

router = APIRouter(prefix="/orgs/{org}/customers", tags=["customers"])


@router.get("", response_model=CustomerPage, responses=CSV_RESPONSES)
async def list_customers(
    ctx: CustomersReader,
    session: SessionDep,
    page: PageDep,
    fmt: ListFormatDep,
    kind: CustomerKind | None = None,
    service_id: uuid.UUID | None = None,
) -> CustomerPage | StreamingResponse:
    """List customers (CUS-1 first), by kind or by a service delivered to them."""
    filters = CustomerFilters(kind=kind, service_id=service_id)
    return await list_or_csv(
        fmt, page, lambda p: service.list_customers(session, ctx.org_id, filters, p), CustomerPage
    )


@router.post(
    "",
    response_model=CustomerRead,
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(409),
)
async def create_customer(
    data: CustomerCreate, ctx: CustomersWriter, session: SessionDep, response: Response
) -> CustomerRead:
    """Record a customer (CUS-<n>), internal or external; names are unique."""
    customer = await service.create_customer(session, ctx, data)
    set_etag(response, customer.version)
    return await service.read_customer(session, customer)


@router.get("/{customer_id}", response_model=CustomerRead)
async def get_customer(
    ctx: CustomersReader, customer: CustomerDep, session: SessionDep, response: Response
) -> CustomerRead:
    """Read a customer; the `ETag` header is needed to change it."""
    set_etag(response, customer.version)
    return await service.read_customer(session, customer)


@router.patch(
    "/{customer_id}", response_model=CustomerRead, responses=problem_responses(409, 412, 428)
)
async def update_customer(
    data: CustomerUpdate,
    ctx: CustomersWriter,
    customer: CustomerDep,
    session: SessionDep,
    response: Response,
    if_match: Annotated[str | None, Header()] = None,
) -> CustomerRead:
    """Change a customer (send `If-Match`)."""
    customer = await service.update_customer(session, ctx, customer, data, if_match)
    set_etag(response, customer.version)
    return await service.read_customer(session, customer)


@router.delete(
    "/{customer_id}", status_code=status.HTTP_204_NO_CONTENT, responses=problem_responses(409)
)
async def delete_customer(ctx: CustomersWriter, customer: CustomerDep, session: SessionDep) -> None:
    """Delete a customer that no service names."""
    await service.delete_customer(session, ctx, customer)
