"""Permission aliases and load-or-404 for the risk method and risks."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Depends, Path

from certready.api.deps import OrgCtxDep, Requires, SessionDep
from certready.context import OrgContext
from certready.orgs.permissions import Action
from certready.risks import service
from certready.risks.models import Risk, RiskMethod
from certready.risks.repository import RiskRepository

RisksReader = Annotated[OrgContext, Depends(Requires(Action.risks_read))]
RisksWriter = Annotated[OrgContext, Depends(Requires(Action.risks_write))]
RiskMethodManager = Annotated[OrgContext, Depends(Requires(Action.risks_manage))]


async def get_risk(
    risk_id: Annotated[uuid.UUID, Path()], ctx: OrgCtxDep, session: SessionDep
) -> Risk:
    """The risk in the caller's organisation; any other id is the same 404."""
    return await RiskRepository(session, ctx.org_id).get_or_404(risk_id)


async def get_method(ctx: OrgCtxDep, session: SessionDep) -> RiskMethod:
    """The organisation's risk method (404 before it is recorded)."""
    return await service.get_method(session, ctx.org_id)


RiskDep = Annotated[Risk, Depends(get_risk)]
RiskMethodDep = Annotated[RiskMethod, Depends(get_method)]
