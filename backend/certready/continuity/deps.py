"""Load-or-404 for continuity plans and tests (permissions: configuration.deps)."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Depends, Path

from certready.api.deps import OrgCtxDep, SessionDep
from certready.continuity.models import ContinuityPlan, ContinuityTest
from certready.continuity.repository import PlanRepository, TestRepository


async def get_plan(
    plan_id: Annotated[uuid.UUID, Path()], ctx: OrgCtxDep, session: SessionDep
) -> ContinuityPlan:
    """The plan in the caller's organisation; any other id is the same 404."""
    return await PlanRepository(session, ctx.org_id).get_or_404(plan_id)


async def get_test(
    test_id: Annotated[uuid.UUID, Path()], ctx: OrgCtxDep, session: SessionDep
) -> ContinuityTest:
    """The test in the caller's organisation; any other id is the same 404."""
    return await TestRepository(session, ctx.org_id).get_or_404(test_id)


PlanDep = Annotated[ContinuityPlan, Depends(get_plan)]
TestDep = Annotated[ContinuityTest, Depends(get_test)]
