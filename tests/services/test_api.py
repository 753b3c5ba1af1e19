"""Services over HTTP: keys, scope reasons, customers, If-Match, workflow, processes,
the scope list, filters, roles, tenancy and constant query counts."""

from __future__ import annotations

import uuid

import httpx
import pytest

from tests.conftest import QueryCounter
from tests.factories.auth import add_member, first_run, second_org
from tests.factories.services import (
    add_process,
    create_customer,
    create_service,
    etag,
    scope_url,
    services_url,
    set_scope,
    transition,
)
from tests.factories.suppliers import create_supplier


async def _activity(client: httpx.AsyncClient, org, action: str) -> list[dict]:  # type: ignore[no-untyped-def]
    r = await client.get(
        f"/api/v1/orgs/{org.slug}/activity", params={"limit": 500}, headers=org.admin.headers
    )
    return [a for a in r.json()["items"] if a["action"] == action]


async def test_create_keys_customers_and_scope_reason(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    retail = await create_customer(client, org)
    one = await create_service(client, org, customer_ids=[retail["id"]], criticality="high")
    assert one["key"] == "SVC-1" and one["status"] == "pipeline" and one["in_scope"] is True
    assert [c["key"] for c in one["customers"]] == [retail["key"]]
    assert one["in_scope_statement"] is False and one["processes"] == []
    # outside the scope without a reason: a problem, nothing created
    r = await client.post(
        services_url(org), json={"name": "Legacy", "in_scope": False}, headers=org.admin.headers
    )
    assert r.status_code == 422 and r.json()["errors"][-1]["loc"] == ["body", "out_of_scope_reason"]
    r = await client.post(
        services_url(org),
        json={"name": "Other", "customer_ids": [str(uuid.uuid4())]},
        headers=org.admin.headers,
    )
    assert r.status_code == 422
    r = await client.post(
        services_url(org),
        json={"name": "X", "owner_id": str(uuid.uuid4())},
        headers=org.admin.headers,
    )
    assert r.status_code == 422
    listed = await client.get(services_url(org), headers=org.admin.headers)
    assert listed.json()["total"] == 1
    out = await create_service(
        client, org, name="Legacy fax", in_scope=False, out_of_scope_reason="Sold in 2027."
    )
    assert out["key"] == "SVC-2" and out["out_of_scope_reason"] == "Sold in 2027."
    assert len(await _activity(client, org, "service.create")) == 2


async def test_patch_needs_if_match_and_logs_the_diff(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    a = await create_customer(client, org, name="A")
    b = await create_customer(client, org, name="B", kind="external")
    svc = await create_service(client, org, customer_ids=[a["id"]])
    url = services_url(org, svc["id"])
    body = {"name": "Workplace", "customer_ids": [b["id"]]}
    assert (await client.patch(url, json=body, headers=org.admin.headers)).status_code == 428
    r = await client.patch(url, json=body, headers={**org.admin.headers, "If-Match": '"7"'})
    assert r.status_code == 412
    tag = await etag(client, url, org.admin.headers)
    r = await client.patch(url, json=body, headers={**org.admin.headers, "If-Match": tag})
    assert r.status_code == 200, r.text
    assert r.json()["name"] == "Workplace" and [c["id"] for c in r.json()["customers"]] == [b["id"]]
    assert r.headers["etag"] == '"2"'
    (entry,) = await _activity(client, org, "service.update")
    assert entry["before"] == {"name": "Managed workplace", "customer_ids": [a["id"]]}
    assert entry["after"] == {"name": "Workplace", "customer_ids": [b["id"]]}
    # leaving the scope needs a reason; the failed PATCH changes nothing
    tag = r.headers["etag"]
    r = await client.patch(
        url,
        json={"in_scope": False, "name": "Nope"},
        headers={**org.admin.headers, "If-Match": tag},
    )
    assert r.status_code == 422
    got = (await client.get(url, headers=org.admin.headers)).json()
    assert got["in_scope"] is True and got["name"] == "Workplace" and got["version"] == 2
    r = await client.patch(
        url,
        json={"in_scope": False, "out_of_scope_reason": "Run by the parent company."},
        headers={**org.admin.headers, "If-Match": tag},
    )
    assert r.status_code == 200 and r.json()["in_scope"] is False
    # back in scope: the reason is cleared
    r = await client.patch(
        url, json={"in_scope": True}, headers={**org.admin.headers, "If-Match": r.headers["etag"]}
    )
    assert r.json()["out_of_scope_reason"] == ""
    r = await client.patch(
        url, json={"name": None}, headers={**org.admin.headers, "If-Match": r.headers["etag"]}
    )
    assert r.status_code == 422


@pytest.mark.parametrize(
    ("path", "to", "ok"),
    [
        ([], "live", True),
        ([], "retired", True),
        ([], "retiring", False),
        (["live"], "retiring", True),
        (["live"], "retired", False),
        (["live"], "pipeline", False),
        (["live", "retiring"], "retired", True),
        (["live", "retiring"], "live", True),
        (["live", "retiring", "retired"], "live", False),
    ],
)
async def test_workflow_pairs(
    client: httpx.AsyncClient, path: list[str], to: str, ok: bool
) -> None:
    org = await first_run(client)
    svc = await create_service(client, org, owner_id=org.admin.user_id)
    for step in path:
        assert (await transition(client, org, svc["id"], step)).status_code == 200
    r = await transition(client, org, svc["id"], to, note="never launched")
    assert r.status_code == (200 if ok else 409), r.text
    if ok:
        assert r.json()["status"] == to
    else:
        assert r.json()["current"] == (path[-1] if path else "pipeline")


async def test_workflow_guards(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    svc = await create_service(client, org)
    r = await transition(client, org, svc["id"], "live")
    assert r.status_code == 409 and "owner" in r.json()["detail"]
    r = await transition(client, org, svc["id"], "retired")
    assert r.status_code == 409 and "reason" in r.json()["detail"]
    assert (await client.get(services_url(org, svc["id"]), headers=org.admin.headers)).json()[
        "status"
    ] == "pipeline"
    assert len(await _activity(client, org, "service.transition")) == 0


async def test_processes_are_parts_of_the_service(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    svc = await create_service(client, org)
    got = await add_process(client, org, svc["id"], "8.6.1", owner_id=org.admin.user_id)
    (proc,) = got["processes"]
    assert proc["operator"] == "organisation" and got["version"] == 2
    await add_process(client, org, svc["id"], "8.6.1", expect=409)
    await add_process(client, org, svc["id"], "6.2", expect=422)  # not clause 8
    await add_process(client, org, svc["id"], "8", expect=422)  # not a leaf
    await add_process(client, org, svc["id"], "8.6.2", supplier_id=str(uuid.uuid4()), expect=422)
    await add_process(
        client, org, svc["id"], "8.6.2", monitoring_objective_id=str(uuid.uuid4()), expect=422
    )
    url = services_url(org, svc["id"], "processes", proc["id"])
    body = {"operator": "supplier", "monitoring": "Monthly supplier review"}
    r = await client.patch(url, json=body, headers={**org.admin.headers, "If-Match": '"2"'})
    assert r.status_code == 422  # another party's process names the supplier
    supplier = await create_supplier(client, org)
    body["supplier_id"] = supplier["id"]
    assert (await client.patch(url, json=body, headers=org.admin.headers)).status_code == 428
    r = await client.patch(url, json=body, headers={**org.admin.headers, "If-Match": '"1"'})
    assert r.status_code == 412
    r = await client.patch(url, json=body, headers={**org.admin.headers, "If-Match": '"2"'})
    assert r.status_code == 200, r.text
    assert r.json()["processes"][0]["operator"] == "supplier" and r.json()["version"] == 3
    (entry,) = await _activity(client, org, "service.process.update")
    assert entry["after"]["operator"] == "supplier" and entry["after"]["process_id"] == proc["id"]
    other = uuid.uuid4()
    r = await client.patch(
        services_url(org, svc["id"], "processes", other),
        json=body,
        headers={**org.admin.headers, "If-Match": '"3"'},
    )
    assert r.status_code == 404
    assert (await client.delete(url, headers=org.admin.headers)).status_code == 428
    r = await client.delete(url, headers={**org.admin.headers, "If-Match": '"3"'})
    assert r.status_code == 200 and r.json()["processes"] == [] and r.json()["version"] == 4
    assert len(await _activity(client, org, "service.process.delete")) == 1


async def test_scope_list_by_reference(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    one = await create_service(client, org)
    two = await create_service(client, org, name="Hosting")
    r = await client.get(scope_url(org), headers=org.admin.headers)
    assert r.status_code == 200 and r.json()["services"] == []
    tag = r.headers["etag"]
    body = {"service_ids": [two["id"], one["id"]]}
    assert (
        await client.put(scope_url(org), json=body, headers=org.admin.headers)
    ).status_code == 428
    r = await client.put(
        scope_url(org), json=body, headers={**org.admin.headers, "If-Match": '"99"'}
    )
    assert r.status_code == 412
    r = await client.put(
        scope_url(org),
        json={"service_ids": [str(uuid.uuid4())]},
        headers={**org.admin.headers, "If-Match": tag},
    )
    assert r.status_code == 422
    r = await client.put(scope_url(org), json=body, headers={**org.admin.headers, "If-Match": tag})
    assert r.status_code == 200, r.text
    assert [s["key"] for s in r.json()["services"]] == ["SVC-1", "SVC-2"]
    assert r.headers["etag"] != tag
    got = (await client.get(services_url(org, one["id"]), headers=org.admin.headers)).json()
    assert got["in_scope_statement"] is True
    (entry,) = await _activity(client, org, "org.scope_services")
    assert sorted(entry["after"]["scope_service_ids"]) == sorted([one["id"], two["id"]])
    await set_scope(client, org, [one["id"]])
    r = await client.get(scope_url(org), headers=org.admin.headers)
    assert [s["key"] for s in r.json()["services"]] == ["SVC-1"]


async def test_filters_and_pages(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    cust = await create_customer(client, org)
    a = await create_service(client, org, name="A", customer_ids=[cust["id"]])
    b = await create_service(client, org, name="B", in_scope=False, out_of_scope_reason="r")
    c = await create_service(client, org, name="C", owner_id=org.admin.user_id)
    assert (await transition(client, org, c["id"], "live")).status_code == 200

    async def ids(**params: object) -> list[str]:
        r = await client.get(services_url(org), params=params, headers=org.admin.headers)
        assert r.status_code == 200, r.text
        return [s["id"] for s in r.json()["items"]]

    assert await ids(status="live") == [c["id"]]
    assert await ids(in_scope="false") == [b["id"]]
    assert await ids(in_scope="true") == [a["id"], c["id"]]
    assert await ids(customer_id=cust["id"]) == [a["id"]]
    assert await ids(owner_id=org.admin.user_id) == [c["id"]]
    r = await client.get(services_url(org), params={"limit": 2}, headers=org.admin.headers)
    assert r.json()["total"] == 3 and r.json()["next_cursor"]
    r2 = await client.get(
        services_url(org), params={"cursor": r.json()["next_cursor"]}, headers=org.admin.headers
    )
    assert [s["id"] for s in r2.json()["items"]] == [c["id"]]
    r = await client.get(services_url(org), params={"status": "bogus"}, headers=org.admin.headers)
    assert r.status_code == 422


async def test_list_query_count_is_constant(
    client: httpx.AsyncClient, count_queries: QueryCounter
) -> None:
    org = await first_run(client)
    cust = await create_customer(client, org)

    async def counted() -> int:
        count_queries.count = 0
        r = await client.get(services_url(org), headers=org.admin.headers)
        assert r.status_code == 200
        return count_queries.count

    svc = await create_service(client, org, customer_ids=[cust["id"]])
    await add_process(client, org, svc["id"])
    few = await counted()
    for n in range(5):
        s = await create_service(client, org, name=f"S{n}", customer_ids=[cust["id"]])
        await add_process(client, org, s["id"], "8.6.2")
        await add_process(client, org, s["id"], "8.6.3")
    assert await counted() == few


async def test_roles(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    svc = await create_service(client, org)
    manager = await add_member(client, org, "sms_manager")
    viewer = await add_member(client, org, "viewer")
    owner = await add_member(client, org, "process_owner")
    await create_service(client, org, name="By manager", headers=manager.headers)
    for who in (viewer, owner):
        assert (await client.get(services_url(org), headers=who.headers)).status_code == 200
        await create_service(client, org, name="No", headers=who.headers, expect=403)
        r = await client.post(
            services_url(org, svc["id"], "transitions"), json={"to": "live"}, headers=who.headers
        )
        assert r.status_code == 403
        r = await client.put(
            scope_url(org), json={"service_ids": []}, headers={**who.headers, "If-Match": "*"}
        )
        assert r.status_code == 403
    r = await client.put(
        scope_url(org), json={"service_ids": []}, headers={**manager.headers, "If-Match": "*"}
    )
    assert r.status_code == 403  # the scope statement is an organisation setting


async def test_other_organisations_services_are_404(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    svc = await create_service(client, org)
    cust = await create_customer(client, org)
    other = await second_org(client, org)
    r = await client.get(services_url(other, svc["id"]), headers=other.admin.headers)
    assert r.status_code == 404
    r = await client.patch(
        services_url(other, svc["id"]),
        json={"name": "x"},
        headers={**other.admin.headers, "If-Match": '"1"'},
    )
    assert r.status_code == 404
    r = await client.post(
        services_url(other, svc["id"], "processes"),
        json={"requirement_ref": "8.6.1"},
        headers=other.admin.headers,
    )
    assert r.status_code == 404
    # another organisation's customer or service cannot be linked
    await create_service(client, other, customer_ids=[cust["id"]], expect=422)
    await set_scope(client, other, [svc["id"]], expect=422)
    r = await client.get(services_url(other), headers=other.admin.headers)
    assert r.json()["total"] == 0
