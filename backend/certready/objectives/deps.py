"""Permission aliases and load-or-404 for objectives."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Depends, Path

from certready.api.deps import OrgCtxDep, Requires, SessionDep
from certready.context import OrgContext
from certready.objectives.models import Objective
from certready.objectives.repository import ObjectiveRepository
from certready.orgs.permissions import Action

ObjectivesReader = Annotated[OrgContext, Depends(Requires(Action.objectives_read))]
ObjectivesWriter = Annotated[OrgContext, Depends(Requires(Action.objectives_write))]


async def get_objective(
    objective_id: Annotated[uuid.UUID, Path()], ctx: OrgCtxDep, session: SessionDep
) -> Objective:
    """The objective in the caller's organisation; any other id is the same 404."""
    return await ObjectiveRepository(session, ctx.org_id).get_or_404(objective_id)


ObjectiveDep = Annotated[Objective, Depends(get_objective)]
