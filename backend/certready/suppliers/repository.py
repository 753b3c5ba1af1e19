"""SQL of suppliers."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select as sa_select
from sqlmodel import col

from certready.core.problems import NotFound
from certready.db.repository import OrgScopedRepository
from certready.evidence.models import Evidence
from certready.suppliers.models import (
    Supplier,
    SupplierEvidence,
    SupplierReview,
    SupplierStatement,
)
from certready.suppliers.schemas import SupplierFilters


class SupplierRepository(OrgScopedRepository[Supplier]):
    """Suppliers of one organisation."""

    model = Supplier

    def filtered(self, filters: SupplierFilters) -> Any:
        """Suppliers narrowed by kind, status, scope and owner."""
        stmt = self.base_statement()
        if filters.kind is not None:
            stmt = stmt.where(col(Supplier.kind) == filters.kind)
        if filters.status is not None:
            stmt = stmt.where(col(Supplier.status) == filters.status)
        if filters.in_scope is not None:
            stmt = stmt.where(col(Supplier.in_scope) == filters.in_scope)
        if filters.owner_id is not None:
            stmt = stmt.where(col(Supplier.owner_id) == filters.owner_id)
        return stmt


class ReviewRepository(OrgScopedRepository[SupplierReview]):
    """Performance reviews of suppliers."""

    model = SupplierReview

    def for_supplier(self, supplier_id: uuid.UUID) -> Any:
        """The reviews of one supplier."""
        return self.base_statement().where(col(SupplierReview.supplier_id) == supplier_id)

    async def part(self, supplier_id: uuid.UUID, review_id: uuid.UUID) -> SupplierReview:
        """One review of the supplier, or 404."""
        stmt = self.for_supplier(supplier_id).where(col(SupplierReview.id) == review_id)
        found: SupplierReview | None = (await self.session.execute(stmt)).scalars().first()
        if found is None:
            raise NotFound()
        return found


class SupplierEvidenceRepository(OrgScopedRepository[SupplierEvidence]):
    """Evidence items owned or provided by suppliers (RDY-06)."""

    model = SupplierEvidence

    def for_supplier(self, supplier_id: uuid.UUID) -> Any:
        """The supplier's evidence with each item's number and title."""
        return (
            sa_select(
                col(SupplierEvidence.evidence_id),
                col(Evidence.number),
                col(Evidence.title),
                col(SupplierEvidence.supplier_id),
                col(SupplierEvidence.created_at),
            )
            .join(Evidence, col(Evidence.id) == SupplierEvidence.evidence_id)
            .where(
                self.of_org(SupplierEvidence, Evidence),
                col(SupplierEvidence.supplier_id) == supplier_id,
            )
        )

    async def of_item(self, evidence_id: uuid.UUID) -> SupplierEvidence | None:
        """The supplier link of one evidence item, if any."""
        stmt = self.for_change(
            self.base_statement().where(col(SupplierEvidence.evidence_id) == evidence_id)
        )
        return (await self.session.execute(stmt)).scalars().first()


class StatementRepository(OrgScopedRepository[SupplierStatement]):
    """The "none exist" statements, one per supplier kind."""

    model = SupplierStatement

    async def of_category(self, category: str) -> SupplierStatement | None:
        stmt = self.base_statement().where(col(SupplierStatement.category) == category)
        return (await self.session.execute(stmt)).scalars().first()
