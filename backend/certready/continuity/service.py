"""Service continuity plans and their tests (8.7.2; RDY-21)."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from certready.activity.service import record, snapshot
from certready.configuration.service import check_owner, check_record
from certready.context import OrgContext
from certready.continuity.models import ContinuityPlan, ContinuityTest
from certready.continuity.repository import PlanRepository, TestRepository
from certready.continuity.schemas import PlanCreate, PlanUpdate, TestCreate, TestUpdate
from certready.core.changes import ChangeSpec, check_version, requested, update_object
from certready.core.pagination import PageParams, paginate
from certready.db.repository import next_number

PLAN_FIELDS = ["title", "description", "owner_id", "evidence_item_id", "approved_on"]
TEST_FIELDS = ["tested_on", "scenario", "result", "issues_found", "evidence_item_id"]


def plan_key(plan: ContinuityPlan) -> str:
    return f"CP-{plan.number}"


def test_key(test: ContinuityTest) -> str:
    return f"CT-{test.number}"


PLAN_CHANGES = ChangeSpec(
    "continuity_plan",
    PLAN_FIELDS,
    plan_key,
    required=frozenset({"title"}),
    blank={"description": ""},
)
TEST_CHANGES = ChangeSpec(
    "continuity_test",
    TEST_FIELDS,
    test_key,
    required=frozenset({"tested_on", "scenario", "result"}),
    blank={"issues_found": ""},
)


async def _log_create(
    session: AsyncSession, ctx: OrgContext, obj: Any, kind: str, summary: str, fields: list[str]
) -> None:
    await session.flush()
    record(
        session,
        org_id=ctx.org_id,
        actor=ctx.actor,
        action=f"{kind}.create",
        object_type=kind,
        object_id=obj.id,
        summary=summary,
        after=snapshot(obj, fields),
    )
    await session.flush()


async def list_plans(
    session: AsyncSession, org_id: uuid.UUID, page: PageParams
) -> tuple[list[ContinuityPlan], str | None, int]:
    """One page of continuity plans, CP-1 first."""
    stmt = PlanRepository(session, org_id).listed()
    return await paginate(session, stmt, keys=[col(ContinuityPlan.number)], params=page)


async def create_plan(session: AsyncSession, ctx: OrgContext, data: PlanCreate) -> ContinuityPlan:
    """Record a continuity plan (owner a member, evidence in the organisation)."""
    values = data.model_dump()
    await check_owner(session, ctx.org_id, values["owner_id"])
    await check_record(session, ctx.org_id, values, "approved_on")
    plan = PlanRepository(session, ctx.org_id).add(
        ContinuityPlan(
            org_id=ctx.org_id,
            number=await next_number(session, ctx.org_id, "continuity_plan"),
            **values,
        )
    )
    await _log_create(
        session, ctx, plan, "continuity_plan", f"{plan_key(plan)} '{plan.title}'", PLAN_FIELDS
    )
    return plan


async def update_plan(
    session: AsyncSession,
    ctx: OrgContext,
    plan: ContinuityPlan,
    data: PlanUpdate,
    if_match: str | None,
) -> ContinuityPlan:
    """Change a plan (send ``If-Match``)."""
    check_version(plan, if_match, PLAN_CHANGES)
    values = requested(data, PLAN_CHANGES)
    if "owner_id" in values:
        await check_owner(session, ctx.org_id, values["owner_id"])
    await check_record(session, ctx.org_id, values, "approved_on")
    await update_object(session, ctx, plan, values, PLAN_CHANGES, if_match=if_match)
    return plan


async def list_tests(
    session: AsyncSession, plan: ContinuityPlan, page: PageParams
) -> tuple[list[ContinuityTest], str | None, int]:
    """One page of a plan's tests, the latest first."""
    stmt = TestRepository(session, plan.org_id).of_plan(plan.id)
    keys = [col(ContinuityTest.tested_on), col(ContinuityTest.number)]
    return await paginate(session, stmt, keys=keys, params=page, descending=True)


async def create_test(
    session: AsyncSession, ctx: OrgContext, plan: ContinuityPlan, data: TestCreate
) -> ContinuityTest:
    """Record a test of a plan that was held (its result and the issues it found)."""
    values = data.model_dump()
    await check_record(session, ctx.org_id, values, "tested_on")
    test = TestRepository(session, ctx.org_id).add(
        ContinuityTest(
            org_id=ctx.org_id,
            plan_id=plan.id,
            number=await next_number(session, ctx.org_id, "continuity_test"),
            **values,
        )
    )
    summary = f"{test_key(test)}: {plan_key(plan)} tested on {test.tested_on} ({test.result})"
    await _log_create(session, ctx, test, "continuity_test", summary, TEST_FIELDS)
    return test


async def update_test(
    session: AsyncSession,
    ctx: OrgContext,
    test: ContinuityTest,
    data: TestUpdate,
    if_match: str | None,
) -> ContinuityTest:
    """Change a test record (send ``If-Match``)."""
    check_version(test, if_match, TEST_CHANGES)
    values = requested(data, TEST_CHANGES)
    await check_record(session, ctx.org_id, values, "tested_on")
    await update_object(session, ctx, test, values, TEST_CHANGES, if_match=if_match)
    return test
