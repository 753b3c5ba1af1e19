"""Agreements (ISO/IEC 20000-1 8.3.3, 8.3.4; iso20000.md RDY-13).

An SLA is agreed with a customer, a contract or an OLA / internal agreement with a supplier
(the OLA only with an internal supplier or a customer acting as one). An agreement counts
for RDY-13 while it is ``active`` and its end date, if any, has not passed.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from certready.activity.service import record, snapshot
from certready.agreements.enums import AgreementType
from certready.agreements.models import Agreement, ServiceLevelTarget
from certready.agreements.repository import AgreementRepository
from certready.agreements.schemas import (
    AgreementCreate,
    AgreementFilters,
    AgreementRead,
    AgreementUpdate,
    TargetRead,
)
from certready.context import OrgContext
from certready.core.changes import ChangeSpec, check_version, requested, update_object
from certready.core.pagination import PageParams, paginate
from certready.core.problems import Unprocessable
from certready.db.base import columns
from certready.db.repository import next_number
from certready.suppliers.enums import SupplierKind
from certready.suppliers.repository import SupplierRepository
from certready.suppliers.reviews import check_evidence

AGREEMENT_FIELDS = [
    "title",
    "customer_id",
    "supplier_id",
    "start_date",
    "end_date",
    "review_date",
    "evidence_id",
    "status",
    "notes",
]
TARGET_FIELDS = ["metric", "target", "unit", "direction"]


def agreement_key(agreement: Agreement) -> str:
    """The human key, ``AGR-3``."""
    return f"AGR-{agreement.number}"


AGREEMENT_CHANGES = ChangeSpec(
    object_type="agreement",
    fields=AGREEMENT_FIELDS,
    label=agreement_key,
    required=frozenset({"title", "status"}),
    blank={"notes": ""},
)


def agreement_read(
    agreement: Agreement, service_ids: Sequence[uuid.UUID], targets: Sequence[ServiceLevelTarget]
) -> AgreementRead:
    """An agreement as read, with its key, services and targets."""
    return AgreementRead.model_validate(
        {
            **columns(agreement),
            "key": agreement_key(agreement),
            "service_ids": list(service_ids),
            "targets": [TargetRead.model_validate(t) for t in targets],
        }
    )


async def read_agreement(session: AsyncSession, agreement: Agreement) -> AgreementRead:
    """``agreement_read`` of one agreement (two statements)."""
    repo = AgreementRepository(session, agreement.org_id)
    services = await repo.service_ids([agreement.id])
    targets = await repo.targets([agreement.id])
    return agreement_read(agreement, services[agreement.id], targets[agreement.id])


async def list_agreements(
    session: AsyncSession, org_id: uuid.UUID, filters: AgreementFilters, page: PageParams
) -> tuple[list[AgreementRead], str | None, int]:
    """One page in four statements (count, page, services, targets), whatever the size."""
    repo = AgreementRepository(session, org_id)
    rows, next_cursor, total = await paginate(
        session, repo.filtered(filters), keys=[col(Agreement.number)], params=page
    )
    ids = [a.id for a in rows]
    services = await repo.service_ids(ids)
    targets = await repo.targets(ids)
    return [agreement_read(a, services[a.id], targets[a.id]) for a in rows], next_cursor, total


async def _check_parties(
    session: AsyncSession, ctx: OrgContext, type_: AgreementType, values: Mapping[str, Any]
) -> None:
    """The party the type needs, and only that one (422 naming the field)."""
    customer_id, supplier_id = values.get("customer_id"), values.get("supplier_id")
    repo = AgreementRepository(session, ctx.org_id)
    if type_ == AgreementType.sla:
        if customer_id is None or supplier_id is not None:
            raise Unprocessable("An SLA is agreed with a customer.", loc=["body", "customer_id"])
        if not await repo.has_customer(customer_id):
            raise Unprocessable("No such customer.", loc=["body", "customer_id"])
        return
    if supplier_id is None or customer_id is not None:
        raise Unprocessable(
            "A contract or internal agreement is made with a supplier.",
            loc=["body", "supplier_id"],
        )
    supplier = await SupplierRepository(session, ctx.org_id).get(supplier_id)
    if supplier is None:
        raise Unprocessable("No such supplier.", loc=["body", "supplier_id"])
    if type_ == AgreementType.ola_internal_agreement and supplier.kind == SupplierKind.external:
        raise Unprocessable(
            "An external supplier needs a contract, not an internal agreement.",
            loc=["body", "type"],
        )


async def _check_rest(
    session: AsyncSession, ctx: OrgContext, values: Mapping[str, Any]
) -> list[uuid.UUID] | None:
    """Dates in order, the evidence item and the services; the unique service ids."""
    start, end = values.get("start_date"), values.get("end_date")
    if start is not None and end is not None and end < start:
        raise Unprocessable("The agreement ends before it starts.", loc=["body", "end_date"])
    if values.get("evidence_id") is not None:
        await check_evidence(session, ctx, values["evidence_id"], ["body", "evidence_id"])
    if values.get("service_ids") is None:
        return None
    unique = list(dict.fromkeys(values["service_ids"]))
    known = (
        await AgreementRepository(session, ctx.org_id).known_services(unique) if unique else set()
    )
    if len(known) != len(unique):
        raise Unprocessable("No such service.", loc=["body", "service_ids"])
    return unique


async def create_agreement(
    session: AsyncSession, ctx: OrgContext, data: AgreementCreate
) -> Agreement:
    """An agreement AGR-<n> with its services and targets."""
    values = data.model_dump()
    await _check_parties(session, ctx, data.type, values)
    service_ids = await _check_rest(session, ctx, values) or []
    repo = AgreementRepository(session, ctx.org_id)
    agreement = repo.add(
        Agreement(
            org_id=ctx.org_id,
            number=await next_number(session, ctx.org_id, "agreement"),
            type=data.type,
            **{k: values[k] for k in AGREEMENT_FIELDS},
        )
    )
    await session.flush()
    await repo.set_services(agreement.id, service_ids)
    for target in data.targets:
        session.add(
            ServiceLevelTarget(org_id=ctx.org_id, agreement_id=agreement.id, **target.model_dump())
        )
    record(
        session,
        org_id=ctx.org_id,
        actor=ctx.actor,
        action="agreement.create",
        object_type="agreement",
        object_id=agreement.id,
        summary=f"{agreement_key(agreement)} '{agreement.title}' ({data.type.value}) created",
        after={
            "type": data.type.value,
            **snapshot(agreement, AGREEMENT_FIELDS),
            "service_ids": [str(s) for s in service_ids],
            "targets": [t.model_dump(mode="json") for t in data.targets],
        },
    )
    await session.flush()
    return agreement


async def update_agreement(
    session: AsyncSession,
    ctx: OrgContext,
    agreement: Agreement,
    data: AgreementUpdate,
    if_match: str | None,
) -> Agreement:
    """Change an agreement (If-Match); parties are checked against its type again."""
    check_version(agreement, if_match, AGREEMENT_CHANGES)
    values = requested(data, AGREEMENT_CHANGES)
    if "customer_id" in values or "supplier_id" in values:
        merged = {
            "customer_id": values.get("customer_id", agreement.customer_id),
            "supplier_id": values.get("supplier_id", agreement.supplier_id),
        }
        await _check_parties(session, ctx, AgreementType(agreement.type), merged)
    dates = {k: values.get(k, getattr(agreement, k)) for k in ("start_date", "end_date")}
    service_ids = await _check_rest(session, ctx, {**values, **dates})
    extra_before: dict[str, Any] = {}
    extra_after: dict[str, Any] = {}
    values.pop("service_ids", None)
    repo = AgreementRepository(session, ctx.org_id)
    if service_ids is not None:
        before = (await repo.service_ids([agreement.id]))[agreement.id]
        if sorted(before) != sorted(service_ids):
            extra_before = {"service_ids": sorted(str(s) for s in before)}
            extra_after = {"service_ids": sorted(str(s) for s in service_ids)}
            await repo.set_services(agreement.id, service_ids)
    await update_object(
        session,
        ctx,
        agreement,
        values,
        AGREEMENT_CHANGES,
        if_match=if_match,
        extra_before=extra_before,
        extra_after=extra_after,
    )
    return agreement
