"""A seeded organisation whose ids fill every list route's path."""

from __future__ import annotations

from dataclasses import dataclass

import httpx
import pytest

from tests.factories.auth import OrgFixture, first_run
from tests.factories.evidence import upload_new
from tests.factories.objectives import create_objective


@dataclass
class World:
    org: OrgFixture
    path_values: dict[str, str]


@pytest.fixture
async def world(client: httpx.AsyncClient) -> World:
    org = await first_run(client)
    evidence = (await upload_new(client, org)).json()
    objective = await create_objective(client, org)
    return World(
        org=org,
        path_values={
            "org": org.slug,
            "evidence_id": evidence["id"],
            "objective_id": objective["id"],
        },
    )
