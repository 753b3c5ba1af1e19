"""Customers over HTTP: keys, unique names, If-Match, filters, delete rule, roles, tenancy."""

from __future__ import annotations

import uuid

import httpx

from tests.conftest import QueryCounter
from tests.factories.auth import add_member, first_run, second_org
from tests.factories.services import create_customer, create_service, customers_url, etag


async def test_create_update_and_unique_names(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    one = await create_customer(client, org, name="Retail", kind="internal")
    assert one["key"] == "CUS-1" and one["service_count"] == 0
    await create_customer(client, org, name="retail", expect=409)
    await create_customer(client, org, name="X", kind="partner", expect=422)
    await create_customer(client, org, name="  ", expect=422)
    two = await create_customer(client, org, name="Bank", kind="external")
    assert two["key"] == "CUS-2"
    url = customers_url(org, one["id"])
    assert (
        await client.patch(url, json={"contact": "x"}, headers=org.admin.headers)
    ).status_code == 428
    r = await client.patch(
        url, json={"contact": "x"}, headers={**org.admin.headers, "If-Match": '"5"'}
    )
    assert r.status_code == 412
    tag = await etag(client, url, org.admin.headers)
    r = await client.patch(
        url, json={"name": "Bank"}, headers={**org.admin.headers, "If-Match": tag}
    )
    assert r.status_code == 409
    r = await client.patch(
        url,
        json={"contact": "ops@retail.example", "kind": None},
        headers={**org.admin.headers, "If-Match": tag},
    )
    assert r.status_code == 422
    assert (await client.get(url, headers=org.admin.headers)).json()[
        "contact"
    ] != "ops@retail.example"
    r = await client.patch(
        url, json={"contact": "ops@retail.example"}, headers={**org.admin.headers, "If-Match": tag}
    )
    assert r.status_code == 200 and r.json()["contact"] == "ops@retail.example"
    acts = await client.get(f"/api/v1/orgs/{org.slug}/activity", headers=org.admin.headers)
    entry = next(a for a in acts.json()["items"] if a["action"] == "customer.update")
    assert entry["after"] == {"contact": "ops@retail.example"}


async def test_filters_counts_and_delete_rule(
    client: httpx.AsyncClient, count_queries: QueryCounter
) -> None:
    org = await first_run(client)
    a = await create_customer(client, org, name="A")
    b = await create_customer(client, org, name="B", kind="external")
    svc = await create_service(client, org, customer_ids=[a["id"]])

    async def listed(**params: object) -> list[dict]:  # type: ignore[type-arg]
        r = await client.get(customers_url(org), params=params, headers=org.admin.headers)
        assert r.status_code == 200, r.text
        return list(r.json()["items"])

    assert [c["id"] for c in await listed(kind="external")] == [b["id"]]
    assert [c["id"] for c in await listed(service_id=svc["id"])] == [a["id"]]
    assert {c["key"]: c["service_count"] for c in await listed()} == {"CUS-1": 1, "CUS-2": 0}
    count_queries.count = 0
    await listed()
    few = count_queries.count
    for n in range(4):
        c = await create_customer(client, org, name=f"C{n}")
        await create_service(client, org, name=f"S{n}", customer_ids=[c["id"], a["id"]])
    count_queries.count = 0
    await listed()
    assert count_queries.count == few
    r = await client.delete(customers_url(org, a["id"]), headers=org.admin.headers)
    assert r.status_code == 409
    r = await client.delete(customers_url(org, b["id"]), headers=org.admin.headers)
    assert r.status_code == 204
    assert (
        await client.get(customers_url(org, b["id"]), headers=org.admin.headers)
    ).status_code == 404


async def test_roles_and_tenancy(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    cust = await create_customer(client, org)
    viewer = await add_member(client, org, "viewer")
    manager = await add_member(client, org, "sms_manager")
    assert (await client.get(customers_url(org), headers=viewer.headers)).status_code == 200
    await create_customer(client, org, name="V", headers=viewer.headers, expect=403)
    await create_customer(client, org, name="M", headers=manager.headers)
    r = await client.delete(customers_url(org, cust["id"]), headers=viewer.headers)
    assert r.status_code == 403
    other = await second_org(client, org)
    r = await client.get(customers_url(other, cust["id"]), headers=other.admin.headers)
    assert r.status_code == 404
    r = await client.delete(customers_url(other, cust["id"]), headers=other.admin.headers)
    assert r.status_code == 404
    r = await client.get(customers_url(org, uuid.uuid4()), headers=org.admin.headers)
    assert r.status_code == 404
