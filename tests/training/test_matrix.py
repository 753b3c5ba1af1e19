"""The training matrix: cell states, coverage percentages, role filter, constant query count."""

from __future__ import annotations

from datetime import date, timedelta

import httpx
from certready.core.clock import add_months

from tests.conftest import QueryCounter
from tests.factories.auth import add_member, first_run
from tests.factories.training import add_person, add_record, create_course, require, training_url

TODAY = date.today()
RECENT = (TODAY - timedelta(days=30)).isoformat()
# 12-month validity: expired a month ago, and expiring in about ten days
EXPIRED = add_months(TODAY, -13).isoformat()
EXPIRING = (add_months(TODAY, -12) + timedelta(days=10)).isoformat()
AWARENESS_EXPIRED = add_months(TODAY, -25).isoformat()  # awareness: 24 months


async def test_matrix_states_and_coverage(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    awareness = await create_course(client, org, "SMS awareness", kind="awareness")
    change = await create_course(client, org, "Change management", validity_months=12)
    cab = await create_course(client, org, "CAB chairing", validity_months=None)
    await require(client, org, "Change manager", change["id"])
    await require(client, org, "Change manager", cab["id"])
    await require(client, org, "Service desk lead", change["id"])
    ann = await add_person(client, org, "Ann", "ann@acme.example", ["Change manager"])
    bob = await add_person(client, org, "Bob", "bob@acme.example", ["Change manager"])
    cid = await add_person(client, org, "Cid", "cid@acme.example")
    out = await add_person(client, org, "Out", "out@acme.example", in_scope=False)
    await add_record(client, org, ann["id"], awareness["id"], RECENT)
    await add_record(client, org, ann["id"], change["id"], EXPIRED)
    await add_record(client, org, ann["id"], change["id"], RECENT)  # the latest counts
    await add_record(client, org, ann["id"], cab["id"], "2015-01-01")  # never expires
    await add_record(client, org, bob["id"], change["id"], EXPIRING)
    await add_record(client, org, bob["id"], cab["id"], EXPIRED)
    await add_record(
        client,
        org,
        cid["id"],
        awareness["id"],
        AWARENESS_EXPIRED,
        evaluation_method="quiz",
        evaluation_result="80%",
    )
    await add_record(client, org, out["id"], awareness["id"], RECENT)

    r = await client.get(training_url(org, "matrix"), headers=org.admin.headers)
    assert r.status_code == 200, r.text
    body = r.json()
    titles = {c["id"]: c["title"] for c in body["courses"]}
    states = {
        row["full_name"]: {titles[c["course_id"]]: c["state"] for c in row["cells"]}
        for row in body["rows"]
    }
    assert states == {
        "Ann": {"CAB chairing": "ok", "Change management": "ok", "SMS awareness": "ok"},
        "Bob": {"CAB chairing": "ok", "Change management": "expiring", "SMS awareness": "missing"},
        "Cid": {"SMS awareness": "expired"},
    }
    cid_cell = next(r for r in body["rows"] if r["full_name"] == "Cid")["cells"][0]
    assert cid_cell["evaluated"] is True and cid_cell["required_by"] == ["awareness"]
    cov = body["coverage"]
    # 7 required cells; valid: Ann 3, Bob 2 (ok + expiring)
    assert cov["overall"] == {
        "required": 7,
        "ok": 4,
        "expiring": 1,
        "expired": 1,
        "missing": 1,
        "percent": 71.4,
    }
    assert cov["awareness"]["required"] == 3 and cov["awareness"]["percent"] == 33.3
    roles = {r["role_key"]: r for r in cov["roles"]}
    assert roles["Change manager"]["people"] == 2
    assert roles["Change manager"]["required"] == 4 and roles["Change manager"]["percent"] == 100.0
    # a role required of nobody yet: defined but without people (RDY-14 looks at holders)
    assert (
        roles["Service desk lead"]["people"] == 0 and roles["Service desk lead"]["percent"] is None
    )

    # a narrower horizon makes Bob's change course plain ok
    r = await client.get(
        training_url(org, "matrix"), params={"expiring_within_days": 5}, headers=org.admin.headers
    )
    assert r.json()["coverage"]["overall"]["expiring"] == 0


async def test_matrix_role_filter_and_org_roles(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    course = await create_course(client, org, "Process ownership", validity_months=12)
    await create_course(client, org, "SMS awareness", kind="awareness")
    await require(client, org, "process_owner", course["id"])
    owner = await add_member(client, org, "process_owner")
    await client.post(
        training_url(org, "people/import-members"), json={}, headers=org.admin.headers
    )
    await add_person(client, org, "Nia", "nia@acme.example", ["Problem manager"])
    r = await client.get(
        training_url(org, "matrix"), params={"role": "process_owner"}, headers=org.admin.headers
    )
    body = r.json()
    assert [row["email"] for row in body["rows"]] == [owner.email]
    assert [c["title"] for c in body["courses"]] == ["Process ownership"]
    assert [c["state"] for c in body["rows"][0]["cells"]] == ["missing"]
    roles = {x["role_key"]: x for x in body["coverage"]["roles"]}
    # the role held without any requirement: RDY-14 fails for it
    assert roles["Problem manager"]["requirements_defined"] is False
    assert roles["process_owner"]["requirements_defined"] is True
    assert roles["admin"]["requirements_defined"] is False


async def test_matrix_query_count_is_constant(
    client: httpx.AsyncClient, count_queries: QueryCounter
) -> None:
    org = await first_run(client)
    aware = await create_course(client, org, "SMS awareness", kind="awareness")
    role = await create_course(client, org, "Incident handling")
    await require(client, org, "Incident manager", role["id"])

    async def grow(n: int, start: int) -> None:
        for i in range(start, start + n):
            p = await add_person(client, org, f"P{i}", f"p{i}@acme.example", ["Incident manager"])
            await add_record(client, org, p["id"], aware["id"], RECENT)
            await add_record(client, org, p["id"], role["id"], EXPIRED)

    async def cost() -> int:
        count_queries.count = 0
        r = await client.get(training_url(org, "matrix"), headers=org.admin.headers)
        assert r.status_code == 200
        return count_queries.count

    await grow(2, 0)
    small = await cost()
    await grow(15, 2)
    assert await cost() == small
