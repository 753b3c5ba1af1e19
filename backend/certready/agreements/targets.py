"""Service level targets: parts of an agreement (no ETag of their own; the agreement's moves)."""

from __future__ import annotations

import uuid

from sqlalchemy.ext.asyncio import AsyncSession

from certready.activity.service import record, snapshot
from certready.agreements.models import Agreement, ServiceLevelTarget
from certready.agreements.repository import AgreementRepository
from certready.agreements.schemas import TargetCreate, TargetUpdate
from certready.agreements.service import AGREEMENT_CHANGES, TARGET_FIELDS, agreement_key
from certready.context import OrgContext
from certready.core.changes import ChangeSpec, add_part, check_version, requested, update_part
from certready.core.clock import utcnow

TARGET_CHANGES = ChangeSpec(
    object_type="agreement.target",
    fields=TARGET_FIELDS,
    label=lambda t: t.metric,
    required=frozenset({"metric", "target", "direction"}),
    blank={"unit": ""},
)


async def add_target(
    session: AsyncSession, ctx: OrgContext, agreement: Agreement, data: TargetCreate
) -> ServiceLevelTarget:
    """Add a target (metric, target, unit, direction) to the agreement."""
    target = ServiceLevelTarget(org_id=ctx.org_id, agreement_id=agreement.id, **data.model_dump())
    session.add(target)
    await add_part(
        session,
        ctx,
        agreement,
        target,
        TARGET_CHANGES,
        parent_spec=AGREEMENT_CHANGES,
        summary=f"{agreement_key(agreement)}: target '{data.metric}' added",
        id_key="target_id",
    )
    return target


async def update_target(
    session: AsyncSession,
    ctx: OrgContext,
    agreement: Agreement,
    target_id: uuid.UUID,
    data: TargetUpdate,
    if_match: str | None,
) -> ServiceLevelTarget:
    """Change a target; the agreement's ETag guards it (If-Match)."""
    target = await AgreementRepository(session, ctx.org_id).target(agreement.id, target_id)
    values = requested(data, TARGET_CHANGES)
    await update_part(
        session,
        ctx,
        agreement,
        target,
        values,
        TARGET_CHANGES,
        parent_spec=AGREEMENT_CHANGES,
        label=f"{agreement_key(agreement)} target '{target.metric}'",
        id_key="target_id",
        if_match=if_match,
    )
    return target


async def delete_target(
    session: AsyncSession,
    ctx: OrgContext,
    agreement: Agreement,
    target_id: uuid.UUID,
    if_match: str | None,
) -> None:
    """Remove a target (If-Match on the agreement)."""
    check_version(agreement, if_match, AGREEMENT_CHANGES)
    target = await AgreementRepository(session, ctx.org_id).target(agreement.id, target_id)
    before = {"target_id": str(target.id), **snapshot(target, TARGET_FIELDS)}
    await session.delete(target)
    agreement.version += 1
    agreement.updated_at = utcnow()
    record(
        session,
        org_id=ctx.org_id,
        actor=ctx.actor,
        action="agreement.target.delete",
        object_type="agreement",
        object_id=agreement.id,
        summary=f"{agreement_key(agreement)}: target '{target.metric}' removed",
        before=before,
    )
    await session.flush()
