from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Header, Response, status
from fastapi.responses import StreamingResponse

from certready.api.csv import CSV_RESPONSES, ListFormatDep, list_or_csv
from certready.api.deps import SessionDep
from certready.configuration.deps import OperationsReader, OperationsWriter
from certready.continuity import service
from certready.continuity.deps import PlanDep, TestDep
from certready.continuity.schemas import (
    PlanCreate,
    PlanPage,
    PlanRead,
    PlanUpdate,
    TestCreate,
    TestPage,
    TestRead,
    TestUpdate,
)
from certready.core.http import set_etag
from certready.core.pagination import PageDep
from certready.core.problems import problem_responses
from certready.db.base import columns

router = APIRouter(prefix="/orgs/{org}", tags=["continuity"])
IfMatch = Annotated[str | None, Header()]


def _plan(plan: Any) -> PlanRead:
    return PlanRead.model_validate(
        {**columns(plan), "key": service.plan_key(plan), "approved": plan.approved_on is not None}
    )


def _test(test: Any) -> TestRead:
    return TestRead.model_validate({**columns(test), "key": service.test_key(test)})


@router.get("/continuity-plans", response_model=PlanPage, responses=CSV_RESPONSES)
async def list_continuity_plans(
    ctx: OperationsReader, session: SessionDep, page: PageDep, fmt: ListFormatDep
) -> PlanPage | StreamingResponse:
    """List service continuity plans, CP-1 first."""
    return await list_or_csv(
        fmt, page, lambda p: service.list_plans(session, ctx.org_id, p), PlanPage, item=_plan
    )


@router.post("/continuity-plans", response_model=PlanRead, status_code=status.HTTP_201_CREATED)
async def create_continuity_plan(
    data: PlanCreate, ctx: OperationsWriter, session: SessionDep, response: Response
) -> PlanRead:
    """Record a service continuity plan (CP-<n>)."""
    plan = await service.create_plan(session, ctx, data)
    set_etag(response, plan.version)
    return _plan(plan)


@router.get("/continuity-plans/{plan_id}", response_model=PlanRead)
async def get_continuity_plan(ctx: OperationsReader, plan: PlanDep, response: Response) -> PlanRead:
    """Read a plan; the `ETag` header is needed to change it."""
    set_etag(response, plan.version)
    return _plan(plan)


@router.patch(
    "/continuity-plans/{plan_id}", response_model=PlanRead, responses=problem_responses(412, 428)
)
async def update_continuity_plan(
    data: PlanUpdate,
    ctx: OperationsWriter,
    plan: PlanDep,
    session: SessionDep,
    response: Response,
    if_match: IfMatch = None,
) -> PlanRead:
    """Change a plan (send `If-Match`)."""
    plan = await service.update_plan(session, ctx, plan, data, if_match)
    set_etag(response, plan.version)
    return _plan(plan)


@router.get("/continuity-plans/{plan_id}/tests", response_model=TestPage, responses=CSV_RESPONSES)
async def list_continuity_tests(
    ctx: OperationsReader, plan: PlanDep, session: SessionDep, page: PageDep, fmt: ListFormatDep
) -> TestPage | StreamingResponse:
    """List a plan's tests, the latest first."""
    return await list_or_csv(
        fmt, page, lambda p: service.list_tests(session, plan, p), TestPage, item=_test
    )


@router.post(
    "/continuity-plans/{plan_id}/tests",
    response_model=TestRead,
    status_code=status.HTTP_201_CREATED,
)
async def create_continuity_test(
    data: TestCreate, ctx: OperationsWriter, plan: PlanDep, session: SessionDep, response: Response
) -> TestRead:
    """Record a test of the plan (date, scenario, result, issues found, evidence)."""
    test = await service.create_test(session, ctx, plan, data)
    set_etag(response, test.version)
    return _test(test)


@router.get("/continuity-tests/{test_id}", response_model=TestRead)
async def get_continuity_test(ctx: OperationsReader, test: TestDep, response: Response) -> TestRead:
    """Read a continuity test; the `ETag` header is needed to change it."""
    set_etag(response, test.version)
    return _test(test)


@router.patch(
    "/continuity-tests/{test_id}", response_model=TestRead, responses=problem_responses(412, 428)
)
async def update_continuity_test(
    data: TestUpdate,
    ctx: OperationsWriter,
    test: TestDep,
    session: SessionDep,
    response: Response,
    if_match: IfMatch = None,
) -> TestRead:
    """Change a continuity test (send `If-Match`)."""
    test = await service.update_test(session, ctx, test, data, if_match)
    set_etag(response, test.version)
    return _test(test)
