"""SQL of customers; the number of services per customer is counted in the statement."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy import func
from sqlalchemy import select as sa_select
from sqlmodel import col, select

from certready.customers.models import Customer
from certready.customers.schemas import CustomerFilters
from certready.db.repository import OrgScopedRepository
from certready.services.models import ServiceCustomer

# A customer with the number of services delivered to it.
CustomerRow = tuple[Customer, int]


class CustomerRepository(OrgScopedRepository[Customer]):
    """Customers of one organisation."""

    model = Customer

    def with_counts(self) -> Any:
        """Customers with their service count, in one statement."""
        sc = ServiceCustomer
        counts = (
            sa_select(col(sc.customer_id).label("customer_id"), func.count().label("n"))
            .where(self.of_org(sc))
            .group_by(col(sc.customer_id))
            .subquery()
        )
        return (
            self.base_statement()
            .add_columns(func.coalesce(counts.c.n, 0))
            .outerjoin(counts, counts.c.customer_id == col(Customer.id))
        )

    def filtered(self, filters: CustomerFilters) -> Any:
        stmt = self.with_counts()
        if filters.kind is not None:
            stmt = stmt.where(col(Customer.kind) == filters.kind)
        if filters.service_id is not None:
            linked = select(ServiceCustomer.customer_id).where(
                self.of_org(ServiceCustomer), col(ServiceCustomer.service_id) == filters.service_id
            )
            stmt = stmt.where(col(Customer.id).in_(linked))
        return stmt

    async def row(self, customer_id: uuid.UUID) -> CustomerRow:
        found = (
            await self.session.execute(self.with_counts().where(col(Customer.id) == customer_id))
        ).one()
        return (found[0], int(found[1]))

    async def by_name(self, name: str) -> Customer | None:
        stmt = self.base_statement().where(func.lower(col(Customer.name)) == name.lower())
        return (await self.session.execute(stmt)).scalars().first()

    async def existing(self, ids: Sequence[uuid.UUID]) -> set[uuid.UUID]:
        """Which of ``ids`` are customers of this organisation."""
        if not ids:
            return set()
        stmt = select(Customer.id).where(self.of_org(Customer), col(Customer.id).in_(ids))
        return set((await self.session.execute(stmt)).scalars().all())

    async def is_linked(self, customer_id: uuid.UUID) -> bool:
        stmt = select(ServiceCustomer.service_id).where(
            self.of_org(ServiceCustomer), col(ServiceCustomer.customer_id) == customer_id
        )
        return (await self.session.execute(stmt.limit(1))).first() is not None
