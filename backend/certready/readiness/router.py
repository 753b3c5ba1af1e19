from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Header, Path, Query, Request, Response, status
from fastapi.responses import StreamingResponse

from certready.api.csv import CSV_RESPONSES, ListFormatDep, list_or_csv
from certready.api.deps import DatabaseDep, Requires, SessionDep, SettingsDep
from certready.context import OrgContext
from certready.core.http import set_etag
from certready.core.pagination import PageDep
from certready.core.problems import problem_responses
from certready.demo import create_demo_first_run
from certready.orgs.permissions import Action
from certready.readiness import service
from certready.readiness.cache import ReadinessCache, cache_status, no_cache
from certready.readiness.schemas import (
    DemoResult,
    PeopleInScopeRead,
    ReadinessRead,
    ReadinessSettingsRead,
    ReadinessSettingsUpdate,
    RuleResultRead,
    SnapshotPage,
    SnapshotRead,
)
from certready.requirements.catalogue.loader import DEFAULT_FRAMEWORK

router = APIRouter(prefix="/orgs/{org}/readiness", tags=["readiness"])
demo_router = APIRouter(prefix="/demo", tags=["demo"])

ReadinessReader = Annotated[OrgContext, Depends(Requires(Action.readiness_read))]
ReadinessManager = Annotated[OrgContext, Depends(Requires(Action.readiness_manage))]
CacheControlHeader = Annotated[
    str | None, Header(description="`no-cache` evaluates afresh instead of using the cache.")
]


def get_readiness_cache(request: Request) -> ReadinessCache:
    cache: ReadinessCache = request.app.state.readiness_cache
    return cache


ReadinessCacheDep = Annotated[ReadinessCache, Depends(get_readiness_cache)]
FrameworkParam = Annotated[
    str, Query(max_length=64, description="Framework code.", examples=[DEFAULT_FRAMEWORK])
]


@router.get("", response_model=ReadinessRead)
async def get_readiness(
    ctx: ReadinessReader,
    session: SessionDep,
    cache: ReadinessCacheDep,
    response: Response,
    framework: FrameworkParam = DEFAULT_FRAMEWORK,
    cache_control: CacheControlHeader = None,
) -> ReadinessRead:
    """Evaluate the readiness rules: gate verdicts, score, clause roll-up and next steps.

    Served from memory while the organisation's data is unchanged (`Cache-Status` says
    so); `Cache-Control: no-cache` forces a fresh evaluation."""
    report, outcome = await service.cached_report(
        session, ctx.org, cache, framework, fresh=no_cache(cache_control)
    )
    response.headers["Cache-Status"] = cache_status(outcome)
    return report


@router.get("/people-in-scope", response_model=PeopleInScopeRead)
async def get_people_in_scope(
    ctx: ReadinessReader, session: SessionDep, framework: FrameworkParam = DEFAULT_FRAMEWORK
) -> PeopleInScopeRead:
    """Who is in scope for awareness and competence (RDY-15/16) and why: every member holding
    an SMS role, every owner of a requirement, objective, corrective measure or action, and
    the people the training register adds; with each person's current awareness completion
    and competence gaps, from the same facts as the verdict."""
    return await service.people_in_scope(session, ctx.org, framework)


@router.get("/rules/{rule_id}", response_model=RuleResultRead)
async def get_readiness_rule(
    ctx: ReadinessReader,
    session: SessionDep,
    cache: ReadinessCacheDep,
    response: Response,
    rule_id: Annotated[str, Path(max_length=32, pattern=r"^RDY-[0-9A-Z-]+$")],
    framework: FrameworkParam = DEFAULT_FRAMEWORK,
    cache_control: CacheControlHeader = None,
) -> RuleResultRead:
    """Read one rule's result with its first 50 failing objects, their count and the rule's
    parameters (cached like the whole report)."""
    result, outcome = await service.get_rule(
        session, ctx.org, cache, rule_id, framework, fresh=no_cache(cache_control)
    )
    response.headers["Cache-Status"] = cache_status(outcome)
    return result


@router.get("/settings", response_model=ReadinessSettingsRead)
async def get_readiness_settings(
    ctx: ReadinessReader, session: SessionDep, response: Response
) -> ReadinessSettingsRead:
    """Read the rule parameters (defaults and this organisation's values) with an `ETag`."""
    result = await service.get_settings(session, ctx.org_id)
    set_etag(response, result.version)
    return result


@router.patch(
    "/settings", response_model=ReadinessSettingsRead, responses=problem_responses(412, 428)
)
async def update_readiness_settings(
    data: ReadinessSettingsUpdate,
    ctx: ReadinessManager,
    session: SessionDep,
    response: Response,
    if_match: Annotated[str | None, Header()] = None,
) -> ReadinessSettingsRead:
    """Override rule parameters for this organisation (send `If-Match`; `null` resets)."""
    result = await service.update_settings(session, ctx, data, if_match)
    set_etag(response, result.version)
    return result


@router.post("/snapshots", response_model=SnapshotRead, status_code=status.HTTP_201_CREATED)
async def create_readiness_snapshot(
    ctx: ReadinessManager, session: SessionDep, framework: FrameworkParam = DEFAULT_FRAMEWORK
) -> SnapshotRead:
    """Store the current verdicts and score as a point of the readiness trend."""
    snap = await service.create_snapshot(session, ctx.org, ctx.actor, framework)
    return SnapshotRead.model_validate(snap)


@router.get("/history", response_model=SnapshotPage, responses=CSV_RESPONSES)
async def list_readiness_history(
    ctx: ReadinessReader,
    session: SessionDep,
    page: PageDep,
    fmt: ListFormatDep,
    framework: FrameworkParam = DEFAULT_FRAMEWORK,
) -> SnapshotPage | StreamingResponse:
    """List stored snapshots, newest first (the readiness trend)."""
    return await list_or_csv(
        fmt, page, lambda p: service.list_history(session, ctx.org_id, framework, p), SnapshotPage
    )


@demo_router.post(
    "",
    response_model=DemoResult,
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(409),
)
async def create_demo(session: SessionDep, settings: SettingsDep, db: DatabaseDep) -> DemoResult:
    """First run only: create the demo organisation and its admin (password returned once)."""
    return await create_demo_first_run(session, settings, db)
