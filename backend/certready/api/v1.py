"""Router composition: every domain router mounted under ``/api/v1``."""

from __future__ import annotations

from fastapi import APIRouter

from certready.activity.router import router as activity_router
from certready.auth.router import me_router, setup_router
from certready.auth.router import router as auth_router
from certready.core.problems import problem_responses
from certready.orgs.router import members_router
from certready.orgs.router import router as orgs_router
from certready.system.router import router as system_router

PUBLIC = problem_responses(422)
AUTHED = problem_responses(401, 422)
ORG_SCOPED = problem_responses(401, 403, 404, 422)

# Routes that need no credentials; the architecture test reviews this list.
PUBLIC_ROUTES = frozenset(
    {
        ("GET", "/api/v1/health"),
        ("GET", "/api/v1/version"),
        ("GET", "/api/v1/setup"),
        ("POST", "/api/v1/setup"),
        ("POST", "/api/v1/auth/token"),
        ("POST", "/api/v1/auth/refresh"),
    }
)


def build_api_router() -> APIRouter:
    api = APIRouter(prefix="/api/v1")
    api.include_router(system_router, responses=PUBLIC)
    api.include_router(setup_router, responses=PUBLIC)
    api.include_router(auth_router, responses=PUBLIC)
    api.include_router(me_router, responses=AUTHED)
    api.include_router(orgs_router, responses=AUTHED)
    for router in (members_router, activity_router):
        api.include_router(router, responses=ORG_SCOPED)
    return api
