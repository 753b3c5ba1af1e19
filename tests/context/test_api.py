"""The context record over HTTP: one per organisation, parts, If-Match, roles, tenancy."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

import httpx

from tests.factories.auth import OrgFixture, add_member, first_run, second_org


def url(org: OrgFixture, *parts: object) -> str:
    return "/".join([f"/api/v1/orgs/{org.slug}/context", *(str(p) for p in parts)])


async def _start(client: httpx.AsyncClient, org: OrgFixture) -> dict[str, object]:
    r = await client.post(url(org), json={"summary": "Managed IT"}, headers=org.admin.headers)
    assert r.status_code == 201, r.text
    return dict(r.json())


async def test_record_parts_and_approval(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    h = org.admin.headers
    assert (await client.get(url(org), headers=h)).status_code == 404
    rec = await _start(client, org)
    assert rec["climate_change_relevant"] is None and rec["approved"] is False
    assert (await client.post(url(org), json={}, headers=h)).status_code == 409
    r = await client.post(
        url(org, "issues"), json={"kind": "external", "description": "Cloud"}, headers=h
    )
    assert r.status_code == 201 and r.headers["etag"] == '"2"'
    issue = r.json()
    r = await client.post(
        url(org, "parties"),
        json={"name": "Customers", "kind": "customer", "requirements": "SLAs"},
        headers=h,
    )
    assert r.status_code == 201 and r.headers["etag"] == '"3"'
    party = r.json()
    r = await client.patch(url(org, "issues", issue["id"]), json={"active": False}, headers=h)
    assert r.status_code == 200 and r.json()["active"] is False
    r = await client.patch(url(org, "parties", party["id"]), json={"relevant": False}, headers=h)
    assert r.status_code == 200 and r.headers["etag"] == '"5"'
    assert (
        await client.patch(url(org, "parties", uuid.uuid4()), json={"relevant": True}, headers=h)
    ).status_code == 404
    # If-Match on the record
    body = {"climate_change_relevant": True, "climate_change_reasoning": "Heat waves at the site."}
    assert (await client.patch(url(org), json=body, headers=h)).status_code == 428
    assert (
        await client.patch(url(org), json=body, headers={**h, "If-Match": '"2"'})
    ).status_code == 412
    r = await client.patch(
        url(org),
        json={**body, "approved_on": date.today().isoformat()},
        headers={**h, "If-Match": '"5"'},
    )
    assert r.status_code == 200, r.text
    got = r.json()
    assert (
        got["approved"]
        and got["approved_by_id"] == org.admin.user_id
        and got["climate_change_relevant"]
    )
    assert [i["active"] for i in got["issues"]] == [False] and [
        p["relevant"] for p in got["parties"]
    ] == [False]
    acts = (await client.get(f"/api/v1/orgs/{org.slug}/activity", headers=h)).json()["items"]
    update = next(a for a in acts if a["action"] == "context_record.update")
    assert update["after"]["climate_change_relevant"] is True


async def test_bad_input_changes_nothing(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    h = org.admin.headers
    await _start(client, org)
    future = (date.today() + timedelta(days=2)).isoformat()
    for body in (
        {"reviewed_on": future},
        {"approved_on": future},
        {"summary": "x" * 20001},
        {"colour": 1},
    ):
        r = await client.patch(url(org), json=body, headers={**h, "If-Match": '"1"'})
        assert r.status_code == 422, body
    for body in ({"kind": "cosmic", "description": "x"}, {"kind": "internal", "description": ""}):
        assert (await client.post(url(org, "issues"), json=body, headers=h)).status_code == 422
    r = await client.get(url(org), headers=h)
    assert (
        r.headers["etag"] == '"1"' and r.json()["issues"] == [] and r.json()["reviewed_on"] is None
    )


async def test_roles_and_tenancy(client: httpx.AsyncClient) -> None:
    acme = await first_run(client)
    await _start(client, acme)
    for role in ("process_owner", "auditor", "viewer", "external_auditor"):
        member = await add_member(client, acme, role)
        assert (await client.get(url(acme), headers=member.headers)).status_code == 200
        r = await client.post(
            url(acme, "issues"),
            json={"kind": "internal", "description": "x"},
            headers=member.headers,
        )
        assert r.status_code == 403, role
    manager = await add_member(client, acme, "sms_manager")
    r = await client.post(
        url(acme, "issues"), json={"kind": "internal", "description": "x"}, headers=manager.headers
    )
    assert r.status_code == 201
    globex = await second_org(client, acme)
    assert (await client.get(url(globex), headers=globex.admin.headers)).status_code == 404
    issue_id = r.json()["id"]
    r = await client.patch(
        url(globex, "issues", issue_id), json={"active": False}, headers=globex.admin.headers
    )
    assert r.status_code == 404
    await _start(client, globex)
    r = await client.patch(
        url(globex, "issues", issue_id), json={"active": False}, headers=globex.admin.headers
    )
    assert r.status_code == 404
    assert (await client.get(url(acme), headers=acme.admin.headers)).json()["issues"][0][
        "active"
    ] is True
