"""Permission aliases and load-or-404 for corrective measures."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Depends, Path

from certready.api.deps import OrgCtxDep, Requires, SessionDep
from certready.context import OrgContext
from certready.corrective_measures.models import CorrectiveMeasure
from certready.corrective_measures.repository import CorrectiveMeasureRepository
from certready.orgs.permissions import Action

MeasuresReader = Annotated[OrgContext, Depends(Requires(Action.measures_read))]
MeasuresWriter = Annotated[OrgContext, Depends(Requires(Action.measures_write))]


async def get_measure(
    measure_id: Annotated[uuid.UUID, Path()], ctx: OrgCtxDep, session: SessionDep
) -> CorrectiveMeasure:
    """The measure in the caller's organisation; any other id is the same 404."""
    return await CorrectiveMeasureRepository(session, ctx.org_id).get_or_404(measure_id)


MeasureDep = Annotated[CorrectiveMeasure, Depends(get_measure)]
