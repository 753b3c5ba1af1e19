"""Configuration items and the services they support (8.2.6; RDY-22): ``service_ids`` on
create, update and read, validated in the organisation; the ``service_id`` list filter in
one statement for all links; the CSV import's ``service`` column, all or nothing."""

from __future__ import annotations

import uuid

import httpx

from tests.configuration.test_api import activity, all_items, create_ci, url
from tests.conftest import QueryCounter
from tests.factories.auth import first_run, second_org
from tests.factories.services import create_service


async def test_service_ids_on_create_update_read_and_logged(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    h = org.admin.headers
    mail = await create_service(client, org, name="Mail")
    web = await create_service(client, org, name="Web")
    ci = await create_ci(client, org, service_ids=[mail["id"], mail["id"]])
    assert ci["service_ids"] == [mail["id"]]
    one = url(org, str(ci["id"]))
    r = await client.get(one, headers=h)
    assert r.json()["service_ids"] == [mail["id"]]
    created = next(
        a for a in await activity(client, org) if a["action"] == "configuration_item.create"
    )
    assert created["after"]["service_ids"] == [mail["id"]]  # type: ignore[index]
    r = await client.patch(
        one, json={"service_ids": [web["id"], mail["id"]]}, headers={**h, "If-Match": '"1"'}
    )
    assert r.status_code == 200, r.text
    assert sorted(r.json()["service_ids"]) == sorted([web["id"], mail["id"]])
    assert r.headers["etag"] == '"2"'
    update = next(
        a for a in await activity(client, org) if a["action"] == "configuration_item.update"
    )
    assert update["before"] == {"service_ids": [mail["id"]]}
    # the same set again changes nothing: no new version
    r = await client.patch(
        one, json={"service_ids": [mail["id"], web["id"]]}, headers={**h, "If-Match": '"2"'}
    )
    assert r.status_code == 200 and r.headers["etag"] == '"2"'
    r = await client.patch(one, json={"service_ids": None}, headers={**h, "If-Match": '"2"'})
    assert r.status_code == 422
    r = await client.patch(one, json={"service_ids": []}, headers={**h, "If-Match": '"2"'})
    assert r.status_code == 200 and r.json()["service_ids"] == []
    # deleting the item removes its links with it
    ci2 = await create_ci(client, org, key="LB-1", service_ids=[web["id"]])
    assert (await client.delete(url(org, str(ci2["id"])), headers=h)).status_code == 204


async def test_unknown_or_other_org_service_is_422_naming_the_id(
    client: httpx.AsyncClient,
) -> None:
    org = await first_run(client)
    other = await second_org(client, org)
    theirs = await create_service(client, other, name="Their service", headers=other.admin.headers)
    mine = await create_service(client, org, name="Mail")
    made_up = str(uuid.uuid4())
    answers = []
    for bad in (theirs["id"], made_up):
        r = await client.post(
            url(org),
            json={"name": "x", "type": "t", "service_ids": [mine["id"], bad]},
            headers=org.admin.headers,
        )
        assert r.status_code == 422, r.text
        assert r.headers["content-type"].startswith("application/problem+json")
        body = r.json()
        assert bad in body["detail"]
        assert [e["loc"] for e in body["errors"]] == [["body", "service_ids", 1]]
        answers.append(body["errors"][0]["msg"].replace(bad, "<id>"))
    # another organisation's service reads exactly like one that does not exist
    assert answers[0] == answers[1]
    ci = await create_ci(client, org)
    r = await client.patch(
        url(org, str(ci["id"])),
        json={"service_ids": [theirs["id"]]},
        headers={**org.admin.headers, "If-Match": '"1"'},
    )
    assert r.status_code == 422 and theirs["id"] in r.json()["detail"]
    assert (await all_items(client, org))[0]["service_ids"] == []


async def test_service_filter_and_links_in_one_statement(
    client: httpx.AsyncClient, count_queries: QueryCounter
) -> None:
    org = await first_run(client)
    h = org.admin.headers
    mail = await create_service(client, org, name="Mail")
    web = await create_service(client, org, name="Web")
    await create_ci(client, org, key="A", service_ids=[mail["id"]])
    await create_ci(client, org, key="B", service_ids=[mail["id"], web["id"]])
    await create_ci(client, org, key="C")

    async def listed(**params: object) -> list[object]:
        r = await client.get(url(org), params=params, headers=h)
        assert r.status_code == 200, r.text
        return [i["key"] for i in r.json()["items"]]

    assert await listed(service_id=mail["id"]) == ["A", "B"]
    assert await listed(service_id=web["id"]) == ["B"]
    assert await listed(service_id=web["id"], status="retired") == []
    assert await listed(service_id=str(uuid.uuid4())) == []
    count_queries.count = 0
    await listed()
    small = count_queries.count
    for n in range(15):
        await create_ci(client, org, key=f"X-{n}", service_ids=[mail["id"], web["id"]])
    count_queries.count, count_queries.statements = 0, []
    assert len(await listed()) == 18
    assert count_queries.count == small  # count, page and ONE statement for every link
    links = [s for s in count_queries.statements if "configuration_item_service" in s]
    assert len(links) == 1, links
    r = await client.get(url(org), params={"format": "csv", "service_id": web["id"]}, headers=h)
    assert r.status_code == 200
    lines = r.text.lstrip("\ufeff").splitlines()
    assert "service_ids" in lines[0] and len(lines) == 17


async def test_import_service_column_all_or_nothing(
    client: httpx.AsyncClient, count_queries: QueryCounter
) -> None:
    org = await first_run(client)
    h = {**org.admin.headers, "content-type": "text/csv"}
    mail = await create_service(client, org, name="Mail")
    web = await create_service(client, org, name="Web")
    kept = await create_ci(client, org, key="KEEP-1", service_ids=[web["id"]])
    svc_mail, svc_web = mail["key"], web["key"]
    rows = "\n".join(
        f"SRV-{n:04d},Server {n},server,{svc_mail};{svc_web.lower()}" for n in range(300)
    )
    body = f"key,name,type,service\n{rows}\nKEEP-1,Kept,server,\nONLY-WEB,Web box,vm, {svc_web} \n"
    count_queries.count = 0
    r = await client.post(url(org, "import"), content=body.encode(), headers=h)
    assert r.status_code == 200, r.text
    assert r.json() == {"created": 301, "updated": 1, "rows": 302}
    assert count_queries.count <= 25, count_queries.statements
    items = {i["key"]: i for i in await all_items(client, org)}
    assert sorted(items["SRV-0007"]["service_ids"]) == sorted([mail["id"], web["id"]])  # type: ignore[arg-type]
    assert items["ONLY-WEB"]["service_ids"] == [web["id"]]
    assert items["KEEP-1"]["service_ids"] == kept["service_ids"] == [web["id"]]  # empty: kept
    entry = next(
        a for a in await activity(client, org) if a["action"] == "configuration_item.import"
    )
    assert entry["after"]["services_set"] == 301  # type: ignore[index]
    # a filled cell replaces the services
    r = await client.post(
        url(org, "import"),
        content=f"key,name,type,service\nSRV-0007,S,server,{svc_web}\n".encode(),
        headers=h,
    )
    assert r.status_code == 200, r.text
    items = {i["key"]: i for i in await all_items(client, org)}
    assert items["SRV-0007"]["service_ids"] == [web["id"]]
    # an unknown key (or another organisation's) and a malformed one refuse the whole file
    other = await second_org(client, org)
    await create_service(client, other, name="Theirs", headers=other.admin.headers)
    await create_service(client, other, name="Theirs 2", headers=other.admin.headers)
    await create_service(client, other, name="Theirs 3", headers=other.admin.headers)
    bad = (
        "key,name,type,service\n"
        "NEW-1,New,server,SVC-1\n"
        "NEW-2,New,server,SVC-1;SVC-3\n"
        "NEW-3,New,server,mail\n"
        f"SRV-0007,S,server,{svc_mail}\n"
    )
    r = await client.post(url(org, "import"), content=bad.encode(), headers=h)
    assert r.status_code == 422, r.text
    assert [e["loc"] for e in r.json()["errors"]] == [["body", 4, "service"]]
    r = await client.post(url(org, "import"), content=bad.replace("mail", "").encode(), headers=h)
    assert r.status_code == 422, r.text
    errors = r.json()["errors"]
    assert [e["loc"] for e in errors] == [["body", 3, "service"]]
    assert "SVC-3" in errors[0]["msg"]
    items = {i["key"]: i for i in await all_items(client, org)}
    assert "NEW-1" not in items and items["SRV-0007"]["service_ids"] == [web["id"]]
