"""The services the organisation's scope statement names (4.3), by reference (RDY-02).

The list belongs to the organisation's settings: it changes with the organisation's ETag
(``If-Match``) and is logged as an organisation change.
"""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from certready.context import OrgContext
from certready.core.changes import check_version, update_object
from certready.core.problems import Unprocessable
from certready.orgs.service import ORG_CHANGES
from certready.services.repository import ServiceRepository
from certready.services.schemas import ScopeServiceRead, ScopeServicesRead, ScopeServicesUpdate
from certready.services.service import service_key


async def read_scope(session: AsyncSession, ctx: OrgContext) -> ScopeServicesRead:
    services = await ServiceRepository(session, ctx.org_id).scope_services()
    return ScopeServicesRead(
        sms_scope=ctx.org.sms_scope,
        services=[
            ScopeServiceRead(
                id=s.id, key=service_key(s), name=s.name, status=s.status, in_scope=s.in_scope
            )
            for s in services
        ],
        version=ctx.org.version,
    )


async def set_scope(
    session: AsyncSession, ctx: OrgContext, data: ScopeServicesUpdate, if_match: str | None
) -> ScopeServicesRead:
    """Replace the services the scope statement names (If-Match of the organisation)."""
    org = ctx.org
    await session.refresh(org, with_for_update=True)
    check_version(org, if_match, ORG_CHANGES)
    repo = ServiceRepository(session, ctx.org_id)
    ids = list(dict.fromkeys(data.service_ids))
    if len(await repo.existing(ids)) != len(ids):
        raise Unprocessable(
            "Every service must be a service of this organisation.", loc=["body", "service_ids"]
        )
    current = [s.id for s in await repo.scope_services()]
    before, after = sorted(map(str, current)), sorted(map(str, ids))
    if before != after:
        await repo.set_scope(ids)
    await update_object(
        session,
        ctx,
        org,
        {},
        ORG_CHANGES,
        if_match=if_match,
        extra_before={"scope_service_ids": before},
        extra_after={"scope_service_ids": after},
        action="org.scope_services",
        summary="Services named in the scope statement changed",
    )
    return await read_scope(session, ctx)
