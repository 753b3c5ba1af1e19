"""Every write of the foundation leaves an activity entry, in the same transaction."""

from __future__ import annotations

import httpx
import pytest
from sqlalchemy import text

from tests.factories.auth import add_member, first_run


async def test_each_write_is_in_the_activity_log(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    member = await add_member(client, org, "viewer")
    await client.patch(
        f"/api/v1/orgs/{org.slug}",
        json={"certification_body": "CB Ltd"},
        headers={**org.admin.headers, "If-Match": "*"},
    )
    await client.patch(
        f"/api/v1/orgs/{org.slug}/members/{member.user_id}",
        json={"role": "auditor"},
        headers=org.admin.headers,
    )
    await client.delete(
        f"/api/v1/orgs/{org.slug}/members/{member.user_id}", headers=org.admin.headers
    )
    r = await client.get(f"/api/v1/orgs/{org.slug}/activity", headers=org.admin.headers)
    assert r.status_code == 200
    items = r.json()["items"]
    assert [i["action"] for i in items] == [
        "member.remove",
        "member.update",
        "org.update",
        "invitation.accept",
        "invitation.create",
        "member.add",
        "org.create",
    ]
    update = items[2]
    assert update["actor_name"] == "Ada Admin"
    assert update["before"] == {"certification_body": ""}
    assert update["after"] == {"certification_body": "CB Ltd"}
    role = items[1]
    assert role["before"] == {"role": "viewer"} and role["after"] == {"role": "auditor"}
    filtered = await client.get(
        f"/api/v1/orgs/{org.slug}/activity",
        params={"object_type": "organisation"},
        headers=org.admin.headers,
    )
    assert [i["action"] for i in filtered.json()["items"]] == ["org.update", "org.create"]


async def test_refused_write_leaves_no_activity(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    before = (
        await client.get(f"/api/v1/orgs/{org.slug}/activity", headers=org.admin.headers)
    ).json()["total"]
    r = await client.patch(
        f"/api/v1/orgs/{org.slug}",
        json={"name": "X"},
        headers={**org.admin.headers, "If-Match": '"99"'},
    )
    assert r.status_code == 412
    after = (
        await client.get(f"/api/v1/orgs/{org.slug}/activity", headers=org.admin.headers)
    ).json()["total"]
    assert after == before


async def test_activity_log_is_append_only_in_the_database(
    client: httpx.AsyncClient, database
) -> None:  # type: ignore[no-untyped-def]
    await first_run(client)
    for statement in ("UPDATE activity_entry SET summary = 'forged'", "DELETE FROM activity_entry"):
        with pytest.raises(Exception, match="append-only"):
            async with database.transaction() as session:
                await session.execute(text(statement))
    async with database.transaction() as session:
        count = (await session.execute(text("SELECT count(*) FROM activity_entry"))).scalar_one()
    assert count == 2  # org.create + the admin joining
