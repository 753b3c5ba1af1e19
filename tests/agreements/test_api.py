"""Agreements over HTTP: parties per type, services, targets as parts, If-Match, filters,
roles, tenancy, bad input, constant list queries; RDY-13 through the API."""

from __future__ import annotations

import uuid
from typing import Any

import httpx

from tests.conftest import QueryCounter
from tests.factories.auth import OrgFixture, add_member, first_run, second_org
from tests.factories.evidence import create_statement
from tests.factories.readiness import rule_result
from tests.factories.services import create_customer, create_service, services_url
from tests.factories.suppliers import (
    agreements_url,
    approve_none_exist,
    create_agreement,
    create_supplier,
)

TARGET = {"metric": "Availability", "target": 99.5, "unit": "%", "direction": "at_least"}


async def _live_service(
    client: httpx.AsyncClient, org: OrgFixture, name: str, customer_ids: list[str]
) -> dict[str, Any]:
    service = await create_service(
        client, org, name=name, customer_ids=customer_ids, owner_id=org.admin.user_id
    )
    r = await client.post(
        services_url(org, service["id"], "transitions"),
        json={"to": "live"},
        headers=org.admin.headers,
    )
    assert r.status_code == 200, r.text
    return service


async def test_create_checks_parties_services_and_evidence(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    ext = await create_supplier(client, org)
    internal = await create_supplier(client, org, name="Facilities", kind="internal")
    customer = await create_customer(client, org)
    service = await create_service(client, org)
    doc = await create_statement(client, org, title="Signed contract")
    contract = await create_agreement(
        client,
        org,
        supplier_id=ext["id"],
        service_ids=[service["id"], service["id"]],
        evidence_id=doc["id"],
        start_date="2026-01-01",
        end_date="2027-12-31",
        targets=[TARGET],
    )
    assert contract["key"] == "AGR-1" and contract["service_ids"] == [service["id"]]
    assert contract["targets"][0]["metric"] == "Availability"
    sla = await create_agreement(
        client, org, title="Workplace SLA", type="sla", customer_id=customer["id"]
    )
    assert sla["key"] == "AGR-2"
    ola = await create_agreement(
        client,
        org,
        title="Facilities OLA",
        type="ola_internal_agreement",
        supplier_id=internal["id"],
    )
    assert ola["type"] == "ola_internal_agreement"
    bad: list[dict[str, Any]] = [
        {"type": "sla", "supplier_id": ext["id"]},
        {"type": "sla", "customer_id": str(uuid.uuid4())},
        {"type": "contract", "customer_id": customer["id"]},
        {"type": "contract", "supplier_id": str(uuid.uuid4())},
        {"type": "ola_internal_agreement", "supplier_id": ext["id"]},
        {"supplier_id": ext["id"], "service_ids": [str(uuid.uuid4())]},
        {"supplier_id": ext["id"], "evidence_id": str(uuid.uuid4())},
        {"supplier_id": ext["id"], "start_date": "2026-02-01", "end_date": "2026-01-01"},
        {"supplier_id": ext["id"], "targets": [{**TARGET, "target": "high"}]},
        {"supplier_id": ext["id"], "status": "signed"},
        {"supplier_id": ext["id"], "title": ""},
    ]
    for fields in bad:
        r = await client.post(
            agreements_url(org),
            json={"title": "X", "type": "contract", **fields},
            headers=org.admin.headers,
        )
        assert r.status_code == 422, (fields, r.text)
        assert r.headers["content-type"].startswith("application/problem+json")
    listed = await client.get(agreements_url(org), headers=org.admin.headers)
    assert listed.json()["total"] == 3


async def test_patch_and_targets_go_through_the_agreement_etag(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    ext = await create_supplier(client, org)
    one = await create_service(client, org, name="One")
    two = await create_service(client, org, name="Two")
    a = await create_agreement(client, org, supplier_id=ext["id"], service_ids=[one["id"]])
    url = agreements_url(org, a["id"])
    h = org.admin.headers
    change = {"service_ids": [two["id"]], "review_date": "2027-01-31"}
    assert (await client.patch(url, json=change, headers=h)).status_code == 428
    assert (
        await client.patch(url, json=change, headers={**h, "If-Match": '"5"'})
    ).status_code == 412
    r = await client.patch(url, json=change, headers={**h, "If-Match": '"1"'})
    assert r.status_code == 200 and r.json()["service_ids"] == [two["id"]], r.text
    assert r.headers["etag"] == '"2"'
    acts = (await client.get(f"/api/v1/orgs/{org.slug}/activity", headers=h)).json()["items"]
    update = next(x for x in acts if x["action"] == "agreement.update")
    assert update["before"]["service_ids"] == [one["id"]]
    assert update["after"]["service_ids"] == [two["id"]]
    r = await client.patch(
        url, json={"customer_id": str(uuid.uuid4())}, headers={**h, "If-Match": '"2"'}
    )
    assert r.status_code == 422
    r = await client.post(f"{url}/targets", json=TARGET, headers=h)
    assert r.status_code == 201 and r.headers["etag"] == '"3"', r.text
    target = r.json()["targets"][0]
    part = f"{url}/targets/{target['id']}"
    r = await client.patch(part, json={"target": 99.9}, headers={**h, "If-Match": '"2"'})
    assert r.status_code == 412
    r = await client.patch(part, json={"target": 99.9}, headers={**h, "If-Match": '"3"'})
    assert r.status_code == 200 and r.json()["targets"][0]["target"] == 99.9
    r = await client.patch(part, json={"metric": None}, headers={**h, "If-Match": '"4"'})
    assert r.status_code == 422
    assert (await client.delete(part, headers={**h, "If-Match": '"3"'})).status_code == 412
    assert (await client.delete(part, headers={**h, "If-Match": '"4"'})).status_code == 204
    final = await client.get(url, headers=h)
    assert final.json()["targets"] == [] and final.headers["etag"] == '"5"'


async def test_filters_roles_and_tenancy(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    ext = await create_supplier(client, org)
    customer = await create_customer(client, org)
    service = await create_service(client, org)
    contract = await create_agreement(client, org, supplier_id=ext["id"])
    sla = await create_agreement(
        client, org, type="sla", customer_id=customer["id"], service_ids=[service["id"]]
    )

    async def keys(**params: object) -> list[str]:
        r = await client.get(agreements_url(org), params=params, headers=org.admin.headers)
        assert r.status_code == 200, r.text
        return [a["key"] for a in r.json()["items"]]

    assert await keys(type="sla") == [sla["key"]]
    assert await keys(supplier_id=ext["id"]) == [contract["key"]]
    assert await keys(customer_id=customer["id"]) == [sla["key"]]
    assert await keys(service_id=service["id"]) == [sla["key"]]
    assert await keys(status="draft") == []
    viewer = await add_member(client, org, "viewer")
    assert (await client.get(agreements_url(org), headers=viewer.headers)).status_code == 200
    await create_agreement(client, org, headers=viewer.headers, supplier_id=ext["id"], expect=403)
    other = await second_org(client, org)
    assert (
        await client.get(agreements_url(other, contract["id"]), headers=other.admin.headers)
    ).status_code == 404
    r = await client.patch(
        agreements_url(other, contract["id"]),
        json={"title": "Mine"},
        headers={**other.admin.headers, "If-Match": '"1"'},
    )
    assert r.status_code == 404
    # another organisation's supplier is not a party here
    await create_agreement(client, other, supplier_id=ext["id"], expect=422)


async def test_list_query_count_is_constant(
    client: httpx.AsyncClient, count_queries: QueryCounter
) -> None:
    org = await first_run(client)
    ext = await create_supplier(client, org)
    service = await create_service(client, org)
    await create_agreement(client, org, supplier_id=ext["id"], targets=[TARGET])
    count_queries.count = 0
    assert (await client.get(agreements_url(org), headers=org.admin.headers)).status_code == 200
    few = count_queries.count
    for i in range(5):
        await create_agreement(
            client,
            org,
            title=f"A{i}",
            supplier_id=ext["id"],
            service_ids=[service["id"]],
            targets=[TARGET, {**TARGET, "metric": f"M{i}"}],
        )
    count_queries.count = 0
    r = await client.get(agreements_url(org), headers=org.admin.headers)
    assert r.json()["total"] == 6 and count_queries.count == few


async def test_rdy13_names_pairs_suppliers_and_statements(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    retail = await create_customer(client, org, name="Retail")
    finance = await create_customer(client, org, name="Finance")
    workplace = await _live_service(client, org, "Workplace", [retail["id"], finance["id"]])
    await create_service(client, org, name="Pipeline only", customer_ids=[retail["id"]])
    hosting = await create_supplier(client, org, name="Hosting")
    await create_supplier(client, org, name="Old", status="inactive")
    result = await rule_result(client, org, "RDY-13")
    assert result["passed"] is False
    named = [(f["type"], f["key"]) for f in result["failing"]]
    svc = f"SVC-{workplace['key'].split('-')[1]}"
    assert named == [
        ("service", f"{svc}/{retail['key']}"),
        ("service", f"{svc}/{finance['key']}"),
        ("supplier", hosting["key"]),
        ("supplier_statement", "internal"),
        ("supplier_statement", "customer_as_supplier"),
    ]
    await create_agreement(
        client, org, type="sla", customer_id=retail["id"], service_ids=[workplace["id"]]
    )
    await create_agreement(
        client,
        org,
        type="sla",
        customer_id=finance["id"],
        service_ids=[workplace["id"]],
        end_date="2020-01-31",  # ended: does not count
    )
    await create_agreement(client, org, supplier_id=hosting["id"])
    await approve_none_exist(client, org, "internal")
    await approve_none_exist(client, org, "customer_as_supplier")
    result = await rule_result(client, org, "RDY-13")
    assert [(f["type"], f["key"]) for f in result["failing"]] == [
        ("service", f"{svc}/{finance['key']}")
    ]
    await create_agreement(
        client, org, type="sla", customer_id=finance["id"], service_ids=[workplace["id"]]
    )
    assert (await rule_result(client, org, "RDY-13"))["passed"] is True
    # a statement that contradicts the register fails; the internal supplier needs an agreement
    facilities = await create_supplier(client, org, name="Facilities", kind="internal")
    result = await rule_result(client, org, "RDY-13")
    assert [(f["type"], f["key"]) for f in result["failing"]] == [
        ("supplier", facilities["key"]),
        ("supplier_statement", "internal"),
    ]
