"""SQL of agreements, their services and targets."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select as sa_select
from sqlmodel import col

from certready.agreements.models import Agreement, AgreementService, ServiceLevelTarget
from certready.agreements.schemas import AgreementFilters
from certready.core.problems import NotFound
from certready.customers.models import Customer
from certready.db.repository import OrgScopedRepository
from certready.services.models import Service, ServiceCustomer


class AgreementRepository(OrgScopedRepository[Agreement]):
    """Agreements of one organisation."""

    model = Agreement

    def filtered(self, filters: AgreementFilters) -> Any:
        """Agreements narrowed by type, status, party and service covered."""
        stmt = self.base_statement()
        for name in ("type", "status", "supplier_id", "customer_id"):
            value = getattr(filters, name)
            if value is not None:
                stmt = stmt.where(getattr(Agreement, name) == value)
        if filters.service_id is not None:
            covered = sa_select(col(AgreementService.agreement_id)).where(
                self.of_org(AgreementService),
                col(AgreementService.service_id) == filters.service_id,
            )
            stmt = stmt.where(col(Agreement.id).in_(covered))
        return stmt

    async def service_ids(
        self, agreement_ids: Sequence[uuid.UUID]
    ) -> dict[uuid.UUID, list[uuid.UUID]]:
        """The services each agreement covers, in one statement."""
        out: dict[uuid.UUID, list[uuid.UUID]] = {a: [] for a in agreement_ids}
        if not agreement_ids:
            return out
        stmt = (
            sa_select(col(AgreementService.agreement_id), col(AgreementService.service_id))
            .where(
                self.of_org(AgreementService), col(AgreementService.agreement_id).in_(agreement_ids)
            )
            .order_by(col(AgreementService.service_id))
        )
        for agreement_id, service_id in (await self.session.execute(stmt)).all():
            out[agreement_id].append(service_id)
        return out

    async def targets(
        self, agreement_ids: Sequence[uuid.UUID]
    ) -> dict[uuid.UUID, list[ServiceLevelTarget]]:
        """The targets of each agreement, in one statement."""
        out: dict[uuid.UUID, list[ServiceLevelTarget]] = {a: [] for a in agreement_ids}
        if not agreement_ids:
            return out
        stmt = (
            sa_select(ServiceLevelTarget)
            .where(
                self.of_org(ServiceLevelTarget),
                col(ServiceLevelTarget.agreement_id).in_(agreement_ids),
            )
            .order_by(col(ServiceLevelTarget.created_at), col(ServiceLevelTarget.id))
        )
        for target in (await self.session.execute(stmt)).scalars().all():
            out[target.agreement_id].append(target)
        return out

    async def target(self, agreement_id: uuid.UUID, target_id: uuid.UUID) -> ServiceLevelTarget:
        """One target of the agreement, or 404."""
        stmt = sa_select(ServiceLevelTarget).where(
            self.of_org(ServiceLevelTarget),
            col(ServiceLevelTarget.agreement_id) == agreement_id,
            col(ServiceLevelTarget.id) == target_id,
        )
        found: ServiceLevelTarget | None = (await self.session.execute(stmt)).scalars().first()
        if found is None:
            raise NotFound()
        return found

    async def known_services(self, service_ids: Sequence[uuid.UUID]) -> set[uuid.UUID]:
        """Which of ``service_ids`` are services of the organisation."""
        stmt = sa_select(col(Service.id)).where(
            self.of_org(Service), col(Service.id).in_(service_ids)
        )
        return set((await self.session.execute(stmt)).scalars().all())

    async def has_customer(self, customer_id: uuid.UUID) -> bool:
        stmt = sa_select(col(Customer.id)).where(
            self.of_org(Customer), col(Customer.id) == customer_id
        )
        return (await self.session.execute(stmt)).first() is not None

    async def set_services(self, agreement_id: uuid.UUID, service_ids: Sequence[uuid.UUID]) -> None:
        """Replace the services the agreement covers."""
        await self.session.execute(
            self.delete(AgreementService).where(col(AgreementService.agreement_id) == agreement_id)
        )
        for service_id in service_ids:
            self.session.add(
                AgreementService(
                    agreement_id=agreement_id, service_id=service_id, org_id=self.org_id
                )
            )

    async def service_customer_pairs(self) -> list[tuple[uuid.UUID, str, uuid.UUID, str]]:
        """Every (service, customer) pair of the catalogue, by service and customer key."""
        stmt = (
            sa_select(col(Service.id), col(Service.name), col(Customer.id), col(Customer.name))
            .join(ServiceCustomer, col(ServiceCustomer.service_id) == Service.id)
            .join(Customer, col(Customer.id) == ServiceCustomer.customer_id)
            .where(self.of_org(Service, ServiceCustomer, Customer))
            .order_by(col(Service.number), col(Customer.number))
        )
        return [(a, b, c, d) for a, b, c, d in (await self.session.execute(stmt)).all()]
