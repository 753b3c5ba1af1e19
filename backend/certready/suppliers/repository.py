"""SQL of suppliers."""

from __future__ import annotations

from typing import Any

from sqlmodel import col

from certready.db.repository import OrgScopedRepository
from certready.suppliers.models import Supplier
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
