"""The receivers, every source with the shared samples and signature vectors (a matrix over
``helpers.SOURCES``, on SQLite and PostgreSQL): valid signature -> record; bad, missing or
stale signature -> 401 and nothing stored; duplicate -> 2xx and no second record; update ->
history appended; out of order -> no regression; unmappable -> kept with its error; 429.
Then what only one tool has (Jira Automation's bearer, ServiceNow's base64 HMAC and
``display_value=all``, GLPI's challenge), and the body limit."""

from __future__ import annotations

import base64
import hashlib
import hmac as _hmac
import json
import time
import uuid
from collections.abc import Callable
from contextlib import AbstractAsyncContextManager
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from certready.db.session import Database
from certready.integrations.models import Integration, ItsmRecord
from certready.integrations.models import IntegrationDelivery as Delivery
from sqlalchemy import func, select, update

from tests.factories.auth import OrgFixture, first_run
from tests.integrations.helpers import (
    PROBLEM,
    SOURCES,
    VECTORS,
    Source,
    create_integration,
    deliveries,
    hub,
    post_hook,
    read_integration,
    record,
    records,
    sample,
)

ClientWith = Callable[..., AbstractAsyncContextManager[httpx.AsyncClient]]
every_source = pytest.mark.parametrize("src", SOURCES, ids=str)


async def _count(database: Database, model: Any, integration: dict[str, Any]) -> int:
    """Rows of ``model``'s table that belong to ``integration``, read from the database."""
    async with database.engine.connect() as conn:
        found = await conn.execute(
            select(func.count())
            .select_from(model)
            .where(model.integration_id == uuid.UUID(integration["id"]))
        )
        return int(found.scalar_one())


async def _record_row(database: Database, integration: dict[str, Any]) -> Any:
    """The one ITSM record row of ``integration`` as stored."""
    async with database.engine.connect() as conn:
        rows = (
            await conn.execute(
                select(ItsmRecord.__table__).where(  # type: ignore[attr-defined]
                    ItsmRecord.integration_id == uuid.UUID(integration["id"])
                )
            )
        ).all()
    assert len(rows) == 1, rows
    return rows[0]


async def _setup(client: httpx.AsyncClient, src: Source) -> tuple[OrgFixture, dict[str, Any]]:
    org = await first_run(client)
    return org, await create_integration(client, org, src.name, secret=src.secret)


# --- the matrix ------------------------------------------------------------------------


@every_source
async def test_valid_signature_creates_the_record(
    src: Source, client_with: ClientWith, database: Database
) -> None:
    async with client_with(**src.vector_settings) as client:
        org, hook = await _setup(client, src)
        r = await post_hook(client, hook, src.sample, src.vector_delivery())
        assert r.status_code == 200, r.text
        accepted = r.json()
        assert accepted["duplicate"] is False and accepted["mapping_state"] == "applied"
        [rec] = await records(client, org)
        assert {k: rec[k] for k in src.expected} == src.expected
        assert rec["clause"] == ("8.6.1" if rec["kind"] == "incident" else None)
        assert rec["id"] == accepted["record_id"] and rec["delivery_count"] == 1
        # the delivery as received: exact bytes, their hash, how it verified
        [d] = await deliveries(client, org, hook)
        assert d["verification"] == src.verification and d["record_id"] == rec["id"]
        assert d["body_sha256"] == hashlib.sha256(src.sample).hexdigest()
        detail = await client.get(
            f"/api/v1/orgs/{org.slug}/integrations/{hook['id']}/deliveries/{d['id']}",
            headers=org.admin.headers,
        )
        assert detail.json()["body"].encode() == src.sample
        assert await _count(database, Delivery, hook) == 1
        assert (await _record_row(database, hook)).external_id == src.expected["external_id"]


@every_source
async def test_bad_missing_or_stale_signature_is_401_and_stores_nothing(
    src: Source, client: httpx.AsyncClient, database: Database
) -> None:
    org, hook = await _setup(client, src)
    body = src.body()
    good = src.sign(body, "d-1")
    without = {k: v for k, v in good.items() if k not in src.signature_headers}
    reformatted = json.dumps(json.loads(body), indent=1).encode()
    now = int(time.time())
    attempts: dict[str, tuple[bytes, dict[str, str]]] = {
        "missing": (body, without),
        "another secret": (body, src.sign(body, "d-1", secret=src.another_secret())),
        "garbage": (body, {**without, src.signature_headers[0]: "sha256=" + "0" * 64}),
        "empty": (body, {**without, src.signature_headers[0]: ""}),
        "another scheme": (body, src.wrong_scheme(body)),
        # the signature covers the raw bytes: the same JSON re-serialised does not verify
        "re-serialised body": (reformatted, good),
        "another bearer": (body, {"Authorization": "Bearer another-secret-value-0123"}),
    }
    if src.window_setting:  # a timestamped scheme: outside its window, either side
        window = {"glpi": 3 * 24 * 3600, "generic": 5 * 60}[src.name]
        attempts["stale timestamp"] = (body, src.sign(body, "d-1", stamp=now - window - 120))
        attempts["future timestamp"] = (body, src.sign(body, "d-1", stamp=now + window + 120))
    for what, (payload, headers) in attempts.items():
        r = await post_hook(client, hook, payload, headers)
        assert r.status_code == 401, what
        assert r.headers["content-type"] == PROBLEM, what
        assert r.json()["type"] == "urn:certready:problem:signature-rejected", what
    # a valid signature, but on another source's URL of the same integration
    other = next(s for s in SOURCES if s.name != src.name)
    r = await client.post(f"/api/v1/hooks/{hook['id']}/{other.name}", content=body, headers=good)
    assert r.status_code == 401
    assert await _count(database, Delivery, hook) == 0
    assert await _count(database, ItsmRecord, hook) == 0
    # counted per integration (another source's URL is not this integration's receiver)
    assert (await read_integration(client, org, hook))["rejected_count"] == len(attempts)
    # and the good one still goes through
    assert (await post_hook(client, hook, body, good)).status_code == 200


@every_source
async def test_previous_secret_verifies_in_its_grace_period_only(
    src: Source, client: httpx.AsyncClient, database: Database
) -> None:
    org, hook = await _setup(client, src)
    url = f"/api/v1/orgs/{org.slug}/integrations/{hook['id']}/rotate-secret"
    r = await client.post(
        url,
        json={"grace_hours": 1},
        headers={**org.admin.headers, "If-Match": f'"{hook["version"]}"'},
    )
    assert r.status_code == 200, r.text
    new_secret = r.json()["secret"]
    v1, v2, v3 = (src.body(version=n) for n in (1, 2, 3))
    r = await post_hook(client, hook, v1, src.sign(v1, "d-1"))  # the old secret, in grace
    assert r.status_code == 200, r.text
    [d] = await deliveries(client, org, hook)
    assert d["verification"] == f"{src.verification} (previous secret)"
    # the grace period ends: a signature with the old secret is stale
    async with database.transaction() as session:
        await session.execute(
            update(Integration)
            .where(Integration.id == uuid.UUID(hook["id"]))  # type: ignore[arg-type]
            .values(previous_secret_expires_at=datetime.now(UTC) - timedelta(seconds=1))
        )
    r = await post_hook(client, hook, v2, src.sign(v2, "d-2"))
    assert r.status_code == 401
    assert await _count(database, Delivery, hook) == 1
    r = await post_hook(client, hook, v3, src.sign(v3, "d-3", secret=new_secret))
    assert r.status_code == 200 and r.json()["mapping_state"] == "applied"
    assert await _count(database, Delivery, hook) == 2


@every_source
async def test_duplicate_is_2xx_and_stores_no_second_record(
    src: Source, client: httpx.AsyncClient, database: Database
) -> None:
    org, hook = await _setup(client, src)
    body = src.body()
    first = await post_hook(client, hook, body, src.sign(body, "d-1"))
    assert first.status_code == 200 and first.json()["duplicate"] is False
    # the tool's retry: the same replay handle (a timestamped scheme signs it anew)
    for stamp in (int(time.time()) + 1, int(time.time()) + 2):
        r = await post_hook(client, hook, body, src.sign(body, "d-1", stamp=stamp))
        assert r.status_code == 200, r.text
        assert r.json() == {**first.json(), "duplicate": True}
    assert await _count(database, Delivery, hook) == 1
    row = await _record_row(database, hook)
    assert row.delivery_count == 1
    [rec] = await records(client, org)
    assert len((await record(client, org, rec["id"]))["history"]) == 1


@every_source
async def test_update_appends_to_the_history(
    src: Source, client: httpx.AsyncClient, database: Database
) -> None:
    org, hook = await _setup(client, src)
    for n in (1, 2, 3):
        body = src.body(version=n)
        r = await post_hook(client, hook, body, src.sign(body, f"d-{n}"))
        assert r.status_code == 200 and r.json()["mapping_state"] == "applied", (n, r.text)
        [rec] = await records(client, org)
        assert rec["status"] == src.status(n) and rec["delivery_count"] == n
    full = await record(client, org, rec["id"])
    assert [h["mapping_state"] for h in full["history"]] == ["applied"] * 3
    assert len({h["id"] for h in full["history"]}) == 3
    assert full["resolved_at"] is not None
    assert await _count(database, ItsmRecord, hook) == 1
    assert (await _record_row(database, hook)).status == src.status(3)


@every_source
async def test_an_older_update_after_a_newer_one_moves_nothing_back(
    src: Source, client: httpx.AsyncClient, database: Database
) -> None:
    org, hook = await _setup(client, src)
    for n, state in ((1, "applied"), (3, "applied"), (2, "stale")):
        body = src.body(version=n)
        r = await post_hook(client, hook, body, src.sign(body, f"d-{n}"))
        assert r.status_code == 200 and r.json()["mapping_state"] == state, (n, r.text)
    [rec] = await records(client, org)
    assert rec["status"] == src.status(3) and rec["resolved_at"] is not None
    full = await record(client, org, rec["id"])
    assert [h["mapping_state"] for h in full["history"]] == ["applied", "applied", "stale"]
    row = await _record_row(database, hook)
    assert row.status == src.status(3) and row.delivery_count == 3
    assert row.change_counter in (None, 3)  # the newest version's counter, where there is one
    assert await _count(database, Delivery, hook) == 3


@every_source
async def test_unmappable_body_is_kept_with_its_error(
    src: Source, client: httpx.AsyncClient, database: Database
) -> None:
    org, hook = await _setup(client, src)
    bodies = src.unmappable()
    for n, body in enumerate(bodies):
        r = await post_hook(client, hook, body, src.sign(body, f"u-{n}"))
        assert r.status_code == 200, r.text
        assert r.json()["mapping_state"] == "error" and r.json()["record_id"] is None
    log = await deliveries(client, org, hook)
    assert len(log) == len(bodies) and all(d["mapping_error"] for d in log)
    assert {d["body_sha256"] for d in log} == {hashlib.sha256(b).hexdigest() for b in bodies}
    assert await _count(database, Delivery, hook) == len(bodies)
    assert await _count(database, ItsmRecord, hook) == 0
    assert (await read_integration(client, org, hook))["mapping_error_count"] == len(bodies)


@every_source
async def test_rate_limit_is_429_with_retry_after(
    src: Source, client_with: ClientWith, database: Database
) -> None:
    async with client_with(hook_rate_limit=2) as client:
        _, hook = await _setup(client, src)
        codes = []
        for n in range(4):
            body = src.body(ticket=n + 1)
            r = await post_hook(client, hook, body, src.sign(body, f"d-{n}"))
            codes.append(r.status_code)
        assert codes == [200, 200, 429, 429]
        assert int(r.headers["Retry-After"]) >= 1 and r.headers["content-type"] == PROBLEM
    assert await _count(database, Delivery, hook) == 2
    assert await _count(database, ItsmRecord, hook) == 2


# --- what only one tool has ----------------------------------------------------------------


async def test_jira_stored_headers_and_automation_bearer_with_numeric_ids(
    client: httpx.AsyncClient,
) -> None:
    org = await first_run(client)
    vector = VECTORS["jira_admin_webhook_created"]
    jira = await create_integration(client, org, "jira", secret=vector["secret"])
    jira_sample = sample("jira_issue_created.json")
    r = await post_hook(client, jira, jira_sample, vector["headers"])
    assert r.status_code == 200
    detail = await client.get(
        f"/api/v1/orgs/{org.slug}/integrations/{jira['id']}/deliveries/{r.json()['delivery_id']}",
        headers=org.admin.headers,
    )
    assert detail.json()["headers"]["x-hub-signature"] == vector["headers"]["X-Hub-Signature"]
    assert detail.json()["event"] == "jira:issue_created"
    # Automation "Send web request": no envelope, numeric ids, our bearer token
    issue = json.loads(jira_sample)["issue"]
    issue["id"], issue["key"] = 10232, "ITSM-143"
    body = json.dumps(issue).encode()
    r = await post_hook(client, jira, body, {"Authorization": f"Bearer {vector['secret']}"})
    assert r.status_code == 200, r.text
    rec = next(x for x in await records(client, org) if x["external_key"] == "ITSM-143")
    assert rec["external_id"] == "10232" and rec["kind"] == "incident"
    d = next(x for x in await deliveries(client, org, jira) if x["record_id"] == rec["id"])
    assert d["verification"] == "bearer" and d["dedupe_key"].startswith("sha256:")
    detail = await client.get(
        f"/api/v1/orgs/{org.slug}/integrations/{jira['id']}/deliveries/{d['id']}",
        headers=org.admin.headers,
    )
    assert detail.json()["headers"]["authorization"] == "[redacted]"


async def test_servicenow_base64_hmac_bearer_and_display_values(
    client: httpx.AsyncClient, database: Database
) -> None:
    org = await first_run(client)
    secret = "servicenow-test-secret"
    snow = await create_integration(client, org, "servicenow", secret=secret)
    snow_sample = sample("servicenow_incident.json")
    r = await post_hook(client, snow, snow_sample, {"X-Signature": hub(secret, snow_sample)})
    assert r.status_code == 200, r.text
    [rec] = await records(client, org)
    assert rec["closed_at"].startswith("2025-11-24T10:02:55")  # naive UTC in the Table API
    # the same sys_id + sys_mod_count by bearer: a duplicate
    r = await post_hook(client, snow, snow_sample, {"Authorization": f"Bearer {secret}"})
    assert r.status_code == 200 and r.json()["duplicate"] is True
    # generateMac's base64 HMAC, display_value=all objects: a newer version (reopened)
    newer = json.loads(snow_sample)
    newer["result"].update(
        sys_mod_count={"value": "10", "display_value": "10"},
        state={"value": "2", "display_value": "In Progress"},
        sys_updated_on="2025-11-24 11:00:00",
    )
    body = json.dumps(newer).encode()
    b64 = base64.b64encode(_hmac.new(secret.encode(), body, "sha256").digest()).decode()
    r = await post_hook(client, snow, body, {"X-HMAC-Signature": b64})
    assert r.status_code == 200 and r.json()["mapping_state"] == "applied"
    full = await record(client, org, rec["id"])
    assert full["status"] == "in_progress" and full["change_counter"] == 10
    assert full["status_raw"] == "In Progress"
    assert [h["verification"] for h in full["history"]] == ["hmac-sha256", "hmac-sha256-base64"]
    assert await _count(database, Delivery, snow) == 2


async def test_glpi_challenge_and_requeued_delivery(client_with: ClientWith) -> None:
    vector = VECTORS["glpi"]
    async with client_with(glpi_timestamp_tolerance_seconds=10**9) as client:
        org = await first_run(client)
        glpi = await create_integration(
            client,
            org,
            "glpi",
            secret=vector["secret"],
            mapping={"services": {"Business applications": "payroll"}},
        )
        glpi_sample = sample("glpi_ticket_webhook.json")
        r = await post_hook(client, glpi, glpi_sample, vector["headers"])
        assert r.status_code == 200, r.text
        [rec] = await records(client, org)
        assert rec["assignment_group"] == "Service Desk" and rec["service_key"] == "payroll"
        challenge = VECTORS["glpi_cra_challenge"]
        token = challenge["request"].split("crc_token=")[1]
        r = await client.get(glpi["receiver_path"], params={"crc_token": token})
        assert r.status_code == 200 and r.text == challenge["expected_response_body"]
        r = await client.get(f"/api/v1/hooks/{uuid.uuid4()}/glpi", params={"crc_token": token})
        assert r.status_code == 401


async def test_body_limit_is_413(client_with: ClientWith, database: Database) -> None:
    async with client_with(hook_max_body_bytes=4096) as client:
        org = await first_run(client)
        zammad = await create_integration(client, org, "zammad")
        secret = zammad["secret"]
        big = b'{"ticket": {"id": 1, "title": "' + b"x" * 5000 + b'"}}'
        r = await post_hook(client, zammad, big, {"X-Hub-Signature": hub(secret, big, "sha1")})
        assert r.status_code == 413 and r.headers["content-type"] == PROBLEM
    assert await _count(database, Delivery, zammad) == 0
