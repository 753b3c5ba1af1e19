"""The receivers: verify over the raw bytes, keep the delivery, then build the record.

Order of a request (``receive``):

1. the integration the URL names (unknown, disabled or another source: the same 401);
2. the per-integration rate limit (429 + ``Retry-After``; counts rejected requests too, so a
   flood of bad signatures costs no database writes beyond the limit);
3. the signature over the raw body, current secret then the previous one in its grace period;
   a bad or missing one is a 401 that stores nothing but the integration's rejection count;
4. the delivery mapped and keyed (``prepare``), then queued to the process's group-commit
   writer (``writer.DeliveryWriter``): one transaction for the concurrent deliveries, each
   inserted with ``ON CONFLICT DO NOTHING`` on its dedupe key (a duplicate is answered 200
   and changes nothing), its record created or moved forward, never backwards;
5. the answer only after that commit: what was acknowledged is durable.

A body that cannot be mapped is kept with its ``mapping_error``, and answered 200.
"""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from certready.activity.service import record as record_activity
from certready.config import Settings
from certready.context import OrgContext
from certready.core.clock import utcnow
from certready.core.problems import Conflict, NotFound, ProblemException, TooManyRequests
from certready.db.session import Database
from certready.integrations import secrets as secret_box
from certready.integrations import verify as schemes
from certready.integrations.enums import MappingState, SourceType
from certready.integrations.mapping import MappingError, Normalised, dedupe_key, normalise
from certready.integrations.models import Integration, IntegrationDelivery
from certready.integrations.repository import (
    DeliveryRepository,
    IntegrationRepository,
    integration_for_hook,
)
from certready.integrations.schemas import (
    HookAccepted,
    MappingPreview,
    MappingRules,
    PreviewLine,
    PreviewRecord,
)
from certready.integrations.service import REDACTED_HEADERS
from certready.integrations.writer import DeliveryWriter, Pending, apply_one


class HookRejected(ProblemException):
    """401 without ``WWW-Authenticate: Bearer`` (the signature is the credential)."""

    status, slug, title = 401, "signature-rejected", "Unauthorized"


@dataclass
class HookLimiter:
    """Fixed-window counters per integration, in this process's memory."""

    windows: dict[uuid.UUID, tuple[float, int]] = field(default_factory=dict)

    def take(self, key: uuid.UUID, limit: int, window: int, now: float) -> int | None:
        """None when allowed, else the seconds until the window ends."""
        start, count = self.windows.get(key, (now, 0))
        if now - start >= window:
            start, count = now, 0
        if count >= limit:
            return max(int(window - (now - start)) + 1, 1)
        self.windows[key] = (start, count + 1)
        return None


def _secrets(settings: Settings, integration: Integration) -> list[tuple[str, str]]:
    found = [("", secret_box.decrypt(settings, integration.secret_ciphertext))]
    expires = integration.previous_secret_expires_at
    if integration.previous_secret_ciphertext and expires is not None and expires > utcnow():
        found.append(
            (
                "previous secret",
                secret_box.decrypt(settings, integration.previous_secret_ciphertext),
            )
        )
    return found


async def _known(db: Database, integration_id: uuid.UUID) -> Integration | None:
    async with db.read_sessions() as session:
        return await integration_for_hook(session, integration_id)


async def _reject(db: Database, integration: Integration) -> HookRejected:
    async with db.transaction() as session:
        await IntegrationRepository(session, integration.org_id).count_rejection(
            integration.id, utcnow()
        )
    return HookRejected(schemes.REJECTED)


async def authenticate(
    db: Database,
    settings: Settings,
    limiter: HookLimiter,
    integration_id: uuid.UUID,
    source: SourceType,
    headers: Mapping[str, str],
    body: bytes,
) -> tuple[Integration, str]:
    """The integration and how the request verified; 401 / 429 problems otherwise."""
    integration = await _known(db, integration_id)
    if integration is None or integration.source != source:
        raise HookRejected(schemes.REJECTED)
    wait = limiter.take(
        integration.id,
        settings.hook_rate_limit,
        settings.hook_rate_window_seconds,
        time.monotonic(),
    )
    if wait is not None:
        raise TooManyRequests(wait, "Too many deliveries for this integration.")
    if not integration.enabled:
        raise await _reject(db, integration)
    request = schemes.Request(
        headers=headers,
        body=body,
        now=int(time.time()),
        glpi_tolerance=settings.glpi_timestamp_tolerance_seconds,
        standard_tolerance=settings.standard_webhooks_tolerance_seconds,
    )
    try:
        verified = schemes.verify(source, request, _secrets(settings, integration))
    except secret_box.SecretUnreadable:
        verified = None
    if verified is None:
        raise await _reject(db, integration)
    return integration, verified


def _map(
    integration: Integration,
    body: bytes,
    itemtype: str | None,
    rules: Mapping[str, Any] | None = None,
) -> tuple[Normalised | None, str | None]:
    """The record a body gives under ``rules`` (the integration's own by default)."""
    try:
        payload: Any = json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        return None, f"The body is not JSON: {exc}"[:2000]
    mapping = integration.mapping if rules is None else rules
    try:
        return normalise(integration.source, payload, mapping, itemtype or "Ticket"), None
    except (MappingError, ValueError, TypeError) as exc:
        return None, str(exc)[:2000] or type(exc).__name__


def _stored_headers(headers: Mapping[str, str]) -> dict[str, str]:
    return {k: ("[redacted]" if k in REDACTED_HEADERS else v) for k, v in headers.items()}


def prepare(
    integration: Integration,
    verified: str,
    headers: Mapping[str, str],
    body: bytes,
    itemtype: str,
) -> Pending:
    """The delivery mapped and keyed, ready to be stored (no database work)."""
    normalised, error = _map(integration, body, itemtype)
    digest = schemes.body_sha256(body)
    return Pending(
        integration=integration,
        verified=verified,
        headers=_stored_headers(headers),
        body=body,
        digest=digest,
        key=dedupe_key(integration.source, headers, normalised, digest),
        itemtype=itemtype,
        normalised=normalised,
        error=error,
        received_at=utcnow(),
    )


async def glpi_challenge(
    db: Database, settings: Settings, integration_id: uuid.UUID, token: str
) -> str:
    """GLPI's challenge-response: HMAC of its ``crc_token`` with the current secret."""
    integration = await _known(db, integration_id)
    if integration is None or integration.source != SourceType.glpi or not integration.enabled:
        raise HookRejected(schemes.REJECTED)
    secret = secret_box.decrypt(settings, integration.secret_ciphertext)
    return schemes.glpi_challenge(secret, token)


async def receive(
    db: Database,
    settings: Settings,
    limiter: HookLimiter,
    writer: DeliveryWriter,
    integration_id: uuid.UUID,
    source: SourceType,
    headers: Mapping[str, str],
    body: bytes,
    itemtype: str,
) -> HookAccepted:
    """Authenticate, then keep and apply the delivery (see the module's docstring)."""
    integration, verified = await authenticate(
        db, settings, limiter, integration_id, source, headers, body
    )
    # group commit: answered once the batch holding it has committed
    return await writer.submit(prepare(integration, verified, headers, body, itemtype))


# --- mapping again: preview of new rules, retry of a failed delivery ----------------------

PREVIEW_SIZE = 20


def _outcome(new: Normalised | None) -> tuple[Any, ...] | None:
    return None if new is None else (new.kind, new.clause, new.service_key)


async def preview(
    session: AsyncSession, integration: Integration, rules: MappingRules
) -> MappingPreview:
    """The newest deliveries mapped with ``rules`` beside the current ones; nothing stored."""
    deliveries = await DeliveryRepository(session, integration.org_id).latest(
        integration.id, PREVIEW_SIZE
    )
    tried = rules.model_dump(mode="json")
    lines = []
    for d in deliveries:
        new, error = _map(integration, d.body, d.itemtype, tried)
        now, _ = _map(integration, d.body, d.itemtype)
        record = None
        if new is not None:
            record = PreviewRecord(
                external_key=new.external_key or new.external_id,
                kind=new.kind,
                clause=new.clause,
                service_key=new.service_key,
                title=new.title,
                status=new.status,
                priority=new.priority,
            )
        lines.append(
            PreviewLine(
                delivery_id=d.id,
                received_at=d.received_at,
                event=d.event,
                record=record,
                error=error,
                changed=_outcome(new) != _outcome(now),
            )
        )
    return MappingPreview(
        items=lines,
        mapped=sum(1 for line in lines if line.record is not None),
        errors=sum(1 for line in lines if line.record is None),
        changed=sum(1 for line in lines if line.changed),
    )


async def retry(
    session: AsyncSession, ctx: OrgContext, integration: Integration, delivery_id: uuid.UUID
) -> IntegrationDelivery:
    """Map a delivery whose mapping failed again, with the integration's current rules (after
    they were corrected); the body stays as received. Logged, whatever the outcome."""
    deliveries = DeliveryRepository(session, ctx.org_id)
    delivery = await deliveries.get_for_integration(integration.id, delivery_id, for_change=True)
    if delivery is None:
        raise NotFound()
    if delivery.mapping_state != MappingState.error:
        raise Conflict(
            f"Only a delivery whose mapping failed is mapped again; this one is "
            f"{MappingState(delivery.mapping_state).value}."
        )
    normalised, error = _map(integration, delivery.body, delivery.itemtype)
    if normalised is None:
        delivery.mapping_error = error
        summary = f"Delivery mapped again: still not mappable ({error})"
    else:
        record_id, state = await apply_one(session, integration, normalised)
        delivery.mapping_state, delivery.record_id, delivery.mapping_error = state, record_id, None
        summary = (
            f"Delivery mapped again: {normalised.external_key or normalised.external_id} "
            f"{state.value}"
        )
    record_activity(
        session,
        org_id=ctx.org_id,
        actor=ctx.actor,
        action="integration_delivery.retry",
        object_type="integration_delivery",
        object_id=delivery.id,
        summary=summary[:500],
        after={
            "mapping_state": MappingState(delivery.mapping_state).value,
            "record_id": str(delivery.record_id) if delivery.record_id else None,
        },
    )
    await session.flush()
    return delivery
