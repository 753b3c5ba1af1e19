"""Permission aliases and load-or-404 for suppliers."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Depends, Path

from certready.api.deps import OrgCtxDep, Requires, SessionDep
from certready.context import OrgContext
from certready.orgs.permissions import Action
from certready.suppliers.models import Supplier, SupplierStatement
from certready.suppliers.repository import StatementRepository, SupplierRepository

SuppliersReader = Annotated[OrgContext, Depends(Requires(Action.suppliers_read))]
SuppliersWriter = Annotated[OrgContext, Depends(Requires(Action.suppliers_write))]


async def get_supplier(
    supplier_id: Annotated[uuid.UUID, Path()], ctx: OrgCtxDep, session: SessionDep
) -> Supplier:
    """The supplier in the caller's organisation; any other id is the same 404."""
    return await SupplierRepository(session, ctx.org_id).get_or_404(supplier_id)


SupplierDep = Annotated[Supplier, Depends(get_supplier)]


async def get_statement(
    statement_id: Annotated[uuid.UUID, Path()], ctx: OrgCtxDep, session: SessionDep
) -> SupplierStatement:
    """The statement in the caller's organisation; any other id is the same 404."""
    return await StatementRepository(session, ctx.org_id).get_or_404(statement_id)


StatementDep = Annotated[SupplierStatement, Depends(get_statement)]
