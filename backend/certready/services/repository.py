"""SQL of the service catalogue: services, their customers and processes, the scope list."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy import insert
from sqlmodel import col, select

from certready.customers.models import Customer
from certready.db.repository import OrgScopedRepository
from certready.objectives.models import Objective
from certready.requirements.models import Framework, Requirement
from certready.services.models import ScopeService, Service, ServiceCustomer, ServiceProcess
from certready.services.schemas import ServiceFilters
from certready.suppliers.models import Supplier


class ServiceRepository(OrgScopedRepository[Service]):
    """Services of one organisation, with their parts."""

    model = Service

    async def known_ids(self, service_ids: Sequence[uuid.UUID]) -> set[uuid.UUID]:
        """Which of ``service_ids`` are services of the organisation (one statement)."""
        if not service_ids:
            return set()
        stmt = select(col(Service.id)).where(
            self.of_org(Service), col(Service.id).in_(list(service_ids))
        )
        return set((await self.session.execute(stmt)).scalars().all())

    def filtered(self, filters: ServiceFilters) -> Any:
        """Services narrowed by status, scope flag, customer and owner."""
        stmt = self.base_statement()
        if filters.status is not None:
            stmt = stmt.where(col(Service.status) == filters.status)
        if filters.in_scope is not None:
            stmt = stmt.where(col(Service.in_scope).is_(filters.in_scope))
        if filters.owner_id is not None:
            stmt = stmt.where(col(Service.owner_id) == filters.owner_id)
        if filters.customer_id is not None:
            linked = select(ServiceCustomer.service_id).where(
                self.of_org(ServiceCustomer),
                col(ServiceCustomer.customer_id) == filters.customer_id,
            )
            stmt = stmt.where(col(Service.id).in_(linked))
        return stmt

    async def customers_of(
        self, service_ids: Sequence[uuid.UUID]
    ) -> list[tuple[uuid.UUID, Customer]]:
        """(service id, customer) for these services, in one statement."""
        if not service_ids:
            return []
        stmt = (
            select(ServiceCustomer.service_id, Customer)
            .join(Customer, col(Customer.id) == ServiceCustomer.customer_id)
            .where(self.of_org(ServiceCustomer), col(ServiceCustomer.service_id).in_(service_ids))
            .order_by(col(Customer.number))
        )
        return [(r[0], r[1]) for r in (await self.session.execute(stmt)).all()]

    async def processes_of(self, service_ids: Sequence[uuid.UUID]) -> list[ServiceProcess]:
        """The processes of these services, in one statement."""
        if not service_ids:
            return []
        stmt = (
            select(ServiceProcess)
            .where(self.of_org(ServiceProcess), col(ServiceProcess.service_id).in_(service_ids))
            .order_by(col(ServiceProcess.requirement_ref), col(ServiceProcess.id))
        )
        return list((await self.session.execute(stmt)).scalars().all())

    async def in_scope_statement(self, service_ids: Sequence[uuid.UUID]) -> set[uuid.UUID]:
        """Which of these services the scope statement names."""
        if not service_ids:
            return set()
        stmt = select(ScopeService.service_id).where(
            self.of_org(ScopeService), col(ScopeService.service_id).in_(service_ids)
        )
        return set((await self.session.execute(stmt)).scalars().all())

    async def set_customers(self, service_id: uuid.UUID, customer_ids: Sequence[uuid.UUID]) -> None:
        """Replace the service's customers."""
        await self.session.execute(
            self.delete(ServiceCustomer).where(col(ServiceCustomer.service_id) == service_id)
        )
        if customer_ids:
            rows = [
                {"org_id": self.org_id, "service_id": service_id, "customer_id": c}
                for c in customer_ids
            ]
            await self.session.execute(insert(ServiceCustomer), rows)

    async def existing(self, ids: Sequence[uuid.UUID]) -> set[uuid.UUID]:
        """Which of ``ids`` are services of this organisation."""
        if not ids:
            return set()
        stmt = select(Service.id).where(self.of_org(Service), col(Service.id).in_(ids))
        return set((await self.session.execute(stmt)).scalars().all())

    async def objective_exists(self, objective_id: uuid.UUID) -> bool:
        stmt = select(Objective.id).where(self.of_org(Objective), col(Objective.id) == objective_id)
        return (await self.session.execute(stmt)).first() is not None

    async def supplier_exists(self, supplier_id: uuid.UUID) -> bool:
        stmt = select(Supplier.id).where(self.of_org(Supplier), col(Supplier.id) == supplier_id)
        return (await self.session.execute(stmt)).first() is not None

    async def process(self, service_id: uuid.UUID, process_id: uuid.UUID) -> ServiceProcess | None:
        stmt = select(ServiceProcess).where(
            self.of_org(ServiceProcess),
            col(ServiceProcess.service_id) == service_id,
            col(ServiceProcess.id) == process_id,
        )
        return (await self.session.execute(stmt)).scalars().first()

    async def has_process(self, service_id: uuid.UUID, ref: str) -> bool:
        stmt = select(ServiceProcess.id).where(
            self.of_org(ServiceProcess),
            col(ServiceProcess.service_id) == service_id,
            col(ServiceProcess.requirement_ref) == ref,
        )
        return (await self.session.execute(stmt)).first() is not None

    async def is_operation_leaf(self, framework_code: str, ref: str) -> bool:
        """Whether ``ref`` is an assessable clause-8 requirement (global reference data)."""
        stmt = (
            select(Requirement.id)
            .join(Framework, col(Framework.id) == Requirement.framework_id)
            .where(
                col(Framework.code) == framework_code,
                col(Requirement.ref) == ref,
                col(Requirement.root_ref) == "8",
                col(Requirement.assessable).is_(True),
            )
        )
        return (await self.session.execute(stmt)).first() is not None

    async def scope_services(self) -> list[Service]:
        """The services the scope statement names, SVC-1 first."""
        stmt = (
            self.base_statement()
            .join(ScopeService, col(ScopeService.service_id) == Service.id)
            .where(self.of_org(ScopeService))
            .order_by(col(Service.number))
        )
        return list((await self.session.execute(stmt)).scalars().all())

    async def set_scope(self, service_ids: Sequence[uuid.UUID]) -> None:
        """Replace the list of services the scope statement names."""
        await self.session.execute(self.delete(ScopeService))
        if service_ids:
            rows = [{"org_id": self.org_id, "service_id": s} for s in service_ids]
            await self.session.execute(insert(ScopeService), rows)
