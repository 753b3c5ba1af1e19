"""Downloads are verified and exact; tampering is detected and never served (U7, G2, G6)."""

from __future__ import annotations

import hashlib
import os
import stat
import uuid

import httpx
import pytest
from certready.config import Settings
from certready.db.session import Database
from certready.evidence.integrity import verify_store
from certready.evidence.storage import EvidenceStore
from fastapi import FastAPI
from sqlalchemy import text

from tests.evidence.conftest import blobs
from tests.factories.auth import first_run, second_org
from tests.factories.evidence import (
    evidence_url,
    pdf_bytes,
    sha256,
    upload_new,
    upload_version,
)


def _flip_byte(path: os.PathLike[str], offset: int) -> None:
    os.chmod(path, stat.S_IRUSR | stat.S_IWUSR)
    with open(path, "r+b") as fh:
        fh.seek(offset)
        byte = fh.read(1)
        fh.seek(offset)
        fh.write(bytes([byte[0] ^ 0x01]))


async def test_download_hash_equals_stored_hash_and_etag(
    client: httpx.AsyncClient,
) -> None:
    """SECURITY.md U7, plus the headers every download carries (U3, I8)."""
    org = await first_run(client)
    data = pdf_bytes(3 * 1024 * 1024 + 123)
    item = (await upload_new(client, org, data)).json()
    r = await client.get(
        evidence_url(org, item["id"], "versions", "1", "content"),
        headers=org.admin.headers,
    )
    assert r.status_code == 200
    digest = hashlib.sha256(r.content).hexdigest()
    assert digest == item["current_version"]["sha256"] == sha256(data)
    assert r.headers["etag"] == f'"{digest}"'
    assert r.headers["content-length"] == str(len(data))
    assert r.headers["content-type"] == "application/pdf"
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["content-security-policy"].startswith("sandbox")
    assert r.headers["content-disposition"].startswith("attachment;")
    assert r.headers["accept-ranges"] == "bytes"
    assert r.headers["cache-control"] == "no-store"
    cached = await client.get(
        evidence_url(org, item["id"], "versions", "1", "content"),
        headers={**org.admin.headers, "If-None-Match": r.headers["etag"]},
    )
    assert cached.status_code == 304


@pytest.mark.parametrize(
    ("header", "start", "end"),
    [
        ("bytes=0-0", 0, 0),
        ("bytes=100-1099", 100, 1099),
        ("bytes=1048570-1048580", 1048570, 1048580),
        ("bytes=-500", None, 500),
        ("bytes=2000000-", 2000000, None),
        ("bytes=0-99999999", 0, None),
    ],
)
async def test_single_ranges_return_exact_slices(
    client: httpx.AsyncClient, header: str, start: int | None, end: int | None
) -> None:
    org = await first_run(client)
    data = pdf_bytes(2_500_000, seed=b"range")
    item = (await upload_new(client, org, data)).json()
    r = await client.get(
        evidence_url(org, item["id"], "versions", "1", "content"),
        headers={**org.admin.headers, "Range": header},
    )
    assert r.status_code == 206
    if start is None:
        expected = data[-end:]  # type: ignore[operator]
        first = len(data) - len(expected)
    else:
        expected = data[start : (end + 1 if end is not None else None)]
        first = start
    assert r.content == expected
    assert r.headers["content-range"] == f"bytes {first}-{first + len(expected) - 1}/{len(data)}"
    assert r.headers["etag"] == f'"{sha256(data)}"'


async def test_unsatisfiable_range_is_416_and_others_send_everything(
    client: httpx.AsyncClient,
) -> None:
    org = await first_run(client)
    data = pdf_bytes(1000)
    item = (await upload_new(client, org, data)).json()
    url = evidence_url(org, item["id"], "versions", "1", "content")
    r = await client.get(url, headers={**org.admin.headers, "Range": "bytes=1000-"})
    assert r.status_code == 416
    assert r.headers["content-range"] == "bytes */1000"
    for header in ("bytes=0-1,5-9", "items=0-5", "bytes=9-3"):
        r = await client.get(url, headers={**org.admin.headers, "Range": header})
        assert r.status_code == 200 and r.content == data, header
    stale = await client.get(
        url, headers={**org.admin.headers, "Range": "bytes=0-9", "If-Range": '"other"'}
    )
    assert stale.status_code == 200 and stale.content == data


async def test_flipped_byte_is_refused_logged_and_reported(
    client: httpx.AsyncClient, settings: Settings, database: Database
) -> None:
    """SECURITY.md G2: no corrupted bytes served; verify reports the mismatch."""
    org = await first_run(client)
    data = pdf_bytes(300_000)
    item = (await upload_new(client, org, data)).json()
    (blob,) = blobs(settings)
    _flip_byte(blob, 150_000)
    url = evidence_url(org, item["id"], "versions", "1")
    r = await client.get(url + "/content", headers=org.admin.headers)
    assert r.status_code == 409
    assert r.json()["type"] == "urn:certready:problem:integrity-error"
    assert r.json()["integrity"] == "mismatch"
    assert data[:1000] not in r.content
    ranged = await client.get(
        url + "/content", headers={**org.admin.headers, "Range": "bytes=0-10"}
    )
    assert ranged.status_code == 409
    v = await client.post(url + "/verify", headers=org.admin.headers)
    assert v.status_code == 200
    body = v.json()
    assert body["status"] == "mismatch"
    assert body["sha256"] == sha256(data) != body["actual_sha256"]
    activity = await client.get(
        f"/api/v1/orgs/{org.slug}/activity",
        params={"action": "evidence.integrity_error"},
        headers=org.admin.headers,
    )
    actions = [e["action"] for e in activity.json()["items"]]
    assert actions.count("evidence.integrity_error") >= 3  # two downloads + verify
    report = await verify_store(database, EvidenceStore(settings.evidence_dir), org.slug)
    assert [p["status"] for p in report.problems] == ["mismatch"]
    assert blob.exists()  # nothing deleted or "repaired"


async def test_verify_ok_and_missing(client: httpx.AsyncClient, settings: Settings) -> None:
    org = await first_run(client)
    item = (await upload_new(client, org, pdf_bytes(1000))).json()
    url = evidence_url(org, item["id"], "versions", "1")
    ok = await client.post(url + "/verify", headers=org.admin.headers)
    assert ok.json()["status"] == "ok" and ok.json()["actual_sha256"] == ok.json()["sha256"]
    (blob,) = blobs(settings)
    blob.unlink()
    missing = await client.post(url + "/verify", headers=org.admin.headers)
    assert missing.json()["status"] == "missing"
    r = await client.get(url + "/content", headers=org.admin.headers)
    assert r.status_code == 409 and r.json()["integrity"] == "missing"


async def test_integrity_check_reports_orphans_and_missing_files_and_deletes_nothing(
    client: httpx.AsyncClient, settings: Settings, database: Database
) -> None:
    """SECURITY.md G6, and the same check the CLI runs (`certready evidence verify`)."""
    acme = await first_run(client)
    globex = await second_org(client, acme)
    keep = (await upload_new(client, acme, pdf_bytes(1000))).json()
    lost = (await upload_new(client, acme, pdf_bytes(2000))).json()
    theirs = (await upload_new(client, globex, pdf_bytes(3000))).json()
    store = EvidenceStore(settings.evidence_dir)
    lost_path = store.blob_path(uuid.UUID(acme.id), lost["current_version"]["sha256"])
    lost_path.unlink()
    orphan_sha = sha256(b"orphan")
    orphan = store.blob_path(uuid.UUID(acme.id), orphan_sha)
    orphan.parent.mkdir(parents=True, exist_ok=True)
    orphan.write_bytes(b"orphan")
    stray = settings.evidence_dir / str(uuid.uuid4()) / "ab" / ("ab" + "0" * 62)
    stray.parent.mkdir(parents=True)
    stray.write_bytes(b"x")

    report = await verify_store(database, store, None)
    assert report.checked == 3 and report.ok == 2
    assert [(p["evidence"], p["status"]) for p in report.problems] == [("E-2", "missing")]
    assert {o["file"] for o in report.orphans} == {orphan_sha, stray.name}
    assert [o["unknown_org"] for o in report.orphans if o["file"] == stray.name] == [True]
    assert orphan.exists() and stray.exists()
    only_globex = await verify_store(database, store, globex.slug)
    assert only_globex.checked == 1 and only_globex.clean
    async with database.engine.connect() as conn:
        logged = (
            await conn.execute(
                text(
                    "SELECT count(*) FROM activity_entry WHERE action = 'evidence.integrity_error'"
                )
            )
        ).scalar_one()
    assert logged == 1
    assert keep["id"] and theirs["id"]


async def test_store_dedupes_within_an_org_not_across_orgs(
    client: httpx.AsyncClient, settings: Settings
) -> None:
    acme = await first_run(client)
    globex = await second_org(client, acme)
    data = pdf_bytes(5000)
    a = (await upload_new(client, acme, data)).json()
    await upload_version(client, acme, a["id"], data)
    await upload_new(client, acme, data, title="Same file again")
    await upload_new(client, globex, data)
    paths = [p.relative_to(settings.evidence_dir).parts[0] for p in blobs(settings)]
    assert sorted(paths) == sorted([acme.id, globex.id])


async def test_a_range_after_a_verified_download_is_not_rehashed_until_the_file_changes(
    client: httpx.AsyncClient, app: FastAPI, settings: Settings
) -> None:
    """A 1-byte Range must not cost a read of the whole file (no amplification); a file
    changed behind the cache is re-hashed and refused, even with its mtime put back."""
    org = await first_run(client)
    data = pdf_bytes(300_000)
    item = (await upload_new(client, org, data)).json()
    (blob,) = blobs(settings)
    url = evidence_url(org, item["id"], "versions", "1", "content")
    one_byte = {**org.admin.headers, "Range": "bytes=0-0"}
    cache = app.state.verified_hashes

    r = await client.get(url, headers=one_byte)  # never verified in this process: hashed
    assert (r.status_code, r.content, cache.hits) == (206, data[:1], 0)
    for expected_hits in (1, 2):
        r = await client.get(url, headers=one_byte)
        assert (r.status_code, r.content, cache.hits) == (206, data[:1], expected_hits)
    r = await client.get(url, headers=org.admin.headers)  # a full download always re-hashes
    assert (r.status_code, r.content, cache.hits) == (200, data, 2)
    # a Range the server ignores (several ranges) is a full download: re-hashed too
    r = await client.get(url, headers={**org.admin.headers, "Range": "bytes=0-0,5-6"})
    assert (r.status_code, cache.hits) == (200, 2)

    # one byte flipped far from the requested range, the mtime set back afterwards
    before = os.stat(blob)
    _flip_byte(blob, 200_000)
    os.utime(blob, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert os.stat(blob).st_size == before.st_size
    r = await client.get(url, headers=one_byte)
    assert r.status_code == 409, r.text
    assert r.json()["integrity"] == "mismatch"
    assert cache.hits == 2
    r = await client.get(url, headers=one_byte)  # and it stays refused
    assert r.status_code == 409
