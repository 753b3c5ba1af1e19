"""The service catalogue of the "ready" scenarios, built through the public API: one
customer, one live service in scope with an owner, named by the scope statement, with a
clause-8 process the organisation operates (RDY-02 and RDY-23 pass)."""

from __future__ import annotations

import httpx

from tests.factories import scenarios as sc
from tests.factories.services import (
    add_process,
    create_customer,
    create_service,
    set_scope,
    transition,
)


async def build_services(client: httpx.AsyncClient, built: sc.Built) -> None:
    org = built.org
    customer = await create_customer(client, org, name="Retail division")
    service = await create_service(
        client, org, owner_id=org.admin.user_id, customer_ids=[customer["id"]]
    )
    await add_process(client, org, service["id"], "8.6.1", owner_id=org.admin.user_id)
    r = await transition(client, org, service["id"], "live")
    assert r.status_code == 200, r.text
    await set_scope(client, org, [service["id"]])
