"""Evidence lists, filters, metadata, links, archive, activity and query counts."""

from __future__ import annotations

import httpx
from certready.db.session import Database

from tests.conftest import QueryCounter
from tests.evidence.conftest import count_rows
from tests.factories.auth import add_member, first_run
from tests.factories.evidence import (
    create_statement,
    evidence_url,
    pdf_bytes,
    upload_new,
    upload_version,
)


async def _keys(client: httpx.AsyncClient, org, **params) -> list[str]:  # type: ignore[no-untyped-def]
    r = await client.get(evidence_url(org), params=params, headers=org.admin.headers)
    assert r.status_code == 200, r.text
    return [e["key"] for e in r.json()["items"]]


async def test_filters(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    manager = await add_member(client, org, "sms_manager")
    a = (
        await upload_new(
            client,
            org,
            pdf_bytes(100),
            title="Incident export March",
            kind="ticket_export",
            params={
                "requirement": "8.6.1",
                "tag": "itsm",
                "source": "integration:jira",
                "external_ref": "JIRA-77",
            },
        )
    ).json()
    b = (
        await upload_new(
            client,
            org,
            pdf_bytes(200),
            title="Change procedure",
            kind="procedure",
            params={
                "requirement": ["8.5.1.2"],
                "fulfils": "D10",
                "owner_id": manager.user_id,
            },
        )
    ).json()
    c = await create_statement(
        client,
        org,
        requirement_refs=["6.1"],
        documented_information_keys=["D1"],
        tags=["scope"],
    )
    assert await _keys(client, org) == ["E-3", "E-2", "E-1"]
    assert await _keys(client, org, requirement="8.6.1") == [a["key"]]
    assert await _keys(client, org, requirement="8") == [b["key"], a["key"]]
    assert await _keys(client, org, requirement="8.5") == [b["key"]]
    assert await _keys(client, org, requirement="8.6.1.9") == []
    assert await _keys(client, org, documented_information="D10") == [b["key"]]
    assert await _keys(client, org, kind="statement") == [c["key"]]
    assert await _keys(client, org, source="integration:jira") == [a["key"]]
    assert await _keys(client, org, tag="itsm") == [a["key"]]
    assert await _keys(client, org, owner_id=manager.user_id) == [b["key"]]
    assert await _keys(client, org, q="march") == [a["key"]]
    assert await _keys(client, org, q="jira-77") == [a["key"]]
    assert await _keys(client, org, q="E-2") == [b["key"]]
    assert await _keys(client, org, q="100%") == []
    assert await _keys(client, org, status="draft") == ["E-3", "E-2", "E-1"]
    assert await _keys(client, org, status="approved") == []
    page = await client.get(evidence_url(org), params={"limit": 2}, headers=org.admin.headers)
    body = page.json()
    assert body["total"] == 3 and len(body["items"]) == 2 and body["next_cursor"]
    rest = await client.get(
        evidence_url(org),
        params={"limit": 2, "cursor": body["next_cursor"]},
        headers=org.admin.headers,
    )
    assert [e["key"] for e in rest.json()["items"]] == ["E-1"]
    bad = await client.get(evidence_url(org), params={"limit": 501}, headers=org.admin.headers)
    assert bad.status_code == 422


async def test_archive_keeps_versions_and_leaves_normal_lists(
    client: httpx.AsyncClient, database: Database
) -> None:
    org = await first_run(client)
    data = pdf_bytes(1234)
    item = (await upload_new(client, org, data)).json()
    other = (await upload_new(client, org, pdf_bytes(99), title="Other")).json()
    r = await client.post(
        evidence_url(org, item["id"], "archive"),
        json={"reason": "superseded by E-2"},
        headers=org.admin.headers,
    )
    assert r.status_code == 200 and r.json()["archived"] is True
    assert await _keys(client, org) == [other["key"]]
    assert await _keys(client, org, archived="true") == [item["key"]]
    again = await client.post(evidence_url(org, item["id"], "archive"), headers=org.admin.headers)
    assert again.status_code == 409
    content = await client.get(
        evidence_url(org, item["id"], "versions", "1", "content"),
        headers=org.admin.headers,
    )
    assert content.content == data
    log = await client.get(
        f"/api/v1/orgs/{org.slug}/activity",
        params={"action": "evidence.archive"},
        headers=org.admin.headers,
    )
    assert "superseded by E-2" in log.json()["items"][0]["summary"]
    back = await client.post(evidence_url(org, item["id"], "unarchive"), headers=org.admin.headers)
    assert back.status_code == 200 and back.json()["archived"] is False
    assert await count_rows(database, "evidence_version") == 2


async def test_links_add_and_remove_with_activity(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    item = await create_statement(client, org)
    url = evidence_url(org, item["id"])
    r = await client.post(url + "/requirements/8.6.1", headers=org.admin.headers)
    assert r.status_code == 200 and r.json()["requirement_refs"] == ["8.6.1"]
    r = await client.post(url + "/requirements/8.6.1", headers=org.admin.headers)
    assert r.json()["requirement_refs"] == ["8.6.1"]
    assert (
        await client.post(url + "/requirements/99.1", headers=org.admin.headers)
    ).status_code == 422
    assert (
        await client.post(url + "/requirements/8.6.1;drop", headers=org.admin.headers)
    ).status_code == 422
    r = await client.post(url + "/documented-information/R3", headers=org.admin.headers)
    assert r.json()["documented_information_keys"] == ["R3"]
    assert (
        await client.delete(url + "/requirements/8.6.1", headers=org.admin.headers)
    ).status_code == 204
    assert (
        await client.delete(url + "/requirements/8.6.1", headers=org.admin.headers)
    ).status_code == 404
    assert (
        await client.delete(url + "/documented-information/R3", headers=org.admin.headers)
    ).status_code == 204
    now = (await client.get(url, headers=org.admin.headers)).json()
    assert now["requirement_refs"] == [] and now["documented_information_keys"] == []
    log = await client.get(
        f"/api/v1/orgs/{org.slug}/activity",
        params={"object_id": item["id"]},
        headers=org.admin.headers,
    )
    actions = [e["action"] for e in log.json()["items"]]
    assert actions.count("evidence.link") == 2 and actions.count("evidence.unlink") == 2
    viewer = await add_member(client, org, "viewer")
    assert (
        await client.post(url + "/requirements/8.6.1", headers=viewer.headers)
    ).status_code == 403


async def test_patch_needs_if_match_and_forbids_server_fields(
    client: httpx.AsyncClient,
) -> None:
    org = await first_run(client)
    item = (await upload_new(client, org, pdf_bytes(100))).json()
    url = evidence_url(org, item["id"])
    got = await client.get(url, headers=org.admin.headers)
    etag = got.headers["etag"]
    body = {"title": "Policy v2", "valid_until": "2027-06-30", "tags": ["a", "a", "b"]}
    assert (await client.patch(url, json=body, headers=org.admin.headers)).status_code == 428
    ok = await client.patch(url, json=body, headers={**org.admin.headers, "If-Match": etag})
    assert ok.status_code == 200, ok.text
    assert ok.json()["title"] == "Policy v2" and ok.json()["tags"] == ["a", "b"]
    stale = await client.patch(
        url, json={"title": "x"}, headers={**org.admin.headers, "If-Match": etag}
    )
    assert stale.status_code == 412
    for field, value in (
        ("status", "approved"),
        ("sha256", "0" * 64),
        ("org_id", org.id),
        ("source", "ui"),
    ):
        r = await client.patch(
            url, json={field: value}, headers={**org.admin.headers, "If-Match": "*"}
        )
        assert r.status_code == 422, field


async def test_statement_text_change_needs_a_new_approval(
    client: httpx.AsyncClient,
) -> None:
    org = await first_run(client)
    manager = await add_member(client, org, "sms_manager")
    item = await create_statement(client, org)
    url = evidence_url(org, item["id"])
    await client.post(url + "/transitions", json={"to": "in_review"}, headers=org.admin.headers)
    r = await client.post(url + "/transitions", json={"to": "approved"}, headers=manager.headers)
    assert r.json()["status"] == "approved"
    r = await client.patch(
        url,
        json={"description": "Changed text"},
        headers={**org.admin.headers, "If-Match": "*"},
    )
    assert r.json()["status"] == "draft"


async def test_list_and_read_use_a_constant_number_of_queries(
    client: httpx.AsyncClient, count_queries: QueryCounter
) -> None:
    """No N+1: versions and links of a page load in a fixed number of statements."""
    org = await first_run(client)

    async def add(n: int) -> None:
        for i in range(n):
            item = (
                await upload_new(
                    client,
                    org,
                    pdf_bytes(100 + i),
                    title=f"Item {i}",
                    params={"requirement": ["8.6.1", "8.6.2"], "fulfils": ["R3"]},
                )
            ).json()
            await upload_version(client, org, item["id"], pdf_bytes(200 + i))
            await create_statement(client, org, requirement_refs=["6.1"])

    async def measure() -> int:
        count_queries.count = 0
        r = await client.get(evidence_url(org), headers=org.admin.headers)
        assert r.status_code == 200
        return count_queries.count

    await add(2)
    small = await measure()
    await add(8)
    large = await measure()
    assert small == large, (small, large)
    assert large <= 8
