"""The clause-8 processes supporting a service and who operates each (8.2.3, RDY-23).

A process is part of its service (no ETag of its own): adding, changing or removing one
moves the service's version and is logged on the service.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from certready.context import OrgContext
from certready.core.changes import (
    ChangeSpec,
    add_part,
    check_version,
    requested,
    update_object,
    update_part,
)
from certready.core.problems import Conflict, NotFound, Unprocessable
from certready.requirements.catalogue.loader import DEFAULT_FRAMEWORK
from certready.services.enums import Operator
from certready.services.models import Service, ServiceProcess
from certready.services.repository import ServiceRepository
from certready.services.schemas import ProcessCreate, ProcessUpdate
from certready.services.service import SERVICE_CHANGES, check_member, service_key

PROCESS_FIELDS = [
    "requirement_ref",
    "operator",
    "supplier_id",
    "owner_id",
    "monitoring",
    "monitoring_objective_id",
]
PROCESS_CHANGES = ChangeSpec(
    object_type="service.process",
    fields=PROCESS_FIELDS,
    label=lambda p: p.requirement_ref,
    required=frozenset({"operator"}),
    blank={"monitoring": ""},
)


async def _check(session: AsyncSession, ctx: OrgContext, values: dict[str, Any]) -> None:
    repo = ServiceRepository(session, ctx.org_id)
    if values.get("owner_id") is not None:
        await check_member(session, ctx, values["owner_id"], ["body", "owner_id"])
    objective_id = values.get("monitoring_objective_id")
    if objective_id is not None and not await repo.objective_exists(objective_id):
        raise Unprocessable(
            "The monitoring objective must be an objective of this organisation.",
            loc=["body", "monitoring_objective_id"],
        )
    supplier_id = values.get("supplier_id")
    if supplier_id is not None and not await repo.supplier_exists(supplier_id):
        raise Unprocessable(
            "The supplier must be a supplier of this organisation.", loc=["body", "supplier_id"]
        )


def _operator_rules(operator: Operator, supplier_id: Any) -> None:
    """The organisation's own process names no supplier; another party's names it."""
    if operator == Operator.organisation and supplier_id is not None:
        raise Unprocessable(
            "A process the organisation operates names no supplier.",
            loc=["body", "supplier_id"],
        )
    if operator == Operator.supplier and supplier_id is None:
        raise Unprocessable(
            "A process operated by another party names the supplier.",
            loc=["body", "supplier_id"],
        )


async def get_process(session: AsyncSession, service: Service, process_id: Any) -> ServiceProcess:
    """The service's process; any other id is a 404."""
    process = await ServiceRepository(session, service.org_id).process(service.id, process_id)
    if process is None:
        raise NotFound()
    return process


async def add_process(
    session: AsyncSession, ctx: OrgContext, service: Service, data: ProcessCreate
) -> ServiceProcess:
    """Name a clause-8 process supporting the service and who operates it."""
    repo = ServiceRepository(session, ctx.org_id)
    if not await repo.is_operation_leaf(DEFAULT_FRAMEWORK, data.requirement_ref):
        raise Unprocessable(
            f"{data.requirement_ref} is not a clause-8 process of the catalogue.",
            loc=["body", "requirement_ref"],
        )
    if await repo.has_process(service.id, data.requirement_ref):
        raise Conflict(f"{service_key(service)} already names {data.requirement_ref}.")
    await _check(session, ctx, data.model_dump())
    _operator_rules(data.operator, data.supplier_id)
    process = ServiceProcess(org_id=ctx.org_id, service_id=service.id, **data.model_dump())
    session.add(process)
    await add_part(
        session,
        ctx,
        service,
        process,
        PROCESS_CHANGES,
        parent_spec=SERVICE_CHANGES,
        summary=f"{service_key(service)}: process {process.requirement_ref} added "
        f"({process.operator})",
        id_key="process_id",
    )
    return process


async def update_process(
    session: AsyncSession,
    ctx: OrgContext,
    service: Service,
    process: ServiceProcess,
    data: ProcessUpdate,
    if_match: str | None,
) -> ServiceProcess:
    """Change who operates a process, its owner or monitoring (If-Match of the service)."""
    values = requested(data, PROCESS_CHANGES)
    await _check(session, ctx, values)
    _operator_rules(
        values.get("operator", process.operator), values.get("supplier_id", process.supplier_id)
    )
    await update_part(
        session,
        ctx,
        service,
        process,
        values,
        PROCESS_CHANGES,
        parent_spec=SERVICE_CHANGES,
        label=f"{service_key(service)} process {process.requirement_ref}",
        id_key="process_id",
        if_match=if_match,
    )
    return process


async def remove_process(
    session: AsyncSession,
    ctx: OrgContext,
    service: Service,
    process: ServiceProcess,
    if_match: str | None,
) -> None:
    """Remove a process from the service (If-Match of the service); logged on the service."""
    ref = process.requirement_ref
    check_version(service, if_match, SERVICE_CHANGES)
    await session.delete(process)
    await update_object(
        session,
        ctx,
        service,
        {},
        SERVICE_CHANGES,
        if_match=if_match,
        extra_before={"process": ref},
        extra_after={"process": None},
        action="service.process.delete",
        summary=f"{service_key(service)}: process {ref} removed",
    )
