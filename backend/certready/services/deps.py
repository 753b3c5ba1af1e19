"""Permission aliases and load-or-404 for services."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Depends, Path

from certready.api.deps import OrgCtxDep, Requires, SessionDep
from certready.context import OrgContext
from certready.orgs.permissions import Action
from certready.services.models import Service, ServiceProcess
from certready.services.processes import get_process
from certready.services.repository import ServiceRepository

ServicesReader = Annotated[OrgContext, Depends(Requires(Action.services_read))]
ServicesWriter = Annotated[OrgContext, Depends(Requires(Action.services_write))]
ScopeWriter = Annotated[OrgContext, Depends(Requires(Action.org_update))]


async def get_service(
    service_id: Annotated[uuid.UUID, Path()], ctx: OrgCtxDep, session: SessionDep
) -> Service:
    """The service in the caller's organisation; any other id is the same 404."""
    return await ServiceRepository(session, ctx.org_id).get_or_404(service_id)


ServiceDep = Annotated[Service, Depends(get_service)]


async def load_process(
    process_id: Annotated[uuid.UUID, Path()], service: ServiceDep, session: SessionDep
) -> ServiceProcess:
    """A process of the addressed service; any other id is a 404."""
    return await get_process(session, service, process_id)


ProcessDep = Annotated[ServiceProcess, Depends(load_process)]
