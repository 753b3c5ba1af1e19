"""Permission aliases, load-or-404, the receivers' bounded body, rate limiter and writer."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Depends, Path, Request

from certready.api.deps import DatabaseDep, OrgCtxDep, Requires, SessionDep, SettingsDep
from certready.context import OrgContext
from certready.core.problems import PayloadTooLarge
from certready.integrations.models import Integration
from certready.integrations.receiver import HookLimiter
from certready.integrations.repository import IntegrationRepository
from certready.integrations.writer import DeliveryWriter
from certready.orgs.permissions import Action

IntegrationsManager = Annotated[OrgContext, Depends(Requires(Action.integrations_manage))]
ItsmReader = Annotated[OrgContext, Depends(Requires(Action.itsm_read))]


async def get_integration(
    integration_id: Annotated[uuid.UUID, Path()], ctx: OrgCtxDep, session: SessionDep
) -> Integration:
    """The integration in the caller's organisation; any other id is the same 404."""
    return await IntegrationRepository(session, ctx.org_id).get_or_404(integration_id)


IntegrationDep = Annotated[Integration, Depends(get_integration)]


def get_limiter(request: Request) -> HookLimiter:
    """The app's receiver rate limiter (one per process)."""
    limiter = getattr(request.app.state, "hook_limiter", None)
    if limiter is None:
        limiter = request.app.state.hook_limiter = HookLimiter()
    return limiter


LimiterDep = Annotated[HookLimiter, Depends(get_limiter)]


def get_writer(request: Request, db: DatabaseDep, settings: SettingsDep) -> DeliveryWriter:
    """The app's group-commit writer of deliveries (one per process and database)."""
    writer: DeliveryWriter | None = getattr(request.app.state, "delivery_writer", None)
    if writer is None or writer.db is not db:
        writer = request.app.state.delivery_writer = DeliveryWriter(
            db, settings.hook_batch_size, settings.hook_batch_linger_ms / 1000
        )
    return writer


WriterDep = Annotated[DeliveryWriter, Depends(get_writer)]


async def hook_body(request: Request, settings: SettingsDep) -> bytes:
    """The raw body, refused (413) past ``hook_max_body_bytes`` before it is read whole."""
    limit = settings.hook_max_body_bytes
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise PayloadTooLarge(f"Deliveries are limited to {limit} bytes.")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise PayloadTooLarge(f"Deliveries are limited to {limit} bytes.")
        chunks.append(chunk)
    return b"".join(chunks)


HookBody = Annotated[bytes, Depends(hook_body)]
