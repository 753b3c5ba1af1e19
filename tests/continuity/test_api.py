"""Continuity plans and tests over HTTP: keys, If-Match, validation, roles, tenancy."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

import httpx

from tests.conftest import QueryCounter
from tests.factories.auth import add_member, first_run, second_org
from tests.factories.operations import create_plan, create_test, org_url

DAY = (date.today() - timedelta(days=10)).isoformat()
FUTURE = (date.today() + timedelta(days=1)).isoformat()


async def test_plans_and_tests(client: httpx.AsyncClient, count_queries: QueryCounter) -> None:
    org = await first_run(client)
    h = org.admin.headers
    plan = await create_plan(client, org, owner_id=org.admin.user_id, approved_on=DAY)
    assert plan["key"] == "CP-1" and plan["approved"] is True
    test = await create_test(
        client, org, plan["id"], DAY, result="passed_with_issues", issues_found="DNS TTL"
    )
    assert test["key"] == "CT-1" and test["plan_id"] == plan["id"]
    tests = await client.get(org_url(org, f"continuity-plans/{plan['id']}/tests"), headers=h)
    assert [t["key"] for t in tests.json()["items"]] == ["CT-1"]
    for bad in (
        {"tested_on": FUTURE, "scenario": "x", "result": "passed"},
        {"tested_on": DAY, "scenario": "", "result": "passed"},
        {"tested_on": DAY, "scenario": "x", "result": "fine"},
        {
            "tested_on": DAY,
            "scenario": "x",
            "result": "passed",
            "evidence_item_id": str(uuid.uuid4()),
        },
    ):
        r = await client.post(
            org_url(org, f"continuity-plans/{plan['id']}/tests"), json=bad, headers=h
        )
        assert r.status_code == 422, bad
    r = await client.post(
        org_url(org, "continuity-plans"),
        json={"title": "x", "owner_id": str(uuid.uuid4())},
        headers=h,
    )
    assert r.status_code == 422
    one = org_url(org, f"continuity-plans/{plan['id']}")
    assert (await client.patch(one, json={"title": "New"}, headers=h)).status_code == 428
    r = await client.patch(one, json={"approved_on": None}, headers={**h, "If-Match": '"1"'})
    assert r.status_code == 200 and r.json()["approved"] is False
    t_url = org_url(org, f"continuity-tests/{test['id']}")
    r = await client.patch(t_url, json={"result": None}, headers={**h, "If-Match": '"1"'})
    assert r.status_code == 422
    r = await client.patch(t_url, json={"result": "failed"}, headers={**h, "If-Match": '"1"'})
    assert r.status_code == 200 and r.json()["result"] == "failed"
    count_queries.count = 0
    await client.get(org_url(org, "continuity-plans"), headers=h)
    small = count_queries.count
    for _ in range(5):
        await create_plan(client, org)
    count_queries.count = 0
    listed = await client.get(org_url(org, "continuity-plans"), headers=h)
    assert listed.json()["total"] == 6 and count_queries.count == small
    acts = (await client.get(f"/api/v1/orgs/{org.slug}/activity", headers=h)).json()["items"]
    assert {"continuity_plan.create", "continuity_test.create", "continuity_test.update"} <= {
        a["action"] for a in acts
    }


async def test_roles_and_tenancy(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    plan = await create_plan(client, org)
    viewer = await add_member(client, org, "viewer")
    assert (
        await client.get(org_url(org, "continuity-plans"), headers=viewer.headers)
    ).status_code == 200
    r = await client.post(
        org_url(org, "continuity-plans"), json={"title": "x"}, headers=viewer.headers
    )
    assert r.status_code == 403
    r = await client.post(
        org_url(org, f"continuity-plans/{plan['id']}/tests"),
        json={"tested_on": DAY, "scenario": "x", "result": "passed"},
        headers=viewer.headers,
    )
    assert r.status_code == 403
    other = await second_org(client, org)
    r = await client.get(
        org_url(other, f"continuity-plans/{plan['id']}"), headers=other.admin.headers
    )
    assert r.status_code == 404
    r = await client.post(
        org_url(other, f"continuity-plans/{plan['id']}/tests"),
        json={"tested_on": DAY, "scenario": "x", "result": "passed"},
        headers=other.admin.headers,
    )
    assert r.status_code == 404
