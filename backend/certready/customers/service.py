"""Customers (8.2.4, 8.3.2): who the services are delivered to, internal or external."""

from __future__ import annotations

import uuid

from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from certready.activity.service import record, snapshot
from certready.context import OrgContext
from certready.core.changes import ChangeSpec, check_version, requested, update_object
from certready.core.pagination import PageParams, paginate
from certready.core.problems import Conflict
from certready.customers.models import Customer
from certready.customers.repository import CustomerRepository, CustomerRow
from certready.customers.schemas import (
    CustomerCreate,
    CustomerFilters,
    CustomerRead,
    CustomerUpdate,
)
from certready.db.base import columns
from certready.db.repository import next_number

CUSTOMER_FIELDS = ["name", "kind", "contact", "description"]


def customer_key(customer: Customer) -> str:
    """The human key, ``CUS-2``."""
    return f"CUS-{customer.number}"


CUSTOMER_CHANGES = ChangeSpec(
    object_type="customer",
    fields=CUSTOMER_FIELDS,
    label=customer_key,
    required=frozenset({"name", "kind"}),
    blank={"contact": "", "description": ""},
)


def customer_read(row: CustomerRow) -> CustomerRead:
    customer, services = row
    return CustomerRead.model_validate(
        {**columns(customer), "key": customer_key(customer), "service_count": services}
    )


async def read_customer(session: AsyncSession, customer: Customer) -> CustomerRead:
    return customer_read(await CustomerRepository(session, customer.org_id).row(customer.id))


async def list_customers(
    session: AsyncSession, org_id: uuid.UUID, filters: CustomerFilters, page: PageParams
) -> tuple[list[CustomerRead], str | None, int]:
    """One page (CUS-1 first) with service counts: two statements whatever the size."""
    stmt = CustomerRepository(session, org_id).filtered(filters)
    rows, next_cursor, total = await paginate(
        session, stmt, keys=[col(Customer.number)], params=page, rows_as_tuples=True
    )
    return [customer_read((c, int(n))) for c, n in rows], next_cursor, total


async def _unique_name(repo: CustomerRepository, name: str, own: uuid.UUID | None) -> None:
    other = await repo.by_name(name)
    if other is not None and other.id != own:
        raise Conflict(f"{customer_key(other)} is already called '{other.name}'.")


async def create_customer(session: AsyncSession, ctx: OrgContext, data: CustomerCreate) -> Customer:
    repo = CustomerRepository(session, ctx.org_id)
    await repo.lock_organisation()
    await _unique_name(repo, data.name, None)
    customer = repo.add(
        Customer(
            org_id=ctx.org_id,
            number=await next_number(session, ctx.org_id, "customer"),
            **data.model_dump(),
        )
    )
    await session.flush()
    record(
        session,
        org_id=ctx.org_id,
        actor=ctx.actor,
        action="customer.create",
        object_type="customer",
        object_id=customer.id,
        summary=f"{customer_key(customer)} '{customer.name}' created",
        after=snapshot(customer, CUSTOMER_FIELDS),
    )
    await session.flush()
    return customer


async def update_customer(
    session: AsyncSession,
    ctx: OrgContext,
    customer: Customer,
    data: CustomerUpdate,
    if_match: str | None,
) -> Customer:
    """Change a customer (If-Match); the name stays unique in the organisation."""
    check_version(customer, if_match, CUSTOMER_CHANGES)
    values = requested(data, CUSTOMER_CHANGES)
    repo = CustomerRepository(session, ctx.org_id)
    if "name" in values:
        await _unique_name(repo, values["name"], customer.id)
    await update_object(session, ctx, customer, values, CUSTOMER_CHANGES, if_match=if_match)
    return customer


async def delete_customer(session: AsyncSession, ctx: OrgContext, customer: Customer) -> None:
    """Delete a customer no service names (409 otherwise: unlink it first)."""
    if await CustomerRepository(session, ctx.org_id).is_linked(customer.id):
        raise Conflict(
            f"{customer_key(customer)} is a customer of services; remove it from them first."
        )
    record(
        session,
        org_id=ctx.org_id,
        actor=ctx.actor,
        action="customer.delete",
        object_type="customer",
        object_id=customer.id,
        summary=f"{customer_key(customer)} '{customer.name}' deleted",
        before=snapshot(customer, CUSTOMER_FIELDS),
    )
    await session.delete(customer)
    await session.flush()
