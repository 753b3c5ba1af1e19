from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel

from certready import API_VERSION, __version__
from certready.api.deps import SessionDep
from certready.core.problems import problem_responses
from certready.system.service import check_database

router = APIRouter(tags=["system"])


class Health(BaseModel):
    status: str
    database: str


class Version(BaseModel):
    version: str
    api: str


@router.get("/health", response_model=Health, responses=problem_responses(503))
async def get_health(session: SessionDep) -> Health:
    """Report whether the service and its database answer (for load balancers and probes)."""
    await check_database(session)
    return Health(status="ok", database="ok")


@router.get("/version", response_model=Version)
async def get_version() -> Version:
    """Return the server version and API version."""
    return Version(version=__version__, api=API_VERSION)
