"""Idempotency-Key on uploads and creates (SECURITY.md 2.2, C3, C4)."""

from __future__ import annotations

import anyio
import httpx
from certready.config import Settings
from certready.db.session import Database

from tests.evidence.conftest import blobs, count_rows, temp_files
from tests.factories.auth import add_member, first_run
from tests.factories.evidence import (
    evidence_url,
    pdf_bytes,
    sha256,
    upload_new,
    upload_version,
)


async def test_replay_returns_the_first_response_and_the_same_evidence(
    client: httpx.AsyncClient, database: Database
) -> None:
    org = await first_run(client)
    data = pdf_bytes(200_000)
    first = await upload_new(client, org, data, key="upload-1")
    assert "idempotent-replayed" not in first.headers
    again = await upload_new(client, org, data, key="upload-1")
    assert again.status_code == 201
    assert again.headers["idempotent-replayed"] == "true"
    assert again.json() == first.json()
    assert await count_rows(database, "evidence") == 1
    assert await count_rows(database, "evidence_version") == 1
    # with the digest announced, the replay is decided without reading the body again
    announced = await upload_new(
        client,
        org,
        data,
        key="upload-1",
        headers={**org.admin.headers, "X-Content-SHA256": sha256(data)},
    )
    assert announced.json()["id"] == first.json()["id"]
    assert announced.headers["idempotent-replayed"] == "true"


async def test_same_key_different_file_is_422_and_the_original_is_untouched(
    client: httpx.AsyncClient, settings: Settings, database: Database
) -> None:
    """SECURITY.md C4."""
    org = await first_run(client)
    original = pdf_bytes(50_000)
    item = (await upload_new(client, org, original, key="k-1")).json()
    other = await upload_new(client, org, pdf_bytes(50_000), key="k-1", expect=422)
    assert other.json()["errors"][0]["loc"] == ["header", "idempotency-key"]
    same_file_other_title = await upload_new(
        client, org, original, key="k-1", title="Other", expect=422
    )
    assert same_file_other_title.status_code == 422
    assert await count_rows(database, "evidence") == 1
    assert len(blobs(settings)) == 1 and temp_files(settings) == []
    content = await client.get(
        evidence_url(org, item["id"], "versions", "1", "content"),
        headers=org.admin.headers,
    )
    assert content.content == original


async def test_parallel_uploads_with_one_key_make_one_version(
    client: httpx.AsyncClient, database: Database
) -> None:
    """SECURITY.md C3: one 201, the other 409 (in flight) or the replayed 201."""
    org = await first_run(client)
    item = (await upload_new(client, org, pdf_bytes(1000))).json()
    data = pdf_bytes(3 * 1024 * 1024)
    results: list[httpx.Response] = []

    async def send() -> None:
        results.append(await upload_version(client, org, item["id"], data, key="same", expect=None))

    async with anyio.create_task_group() as tg:
        for _ in range(3):
            tg.start_soon(send)
    statuses = sorted(r.status_code for r in results)
    assert statuses.count(201) >= 1 and set(statuses) <= {201, 409}, statuses
    created = {r.json()["number"] for r in results if r.status_code == 201}
    assert created == {2}
    for r in results:
        if r.status_code == 409:
            assert r.json()["type"].endswith("idempotency-key-in-flight")
            assert r.headers["retry-after"]
    assert await count_rows(database, "evidence_version") == 2
    # once finished, a retry replays
    retry = await upload_version(client, org, item["id"], data, key="same")
    assert retry.json()["number"] == 2 and retry.headers["idempotent-replayed"] == "true"


async def test_failed_attempt_releases_the_key(
    client: httpx.AsyncClient, database: Database
) -> None:
    org = await first_run(client)
    item = (await upload_new(client, org, pdf_bytes(1000))).json()
    await upload_version(
        client,
        org,
        item["id"],
        b"<html></html>",
        key="retry-me",
        filename="x.pdf",
        expect=415,
    )
    ok = await upload_version(client, org, item["id"], pdf_bytes(2000), key="retry-me")
    assert ok.json()["number"] == 2
    assert await count_rows(database, "idempotency_key") == 1


async def test_keys_are_scoped_by_endpoint_and_credential(
    client: httpx.AsyncClient, database: Database
) -> None:
    org = await first_run(client)
    manager = await add_member(client, org, "sms_manager")
    data = pdf_bytes(5000)
    a = (await upload_new(client, org, data, key="shared")).json()
    b = (await upload_new(client, org, data, key="shared", headers=manager.headers)).json()
    assert a["id"] != b["id"]
    v = await upload_version(client, org, a["id"], pdf_bytes(6000), key="shared")
    assert v.status_code == 201 and "idempotent-replayed" not in v.headers
    assert await count_rows(database, "evidence") == 2


async def test_multipart_and_json_creates_replay_too(
    client: httpx.AsyncClient, database: Database
) -> None:
    org = await first_run(client)
    headers = {**org.admin.headers, "Idempotency-Key": "form-1"}
    form = {
        "title": "Incident records",
        "kind": "ticket_export",
        "requirement_refs": "8.6.1",
    }
    files = {"file": ("incidents.csv", b"key,summary\nINC-1,down\n", "text/csv")}
    first = await client.post(evidence_url(org), data=form, files=files, headers=headers)
    again = await client.post(evidence_url(org), data=form, files=files, headers=headers)
    assert first.status_code == again.status_code == 201
    assert again.json()["id"] == first.json()["id"]
    assert again.headers["idempotent-replayed"] == "true"
    changed = await client.post(
        evidence_url(org),
        data=form,
        files={"file": ("incidents.csv", b"key\nINC-2\n", "text/csv")},
        headers=headers,
    )
    assert changed.status_code == 422
    json_headers = {**org.admin.headers, "Idempotency-Key": "json-1"}
    body = {"title": "Statement", "kind": "statement", "description": "We do X."}
    j1 = await client.post(evidence_url(org), json=body, headers=json_headers)
    j2 = await client.post(evidence_url(org), json=body, headers=json_headers)
    assert j2.json()["key"] == j1.json()["key"] and j2.headers["idempotent-replayed"] == "true"
    assert await count_rows(database, "evidence") == 2
    bad = await client.post(
        evidence_url(org),
        json=body,
        headers={**org.admin.headers, "Idempotency-Key": "bad key with spaces"},
    )
    assert bad.status_code == 422
