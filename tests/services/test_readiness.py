"""RDY-02 and RDY-23 through the API on both databases: the failing services named, then
fixed through the API until both pass."""

from __future__ import annotations

import httpx

from tests.factories.auth import first_run
from tests.factories.objectives import create_objective, measure
from tests.factories.readiness import FRESH, readiness_url
from tests.factories.services import (
    add_process,
    create_service,
    etag,
    services_url,
    set_scope,
)
from tests.factories.suppliers import create_supplier


async def _rule(client: httpx.AsyncClient, org, rule_id: str) -> dict:  # type: ignore[no-untyped-def,type-arg]
    r = await client.get(
        readiness_url(org, "rules", rule_id), headers={**org.admin.headers, **FRESH}
    )
    assert r.status_code == 200, r.text
    return dict(r.json())


async def test_scope_and_catalogue_both_ways(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    empty = await _rule(client, org, "RDY-02")
    assert empty["passed"] is False and empty["failing"][0]["route"] == "/orgs/acme/services"
    one = await create_service(client, org)
    two = await create_service(client, org, name="Hosting")
    out = await create_service(
        client, org, name="Fax", in_scope=False, out_of_scope_reason="Retired next quarter."
    )
    await set_scope(client, org, [one["id"], out["id"]])
    rule = await _rule(client, org, "RDY-02")
    assert rule["passed"] is False
    assert [f["key"] for f in rule["failing"]] == ["SVC-2", "SVC-3"]
    assert rule["failing"][0]["route"] == f"/orgs/acme/services/{two['id']}"
    await set_scope(client, org, [one["id"], two["id"]])
    assert (await _rule(client, org, "RDY-02"))["passed"] is True


async def test_other_parties_do_not_operate_everything(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    svc = await create_service(client, org)
    supplier = await create_supplier(client, org)
    got = await add_process(
        client, org, svc["id"], "8.7.1", operator="supplier", supplier_id=supplier["id"]
    )
    rule = await _rule(client, org, "RDY-23")
    assert rule["passed"] is False
    assert [f["key"] for f in rule["failing"]] == ["SVC-1", "SVC-1"]
    messages = " ".join(f["message"] for f in rule["failing"])
    assert "operated by the organisation" in messages and "internal owner" in messages
    await add_process(client, org, svc["id"], "8.6.1")
    objective = await create_objective(client, org)
    process = got["processes"][0]
    url = services_url(org, svc["id"], "processes", process["id"])
    tag = await etag(client, services_url(org, svc["id"]), org.admin.headers)
    r = await client.patch(
        url,
        json={"owner_id": org.admin.user_id, "monitoring_objective_id": objective["id"]},
        headers={**org.admin.headers, "If-Match": tag},
    )
    assert r.status_code == 200, r.text
    rule = await _rule(client, org, "RDY-23")
    assert [f["message"] for f in rule["failing"]] and "monitoring" in rule["failing"][0]["message"]
    await measure(client, org, objective["id"], 97, "2026-01-15")
    assert (await _rule(client, org, "RDY-23"))["passed"] is True
