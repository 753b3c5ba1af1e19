"""Suppliers over HTTP: keys, owner, If-Match, filters, roles, tenancy, bad input, queries."""

from __future__ import annotations

import uuid

import httpx

from tests.conftest import QueryCounter
from tests.factories.auth import add_member, first_run, second_org
from tests.factories.suppliers import create_supplier, suppliers_url


async def test_create_keys_owner_and_activity(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    one = await create_supplier(client, org)
    assert one["key"] == "SUP-1" and one["owner_id"] == org.admin.user_id
    assert one["status"] == "active" and one["in_scope"] is True and one["kind"] == "external"
    two = await create_supplier(client, org, name="Payroll team", kind="internal")
    assert two["key"] == "SUP-2"
    acts = await client.get(f"/api/v1/orgs/{org.slug}/activity", headers=org.admin.headers)
    created = [a for a in acts.json()["items"] if a["action"] == "supplier.create"]
    assert {a["summary"] for a in created} == {
        "SUP-1 'Northwind Hosting' created",
        "SUP-2 'Payroll team' created",
    }


async def test_bad_input_is_a_problem_and_changes_nothing(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    url = suppliers_url(org)
    for body in (
        {"name": "", "kind": "external"},
        {"name": "X", "kind": "partner"},
        {"name": "X", "kind": "external", "owner_id": str(uuid.uuid4())},
        {"name": "X", "kind": "external", "status": "gone"},
        {"name": "X", "kind": "external", "surprise": 1},
        {"name": "X\x00", "kind": "external"},
    ):
        r = await client.post(url, json=body, headers=org.admin.headers)
        assert r.status_code == 422, (body, r.text)
        assert r.headers["content-type"].startswith("application/problem+json")
    listed = await client.get(url, headers=org.admin.headers)
    assert listed.json()["total"] == 0
    s = await create_supplier(client, org)
    etag = (await client.get(suppliers_url(org, s["id"]), headers=org.admin.headers)).headers[
        "etag"
    ]
    for body in ({"name": None}, {"owner_id": str(uuid.uuid4())}, {"kind": "other"}):
        r = await client.patch(
            suppliers_url(org, s["id"]), json=body, headers={**org.admin.headers, "If-Match": etag}
        )
        assert r.status_code == 422, (body, r.text)
    after = await client.get(suppliers_url(org, s["id"]), headers=org.admin.headers)
    assert after.headers["etag"] == etag and after.json()["name"] == "Northwind Hosting"


async def test_patch_needs_if_match_and_logs_the_diff(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    s = await create_supplier(client, org)
    url = suppliers_url(org, s["id"])
    body = {"status": "inactive", "contact": ""}
    assert (await client.patch(url, json=body, headers=org.admin.headers)).status_code == 428
    r = await client.patch(url, json=body, headers={**org.admin.headers, "If-Match": '"7"'})
    assert r.status_code == 412
    r = await client.patch(url, json=body, headers={**org.admin.headers, "If-Match": '"1"'})
    assert r.status_code == 200, r.text
    assert r.json()["status"] == "inactive" and r.json()["contact"] == ""
    assert r.headers["etag"] == '"2"'
    acts = await client.get(f"/api/v1/orgs/{org.slug}/activity", headers=org.admin.headers)
    update = next(a for a in acts.json()["items"] if a["action"] == "supplier.update")
    assert update["before"] == {
        "status": "active",
        "contact": "service-desk@northwind.example",
    }
    assert update["after"] == {"status": "inactive", "contact": ""}
    # the same values again: nothing changes, the ETag stays valid
    r = await client.patch(url, json=body, headers={**org.admin.headers, "If-Match": '"2"'})
    assert r.status_code == 200 and r.headers["etag"] == '"2"'


async def test_filters_and_pages(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    manager = await add_member(client, org, "sms_manager")
    ext = await create_supplier(client, org)
    internal = await create_supplier(
        client, org, name="Facilities", kind="internal", owner_id=manager.user_id
    )
    cust = await create_supplier(
        client, org, name="Contoso as supplier", kind="customer_as_supplier", in_scope=False
    )
    await create_supplier(client, org, name="Old Telco", status="inactive")
    url = suppliers_url(org)

    async def ids(**params: object) -> list[str]:
        r = await client.get(url, params=params, headers=org.admin.headers)
        assert r.status_code == 200, r.text
        return [s["id"] for s in r.json()["items"]]

    assert await ids(kind="internal") == [internal["id"]]
    assert await ids(kind="customer_as_supplier") == [cust["id"]]
    assert await ids(in_scope="false") == [cust["id"]]
    assert len(await ids(status="active")) == 3
    assert await ids(owner_id=manager.user_id) == [internal["id"]]
    first = await client.get(url, params={"limit": 2}, headers=org.admin.headers)
    page = first.json()
    assert page["total"] == 4 and [s["key"] for s in page["items"]] == ["SUP-1", "SUP-2"]
    rest = await client.get(
        url, params={"limit": 2, "cursor": page["next_cursor"]}, headers=org.admin.headers
    )
    assert [s["key"] for s in rest.json()["items"]] == ["SUP-3", "SUP-4"]
    assert ext["id"] in await ids()
    assert (
        await client.get(url, params={"kind": "x"}, headers=org.admin.headers)
    ).status_code == 422


async def test_roles_read_and_write(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    s = await create_supplier(client, org)
    manager = await add_member(client, org, "sms_manager")
    await create_supplier(client, org, headers=manager.headers, name="By manager")
    for role in ("viewer", "process_owner", "auditor", "external_auditor"):
        member = await add_member(client, org, role)
        r = await client.get(suppliers_url(org), headers=member.headers)
        assert r.status_code == 200 and r.json()["total"] == 2
        await create_supplier(client, org, headers=member.headers, expect=403)
        r = await client.patch(
            suppliers_url(org, s["id"]),
            json={"name": "Nope"},
            headers={**member.headers, "If-Match": '"1"'},
        )
        assert r.status_code == 403
    assert (await client.get(suppliers_url(org, s["id"]), headers=org.admin.headers)).json()[
        "name"
    ] == "Northwind Hosting"


async def test_other_organisations_get_404(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    other = await second_org(client, org)
    mine = await create_supplier(client, org)
    theirs = await create_supplier(client, other, name="Globex vendor")
    assert (
        await client.get(suppliers_url(org, theirs["id"]), headers=org.admin.headers)
    ).status_code == 404
    r = await client.patch(
        suppliers_url(other, mine["id"]),
        json={"name": "Taken"},
        headers={**other.admin.headers, "If-Match": '"1"'},
    )
    assert r.status_code == 404
    r = await client.get(suppliers_url(other), headers=other.admin.headers)
    assert [s["id"] for s in r.json()["items"]] == [theirs["id"]]
    # an owner from another organisation is not a member here
    r = await client.post(
        suppliers_url(org),
        json={"name": "X", "kind": "external", "owner_id": other.admin.user_id},
        headers=org.admin.headers,
    )
    assert r.status_code == 422


async def test_list_query_count_is_constant(
    client: httpx.AsyncClient, count_queries: QueryCounter
) -> None:
    org = await first_run(client)
    await create_supplier(client, org)
    count_queries.count = 0
    assert (await client.get(suppliers_url(org), headers=org.admin.headers)).status_code == 200
    few = count_queries.count
    for i in range(6):
        await create_supplier(client, org, name=f"S{i}", kind=["internal", "external"][i % 2])
    count_queries.count = 0
    r = await client.get(suppliers_url(org), headers=org.admin.headers)
    assert r.json()["total"] == 7 and count_queries.count == few
