"""Mapping again (issue 15): rules tried against the newest deliveries before they are saved
(nothing stored), and a delivery whose mapping failed mapped again with the current rules
(logged; 409 for a delivery that was mapped). GLPI's itemtype, named in the receiver URL,
is kept with the delivery so that it maps again exactly as received."""

from __future__ import annotations

import json
import uuid
from typing import Any

import httpx
from certready.db.session import Database
from certready.integrations.models import IntegrationDelivery, ItsmRecord
from sqlalchemy import delete, text, update
from sqlmodel import col

from tests.factories.auth import add_member, first_run, second_org
from tests.integrations.helpers import (
    VECTORS,
    create_integration,
    deliveries,
    glpi_headers,
    hub,
    integrations_url,
    post_hook,
    records,
    sample,
)

JIRA = sample("jira_issue_created.json")
GLPI = sample("glpi_ticket_webhook.json")
SECRET = "jira-test-secret"


async def _jira(
    client: httpx.AsyncClient, jira: dict[str, Any], n: int, **fields: Any
) -> httpx.Response:
    body = json.loads(JIRA)
    body["issue"]["id"] = str(10000 + n)
    body["issue"]["key"] = f"ITSM-{n}"
    body["issue"]["fields"].update(fields)
    raw = json.dumps(body).encode()
    headers = {"X-Hub-Signature": hub(SECRET, raw), "X-Atlassian-Webhook-Identifier": f"p{n}"}
    r = await post_hook(client, jira, raw, headers)
    assert r.status_code == 200, r.text
    return r


async def _stored(database: Database) -> tuple[int, int, int]:
    async with database.engine.connect() as conn:
        counts = [
            int((await conn.execute(text(f"SELECT count(*) FROM {t}"))).scalar_one())
            for t in ("integration_delivery", "itsm_record", "activity_entry")
        ]
    return counts[0], counts[1], counts[2]


async def test_preview_tries_rules_on_the_newest_deliveries_and_stores_nothing(
    client: httpx.AsyncClient, database: Database
) -> None:
    org = await first_run(client)
    jira = await create_integration(client, org, "jira", secret=SECRET)
    await _jira(client, jira, 1)
    await _jira(client, jira, 2, issuetype={"name": "Change"})
    bad = b'{"webhookEvent": "x"}'
    r = await post_hook(
        client,
        jira,
        bad,
        {"X-Hub-Signature": hub(SECRET, bad), "X-Atlassian-Webhook-Identifier": "p3"},
    )
    assert r.json()["mapping_state"] == "error"
    before = await _stored(database)
    url = f"{integrations_url(org)}/{jira['id']}/mapping-preview"
    rules = {"services": {"ITSM": "SVC-1"}, "kinds": {"Change": "change"}}
    r = await client.post(url, json=rules, headers=org.admin.headers)
    assert r.status_code == 200, r.text
    preview = r.json()
    assert (preview["mapped"], preview["errors"], preview["changed"]) == (2, 1, 2)
    by_key = {line["record"]["external_key"]: line for line in preview["items"] if line["record"]}
    assert by_key["ITSM-1"]["record"]["service_key"] == "SVC-1"
    assert by_key["ITSM-1"]["record"]["kind"] == "incident"
    assert by_key["ITSM-2"]["record"]["kind"] == "change"
    assert by_key["ITSM-2"]["record"]["clause"] == "8.5.1"
    [error] = [line for line in preview["items"] if line["record"] is None]
    assert error["error"] and error["changed"] is False  # unmappable under both rule sets
    # newest first
    assert preview["items"][0]["delivery_id"] == error["delivery_id"]
    # nothing stored: no record changed, no log entry, the integration's rules unchanged
    assert await _stored(database) == before
    assert {r["service_key"] for r in await records(client, org)} == {None}
    # the current rules give "changed: false" everywhere
    r = await client.post(url, json={}, headers=org.admin.headers)
    assert r.json()["changed"] == 0
    # bad rules: a problem, nothing stored
    r = await client.post(url, json={"kinds": {"Bug": "gadget"}}, headers=org.admin.headers)
    assert r.status_code == 422 and r.headers["content-type"].startswith("application/problem")
    r = await client.post(url, json={"colour": "red"}, headers=org.admin.headers)
    assert r.status_code == 422
    assert await _stored(database) == before


async def test_preview_and_retry_are_for_admins_of_the_organisation(
    client: httpx.AsyncClient,
) -> None:
    org = await first_run(client)
    jira = await create_integration(client, org, "jira", secret=SECRET)
    manager = await add_member(client, org, "sms_manager")
    url = f"{integrations_url(org)}/{jira['id']}"
    r = await client.post(f"{url}/mapping-preview", json={}, headers=manager.headers)
    assert r.status_code == 403
    other = await second_org(client, org)
    foreign = f"{integrations_url(other)}/{jira['id']}"
    r = await client.post(f"{foreign}/mapping-preview", json={}, headers=other.admin.headers)
    assert r.status_code == 404
    missing = "00000000-0000-0000-0000-000000000000"
    r = await client.post(f"{url}/deliveries/{missing}/retry", headers=org.admin.headers)
    assert r.status_code == 404


async def test_retry_maps_a_failed_delivery_again_and_logs_it(
    client: httpx.AsyncClient, database: Database
) -> None:
    org = await first_run(client)
    jira = await create_integration(
        client, org, "jira", secret=SECRET, mapping={"services": {"ITSM": "SVC-1"}}
    )
    r = await _jira(client, jira, 7)
    delivery_id, record_id = r.json()["delivery_id"], r.json()["record_id"]
    url = f"{integrations_url(org)}/{jira['id']}/deliveries"
    # mapped deliveries are not mapped again
    r = await client.post(f"{url}/{delivery_id}/retry", headers=org.admin.headers)
    assert r.status_code == 409 and "applied" in r.json()["detail"]
    # a delivery an earlier mapper could not read (its record never built)
    async with database.transaction() as session:
        await session.execute(
            update(IntegrationDelivery)
            .where(col(IntegrationDelivery.id) == uuid.UUID(delivery_id))
            .values(mapping_state="error", record_id=None, mapping_error="old mapper")
        )
        await session.execute(delete(ItsmRecord))
    r = await client.post(f"{url}/{delivery_id}/retry", headers=org.admin.headers)
    assert r.status_code == 200, r.text
    assert r.json()["mapping_state"] == "applied" and r.json()["mapping_error"] is None
    [rec] = await records(client, org)
    assert rec["external_key"] == "ITSM-7" and rec["service_key"] == "SVC-1"
    assert rec["id"] == r.json()["record_id"] != record_id
    r = await client.get(
        f"/api/v1/orgs/{org.slug}/activity",
        params={"object_id": delivery_id},
        headers=org.admin.headers,
    )
    [entry] = r.json()["items"]
    assert entry["action"] == "integration_delivery.retry" and "ITSM-7" in entry["summary"]
    # once applied, a second retry is refused and changes nothing
    r = await client.post(f"{url}/{delivery_id}/retry", headers=org.admin.headers)
    assert r.status_code == 409
    assert len(await records(client, org)) == 1


async def test_a_delivery_that_still_cannot_be_mapped_keeps_its_error(
    client: httpx.AsyncClient,
) -> None:
    org = await first_run(client)
    jira = await create_integration(client, org, "jira", secret=SECRET)
    bad = b"not json"
    headers = {"X-Hub-Signature": hub(SECRET, bad), "X-Atlassian-Webhook-Identifier": "b1"}
    delivery_id = (await post_hook(client, jira, bad, headers)).json()["delivery_id"]
    url = f"{integrations_url(org)}/{jira['id']}/deliveries/{delivery_id}/retry"
    r = await client.post(url, headers=org.admin.headers)
    assert r.status_code == 200, r.text
    assert r.json()["mapping_state"] == "error" and "not JSON" in r.json()["mapping_error"]
    assert await records(client, org) == []


async def test_glpi_itemtype_is_kept_and_maps_again_the_same(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    secret = VECTORS["glpi"]["secret"]
    glpi = await create_integration(client, org, "glpi", secret=secret)
    r = await post_hook(
        client, glpi, GLPI, glpi_headers(secret, GLPI), params={"itemtype": "Change"}
    )
    assert r.status_code == 200, r.text
    [rec] = await records(client, org)
    assert rec["kind"] == "change"
    url = f"{integrations_url(org)}/{glpi['id']}/mapping-preview"
    r = await client.post(url, json={}, headers=org.admin.headers)
    [line] = r.json()["items"]
    assert line["record"]["kind"] == "change" and line["changed"] is False
    [d] = await deliveries(client, org, glpi)
    assert d["mapping_state"] == "applied"
