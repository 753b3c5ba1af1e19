"""Integrations CRUD (admin only): the secret is shown once and stored encrypted; rotation
keeps the previous secret verifying for its grace period; other organisations see a 404."""

from __future__ import annotations

import httpx
from certready.db.session import Database
from sqlalchemy import text

from tests.factories.auth import add_member, first_run, second_org
from tests.integrations.helpers import (
    PROBLEM,
    create_integration,
    hub,
    integrations_url,
    post_hook,
    read_integration,
    sample,
)

JIRA_BODY = sample("jira_issue_created.json")


async def test_create_shows_the_secret_once_and_stores_it_encrypted(
    client: httpx.AsyncClient, database: Database
) -> None:
    org = await first_run(client)
    created = await create_integration(client, org, "jira")
    secret = created["secret"]
    assert len(secret) >= 32
    assert created["receiver_path"] == f"/api/v1/hooks/{created['id']}/jira"
    assert created["delivery_count"] == 0 and created["enabled"] is True
    again = await read_integration(client, org, created)
    assert "secret" not in again
    listed = await client.get(integrations_url(org), headers=org.admin.headers)
    assert listed.json()["total"] == 1 and "secret" not in listed.json()["items"][0]
    async with database.engine.connect() as conn:
        stored = (await conn.execute(text("SELECT secret_ciphertext FROM integration"))).scalar()
    assert secret not in stored and len(stored) > 50
    # the stored secret verifies a delivery signed with the shown one
    r = await post_hook(client, created, JIRA_BODY, {"X-Hub-Signature": hub(secret, JIRA_BODY)})
    assert r.status_code == 200, r.text
    # a generic (Standard Webhooks) secret has the whsec_ form
    generic = await create_integration(client, org, "generic")
    assert generic["secret"].startswith("whsec_")


async def test_admin_only_and_other_organisations_get_404(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    manager = await add_member(client, org, "sms_manager")
    r = await client.post(
        integrations_url(org), json={"name": "x", "source": "jira"}, headers=manager.headers
    )
    assert r.status_code == 403 and r.headers["content-type"] == PROBLEM
    assert (await client.get(integrations_url(org), headers=manager.headers)).status_code == 403
    created = await create_integration(client, org, "jira")
    other = await second_org(client, org)
    r = await client.get(
        f"/api/v1/orgs/{other.slug}/integrations/{created['id']}", headers=other.admin.headers
    )
    assert r.status_code == 404
    # the manager reads the records (operational evidence) but not the integrations
    r = await client.get(f"/api/v1/orgs/{org.slug}/itsm-records", headers=manager.headers)
    assert r.status_code == 200


async def test_bad_input_is_a_problem_and_changes_nothing(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    for body in (
        {"name": "x", "source": "otrs"},
        {"name": "", "source": "jira"},
        {"name": "x", "source": "jira", "secret": "short"},
        {"name": "x", "source": "jira", "mapping": {"kinds": {"Bug": "defect"}}},
    ):
        r = await client.post(integrations_url(org), json=body, headers=org.admin.headers)
        assert r.status_code == 422, body
        assert r.headers["content-type"] == PROBLEM
    listed = await client.get(integrations_url(org), headers=org.admin.headers)
    assert listed.json()["total"] == 0


async def test_patch_needs_if_match_and_disabling_stops_deliveries(
    client: httpx.AsyncClient,
) -> None:
    org = await first_run(client)
    created = await create_integration(client, org, "jira", secret="jira-test-secret")
    url = f"{integrations_url(org)}/{created['id']}"
    r = await client.patch(url, json={"enabled": False}, headers=org.admin.headers)
    assert r.status_code == 428
    r = await client.patch(
        url, json={"enabled": False}, headers={**org.admin.headers, "If-Match": '"1"'}
    )
    assert r.status_code == 200 and r.json()["enabled"] is False and r.json()["version"] == 2
    r = await post_hook(
        client, created, JIRA_BODY, {"X-Hub-Signature": hub("jira-test-secret", JIRA_BODY)}
    )
    assert r.status_code == 401
    assert (await read_integration(client, org, created))["rejected_count"] == 1
    log = await client.get(
        f"/api/v1/orgs/{org.slug}/activity",
        params={"object_type": "integration"},
        headers=org.admin.headers,
    )
    assert {e["action"] for e in log.json()["items"]} >= {
        "integration.create",
        "integration.update",
    }


async def test_rotation_keeps_the_previous_secret_for_the_grace_period(
    client: httpx.AsyncClient,
) -> None:
    org = await first_run(client)
    created = await create_integration(client, org, "zammad")
    old = created["secret"]
    url = f"{integrations_url(org)}/{created['id']}/rotate-secret"
    r = await client.post(
        url, json={"grace_hours": 24}, headers={**org.admin.headers, "If-Match": '"1"'}
    )
    assert r.status_code == 200, r.text
    new = r.json()["secret"]
    assert new != old and r.json()["previous_secret_expires_at"] is not None

    async def send(secret: str, n: int) -> int:
        body = b'{"ticket": {"id": %d, "title": "t", "state": "new"}}' % n
        headers = {"X-Hub-Signature": hub(secret, body, "sha1"), "X-Zammad-Delivery": str(n)}
        return (await post_hook(client, created, body, headers)).status_code

    assert await send(new, 1) == 200
    assert await send(old, 2) == 200  # within the grace period
    r = await client.post(
        url, json={"grace_hours": 0}, headers={**org.admin.headers, "If-Match": '"2"'}
    )
    newest = r.json()["secret"]
    assert await send(new, 3) == 401 and await send(old, 4) == 401
    assert await send(newest, 5) == 200
