"""Every source with the shared samples and vectors: valid -> record; bad, missing or stale
signature -> 401 and nothing stored; duplicate -> 2xx and no second record; update ->
history; out of order -> no regression; unmappable -> kept with its error; 429; 413."""

from __future__ import annotations

import base64
import hmac as _hmac
import json
from collections.abc import Callable
from contextlib import AbstractAsyncContextManager

import httpx
from certready.db.session import Database
from sqlalchemy import text

from tests.factories.auth import first_run
from tests.integrations.helpers import (
    PROBLEM,
    VECTORS,
    create_integration,
    deliveries,
    glpi_headers,
    hub,
    post_hook,
    read_integration,
    record,
    records,
    sample,
    standard_headers,
)

ClientWith = Callable[..., AbstractAsyncContextManager[httpx.AsyncClient]]
JIRA = sample("jira_issue_created.json")
SNOW = sample("servicenow_incident.json")
GLPI = sample("glpi_ticket_webhook.json")


async def _count(database: Database, table: str) -> int:
    async with database.engine.connect() as conn:
        return int((await conn.execute(text(f"SELECT count(*) FROM {table}"))).scalar_one())


def _jira_version(status_key: str, status_name: str, updated: str, resolved: str | None) -> bytes:
    body = json.loads(JIRA)
    body["webhookEvent"] = "jira:issue_updated"
    fields = body["issue"]["fields"]
    fields["status"]["statusCategory"]["key"] = status_key
    fields["status"]["name"] = status_name
    fields["updated"] = updated
    fields["resolutiondate"] = resolved
    return json.dumps(body).encode()


async def test_jira_vector_record_duplicate_update_and_out_of_order(
    client: httpx.AsyncClient, database: Database
) -> None:
    org = await first_run(client)
    vector = VECTORS["jira_admin_webhook_created"]
    jira = await create_integration(
        client,
        org,
        "jira",
        secret=vector["secret"],
        mapping={"services": {"ITSM": "payroll"}},
    )
    headers = {**vector["headers"], "X-Atlassian-Webhook-Identifier": "wh-1"}
    r = await post_hook(client, jira, JIRA, headers)
    assert r.status_code == 200, r.text
    assert r.json()["duplicate"] is False and r.json()["mapping_state"] == "applied"
    [rec] = await records(client, org)
    assert rec["external_id"] == "10231" and rec["external_key"] == "ITSM-142"
    assert rec["kind"] == "incident" and rec["clause"] == "8.6.1"
    assert rec["status"] == "open" and rec["status_raw"] == "Waiting for support"
    assert rec["priority"] == "high" and rec["priority_raw"] == "High"
    assert rec["service_key"] == "payroll"
    assert rec["opened_at"].startswith("2025-11-24T08:47:12")
    # the delivery as received, with its hash and how it verified
    [d] = await deliveries(client, org, jira)
    assert d["verification"] == "hmac-sha256" and d["event"] == "jira:issue_created"
    detail = await client.get(
        f"/api/v1/orgs/{org.slug}/integrations/{jira['id']}/deliveries/{d['id']}",
        headers=org.admin.headers,
    )
    assert detail.json()["body"].encode() == JIRA
    assert detail.json()["headers"]["x-hub-signature"] == vector["headers"]["X-Hub-Signature"]

    # a retry of the same delivery: 2xx, nothing new
    r = await post_hook(client, jira, JIRA, headers)
    assert r.status_code == 200 and r.json()["duplicate"] is True
    assert r.json()["delivery_id"] == d["id"]
    assert await _count(database, "integration_delivery") == 1

    # an update moves the record forward and appends to its history
    resolved = _jira_version(
        "done", "Resolved", "2025-11-24T11:00:00.000+0100", "2025-11-24T11:00:00.000+0100"
    )
    r = await post_hook(
        client,
        jira,
        resolved,
        {
            "X-Hub-Signature": hub(vector["secret"], resolved),
            "X-Atlassian-Webhook-Identifier": "wh-2",
        },
    )
    assert r.status_code == 200 and r.json()["mapping_state"] == "applied"
    # a late delivery of an older version is kept, but moves nothing back
    older = _jira_version("indeterminate", "In progress", "2025-11-24T10:00:00.000+0100", None)
    r = await post_hook(
        client,
        jira,
        older,
        {"X-Hub-Signature": hub(vector["secret"], older), "X-Atlassian-Webhook-Identifier": "wh-3"},
    )
    assert r.status_code == 200 and r.json()["mapping_state"] == "stale"
    full = await record(client, org, rec["id"])
    assert full["status"] == "resolved" and full["resolved_at"].startswith("2025-11-24T10:00:00")
    assert [h["mapping_state"] for h in full["history"]] == ["applied", "applied", "stale"]
    assert full["delivery_count"] == 3
    assert await _count(database, "itsm_record") == 1


async def test_bad_missing_and_foreign_signatures_store_nothing(
    client: httpx.AsyncClient, database: Database
) -> None:
    org = await first_run(client)
    jira = await create_integration(client, org, "jira", secret="jira-test-secret")
    wrong = {"X-Hub-Signature": hub("another-secret-value", JIRA)}
    for headers in (
        {},
        wrong,
        {"X-Hub-Signature": "sha256=" + "0" * 64},
        {"X-Hub-Signature": hub("jira-test-secret", JIRA, "sha1")},
        {"Authorization": "Bearer another-secret-value"},
    ):
        r = await post_hook(client, jira, JIRA, headers)
        assert r.status_code == 401, headers
        assert r.headers["content-type"] == PROBLEM
        assert r.json()["type"] == "urn:certready:problem:signature-rejected"
    # the signature covers the raw bytes: the same JSON re-serialised does not verify
    reformatted = json.dumps(json.loads(JIRA)).encode()
    r = await post_hook(
        client, jira, reformatted, {"X-Hub-Signature": hub("jira-test-secret", JIRA)}
    )
    assert r.status_code == 401
    # a valid signature for another integration's URL or source
    other = await create_integration(client, org, "zammad", secret="jira-test-secret")
    r = await post_hook(client, other, JIRA, {"X-Hub-Signature": hub("jira-test-secret", JIRA)})
    assert r.status_code == 401
    r = await client.post(
        f"/api/v1/hooks/{jira['id']}/zammad",
        content=JIRA,
        headers={"X-Hub-Signature": hub("jira-test-secret", JIRA, "sha1")},
    )
    assert r.status_code == 401
    assert await _count(database, "integration_delivery") == 0
    assert await _count(database, "itsm_record") == 0
    assert (await read_integration(client, org, jira))["rejected_count"] == 6
    assert (await read_integration(client, org, other))["rejected_count"] == 1


async def test_jira_automation_bearer_numeric_ids(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    jira = await create_integration(client, org, "jira", secret="automation-token-123456")
    issue = json.loads(JIRA)["issue"]
    issue["id"] = 10231  # Automation sends numbers
    body = json.dumps(issue).encode()
    r = await post_hook(client, jira, body, {"Authorization": "Bearer automation-token-123456"})
    assert r.status_code == 200, r.text
    [rec] = await records(client, org)
    assert rec["external_id"] == "10231" and rec["kind"] == "incident"
    [d] = await deliveries(client, org, jira)
    assert d["verification"] == "bearer" and d["dedupe_key"].startswith("sha256:")
    # the bearer token is not kept in the stored headers
    detail = await client.get(
        f"/api/v1/orgs/{org.slug}/integrations/{jira['id']}/deliveries/{d['id']}",
        headers=org.admin.headers,
    )
    assert detail.json()["headers"]["authorization"] == "[redacted]"


def _snow(mod_count: str, state: str, updated: str) -> bytes:
    body = json.loads(SNOW)
    body["result"].update(sys_mod_count=mod_count, state=state, sys_updated_on=updated)
    return json.dumps(body).encode()


async def test_servicenow_hmac_bearer_dedupe_and_counter_order(
    client: httpx.AsyncClient, database: Database
) -> None:
    org = await first_run(client)
    secret = "servicenow-test-secret"
    snow = await create_integration(client, org, "servicenow", secret=secret)
    sig = {"X-Signature": hub(secret, SNOW)}
    r = await post_hook(client, snow, SNOW, sig)
    assert r.status_code == 200, r.text
    [rec] = await records(client, org)
    assert rec["external_key"] == "INC0010042" and rec["kind"] == "incident"
    assert rec["status"] == "closed" and rec["priority"] == "critical"
    assert rec["change_counter"] == 9
    assert rec["closed_at"].startswith("2025-11-24T10:02:55")
    # same sys_id + sys_mod_count from a retry (bearer this time): a duplicate
    r = await post_hook(client, snow, SNOW, {"Authorization": f"Bearer {secret}"})
    assert r.status_code == 200 and r.json()["duplicate"] is True
    # an older version (mod count 5) arriving late: kept, no regression
    old = _snow("5", "2", "2025-11-24 09:00:00")
    b64 = base64.b64encode(_hmac.new(secret.encode(), old, "sha256").digest()).decode()
    r = await post_hook(client, snow, old, {"X-HMAC-Signature": b64})
    assert r.status_code == 200 and r.json()["mapping_state"] == "stale"
    # a newer one (reopened, display_value=all shape) applies
    newer = json.loads(_snow("10", "2", "2025-11-24 11:00:00"))
    newer["result"]["state"] = {"value": "2", "display_value": "In Progress"}
    body = json.dumps(newer).encode()
    r = await post_hook(client, snow, body, {"X-Signature": hub(secret, body)})
    assert r.json()["mapping_state"] == "applied"
    full = await record(client, org, rec["id"])
    assert full["status"] == "in_progress" and full["change_counter"] == 10
    assert full["status_raw"] == "In Progress" and len(full["history"]) == 3
    assert await _count(database, "integration_delivery") == 3


async def test_glpi_vector_window_challenge_and_dedupe(
    client_with: ClientWith, database: Database
) -> None:
    vector = VECTORS["glpi"]
    secret = vector["secret"]
    async with client_with(glpi_timestamp_tolerance_seconds=10**9) as client:
        org = await first_run(client)
        glpi = await create_integration(
            client,
            org,
            "glpi",
            secret=secret,
            mapping={"services": {"Business applications": "payroll"}},
        )
        r = await post_hook(client, glpi, GLPI, vector["headers"])
        assert r.status_code == 200, r.text
        [rec] = await records(client, org)
        assert rec["external_id"] == "Ticket:1287" and rec["kind"] == "incident"
        assert rec["priority"] == "critical" and rec["status"] == "open"  # GLPI 5 = very high
        assert rec["assignment_group"] == "Service Desk" and rec["service_key"] == "payroll"
        # GLPI re-sends the queued webhook with a new timestamp: the same delivery
        r = await post_hook(client, glpi, GLPI, glpi_headers(secret, GLPI))
        assert r.status_code == 200 and r.json()["duplicate"] is True
        # the challenge-response check
        challenge = VECTORS["glpi_cra_challenge"]
        token = challenge["request"].split("crc_token=")[1]
        r = await client.get(glpi["receiver_path"], params={"crc_token": token})
        assert r.status_code == 200 and r.text == challenge["expected_response_body"]
    # the default window (generous, days) refuses the year-old vector, takes a fresh one
    async with client_with() as client:
        r = await post_hook(client, glpi, GLPI, vector["headers"])
        assert r.status_code == 401
        changed = GLPI.replace(
            b'"date_mod": "2025-11-24T09:47:12+01:00"', b'"date_mod": "2025-11-24T10:47:12+01:00"'
        )
        changed = changed.replace(
            b'"id": 1,\n            "name": "New"', b'"id": 5,\n            "name": "Solved"'
        )
        r = await post_hook(client, glpi, changed, glpi_headers(secret, changed))
        assert r.status_code == 200 and r.json()["mapping_state"] == "applied"
        r = await post_hook(client, glpi, changed, glpi_headers(secret, changed, 1))
        assert r.status_code == 401  # a stale timestamp
    assert await _count(database, "integration_delivery") == 2
    async with client_with() as client:
        full = await record(client, org, rec["id"])
        assert full["status"] == "resolved" and len(full["history"]) == 2


async def test_zammad_sha1_and_delivery_id(client: httpx.AsyncClient, database: Database) -> None:
    org = await first_run(client)
    zammad = await create_integration(
        client, org, "zammad", mapping={"services": {"Users": "desk"}}
    )
    secret = zammad["secret"]
    body = json.dumps(
        {
            "ticket": {
                "id": 77,
                "number": "31077",
                "title": "VPN down",
                "state": "open",
                "priority": "3 high",
                "group": "Users",
                "created_at": "2025-11-24T08:00:00.000Z",
                "updated_at": "2025-11-24T08:05:00.000Z",
                "custom_field": None,
            },
            "article": {"body": "VPN down"},
        }
    ).encode()
    headers = {"X-Hub-Signature": hub(secret, body, "sha1"), "X-Zammad-Delivery": "job-1"}
    r = await post_hook(client, zammad, body, headers)
    assert r.status_code == 200, r.text
    [rec] = await records(client, org)
    assert rec["external_key"] == "31077" and rec["kind"] == "incident"
    assert (
        rec["status"] == "in_progress"
        and rec["priority"] == "high"
        and rec["service_key"] == "desk"
    )
    r = await post_hook(client, zammad, body, headers)
    assert r.json()["duplicate"] is True
    r = await post_hook(client, zammad, body, {"X-Hub-Signature": hub(secret, body)})
    assert r.status_code == 401  # sha256 is not Zammad's scheme
    assert await _count(database, "integration_delivery") == 1


async def test_generic_standard_webhooks_vector_and_window(client_with: ClientWith) -> None:
    vector = VECTORS["standard_webhooks_outbound"]
    body = vector["body_utf8"].encode()
    async with client_with(standard_webhooks_tolerance_seconds=10**9) as client:
        org = await first_run(client)
        generic = await create_integration(client, org, "generic", secret=vector["secret"])
        r = await post_hook(client, generic, body, vector["headers"])
        assert r.status_code == 200, r.text
        [rec] = await records(client, org)
        assert rec["external_id"] == "NC-2025-04-01" and rec["kind"] == "other"
    async with client_with() as client:
        r = await post_hook(client, generic, body, vector["headers"])
        assert r.status_code == 401  # five minutes is the scheme's window
        fresh = standard_headers(vector["secret"], "msg_2", body)
        r = await post_hook(client, generic, body, fresh)
        assert r.status_code == 200
        bad = {**fresh, "webhook-id": "msg_3"}
        assert (await post_hook(client, generic, body, bad)).status_code == 401


async def test_unmappable_bodies_are_kept_with_their_error(
    client: httpx.AsyncClient, database: Database
) -> None:
    org = await first_run(client)
    jira = await create_integration(client, org, "jira", secret="jira-test-secret")
    for n, body in enumerate(
        (
            b"not json at all",
            b'{"webhookEvent": "x"}',
            b"[1, 2]",
            b'{"issue": {"id": "1", "fields": {"created": "yesterday"}}}',
        )
    ):
        r = await post_hook(
            client,
            jira,
            body,
            {
                "X-Hub-Signature": hub("jira-test-secret", body),
                "X-Atlassian-Webhook-Identifier": f"u{n}",
            },
        )
        assert r.status_code == 200, r.text
        assert r.json()["mapping_state"] == "error" and r.json()["record_id"] is None
    log = await deliveries(client, org, jira)
    assert len(log) == 4 and all(d["mapping_error"] for d in log)
    assert await _count(database, "itsm_record") == 0
    assert (await read_integration(client, org, jira))["mapping_error_count"] == 4


async def test_rate_limit_and_body_limit(client_with: ClientWith, database: Database) -> None:
    async with client_with(hook_rate_limit=3, hook_max_body_bytes=4096) as client:
        org = await first_run(client)
        zammad = await create_integration(client, org, "zammad")
        secret = zammad["secret"]
        codes = []
        for n in range(5):
            body = b'{"ticket": {"id": %d, "state": "new"}}' % n
            r = await post_hook(
                client, zammad, body, {"X-Hub-Signature": hub(secret, body, "sha1")}
            )
            codes.append(r.status_code)
        assert codes == [200, 200, 200, 429, 429]
        assert int(r.headers["Retry-After"]) >= 1 and r.headers["content-type"] == PROBLEM
    async with client_with(hook_max_body_bytes=4096) as client:
        big = b'{"ticket": {"id": 1, "title": "' + b"x" * 5000 + b'"}}'
        r = await post_hook(client, zammad, big, {"X-Hub-Signature": hub(secret, big, "sha1")})
        assert r.status_code == 413 and r.headers["content-type"] == PROBLEM
    assert await _count(database, "integration_delivery") == 3
