"""The ready scenarios' agreements, built through the public API (RDY-13 passes):
an external supplier under an active contract, an SLA for every (service, customer) pair
the catalogue holds when this runs, and approved "none exist" statements for internal
suppliers and customers acting as suppliers."""

from __future__ import annotations

from typing import TYPE_CHECKING

import httpx

from tests.factories.suppliers import approve_none_exist, create_agreement, create_supplier

if TYPE_CHECKING:
    from tests.factories.scenarios import Built


async def agreements(client: httpx.AsyncClient, built: Built) -> None:
    org = built.org
    hosting = await create_supplier(client, org, name="Scenario hosting")
    await create_agreement(client, org, title="Hosting contract", supplier_id=hosting["id"])
    r = await client.get(
        f"/api/v1/orgs/{org.slug}/services", params={"limit": 500}, headers=org.admin.headers
    )
    assert r.status_code == 200, r.text
    for service in r.json()["items"]:
        for customer in service["customers"]:
            await create_agreement(
                client,
                org,
                title=f"SLA {service['key']} {customer['key']}",
                type="sla",
                customer_id=customer["id"],
                service_ids=[service["id"]],
            )
    await approve_none_exist(client, org, "internal")
    await approve_none_exist(client, org, "customer_as_supplier")
