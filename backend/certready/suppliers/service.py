"""Suppliers (ISO/IEC 20000-1 8.3.3, 8.3.4; iso20000.md RDY-13).

A supplier is never deleted: agreements, reviews and the services' process operators refer
to it, and the record of how it was managed is kept. One that no longer delivers is set
``inactive``; one outside the SMS is ``in_scope: false``.
"""

from __future__ import annotations

import uuid

from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from certready.activity.service import record, snapshot
from certready.context import OrgContext
from certready.core.changes import ChangeSpec, check_version, requested, update_object
from certready.core.pagination import PageParams, paginate
from certready.core.problems import Unprocessable
from certready.db.base import columns
from certready.db.repository import next_number
from certready.orgs.repository import MembershipRepository
from certready.suppliers.models import Supplier
from certready.suppliers.repository import SupplierRepository
from certready.suppliers.schemas import (
    SupplierCreate,
    SupplierFilters,
    SupplierRead,
    SupplierUpdate,
)

SUPPLIER_FIELDS = ["name", "kind", "contact", "owner_id", "status", "in_scope", "notes"]


def supplier_key(supplier: Supplier) -> str:
    """The human key, ``SUP-3``."""
    return f"SUP-{supplier.number}"


SUPPLIER_CHANGES = ChangeSpec(
    object_type="supplier",
    fields=SUPPLIER_FIELDS,
    label=supplier_key,
    required=frozenset({"name", "kind", "status", "in_scope", "owner_id"}),
    blank={"contact": "", "notes": ""},
)


def supplier_read(supplier: Supplier) -> SupplierRead:
    """A supplier as read, with its key."""
    return SupplierRead.model_validate({**columns(supplier), "key": supplier_key(supplier)})


async def check_member(
    session: AsyncSession, ctx: OrgContext, user_id: uuid.UUID, loc: list[str]
) -> None:
    """422 unless ``user_id`` is a member of the organisation."""
    member = await MembershipRepository(session, ctx.org_id).get(user_id)
    if member is None:
        raise Unprocessable("The owner must be a member.", loc=loc)


async def list_suppliers(
    session: AsyncSession, org_id: uuid.UUID, filters: SupplierFilters, page: PageParams
) -> tuple[list[SupplierRead], str | None, int]:
    """One page of suppliers (SUP-1 first) in two statements, whatever the size."""
    stmt = SupplierRepository(session, org_id).filtered(filters)
    rows, next_cursor, total = await paginate(
        session, stmt, keys=[col(Supplier.number)], params=page
    )
    return [supplier_read(s) for s in rows], next_cursor, total


async def create_supplier(session: AsyncSession, ctx: OrgContext, data: SupplierCreate) -> Supplier:
    """A supplier SUP-<n> with its internal owner (the caller unless named)."""
    owner_id = data.owner_id or ctx.user_id
    if owner_id is None:
        raise Unprocessable("Give the owner.", loc=["body", "owner_id"])
    await check_member(session, ctx, owner_id, ["body", "owner_id"])
    repo = SupplierRepository(session, ctx.org_id)
    supplier = repo.add(
        Supplier(
            org_id=ctx.org_id,
            number=await next_number(session, ctx.org_id, "supplier"),
            **data.model_dump(exclude={"owner_id"}),
            owner_id=owner_id,
        )
    )
    await session.flush()
    record(
        session,
        org_id=ctx.org_id,
        actor=ctx.actor,
        action="supplier.create",
        object_type="supplier",
        object_id=supplier.id,
        summary=f"{supplier_key(supplier)} '{supplier.name}' created",
        after=snapshot(supplier, SUPPLIER_FIELDS),
    )
    await session.flush()
    return supplier


async def update_supplier(
    session: AsyncSession,
    ctx: OrgContext,
    supplier: Supplier,
    data: SupplierUpdate,
    if_match: str | None,
) -> Supplier:
    """Change a supplier (If-Match); a new owner must be a member."""
    check_version(supplier, if_match, SUPPLIER_CHANGES)
    values = requested(data, SUPPLIER_CHANGES)
    if "owner_id" in values:
        await check_member(session, ctx, values["owner_id"], ["body", "owner_id"])
    await update_object(session, ctx, supplier, values, SUPPLIER_CHANGES, if_match=if_match)
    return supplier
