"""Configuration items and CMDB verifications over HTTP: keys, If-Match, filters, roles,
tenancy, and the all-or-nothing CSV import of a CMDB export."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

import httpx

from tests.conftest import QueryCounter
from tests.factories.auth import OrgFixture, add_member, first_run, second_org


def url(org: OrgFixture, *parts: str) -> str:
    return "/".join([f"/api/v1/orgs/{org.slug}/configuration-items", *parts])


def verifications_url(org: OrgFixture, *parts: str) -> str:
    return "/".join([f"/api/v1/orgs/{org.slug}/cmdb-verifications", *parts])


async def create_ci(
    client: httpx.AsyncClient, org: OrgFixture, **body: object
) -> dict[str, object]:
    r = await client.post(
        url(org), json={"name": "Mail server", "type": "server", **body}, headers=org.admin.headers
    )
    assert r.status_code == 201, r.text
    data: dict[str, object] = r.json()
    return data


async def activity(client: httpx.AsyncClient, org: OrgFixture) -> list[dict[str, object]]:
    r = await client.get(f"/api/v1/orgs/{org.slug}/activity", headers=org.admin.headers)
    items: list[dict[str, object]] = r.json()["items"]
    return items


async def all_items(client: httpx.AsyncClient, org: OrgFixture) -> list[dict[str, object]]:
    out: list[dict[str, object]] = []
    cursor = None
    while True:
        params: dict[str, object] = {"limit": 500, **({"cursor": cursor} if cursor else {})}
        r = await client.get(url(org), params=params, headers=org.admin.headers)
        assert r.status_code == 200, r.text
        out += r.json()["items"]
        cursor = r.json()["next_cursor"]
        if cursor is None:
            return out


async def test_keys_are_given_or_counted_and_unique(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    one = await create_ci(client, org)
    assert one["key"] == "CI-1" and one["status"] == "active"
    # a user takes CI-2 by hand: the counter skips it
    assert (await create_ci(client, org, key="CI-2"))["key"] == "CI-2"
    assert (await create_ci(client, org))["key"] == "CI-3"
    assert (await create_ci(client, org, key="srv-mail-01"))["key"] == "srv-mail-01"
    r = await client.post(
        url(org), json={"key": "srv-mail-01", "name": "x", "type": "t"}, headers=org.admin.headers
    )
    assert r.status_code == 409
    for bad in (
        {"key": "has space", "name": "x", "type": "t"},
        {"name": "", "type": "t"},
        {"name": "x", "type": "t", "status": "gone"},
        {"name": "x", "type": "t", "owner_id": str(uuid.uuid4())},
    ):
        r = await client.post(url(org), json=bad, headers=org.admin.headers)
        assert r.status_code == 422, (bad, r.text)
        assert r.headers["content-type"].startswith("application/problem+json")
    assert len(await all_items(client, org)) == 4


async def test_patch_needs_if_match_and_is_logged(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    ci = await create_ci(client, org)
    other = await create_ci(client, org, key="DB-1")
    one = url(org, str(ci["id"]))
    h = org.admin.headers
    assert (await client.patch(one, json={"status": "retired"}, headers=h)).status_code == 428
    r = await client.patch(one, json={"status": "retired"}, headers={**h, "If-Match": '"7"'})
    assert r.status_code == 412
    etag = (await client.get(one, headers=h)).headers["etag"]
    r = await client.patch(one, json={"key": "DB-1"}, headers={**h, "If-Match": etag})
    assert r.status_code == 409
    r = await client.patch(one, json={"name": None}, headers={**h, "If-Match": etag})
    assert r.status_code == 422
    r = await client.patch(
        one,
        json={"status": "retired", "owner_id": org.admin.user_id, "last_verified": "2026-01-05"},
        headers={**h, "If-Match": etag},
    )
    assert r.status_code == 200 and r.headers["etag"] == '"2"'
    assert r.json()["status"] == "retired" and r.json()["owner_id"] == org.admin.user_id
    update = next(
        a for a in await activity(client, org) if a["action"] == "configuration_item.update"
    )
    assert update["before"] == {"status": "active", "owner_id": None, "last_verified": None}
    assert (await client.delete(url(org, str(other["id"])), headers=h)).status_code == 204
    assert (await client.get(url(org, str(other["id"])), headers=h)).status_code == 404


async def test_filters_and_constant_list_queries(
    client: httpx.AsyncClient, count_queries: QueryCounter
) -> None:
    org = await first_run(client)
    await create_ci(client, org, name="Mail server", type="server")
    await create_ci(client, org, name="Core switch", type="network", status="maintenance")
    h = org.admin.headers

    async def listed(**params: object) -> list[object]:
        r = await client.get(url(org), params=params, headers=h)
        assert r.status_code == 200, r.text
        return [i["name"] for i in r.json()["items"]]

    assert await listed(type="network") == ["Core switch"]
    assert await listed(status="active") == ["Mail server"]
    assert await listed(q="SWITCH") == ["Core switch"]
    assert await listed(q="ci-1") == ["Mail server"]
    assert await listed(q="%") == []
    count_queries.count = 0
    await listed()
    small = count_queries.count
    for n in range(20):
        await create_ci(client, org, name=f"Box {n}")
    count_queries.count = 0
    await listed()
    assert count_queries.count == small


async def test_roles_and_tenancy(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    ci = await create_ci(client, org)
    viewer = await add_member(client, org, "viewer")
    owner = await add_member(client, org, "process_owner")
    manager = await add_member(client, org, "sms_manager")
    assert (await client.get(url(org), headers=viewer.headers)).status_code == 200
    for who in (viewer, owner):
        r = await client.post(url(org), json={"name": "x", "type": "t"}, headers=who.headers)
        assert r.status_code == 403
        r = await client.post(
            url(org, "import"),
            content=b"key,name,type\nA,b,c\n",
            headers={**who.headers, "content-type": "text/csv"},
        )
        assert r.status_code == 403
    r = await client.post(url(org), json={"name": "x", "type": "t"}, headers=manager.headers)
    assert r.status_code == 201
    other = await second_org(client, org)
    theirs = url(other, str(ci["id"]))
    assert (await client.get(theirs, headers=other.admin.headers)).status_code == 404
    r = await client.patch(
        theirs, json={"name": "stolen"}, headers={**other.admin.headers, "If-Match": '"1"'}
    )
    assert r.status_code == 404
    assert (await client.get(url(other), headers=other.admin.headers)).json()["total"] == 0


def cmdb_export(rows: int, start: int = 0, owner: str = "") -> bytes:
    lines = ["Key,Name,Type,Status,Owner,Last_Verified"]
    for n in range(start, start + rows):
        status = "retired" if n % 10 == 0 else "active"
        lines.append(f"SRV-{n:05d},Server {n},server,{status},{owner},2026-0{1 + n % 9}-15")
    return ("\r\n".join(lines) + "\r\n").encode()


async def test_import_2000_rows_in_bounded_queries_and_idempotent(
    client: httpx.AsyncClient, count_queries: QueryCounter
) -> None:
    org = await first_run(client)
    h = {**org.admin.headers, "content-type": "text/csv"}
    await create_ci(client, org, key="SRV-00005", name="Old name", type="vm", description="kept")
    count_queries.count = 0
    r = await client.post(
        url(org, "import"), content=cmdb_export(2000, owner=org.admin.email), headers=h
    )
    assert r.status_code == 200, r.text
    assert r.json() == {"created": 1999, "updated": 1, "rows": 2000}
    # no per-row round trips: auth, lookups, a few bulk batches, one activity entry
    assert count_queries.count <= 25, count_queries.statements
    items = {i["key"]: i for i in await all_items(client, org)}
    assert len(items) == 2000
    assert items["SRV-00005"]["name"] == "Server 5" and items["SRV-00005"]["type"] == "server"
    assert items["SRV-00005"]["description"] == "kept" and items["SRV-00005"]["version"] == 2
    assert items["SRV-00010"]["status"] == "retired"
    assert items["SRV-00011"]["owner_id"] == org.admin.user_id
    assert items["SRV-00011"]["last_verified"] == "2026-03-15"
    # the same export again: every row updates, nothing is added
    r = await client.post(url(org, "import"), content=cmdb_export(2000), headers=h)
    assert r.json() == {"created": 0, "updated": 2000, "rows": 2000}
    assert len(await all_items(client, org)) == 2000
    entries = [a for a in await activity(client, org) if a["action"] == "configuration_item.import"]
    assert [e["after"] for e in entries] == [
        {"created": 0, "updated": 2000, "rows": 2000},
        {"created": 1999, "updated": 1, "rows": 2000},
    ]


async def test_import_refuses_the_whole_file_naming_rows_and_columns(
    client: httpx.AsyncClient,
) -> None:
    org = await first_run(client)
    h = {**org.admin.headers, "content-type": "text/csv"}
    body = (
        "key,name,type,status,owner,last_verified\n"
        "OK-1,Fine,server,,,\n"
        "bad key,Name,server,,,\n"
        "OK-2,,server,unknown,,2026-13-01\n"
        "OK-1,Again,server,,,\n"
        "OK-3,Fine,server,,nobody@else.example,\n"
    )
    r = await client.post(url(org, "import"), content=body.encode(), headers=h)
    assert r.status_code == 422 and r.headers["content-type"].startswith("application/problem")
    locs = [e["loc"] for e in r.json()["errors"]]
    assert locs == [
        ["body", 3, "key"],
        ["body", 4, "name"],
        ["body", 4, "status"],
        ["body", 4, "last_verified"],
        ["body", 5, "key"],
    ]
    # the owner check runs once every cell is valid: still nothing stored
    good_cells = "key,name,type,owner\nOK-1,Fine,server,\nOK-3,Fine,server,nobody@else.example\n"
    r = await client.post(url(org, "import"), content=good_cells.encode(), headers=h)
    assert r.status_code == 422 and [e["loc"] for e in r.json()["errors"]] == [["body", 3, "owner"]]
    for bad in (b"", b"key,name\nA,b\n", b"key,name,type,colour\nA,b,c,red\n", b"key,name,type\n"):
        r = await client.post(url(org, "import"), content=bad, headers=h)
        assert r.status_code == 422, bad
    r = await client.post(url(org, "import"), content=b"key,name,type\nA,b\x00,c\n", headers=h)
    assert r.status_code == 422 and r.json()["errors"][0]["loc"] == ["body", 2, "name"]
    assert await all_items(client, org) == []
    assert not [
        a for a in await activity(client, org) if a["action"] == "configuration_item.import"
    ]


async def test_import_multipart_and_limits(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    r = await client.post(
        url(org, "import"),
        files={"file": ("cmdb.csv", cmdb_export(3), "text/csv")},
        headers=org.admin.headers,
    )
    assert r.status_code == 200, r.text
    assert r.json()["created"] == 3
    r = await client.post(
        url(org, "import"),
        files={"other": ("cmdb.csv", cmdb_export(3), "text/csv")},
        headers=org.admin.headers,
    )
    assert r.status_code == 422
    r = await client.post(
        url(org, "import"),
        content=b"{}",
        headers={**org.admin.headers, "content-type": "application/json"},
    )
    assert r.status_code in (415, 422)
    big = cmdb_export(30_000)
    assert len(big) > 1024 * 1024
    r = await client.post(
        url(org, "import"), content=big, headers={**org.admin.headers, "content-type": "text/csv"}
    )
    assert r.status_code == 413
    assert len(await all_items(client, org)) == 3


async def test_verifications(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    h = org.admin.headers
    day = (date.today() - timedelta(days=3)).isoformat()
    r = await client.post(
        verifications_url(org),
        json={"verified_on": day, "sample_size": 25, "result": "partial", "notes": "2 stale"},
        headers=h,
    )
    assert r.status_code == 201, r.text
    v = r.json()
    assert v["key"] == "CV-1" and v["recorded_by_id"] == org.admin.user_id
    future = (date.today() + timedelta(days=1)).isoformat()
    for bad in (
        {"verified_on": future, "sample_size": 1, "result": "pass"},
        {"verified_on": day, "sample_size": -1, "result": "pass"},
        {"verified_on": day, "sample_size": 1, "result": "maybe"},
        {
            "verified_on": day,
            "sample_size": 1,
            "result": "pass",
            "evidence_item_id": str(uuid.uuid4()),
        },
    ):
        r = await client.post(verifications_url(org), json=bad, headers=h)
        assert r.status_code == 422, bad
    one = verifications_url(org, v["id"])
    assert (await client.patch(one, json={"result": "pass"}, headers=h)).status_code == 428
    r = await client.patch(one, json={"result": "pass"}, headers={**h, "If-Match": '"1"'})
    assert r.status_code == 200 and r.json()["result"] == "pass"
    listed = (await client.get(verifications_url(org), headers=h)).json()
    assert listed["total"] == 1 and listed["items"][0]["result"] == "pass"
    viewer = await add_member(client, org, "viewer")
    r = await client.post(
        verifications_url(org),
        json={"verified_on": day, "sample_size": 1, "result": "pass"},
        headers=viewer.headers,
    )
    assert r.status_code == 403
    other = await second_org(client, org)
    assert (
        await client.get(verifications_url(other, v["id"]), headers=other.admin.headers)
    ).status_code == 404
