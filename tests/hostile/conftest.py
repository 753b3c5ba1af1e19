"""A seeded organisation whose ids fill every list route's path."""

from __future__ import annotations

from dataclasses import dataclass

import httpx
import pytest

from tests.factories.auth import OrgFixture, first_run
from tests.factories.evidence import upload_new
from tests.factories.objectives import create_objective
from tests.factories.operations import create_definition, create_plan
from tests.factories.suppliers import create_supplier
from tests.integrations.helpers import create_integration


@dataclass
class World:
    org: OrgFixture
    path_values: dict[str, str]


@pytest.fixture
async def world(client: httpx.AsyncClient) -> World:
    org = await first_run(client)
    evidence = (await upload_new(client, org)).json()
    objective = await create_objective(client, org)
    plan = await create_plan(client, org)
    definition = await create_definition(client, org)
    supplier = await create_supplier(client, org)
    integration = await create_integration(client, org, "jira")
    return World(
        org=org,
        path_values={
            "org": org.slug,
            "evidence_id": evidence["id"],
            "objective_id": objective["id"],
            "plan_id": plan["id"],
            "definition_id": definition["id"],
            "supplier_id": supplier["id"],
            "integration_id": integration["id"],
        },
    )
