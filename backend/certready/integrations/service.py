"""Integrations (admin only): create with a secret shown once, change, rotate; the delivery
log and the ITSM records built from the deliveries (issue 15)."""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from certready.activity.service import record
from certready.config import Settings
from certready.context import OrgContext
from certready.core.changes import ChangeSpec, requested, update_object
from certready.core.clock import utcnow
from certready.core.pagination import PageParams, paginate
from certready.core.problems import NotFound
from certready.integrations import secrets as secret_box
from certready.integrations.enums import SourceType
from certready.integrations.models import Integration, IntegrationDelivery, ItsmRecord
from certready.integrations.repository import (
    DeliveryRepository,
    IntegrationRepository,
    RecordRepository,
)
from certready.integrations.schemas import (
    DeliveryDetail,
    DeliveryRead,
    IntegrationCreate,
    IntegrationRead,
    IntegrationSecret,
    IntegrationUpdate,
    RecordDetail,
    RecordFilters,
    RecordRead,
    SecretRotation,
)

INTEGRATION_CHANGES = ChangeSpec(
    "integration",
    ["name", "enabled", "mapping"],
    lambda i: f"Integration {i.name}",
    required=frozenset({"name", "enabled", "mapping"}),
)
REDACTED_HEADERS = frozenset({"authorization", "cookie", "proxy-authorization"})


def receiver_path(integration: Integration) -> str:
    return f"/api/v1/hooks/{integration.id}/{SourceType(integration.source).value}"


def _read(integration: Integration, stats: dict[str, Any]) -> IntegrationRead:
    own = {
        k: getattr(integration, k)
        for k in IntegrationRead.model_fields
        if k not in stats and k != "receiver_path"
    }
    return IntegrationRead.model_validate(
        {**own, **stats, "receiver_path": receiver_path(integration)}
    )


async def integration_read(session: AsyncSession, integration: Integration) -> IntegrationRead:
    repo = IntegrationRepository(session, integration.org_id)
    stats = await repo.stats([integration.id])
    return _read(integration, stats[integration.id])


async def create_integration(
    session: AsyncSession, settings: Settings, ctx: OrgContext, data: IntegrationCreate
) -> IntegrationSecret:
    """A new integration; the answer carries its secret, which is never shown again."""
    secret = data.secret or secret_box.generate_secret(data.source)
    integration = IntegrationRepository(session, ctx.org_id).add(
        Integration(
            org_id=ctx.org_id,
            name=data.name,
            source=data.source,
            secret_ciphertext=secret_box.encrypt(settings, secret),
            mapping=data.mapping.model_dump(mode="json"),
        )
    )
    await session.flush()
    record(
        session,
        org_id=ctx.org_id,
        actor=ctx.actor,
        action="integration.create",
        object_type="integration",
        object_id=integration.id,
        summary=f"Integration {integration.name} ({SourceType(integration.source).value}) created",
        after={"name": integration.name, "source": SourceType(integration.source).value},
    )
    read = await integration_read(session, integration)
    return IntegrationSecret(**read.model_dump(), secret=secret)


async def list_integrations(
    session: AsyncSession, org_id: uuid.UUID, page: PageParams
) -> tuple[list[IntegrationRead], str | None, int]:
    repo = IntegrationRepository(session, org_id)
    rows, next_cursor, total = await paginate(
        session,
        repo.listed(),
        keys=[col(Integration.created_at), col(Integration.id)],
        params=page,
    )
    stats = await repo.stats([i.id for i in rows])
    return [_read(i, stats[i.id]) for i in rows], next_cursor, total


async def update_integration(
    session: AsyncSession,
    ctx: OrgContext,
    integration: Integration,
    data: IntegrationUpdate,
    if_match: str | None,
) -> Integration:
    values = requested(data, INTEGRATION_CHANGES)
    if "mapping" in values and data.mapping is not None:
        values["mapping"] = data.mapping.model_dump(mode="json")
    await update_object(session, ctx, integration, values, INTEGRATION_CHANGES, if_match=if_match)
    return integration


async def rotate_secret(
    session: AsyncSession,
    settings: Settings,
    ctx: OrgContext,
    integration: Integration,
    data: SecretRotation,
    if_match: str | None,
) -> IntegrationSecret:
    """A new secret; the previous one keeps verifying for the grace period."""
    now = utcnow()
    secret = data.secret or secret_box.generate_secret(integration.source)
    previous = integration.secret_ciphertext if data.grace_hours > 0 else None
    expires = now + timedelta(hours=data.grace_hours) if previous else None
    spec = ChangeSpec(
        "integration",
        ["secret_rotated_at", "previous_secret_expires_at"],
        INTEGRATION_CHANGES.label,
    )
    integration.secret_ciphertext = secret_box.encrypt(settings, secret)
    integration.previous_secret_ciphertext = previous
    await update_object(
        session,
        ctx,
        integration,
        {"secret_rotated_at": now, "previous_secret_expires_at": expires},
        spec,
        if_match=if_match,
        action="integration.rotate_secret",
        summary=f"Integration {integration.name}: secret rotated "
        f"(previous valid for {data.grace_hours} h)",
    )
    read = await integration_read(session, integration)
    return IntegrationSecret(**read.model_dump(), secret=secret)


async def list_deliveries(
    session: AsyncSession, org_id: uuid.UUID, integration: Integration, page: PageParams
) -> tuple[list[IntegrationDelivery], str | None, int]:
    """The delivery log, newest first."""
    repo = DeliveryRepository(session, org_id)
    return await paginate(
        session,
        repo.of_integration(integration.id),
        keys=[col(IntegrationDelivery.received_at), col(IntegrationDelivery.id)],
        params=page,
        descending=True,
    )


async def get_delivery(
    session: AsyncSession, org_id: uuid.UUID, integration: Integration, delivery_id: uuid.UUID
) -> DeliveryDetail:
    delivery = await DeliveryRepository(session, org_id).get_for_integration(
        integration.id, delivery_id
    )
    if delivery is None:
        raise NotFound()
    return DeliveryDetail(
        **DeliveryRead.model_validate(delivery).model_dump(),
        headers=delivery.headers,
        body=delivery.body.decode("utf-8", errors="replace"),
    )


async def list_records(
    session: AsyncSession, org_id: uuid.UUID, filters: RecordFilters, page: PageParams
) -> tuple[list[ItsmRecord], str | None, int]:
    """ITSM records, most recently received first (a record's opened time may be unknown)."""
    repo = RecordRepository(session, org_id)
    return await paginate(
        session,
        repo.filtered(filters),
        keys=[col(ItsmRecord.created_at), col(ItsmRecord.id)],
        params=page,
        descending=True,
    )


async def record_detail(
    session: AsyncSession, org_id: uuid.UUID, record_id: uuid.UUID
) -> RecordDetail:
    """A record with the full history of its deliveries."""
    rec = await RecordRepository(session, org_id).get(record_id)
    if rec is None:
        raise NotFound()
    history = await DeliveryRepository(session, org_id).history(rec.id)
    return RecordDetail(
        **RecordRead.model_validate(rec).model_dump(),
        history=[DeliveryRead.model_validate(d) for d in history],
    )
