"""Permission aliases and load-or-404 for customers."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Depends, Path

from certready.api.deps import OrgCtxDep, Requires, SessionDep
from certready.context import OrgContext
from certready.customers.models import Customer
from certready.customers.repository import CustomerRepository
from certready.orgs.permissions import Action

CustomersReader = Annotated[OrgContext, Depends(Requires(Action.services_read))]
CustomersWriter = Annotated[OrgContext, Depends(Requires(Action.services_write))]


async def get_customer(
    customer_id: Annotated[uuid.UUID, Path()], ctx: OrgCtxDep, session: SessionDep
) -> Customer:
    """The customer in the caller's organisation; any other id is the same 404."""
    return await CustomerRepository(session, ctx.org_id).get_or_404(customer_id)


CustomerDep = Annotated[Customer, Depends(get_customer)]
