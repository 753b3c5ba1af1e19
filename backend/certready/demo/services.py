"""The service catalogue: four services, two customers, the clause-8 processes supporting
each and who operates them, and the services the scope statement names.

The gap the dashboard shows (RDY-02): SVC-3 Hosting is marked in scope but the scope
statement does not name it yet. SVC-4 is being retired and is out of scope with a reason.
"""

from __future__ import annotations

from certready.core.changes import ANY_VERSION
from certready.customers.enums import CustomerKind
from certready.customers.schemas import CustomerCreate
from certready.customers.service import create_customer
from certready.demo.base import Demo
from certready.services.enums import Criticality, ServiceStatus
from certready.services.processes import add_process
from certready.services.schemas import (
    ProcessCreate,
    ScopeServicesUpdate,
    ServiceCreate,
    ServiceTransition,
)
from certready.services.scope import set_scope
from certready.services.service import create_service, transition_service

CUSTOMERS = (
    ("Retail division", CustomerKind.internal, "retail-it@demo.example"),
    ("Contoso Bank", CustomerKind.external, "vendor-management@contoso.example"),
)
# (name, description, criticality, customers (indexes), processes, scope statement names it)
SERVICES = (
    (
        "Managed workplace",
        "Laptops, mail, collaboration and printing for office staff.",
        Criticality.high,
        (0,),
        ("8.6.1", "8.6.2", "8.5.1.3"),
        True,
    ),
    (
        "Service desk",
        "Single point of contact for incidents and service requests, 7-19 on weekdays.",
        Criticality.high,
        (0, 1),
        ("8.6.1", "8.6.2", "8.3.2"),
        True,
    ),
    (
        "Hosting",
        "Hosting of the customers' business applications in two data centres.",
        Criticality.critical,
        (1,),
        ("8.7.1", "8.7.2", "8.5.1.1"),
        False,
    ),
)


async def add_services(demo: Demo) -> None:
    session, ctx = demo.session, demo.ctx
    customers = [
        await create_customer(session, ctx, CustomerCreate(name=n, kind=k, contact=c))
        for n, k, c in CUSTOMERS
    ]
    named = []
    for name, description, criticality, who, refs, in_statement in SERVICES:
        service = await create_service(
            session,
            ctx,
            ServiceCreate(
                name=name,
                description=description,
                owner_id=demo.manager.id,
                criticality=criticality,
                customer_ids=[customers[i].id for i in who],
            ),
        )
        for ref in refs:
            owner = demo.owner_for(ref)
            await add_process(
                session, ctx, service, ProcessCreate(requirement_ref=ref, owner_id=owner)
            )
        await transition_service(session, ctx, service, ServiceTransition(to=ServiceStatus.live))
        demo.services_in_scope.append(service.id)
        if in_statement:
            named.append(service.id)
    legacy = await create_service(
        session,
        ctx,
        ServiceCreate(
            name="Fax gateway",
            description="Inbound fax to mail; replaced by the customer portal.",
            owner_id=demo.manager.id,
            criticality=Criticality.low,
            in_scope=False,
            out_of_scope_reason="Being retired at the end of the quarter; no new customers.",
            customer_ids=[customers[1].id],
        ),
    )
    for to in (ServiceStatus.live, ServiceStatus.retiring):
        await transition_service(session, ctx, legacy, ServiceTransition(to=to))
    await set_scope(session, ctx, ScopeServicesUpdate(service_ids=named), ANY_VERSION)
