"""Requirement statuses through the real API, and generated catalogues for size tests."""

from __future__ import annotations

import uuid
from typing import Any

import httpx
from certready.core.clock import utcnow
from certready.db.session import Database
from certready.requirements.catalogue.loader import sort_key
from certready.requirements.models import (
    DocumentedInformation,
    Framework,
    Requirement,
    RequirementStatus,
)
from sqlalchemy import delete, insert, select, update

from tests.factories.auth import OrgFixture, Session

STATUSES = ["not_started", "planned", "in_progress", "implemented"]


def requirements_url(org: OrgFixture | str, ref: str | None = None) -> str:
    slug = org if isinstance(org, str) else org.slug
    base = f"/api/v1/orgs/{slug}/requirements"
    return f"{base}/{ref}" if ref else base


async def read_requirement(
    client: httpx.AsyncClient, org: OrgFixture, ref: str, who: Session | None = None
) -> httpx.Response:
    r = await client.get(requirements_url(org, ref), headers=(who or org.admin).headers)
    assert r.status_code == 200, r.text
    return r


async def patch_requirement(
    client: httpx.AsyncClient,
    org: OrgFixture,
    ref: str,
    body: dict[str, Any],
    who: Session | None = None,
) -> httpx.Response:
    """PATCH with the current ETag (read first, as the SPA does)."""
    who = who or org.admin
    etag = (await read_requirement(client, org, ref, who)).headers["etag"]
    return await client.patch(
        requirements_url(org, ref), json=body, headers={**who.headers, "If-Match": etag}
    )


async def list_all(
    client: httpx.AsyncClient, org: OrgFixture, **params: Any
) -> list[dict[str, Any]]:
    r = await client.get(
        requirements_url(org), params={"limit": 500, **params}, headers=org.admin.headers
    )
    assert r.status_code == 200, r.text
    items: list[dict[str, Any]] = r.json()["items"]
    return items


async def insert_generated_framework(database: Database, org_id: str, size: int) -> str:
    """A framework of ``size`` assessable requirements with statuses for one organisation.

    Written straight to the database in bulk (the loader's checks are not the point here).
    The catalogue tables survive between PostgreSQL tests: call :func:`drop_framework`.
    """
    code = f"generated-{uuid.uuid4().hex[:8]}"
    framework_id = uuid.uuid4()
    now = utcnow()
    requirements = [
        {
            "id": uuid.uuid4(),
            "framework_id": framework_id,
            "ref": str(i),
            "title": f"Generated requirement {i}",
            "parent_id": None,
            "parent_ref": None,
            "root_ref": str(i),
            "depth": 1,
            "assessable": True,
            "sort_key": sort_key(str(i)),
            "guidance": "Generated for a size test.",
        }
        for i in range(1, size + 1)
    ]
    statuses = [
        {
            "org_id": uuid.UUID(org_id),
            "requirement_id": row["id"],
            "status": STATUSES[i % 4],
            "owner_id": None,
            "target_date": None,
            "notes": "",
            "not_occurring": False,
            "not_occurring_justification": "",
            "version": 1,
            "updated_at": now,
            "updated_by": None,
        }
        for i, row in enumerate(requirements)
    ]
    async with database.transaction() as session:
        await session.execute(
            insert(Framework.__table__).values(
                id=framework_id,
                code=code,
                name="Generated framework",
                version="1",
                publisher="tests",
                allows_exclusions=False,
                catalogue_version="1",
                created_at=now,
                updated_at=now,
            )
        )
        await session.execute(insert(Requirement.__table__), requirements)
        await session.execute(insert(RequirementStatus.__table__), statuses)
    return code


async def drop_framework(database: Database, code: str) -> None:
    """Remove a test framework and everything that points at it."""
    async with database.transaction() as session:
        framework_id = (
            await session.execute(select(Framework.id).where(Framework.code == code))
        ).scalar_one_or_none()
        if framework_id is None:
            return
        ids = select(Requirement.id).where(Requirement.framework_id == framework_id)
        await session.execute(
            delete(RequirementStatus).where(RequirementStatus.requirement_id.in_(ids))
        )
        await session.execute(
            update(Requirement)
            .where(Requirement.framework_id == framework_id)
            .values(parent_id=None)
        )
        await session.execute(delete(Requirement).where(Requirement.framework_id == framework_id))
        await session.execute(
            delete(DocumentedInformation).where(DocumentedInformation.framework_id == framework_id)
        )
        await session.execute(delete(Framework).where(Framework.id == framework_id))
