"""Risks and the services they affect: ``service_ids`` on create, update and read, validated
in the organisation (another organisation's service reads like a made-up id); the
``service_id`` filter; every link of a page in one statement."""

from __future__ import annotations

import uuid

import httpx

from tests.conftest import QueryCounter
from tests.factories.auth import first_run, second_org
from tests.factories.risks import create_method, create_risk, risks_url
from tests.factories.services import create_service


async def test_service_ids_on_create_update_read_and_logged(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    await create_method(client, org)
    h = org.admin.headers
    mail = await create_service(client, org, name="Mail")
    web = await create_service(client, org, name="Web")
    risk = await create_risk(client, org, service_ids=[web["id"], web["id"]])
    assert risk["service_ids"] == [web["id"]]
    one = risks_url(org, risk["id"])
    assert (await client.get(one, headers=h)).json()["service_ids"] == [web["id"]]
    r = await client.patch(
        one, json={"service_ids": [mail["id"], web["id"]]}, headers={**h, "If-Match": '"1"'}
    )
    assert r.status_code == 200, r.text
    assert sorted(r.json()["service_ids"]) == sorted([mail["id"], web["id"]])
    assert r.headers["etag"] == '"2"'
    log = (await client.get(f"/api/v1/orgs/{org.slug}/activity", headers=h)).json()["items"]
    update = next(a for a in log if a["action"] == "risk.update")
    assert update["before"] == {"service_ids": [web["id"]]}
    created = next(a for a in log if a["action"] == "risk.create")
    assert created["after"]["service_ids"] == [web["id"]]
    r = await client.patch(one, json={"service_ids": None}, headers={**h, "If-Match": '"2"'})
    assert r.status_code == 422
    r = await client.patch(one, json={"service_ids": []}, headers={**h, "If-Match": '"2"'})
    assert r.status_code == 200 and r.json()["service_ids"] == []
    assert (await client.delete(one, headers=h)).status_code == 204


async def test_unknown_or_other_org_service_is_422_naming_the_id(
    client: httpx.AsyncClient,
) -> None:
    org = await first_run(client)
    await create_method(client, org)
    other = await second_org(client, org)
    theirs = await create_service(client, other, name="Theirs", headers=other.admin.headers)
    mine = await create_service(client, org, name="Mail")
    messages = []
    for bad in (theirs["id"], str(uuid.uuid4())):
        r = await client.post(
            risks_url(org),
            json={"title": "x", "likelihood": 1, "impact": 1, "service_ids": [mine["id"], bad]},
            headers=org.admin.headers,
        )
        assert r.status_code == 422, r.text
        assert bad in r.json()["detail"]
        assert [e["loc"] for e in r.json()["errors"]] == [["body", "service_ids", 1]]
        messages.append(r.json()["errors"][0]["msg"].replace(bad, "<id>"))
    assert messages[0] == messages[1]
    assert (await client.get(risks_url(org), headers=org.admin.headers)).json()["total"] == 0


async def test_service_filter_and_constant_list_statements(
    client: httpx.AsyncClient, count_queries: QueryCounter
) -> None:
    org = await first_run(client)
    await create_method(client, org)
    mail = await create_service(client, org, name="Mail")
    web = await create_service(client, org, name="Web")
    await create_risk(client, org, title="A", service_ids=[mail["id"]])
    await create_risk(client, org, title="B", service_ids=[mail["id"], web["id"]])
    await create_risk(client, org, title="C")

    async def listed(**params: object) -> list[str]:
        r = await client.get(risks_url(org), params=params, headers=org.admin.headers)
        assert r.status_code == 200, r.text
        return [i["title"] for i in r.json()["items"]]

    assert await listed(service_id=mail["id"]) == ["A", "B"]
    assert await listed(service_id=web["id"]) == ["B"]
    assert await listed(service_id=str(uuid.uuid4())) == []
    count_queries.count = 0
    await listed()
    small = count_queries.count
    for n in range(12):
        await create_risk(client, org, title=f"X{n}", service_ids=[mail["id"], web["id"]])
    count_queries.count, count_queries.statements = 0, []
    assert len(await listed()) == 15
    assert count_queries.count == small
    assert len([s for s in count_queries.statements if "risk_service" in s]) == 1
