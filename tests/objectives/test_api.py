"""Objectives over HTTP: keys, refs, If-Match, computed status, filters, roles, tenancy."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

import httpx
from certready.core.clock import add_months

from tests.conftest import QueryCounter
from tests.factories.auth import add_member, first_run, second_org
from tests.factories.objectives import create_objective, measure, objectives_url

TODAY = date.today()


def days_ago(n: int) -> str:
    return (TODAY - timedelta(days=n)).isoformat()


async def test_create_validates_refs_and_owner_and_keys(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    one = await create_objective(client, org)
    assert one["key"] == "O-1" and one["owner_id"] == org.admin.user_id
    assert one["status"] == "no_recent_data" and one["latest_value"] is None
    assert (await create_objective(client, org))["key"] == "O-2"
    r = await client.post(
        objectives_url(org),
        json={**_body(), "requirement_refs": ["6.2", "8.99"]},
        headers=org.admin.headers,
    )
    assert r.status_code == 422 and r.json()["errors"][-1]["loc"] == ["body", "requirement_refs"]
    r = await client.post(
        objectives_url(org),
        json={**_body(), "owner_id": str(uuid.uuid4())},
        headers=org.admin.headers,
    )
    assert r.status_code == 422


def _body() -> dict[str, object]:
    return {
        "title": "t",
        "metric": "m",
        "target": 1,
        "direction": "at_least",
        "frequency": "monthly",
    }


async def test_patch_needs_if_match_and_writes_activity(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    obj = await create_objective(client, org)
    url = objectives_url(org, obj["id"])
    assert (
        await client.patch(url, json={"target": 90}, headers=org.admin.headers)
    ).status_code == 428
    r = await client.patch(
        url, json={"target": 90}, headers={**org.admin.headers, "If-Match": '"9"'}
    )
    assert r.status_code == 412
    etag = (await client.get(url, headers=org.admin.headers)).headers["etag"]
    r = await client.patch(
        url, json={"target": 90}, headers={**org.admin.headers, "If-Match": etag}
    )
    assert r.status_code == 200 and r.json()["target"] == 90 and r.headers["etag"] == '"2"'
    acts = await client.get(f"/api/v1/orgs/{org.slug}/activity", headers=org.admin.headers)
    update = next(a for a in acts.json()["items"] if a["action"] == "objective.update")
    assert update["before"] == {"target": 95.0} and update["after"] == {"target": 90.0}
    await measure(client, org, obj["id"], 93, days_ago(3))
    assert (await client.delete(url, headers=org.admin.headers)).status_code == 409


async def test_status_by_direction_and_recency(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    at_least = await create_objective(client, org, target=95, direction="at_least")
    at_most = await create_objective(
        client, org, target=4, direction="at_most", frequency="monthly"
    )
    stale = await create_objective(client, org, frequency="monthly")
    await measure(client, org, at_least["id"], 99, days_ago(100))
    await measure(client, org, at_least["id"], 94.5, days_ago(20))  # latest period wins
    await measure(client, org, at_most["id"], 9, days_ago(40))
    await measure(client, org, at_most["id"], 4, days_ago(10))
    # quarterly would still count this; monthly does not
    await measure(
        client, org, stale["id"], 99, (add_months(TODAY, -1) - timedelta(days=1)).isoformat()
    )
    got = {
        o["id"]: o
        for o in (await client.get(objectives_url(org), headers=org.admin.headers)).json()["items"]
    }
    assert got[at_least["id"]]["status"] == "off_target"
    assert got[at_least["id"]]["latest_value"] == 94.5
    assert got[at_most["id"]]["status"] == "on_target"
    assert got[stale["id"]]["status"] == "no_recent_data"
    r = await client.get(
        objectives_url(org), params={"status": "on_target"}, headers=org.admin.headers
    )
    assert [o["id"] for o in r.json()["items"]] == [at_most["id"]] and r.json()["total"] == 1
    r = await client.get(
        objectives_url(org), params={"status": "no_recent_data"}, headers=org.admin.headers
    )
    assert [o["id"] for o in r.json()["items"]] == [stale["id"]]
    one = await client.get(objectives_url(org, at_least["id"]), headers=org.admin.headers)
    assert one.json()["status"] == "off_target"
    ms = await client.get(
        objectives_url(org, at_least["id"], "measurements"), headers=org.admin.headers
    )
    assert [m["value"] for m in ms.json()["items"]] == [94.5, 99]


async def test_measurement_periods_are_checked(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    obj = await create_objective(client, org)
    url = objectives_url(org, obj["id"], "measurements")
    for body in (
        {"value": 1},
        {"value": 1, "period_start": "2025-02-01", "period_end": "2025-01-01"},
        {"value": 1, "period_date": "2025-01-01", "period_end": "2025-01-31"},
        {"value": 1, "period_date": (TODAY + timedelta(days=2)).isoformat()},
    ):
        assert (await client.post(url, json=body, headers=org.admin.headers)).status_code == 422
    r = await client.post(
        url,
        json={"value": 97, "period_start": "2025-01-01", "period_end": "2025-03-31"},
        headers=org.admin.headers,
    )
    assert r.status_code == 201, r.text
    m = r.json()
    assert m["period_start"] == "2025-01-01" and m["period_end"] == "2025-03-31"


async def test_process_owner_writes_only_own_objectives(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    owner = await add_member(client, org, "process_owner")
    theirs = await create_objective(client, org, owner_id=owner.user_id)
    others = await create_objective(client, org)
    await measure(client, org, theirs["id"], 96, days_ago(1), headers=owner.headers)
    await measure(client, org, others["id"], 96, days_ago(1), headers=owner.headers, expect=403)
    mine = await create_objective(client, org, headers=owner.headers)
    assert mine["owner_id"] == owner.user_id
    await create_objective(
        client, org, headers=owner.headers, owner_id=org.admin.user_id, expect=403
    )
    etag = (await client.get(objectives_url(org, others["id"]), headers=owner.headers)).headers[
        "etag"
    ]
    r = await client.patch(
        objectives_url(org, others["id"]),
        json={"target": 1},
        headers={**owner.headers, "If-Match": etag},
    )
    assert r.status_code == 403
    for role in ("auditor", "viewer", "external_auditor"):
        member = await add_member(client, org, role)
        await create_objective(client, org, headers=member.headers, expect=403)
        await measure(client, org, theirs["id"], 1, days_ago(1), headers=member.headers, expect=403)
        r = await client.get(objectives_url(org), headers=member.headers)
        assert r.status_code == 200
    r = await client.get(
        objectives_url(org), params={"owner_id": owner.user_id}, headers=org.admin.headers
    )
    assert {o["id"] for o in r.json()["items"]} == {theirs["id"], mine["id"]}


async def test_process_owner_deletes_only_own_objectives(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    owner = await add_member(client, org, "process_owner")
    theirs = await create_objective(client, org, headers=owner.headers)
    others = await create_objective(client, org)
    r = await client.delete(objectives_url(org, others["id"]), headers=owner.headers)
    assert r.status_code == 403
    assert (await client.get(objectives_url(org, others["id"]), headers=owner.headers)).is_success
    r = await client.delete(objectives_url(org, theirs["id"]), headers=owner.headers)
    assert r.status_code == 204
    r = await client.get(objectives_url(org, theirs["id"]), headers=owner.headers)
    assert r.status_code == 404


async def test_other_org_gets_404(client: httpx.AsyncClient) -> None:
    acme = await first_run(client)
    globex = await second_org(client, acme)
    obj = await create_objective(client, acme)
    for path in ((obj["id"],), (obj["id"], "measurements")):
        theirs = await client.get(objectives_url(globex, *path), headers=globex.admin.headers)
        missing = await client.get(
            objectives_url(globex, uuid.uuid4(), *path[1:]), headers=globex.admin.headers
        )
        assert theirs.status_code == missing.status_code == 404
        assert theirs.json() == missing.json()
    await measure(client, globex, obj["id"], 1, days_ago(1), expect=404)
    r = await client.get(objectives_url(globex), headers=globex.admin.headers)
    assert r.json()["total"] == 0


async def test_list_query_count_is_constant(
    client: httpx.AsyncClient, count_queries: QueryCounter
) -> None:
    org = await first_run(client)

    async def grow(n: int) -> None:
        for i in range(n):
            obj = await create_objective(client, org, target=i)
            await measure(client, org, obj["id"], i, days_ago(5))
            await measure(client, org, obj["id"], i + 1, days_ago(50))

    async def cost() -> int:
        count_queries.count = 0
        r = await client.get(objectives_url(org), params={"limit": 500}, headers=org.admin.headers)
        assert r.status_code == 200
        return count_queries.count

    await grow(2)
    small = await cost()
    await grow(15)
    assert await cost() == small
