"""RDY-22 through the API on both databases: every in-scope service has a configuration item
recorded (a retired one records nothing), and the CMDB was verified within the last
{months} months (iso20000.md 6.6). The failing services are named, then fixed until it passes."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import httpx
from certready.core.clock import add_months

from tests.configuration.test_api import create_ci, url, verifications_url
from tests.factories.auth import OrgFixture, first_run, second_org
from tests.factories.readiness import FRESH, readiness_url
from tests.factories.services import create_service, set_scope


async def _rule(client: httpx.AsyncClient, org: OrgFixture) -> dict[str, Any]:
    r = await client.get(
        readiness_url(org, "rules", "RDY-22"), headers={**org.admin.headers, **FRESH}
    )
    assert r.status_code == 200, r.text
    body: dict[str, Any] = r.json()
    assert body["implemented"] is True
    return body


async def _verify(client: httpx.AsyncClient, org: OrgFixture, day: date) -> None:
    r = await client.post(
        verifications_url(org),
        json={"verified_on": day.isoformat(), "sample_size": 20, "result": "pass"},
        headers=org.admin.headers,
    )
    assert r.status_code == 201, r.text


def _types(rule: dict[str, Any]) -> list[tuple[str, str | None]]:
    return [(f["type"], f.get("key")) for f in rule["failing"]]


async def test_services_without_configuration_items_are_named(
    client: httpx.AsyncClient,
) -> None:
    org = await first_run(client)
    empty = await _rule(client, org)
    assert empty["passed"] is False and empty["failing"][0]["route"] == "/orgs/acme/services"
    mail = await create_service(client, org, name="Mail")
    web = await create_service(client, org, name="Web")
    fax = await create_service(
        client, org, name="Fax", in_scope=False, out_of_scope_reason="Out of the SMS."
    )
    await set_scope(client, org, [mail["id"], web["id"]])
    rule = await _rule(client, org)
    assert _types(rule) == [
        ("service", "SVC-1"),
        ("service", "SVC-2"),
        ("cmdb_verification", None),
    ]
    assert rule["failing"][0]["route"] == f"/orgs/acme/services/{mail['id']}"
    assert "no configuration item" in rule["failing"][0]["message"]
    assert "never verified" in rule["failing"][2]["message"]
    assert rule["failing"][2]["route"] == "/orgs/acme/configuration-items"
    # a retired item records nothing; an out-of-scope service is not asked for items
    await create_ci(client, org, key="OLD-1", status="retired", service_ids=[mail["id"]])
    await create_ci(client, org, key="FAX-1", service_ids=[fax["id"]])
    assert [k for _, k in _types(await _rule(client, org))] == ["SVC-1", "SVC-2", None]
    await create_ci(client, org, key="MX-1", service_ids=[mail["id"], web["id"]])
    await _verify(client, org, date.today() - timedelta(days=10))
    assert (await _rule(client, org))["passed"] is True
    # retiring the last item of a service brings the service back
    ci = await create_ci(client, org, key="WEB-1", service_ids=[web["id"]])
    r = await client.patch(
        url(org, str(ci["id"])),
        json={"service_ids": []},
        headers={**org.admin.headers, "If-Match": '"1"'},
    )
    assert r.status_code == 200, r.text
    assert (await _rule(client, org))["passed"] is True  # MX-1 still serves it
    new = await create_service(client, org, name="Print")
    await set_scope(client, org, [mail["id"], web["id"], new["id"]])
    assert _types(await _rule(client, org)) == [("service", "SVC-4")]


async def test_verification_age_parameter_and_tenancy(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    other = await second_org(client, org)
    mail = await create_service(client, org, name="Mail")
    await set_scope(client, org, [mail["id"]])
    # another organisation's item cannot be linked, and its items and checks never count
    theirs = await create_service(client, other, name="Theirs", headers=other.admin.headers)
    r = await client.post(
        url(org),
        json={"name": "x", "type": "server", "service_ids": [theirs["id"]]},
        headers=org.admin.headers,
    )
    assert r.status_code == 422, r.text
    await _verify(client, other, date.today())
    rule = await _rule(client, org)
    assert _types(rule) == [("service", "SVC-1"), ("cmdb_verification", None)]
    await create_ci(client, org, service_ids=[mail["id"]])
    old = add_months(date.today(), -12) - timedelta(days=1)
    await _verify(client, org, old)
    rule = await _rule(client, org)
    assert _types(rule) == [("cmdb_verification", None)]
    assert old.isoformat() in rule["failing"][0]["message"]
    assert "more than 12 months ago" in rule["failing"][0]["message"]
    # the organisation's own reading of the window
    tag = (await client.get(readiness_url(org, "settings"), headers=org.admin.headers)).headers[
        "etag"
    ]
    r = await client.patch(
        readiness_url(org, "settings"),
        json={"parameters": {"RDY-22": {"months": 13}}},
        headers={**org.admin.headers, "If-Match": tag},
    )
    assert r.status_code == 200, r.text
    assert (await _rule(client, org))["passed"] is True
    r = await client.patch(
        readiness_url(org, "settings"),
        json={"parameters": {"RDY-22": {"months": 37}}},
        headers={**org.admin.headers, "If-Match": r.headers["etag"]},
    )
    assert r.status_code == 422
    # back to the default window; a fresh verification passes, the newest one counts
    r = await client.patch(
        readiness_url(org, "settings"),
        json={"parameters": {"RDY-22": {"months": None}}},
        headers={
            **org.admin.headers,
            "If-Match": (
                await client.get(readiness_url(org, "settings"), headers=org.admin.headers)
            ).headers["etag"],
        },
    )
    assert r.status_code == 200, r.text
    assert (await _rule(client, org))["passed"] is False
    await _verify(client, org, date.today() - timedelta(days=2))
    assert (await _rule(client, org))["passed"] is True
