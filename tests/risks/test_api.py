"""Risk method and register over HTTP: keys, computed level, If-Match, filters, roles, tenancy."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

import httpx

from tests.conftest import QueryCounter
from tests.factories.auth import add_member, first_run, second_org
from tests.factories.risks import METHOD, approve_method, create_method, create_risk, risks_url

TODAY = date.today()


async def _activity(client: httpx.AsyncClient, org: object, action: str) -> list[dict[str, object]]:
    r = await client.get(f"/api/v1/orgs/{org.slug}/activity", headers=org.admin.headers)  # type: ignore[attr-defined]
    return [a for a in r.json()["items"] if a["action"] == action]


async def test_method_first_then_risks_with_computed_level(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    assert (
        await client.get(risks_url(org, "method"), headers=org.admin.headers)
    ).status_code == 404
    r = await client.post(
        risks_url(org), json={"title": "x", "likelihood": 1, "impact": 1}, headers=org.admin.headers
    )
    assert r.status_code == 409  # no method yet
    method = await create_method(client, org)
    assert method["approved"] is False and method["approved_on"] is None
    await create_method(client, org, expect=409)
    one = await create_risk(client, org, likelihood=2, impact=4)
    assert one["key"] == "RSK-1" and one["level"] == "high" and one["owner_id"] is None
    two = await create_risk(client, org, likelihood=1, impact=1, treatment=None)
    assert two["key"] == "RSK-2" and two["level"] == "low" and two["treatment"] is None
    await create_risk(client, org, likelihood=5, impact=1, expect=422)  # scale has 4 points
    await create_risk(client, org, likelihood=1, impact=0, expect=422)
    await create_risk(client, org, owner_id=str(uuid.uuid4()), expect=422)
    assert len(await _activity(client, org, "risk.create")) == 2


async def test_bad_method_is_a_problem_and_changes_nothing(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    short = {**METHOD, "matrix": METHOD["matrix"][:3]}
    r = await client.post(risks_url(org, "method"), json=short, headers=org.admin.headers)
    assert r.status_code == 422 and r.json()["errors"][-1]["loc"] == ["body", "matrix"]
    bad_cell = {**METHOD, "matrix": [["low", "low", "low", "extreme"], *METHOD["matrix"][1:]]}
    r = await client.post(risks_url(org, "method"), json=bad_cell, headers=org.admin.headers)
    assert r.status_code == 422 and r.json()["errors"][-1]["loc"] == ["body", "matrix", 0, 3]
    r = await client.post(
        risks_url(org, "method"),
        json={**METHOD, "acceptable_levels": ["none"]},
        headers=org.admin.headers,
    )
    assert r.status_code == 422
    assert (
        await client.get(risks_url(org, "method"), headers=org.admin.headers)
    ).status_code == 404
    assert await _activity(client, org, "risk_method.create") == []


async def test_method_patch_if_match_approval_and_relevel(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    await create_method(client, org)
    risk = await create_risk(client, org, likelihood=2, impact=2)
    assert risk["level"] == "medium"
    url = risks_url(org, "method")
    assert (
        await client.patch(url, json={"approved_on": "2026-01-05"}, headers=org.admin.headers)
    ).status_code == 428
    bad = {**org.admin.headers, "If-Match": '"7"'}
    assert (
        await client.patch(url, json={"approved_on": "2026-01-05"}, headers=bad)
    ).status_code == 412
    future = (TODAY + timedelta(days=3)).isoformat()
    etag = (await client.get(url, headers=org.admin.headers)).headers["etag"]
    r = await client.patch(
        url, json={"approved_on": future}, headers={**org.admin.headers, "If-Match": etag}
    )
    assert r.status_code == 422
    approved = await approve_method(client, org, "2026-01-05")
    assert approved["approved"] and approved["approved_by_id"] == org.admin.user_id
    # a new matrix withdraws the approval and re-levels the risks
    matrix = [row[:] for row in METHOD["matrix"]]
    matrix[1][1] = "low"
    etag = (await client.get(url, headers=org.admin.headers)).headers["etag"]
    r = await client.patch(
        url, json={"matrix": matrix}, headers={**org.admin.headers, "If-Match": etag}
    )
    assert r.status_code == 200 and r.json()["approved"] is False
    got = await client.get(risks_url(org, risk["id"]), headers=org.admin.headers)
    assert got.json()["level"] == "low"
    # risks use likelihood 2: a scale of 2 is fine, shortening below what risks use is a 409
    await create_risk(client, org, likelihood=4, impact=4)
    etag = r.headers["etag"]
    r = await client.patch(
        url,
        json={"likelihood_scale": ["a", "b"], "matrix": matrix[:2]},
        headers={**org.admin.headers, "If-Match": etag},
    )
    assert r.status_code == 409
    assert (await client.get(url, headers=org.admin.headers)).json()["likelihood_scale"] == METHOD[
        "likelihood_scale"
    ]


async def test_risk_patch_needs_if_match_and_logs_one_entry(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    await create_method(client, org)
    risk = await create_risk(client, org)
    url = risks_url(org, risk["id"])
    assert (
        await client.patch(url, json={"impact": 1}, headers=org.admin.headers)
    ).status_code == 428
    r = await client.patch(
        url, json={"impact": 1}, headers={**org.admin.headers, "If-Match": '"5"'}
    )
    assert r.status_code == 412
    etag = (await client.get(url, headers=org.admin.headers)).headers["etag"]
    r = await client.patch(
        url,
        json={"impact": 1, "treatment": "accept"},
        headers={**org.admin.headers, "If-Match": etag},
    )
    assert r.status_code == 200 and r.headers["etag"] == '"2"'
    assert r.json()["level"] == "low" and r.json()["treatment"] == "accept"
    (update,) = await _activity(client, org, "risk.update")
    assert update["before"] == {"impact": 4, "treatment": "treat"}
    assert update["after"] == {"impact": 1, "treatment": "accept"}
    # bad input changes nothing
    etag = r.headers["etag"]
    for body in (
        {"likelihood": 9},
        {"title": None},
        {"owner_id": str(uuid.uuid4())},
        {"treatment": "ignore"},
    ):
        r = await client.patch(url, json=body, headers={**org.admin.headers, "If-Match": etag})
        assert r.status_code == 422, body
    got = await client.get(url, headers=org.admin.headers)
    assert got.headers["etag"] == etag and got.json()["impact"] == 1


async def test_treatment_actions_are_parts_of_the_risk(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    await create_method(client, org)
    risk = await create_risk(client, org)
    r = await client.post(
        risks_url(org, risk["id"], "actions"),
        json={"description": "Second site with warm standby", "due_date": "2027-03-31"},
        headers=org.admin.headers,
    )
    assert r.status_code == 201 and r.headers["etag"] == '"2"'
    action = r.json()
    r = await client.patch(
        risks_url(org, risk["id"], "actions", action["id"]),
        json={"done": True},
        headers=org.admin.headers,
    )
    assert r.status_code == 200 and r.json()["done"] is True and r.headers["etag"] == '"3"'
    got = (await client.get(risks_url(org, risk["id"]), headers=org.admin.headers)).json()
    assert [a["done"] for a in got["actions"]] == [True] and got["version"] == 3
    entries = await _activity(client, org, "risk.action.update")
    assert entries[0]["after"] == {"action_id": action["id"], "done": True}
    r = await client.patch(
        risks_url(org, risk["id"], "actions", uuid.uuid4()),
        json={"done": True},
        headers=org.admin.headers,
    )
    assert r.status_code == 404


async def test_filters_and_heat_map(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    owner = await add_member(client, org, "process_owner")
    await create_method(client, org)
    high = await create_risk(client, org, likelihood=4, impact=4, owner_id=owner.user_id)
    low = await create_risk(client, org, likelihood=1, impact=1, treatment="accept")
    overdue = await create_risk(
        client,
        org,
        likelihood=1,
        impact=1,
        treatment=None,
        review_date=(TODAY - timedelta(days=1)).isoformat(),
    )

    async def ids(**params: object) -> set[str]:
        r = await client.get(risks_url(org), params=params, headers=org.admin.headers)
        assert r.status_code == 200, r.text
        return {i["id"] for i in r.json()["items"]}

    assert await ids(level="high") == {high["id"]}
    assert await ids(level="low") == {low["id"], overdue["id"]}
    assert await ids(level="nonsense") == set()
    assert await ids(owner_id=owner.user_id) == {high["id"]}
    assert await ids(treatment="accept") == {low["id"]}
    assert await ids(undecided="true") == {overdue["id"]}
    assert await ids(overdue_review="true") == {overdue["id"]}
    assert await ids(overdue_review="false") == {high["id"], low["id"]}
    r = await client.get(risks_url(org), params={"treatment": "ignore"}, headers=org.admin.headers)
    assert r.status_code == 422
    heat = (await client.get(risks_url(org, "heat-map"), headers=org.admin.headers)).json()
    assert len(heat["cells"]) == 16 and heat["total"] == 3
    cell = {(c["likelihood"], c["impact"]): c for c in heat["cells"]}
    assert cell[(1, 1)]["count"] == 2 and cell[(4, 4)] == {
        "likelihood": 4,
        "impact": 4,
        "level": "high",
        "count": 1,
    }


async def test_roles_and_the_ownership_rule(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    await create_method(client, org)
    owner = await add_member(client, org, "process_owner")
    await create_method(client, org, headers=owner.headers, expect=403)
    theirs = await create_risk(client, org, headers=owner.headers)
    assert theirs["owner_id"] == owner.user_id  # what a process owner registers is theirs
    others = await create_risk(client, org)
    etag = (await client.get(risks_url(org, others["id"]), headers=owner.headers)).headers["etag"]
    r = await client.patch(
        risks_url(org, others["id"]),
        json={"impact": 1},
        headers={**owner.headers, "If-Match": etag},
    )
    assert r.status_code == 403
    etag = (await client.get(risks_url(org, theirs["id"]), headers=owner.headers)).headers["etag"]
    r = await client.patch(
        risks_url(org, theirs["id"]),
        json={"owner_id": org.admin.user_id},
        headers={**owner.headers, "If-Match": etag},
    )
    assert r.status_code == 403  # cannot hand it to someone else
    manager = await add_member(client, org, "sms_manager")
    etag = (await client.get(risks_url(org, "method"), headers=manager.headers)).headers["etag"]
    r = await client.patch(
        risks_url(org, "method"),
        json={"acceptance_criteria": "All treated."},
        headers={**manager.headers, "If-Match": etag},
    )
    assert r.status_code == 200
    for role in ("auditor", "viewer", "external_auditor"):
        member = await add_member(client, org, role)
        await create_risk(client, org, headers=member.headers, expect=403)
        assert (await client.get(risks_url(org), headers=member.headers)).status_code == 200
        r = await client.delete(risks_url(org, others["id"]), headers=member.headers)
        assert r.status_code == 403
    assert (
        await client.delete(risks_url(org, others["id"]), headers=owner.headers)
    ).status_code == 403
    assert (
        await client.delete(risks_url(org, theirs["id"]), headers=owner.headers)
    ).status_code == 204


async def test_other_org_gets_404(client: httpx.AsyncClient) -> None:
    acme = await first_run(client)
    globex = await second_org(client, acme)
    await create_method(client, acme)
    risk = await create_risk(client, acme)
    theirs = await client.get(risks_url(globex, risk["id"]), headers=globex.admin.headers)
    missing = await client.get(risks_url(globex, uuid.uuid4()), headers=globex.admin.headers)
    assert theirs.status_code == missing.status_code == 404 and theirs.json() == missing.json()
    r = await client.patch(
        risks_url(globex, risk["id"]),
        json={"impact": 1},
        headers={**globex.admin.headers, "If-Match": '"1"'},
    )
    assert r.status_code == 404
    r = await client.post(
        risks_url(globex, risk["id"], "actions"),
        json={"description": "x"},
        headers=globex.admin.headers,
    )
    assert r.status_code == 404
    assert (
        await client.get(risks_url(globex, "method"), headers=globex.admin.headers)
    ).status_code == 404
    assert (await client.get(risks_url(globex), headers=globex.admin.headers)).json()["total"] == 0


async def test_list_query_count_is_constant(
    client: httpx.AsyncClient, count_queries: QueryCounter
) -> None:
    org = await first_run(client)
    await create_method(client, org)

    async def grow(n: int) -> None:
        for i in range(n):
            risk = await create_risk(client, org, likelihood=1 + i % 4)
            await client.post(
                risks_url(org, risk["id"], "actions"),
                json={"description": f"a{i}"},
                headers=org.admin.headers,
            )

    async def cost() -> int:
        count_queries.count = 0
        r = await client.get(
            risks_url(org), params={"limit": 500, "level": "high"}, headers=org.admin.headers
        )
        assert r.status_code == 200
        return count_queries.count

    await grow(2)
    small = await cost()
    await grow(12)
    assert await cost() == small
