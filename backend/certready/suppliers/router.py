from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Header, Response, status

from certready.api.deps import SessionDep
from certready.core.http import set_etag
from certready.core.pagination import PageDep
from certready.core.problems import problem_responses
from certready.suppliers import service
from certready.suppliers.deps import SupplierDep, SuppliersReader, SuppliersWriter
from certready.suppliers.enums import SupplierKind, SupplierStatus
from certready.suppliers.schemas import (
    SupplierCreate,
    SupplierFilters,
    SupplierPage,
    SupplierRead,
    SupplierUpdate,
)
from certready.suppliers.service import supplier_read

router = APIRouter(prefix="/orgs/{org}/suppliers", tags=["suppliers"])


@router.get("", response_model=SupplierPage)
async def list_suppliers(
    ctx: SuppliersReader,
    session: SessionDep,
    page: PageDep,
    kind: SupplierKind | None = None,
    status: SupplierStatus | None = None,
    in_scope: bool | None = None,
    owner_id: uuid.UUID | None = None,
) -> SupplierPage:
    """List suppliers (SUP-1 first), by kind, status, scope or owner."""
    filters = SupplierFilters(kind=kind, status=status, in_scope=in_scope, owner_id=owner_id)
    items, next_cursor, total = await service.list_suppliers(session, ctx.org_id, filters, page)
    return SupplierPage(items=items, next_cursor=next_cursor, total=total)


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
