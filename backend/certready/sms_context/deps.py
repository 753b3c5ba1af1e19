"""Permission aliases and load-or-404 for the context record."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from certready.api.deps import OrgCtxDep, Requires, SessionDep
from certready.context import OrgContext
from certready.orgs.permissions import Action
from certready.sms_context import service
from certready.sms_context.models import ContextRecord

ContextReader = Annotated[OrgContext, Depends(Requires(Action.context_read))]
ContextWriter = Annotated[OrgContext, Depends(Requires(Action.context_write))]


async def get_record(ctx: OrgCtxDep, session: SessionDep) -> ContextRecord:
    """The organisation's context record (404 before it is recorded)."""
    return await service.get_context(session, ctx.org_id)


ContextDep = Annotated[ContextRecord, Depends(get_record)]
