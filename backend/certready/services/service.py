"""The service catalogue (ISO/IEC 20000-1 8.2.4; iso20000.md RDY-02, RDY-23).

A service has a key ``SVC-n``, a lifecycle (``workflow``), an owner, a criticality, its
customers, and is in the SMS scope or out of it with a recorded reason. The processes
supporting it live in ``processes``; the services the scope statement names in ``scope``.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from certready.activity.service import record, snapshot
from certready.context import OrgContext
from certready.core.changes import ChangeSpec, check_version, move_object, requested, update_object
from certready.core.pagination import PageParams, paginate
from certready.core.problems import Unprocessable
from certready.customers.repository import CustomerRepository
from certready.customers.service import customer_key
from certready.db.base import columns
from certready.db.repository import next_number
from certready.orgs.repository import MembershipRepository
from certready.services.enums import ServiceStatus
from certready.services.models import Service, ServiceProcess
from certready.services.repository import ServiceRepository
from certready.services.schemas import (
    ServiceCreate,
    ServiceCustomerRead,
    ServiceFilters,
    ServiceProcessRead,
    ServiceRead,
    ServiceTransition,
    ServiceUpdate,
)
from certready.services.workflow import SERVICE_WORKFLOW, ServiceMove

SERVICE_FIELDS = [
    "name",
    "description",
    "owner_id",
    "criticality",
    "in_scope",
    "out_of_scope_reason",
]
NO_REASON = "A service outside the scope needs the reason (out_of_scope_reason)."


def service_key(service: Service) -> str:
    """The human key, ``SVC-1``."""
    return f"SVC-{service.number}"


SERVICE_CHANGES = ChangeSpec(
    object_type="service",
    fields=SERVICE_FIELDS,
    label=service_key,
    required=frozenset({"name", "criticality", "in_scope"}),
    blank={"description": "", "out_of_scope_reason": ""},
)


async def service_reads(session: AsyncSession, services: Sequence[Service]) -> list[ServiceRead]:
    """Services as read with customers, processes and the scope mark: three statements."""
    if not services:
        return []
    repo = ServiceRepository(session, services[0].org_id)
    ids = [s.id for s in services]
    customers: dict[uuid.UUID, list[ServiceCustomerRead]] = {i: [] for i in ids}
    for service_id, c in await repo.customers_of(ids):
        customers[service_id].append(
            ServiceCustomerRead(id=c.id, key=customer_key(c), name=c.name, kind=c.kind)
        )
    processes: dict[uuid.UUID, list[ServiceProcessRead]] = {i: [] for i in ids}
    for p in await repo.processes_of(ids):
        processes[p.service_id].append(ServiceProcessRead.model_validate(columns(p)))
    named = await repo.in_scope_statement(ids)
    return [
        ServiceRead.model_validate(
            {
                **columns(s),
                "key": service_key(s),
                "in_scope_statement": s.id in named,
                "customers": customers[s.id],
                "processes": processes[s.id],
            }
        )
        for s in services
    ]


async def read_service(session: AsyncSession, service: Service) -> ServiceRead:
    return (await service_reads(session, [service]))[0]


async def list_services(
    session: AsyncSession, org_id: uuid.UUID, filters: ServiceFilters, page: PageParams
) -> tuple[list[ServiceRead], str | None, int]:
    """One page (SVC-1 first) in five statements whatever the size."""
    stmt = ServiceRepository(session, org_id).filtered(filters)
    rows, next_cursor, total = await paginate(
        session, stmt, keys=[col(Service.number)], params=page
    )
    return await service_reads(session, rows), next_cursor, total


async def ensure_services_in_org(
    session: AsyncSession,
    org_id: uuid.UUID,
    service_ids: Sequence[uuid.UUID],
    field: str = "service_ids",
) -> list[uuid.UUID]:
    """The unique ``service_ids``, each a service of the organisation: else a 422 naming
    every unknown id (another organisation's service reads exactly like a made-up id)."""
    unique = list(dict.fromkeys(service_ids))
    known = await ServiceRepository(session, org_id).known_ids(unique)
    unknown = [(n, sid) for n, sid in enumerate(service_ids) if sid not in known]
    if unknown:
        raise Unprocessable(
            f"No such service: {', '.join(str(sid) for _n, sid in unknown)}.",
            errors=[
                {
                    "loc": ["body", field, n],
                    "msg": f"No service {sid} in this organisation.",
                    "type": "value_error",
                }
                for n, sid in unknown
            ],
        )
    return unique


async def check_member(
    session: AsyncSession, ctx: OrgContext, user_id: uuid.UUID, loc: list[str | int]
) -> None:
    """422 unless ``user_id`` is a member of the organisation."""
    member = await MembershipRepository(session, ctx.org_id).get(user_id)
    if member is None:
        raise Unprocessable("The owner must be a member.", loc=loc)


async def _check_customers(
    session: AsyncSession, ctx: OrgContext, ids: list[uuid.UUID]
) -> list[uuid.UUID]:
    unique = list(dict.fromkeys(ids))
    known = await CustomerRepository(session, ctx.org_id).existing(unique)
    if len(known) != len(unique):
        raise Unprocessable(
            "Every customer must be a customer of this organisation.",
            loc=["body", "customer_ids"],
        )
    return unique


def _check_scope(in_scope: bool, reason: str) -> str:
    if not in_scope and not reason.strip():
        raise Unprocessable(NO_REASON, loc=["body", "out_of_scope_reason"])
    return reason.strip() if not in_scope else ""


async def create_service(session: AsyncSession, ctx: OrgContext, data: ServiceCreate) -> Service:
    """Add a service to the catalogue (pipeline), with its customers."""
    repo = ServiceRepository(session, ctx.org_id)
    if data.owner_id is not None:
        await check_member(session, ctx, data.owner_id, ["body", "owner_id"])
    reason = _check_scope(data.in_scope, data.out_of_scope_reason)
    customer_ids = await _check_customers(session, ctx, data.customer_ids)
    service = repo.add(
        Service(
            org_id=ctx.org_id,
            number=await next_number(session, ctx.org_id, "service"),
            status=ServiceStatus.pipeline,
            **data.model_dump(exclude={"customer_ids", "out_of_scope_reason"}),
            out_of_scope_reason=reason,
        )
    )
    await session.flush()
    await repo.set_customers(service.id, customer_ids)
    record(
        session,
        org_id=ctx.org_id,
        actor=ctx.actor,
        action="service.create",
        object_type="service",
        object_id=service.id,
        summary=f"{service_key(service)} '{service.name}' created",
        after={
            **snapshot(service, SERVICE_FIELDS),
            "customer_ids": [str(c) for c in customer_ids],
        },
    )
    await session.flush()
    return service


async def update_service(
    session: AsyncSession,
    ctx: OrgContext,
    service: Service,
    data: ServiceUpdate,
    if_match: str | None,
) -> Service:
    """Change a service (If-Match); ``customer_ids`` replaces its customers."""
    check_version(service, if_match, SERVICE_CHANGES)
    values = requested(data, SERVICE_CHANGES)
    new_customers = values.pop("customer_ids", None)
    if values.get("owner_id") is not None:
        await check_member(session, ctx, values["owner_id"], ["body", "owner_id"])
    in_scope = values.get("in_scope", service.in_scope)
    reason = values.get("out_of_scope_reason", service.out_of_scope_reason)
    cleared = _check_scope(in_scope, reason)
    if cleared != service.out_of_scope_reason:
        values["out_of_scope_reason"] = cleared
    extra: dict[str, Any] = {}
    if new_customers is not None:
        repo = ServiceRepository(session, ctx.org_id)
        ids = await _check_customers(session, ctx, new_customers)
        current = [c.id for _, c in await repo.customers_of([service.id])]
        if sorted(map(str, ids)) != sorted(map(str, current)):
            await repo.set_customers(service.id, ids)
            extra = {
                "before": {"customer_ids": sorted(str(c) for c in current)},
                "after": {"customer_ids": sorted(str(c) for c in ids)},
            }
    await update_object(
        session,
        ctx,
        service,
        values,
        SERVICE_CHANGES,
        if_match=if_match,
        extra_before=extra.get("before"),
        extra_after=extra.get("after"),
    )
    return service


async def transition_service(
    session: AsyncSession, ctx: OrgContext, service: Service, data: ServiceTransition
) -> Service:
    """Move a service through its lifecycle (409 naming the allowed states)."""
    await move_object(
        session,
        ctx,
        service,
        SERVICE_WORKFLOW,
        ServiceMove(service=service, note=data.note),
        data.to,
        SERVICE_CHANGES,
        note=data.note,
    )
    return service


def process_read(process: ServiceProcess) -> ServiceProcessRead:
    return ServiceProcessRead.model_validate(columns(process))
