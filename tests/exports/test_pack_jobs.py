"""Evidence pack jobs (issue 16): the pack made in the background with progress, then
downloaded; the same signed contents as the direct download, per caller and organisation,
failed when a stored file changed, removed after the retention period."""

from __future__ import annotations

import asyncio
import hashlib
import os
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
from certready.config import Settings
from certready.core.clock import utcnow
from certready.db.session import Database
from certready.evidence.storage import EvidenceStore
from certready.exports.pack import jobs

from tests.exports.test_pack import (
    _files,
    download,
    manifest_of,
    openssl_verify,
    seed,
    sha256sum_check,
    unzip,
)
from tests.factories.auth import add_member, second_org
from tests.factories.evidence import sha256


def jobs_url(slug: str) -> str:
    return f"/api/v1/orgs/{slug}/exports/evidence-pack/jobs"


async def start_job(
    client: httpx.AsyncClient, slug: str, headers: dict[str, str], params: Any = None
) -> dict[str, Any]:
    r = await client.post(jobs_url(slug), headers=headers, params=params)
    assert r.status_code == 202, r.text
    job: dict[str, Any] = r.json()
    assert r.headers["location"] == f"{jobs_url(slug)}/{job['id']}"
    assert job["status"] in ("queued", "running", "done")
    return job


async def finished(
    client: httpx.AsyncClient, slug: str, headers: dict[str, str], job_id: str
) -> dict[str, Any]:
    """Poll the job as the SPA does until it is done or failed; the progress never goes
    back and never passes its total."""
    seen = 0
    for _ in range(400):
        r = await client.get(f"{jobs_url(slug)}/{job_id}", headers=headers)
        assert r.status_code == 200, r.text
        job: dict[str, Any] = r.json()
        assert seen <= job["files_done"] <= job["files_total"]
        seen = job["files_done"]
        if job["status"] in ("done", "failed"):
            return job
        await asyncio.sleep(0.05)
    raise AssertionError("the job did not finish")


async def test_a_job_makes_the_pack_the_direct_download_makes(
    client: httpx.AsyncClient, tmp_path: Path, settings: Settings
) -> None:
    s = await seed(client)
    org = s["org"]
    job = await start_job(client, org.slug, org.admin.headers)
    assert job["files_total"] == 2 and job["download_url"] is None
    job = await finished(client, org.slug, org.admin.headers, job["id"])
    assert job["status"] == "done", job
    # progress reached its total
    assert job["files_done"] == job["files_total"] == 2
    assert job["bytes_done"] == job["bytes_total"] == job["size"] > 8000
    assert job["error"] is None and job["expires_at"] is not None
    url = job["download_url"]
    assert url == f"{jobs_url(org.slug)}/{job['id']}/evidence-pack.zip"
    r = await client.get(url, headers=org.admin.headers)
    assert r.status_code == 200, r.text
    assert r.headers["content-type"] == "application/zip"
    assert int(r.headers["content-length"]) == len(r.content) == job["size"]
    assert r.headers["content-disposition"] == f'attachment; filename="{job["filename"]}"'
    assert hashlib.sha256(r.content).hexdigest() == job["sha256"]
    # it verifies as the direct download does, with the same contents
    root = unzip(r.content, tmp_path / "job")
    check = sha256sum_check(root)
    assert check.returncode == 0, check.stdout + check.stderr
    assert len(check.stdout.splitlines()) == 5
    signed = openssl_verify(root)
    assert "Signature Verified Successfully" in signed.stdout, signed.stdout + signed.stderr
    manifest = manifest_of(r.content)
    assert manifest["pack_id"] == job["pack_id"]
    direct = manifest_of(await download(client, org.slug, org.admin.headers))
    assert _files(manifest) == _files(direct) == [("E-1", 2), ("E-2", 1)]
    for key in ("filters", "framework", "items_without_files", "signature", "files"):
        assert manifest[key] == direct[key], key
    assert manifest["files"][0]["sha256"] == s["sha"]["v2"]
    # the file is kept in the exports area until the retention period ends
    kept = settings.exports_dir / str(org.id) / f"{job['id']}.zip"
    assert sha256(kept.read_bytes()) == job["sha256"]
    # the start and the pack are in the activity log
    r = await client.get(
        f"/api/v1/orgs/{org.slug}/activity",
        params={"action": "export.pack_job_started"},
        headers=org.admin.headers,
    )
    (entry,) = r.json()["items"]
    assert entry["object_id"] == job["id"] and entry["actor_name"] == "Ada Admin"
    assert entry["after"]["files"] == 2
    # filters as for the direct download: an external auditor's job packs approved only
    external = await add_member(client, org, "external_auditor")
    theirs = await start_job(client, org.slug, external.headers)
    theirs = await finished(client, org.slug, external.headers, theirs["id"])
    r = await client.get(theirs["download_url"], headers=external.headers)
    assert _files(manifest_of(r.content)) == [("E-1", 2)]


async def test_bad_filters_are_refused_before_a_job_exists(client: httpx.AsyncClient) -> None:
    s = await seed(client)
    org = s["org"]
    r = await client.post(jobs_url(org.slug), params={"clause": "99.9"}, headers=org.admin.headers)
    assert r.status_code == 422 and r.headers["content-type"] == "application/problem+json"
    r = await client.get(
        f"/api/v1/orgs/{org.slug}/activity",
        params={"action": "export.pack_job_started"},
        headers=org.admin.headers,
    )
    assert r.json()["items"] == []


async def test_another_organisation_and_another_member_get_404(
    client: httpx.AsyncClient,
) -> None:
    s = await seed(client)
    org = s["org"]
    job = await start_job(client, org.slug, org.admin.headers)
    job = await finished(client, org.slug, org.admin.headers, job["id"])
    globex = await second_org(client, org)
    own = f"{jobs_url(org.slug)}/{job['id']}"
    # globex's admin: not a member of acme (404), and not globex's job either (404)
    for url in (own, own + "/evidence-pack.zip", f"{jobs_url(globex.slug)}/{job['id']}"):
        r = await client.get(url, headers=globex.admin.headers)
        assert r.status_code == 404, url
        assert r.headers["content-type"] == "application/problem+json"
    # a colleague does not see it either (their pack could hold other evidence)
    manager = s["manager"]
    for url in (own, own + "/evidence-pack.zip"):
        r = await client.get(url, headers=manager.headers)
        assert r.status_code == 404, url
    assert (await client.get(own)).status_code == 401
    assert (await client.get(own, headers=org.admin.headers)).status_code == 200


async def test_a_changed_stored_file_fails_the_job(
    client: httpx.AsyncClient, settings: Settings
) -> None:
    s = await seed(client)
    org = s["org"]
    blob = EvidenceStore(settings.evidence_dir).blob_path(org.id, s["sha"]["other"])  # type: ignore[arg-type]
    os.chmod(blob, 0o600)
    data = bytearray(blob.read_bytes())
    data[100] ^= 0xFF  # same size, other bytes: found while packing
    blob.write_bytes(bytes(data))
    job = await start_job(client, org.slug, org.admin.headers)
    job = await finished(client, org.slug, org.admin.headers, job["id"])
    assert job["status"] == "failed", job
    assert "E-2 version 1" in job["error"] and "SHA-256" in job["error"]
    assert job["sha256"] is None and job["download_url"] is None
    r = await client.get(
        f"{jobs_url(org.slug)}/{job['id']}/evidence-pack.zip", headers=org.admin.headers
    )
    assert r.status_code == 409 and r.headers["content-type"] == "application/problem+json"
    # nothing half-written is left in the exports area
    assert list((settings.exports_dir / str(org.id)).iterdir()) == []
    r = await client.get(
        f"/api/v1/orgs/{org.slug}/activity",
        params={"action": "evidence.integrity_error"},
        headers=org.admin.headers,
    )
    assert any("does not match its SHA-256" in e["summary"] for e in r.json()["items"])


async def test_finished_packs_are_removed_after_the_retention_period(
    client: httpx.AsyncClient, settings: Settings, database: Database
) -> None:
    s = await seed(client)
    org = s["org"]
    job = await start_job(client, org.slug, org.admin.headers)
    job = await finished(client, org.slug, org.admin.headers, job["id"])
    kept = settings.exports_dir / str(org.id) / f"{job['id']}.zip"
    assert kept.is_file()
    # within the period nothing goes
    assert await jobs.cleanup(database, settings) == 0
    later = utcnow() + timedelta(hours=settings.pack_job_retention_hours, minutes=1)
    assert await jobs.cleanup(database, settings, now=later) == 1
    assert not kept.exists()
    r = await client.get(f"{jobs_url(org.slug)}/{job['id']}", headers=org.admin.headers)
    assert r.status_code == 404


async def test_too_many_running_jobs_are_refused(
    client: httpx.AsyncClient, settings: Settings
) -> None:
    s = await seed(client)
    org = s["org"]
    settings.pack_jobs_per_org = 1
    # a second start while the first is under way (the task has not run yet)
    r1 = await client.post(jobs_url(org.slug), headers=org.admin.headers)
    assert r1.status_code == 202
    first = r1.json()
    r2 = await client.post(jobs_url(org.slug), headers=org.admin.headers)
    if r2.status_code == 202:  # the first had already finished
        assert (await finished(client, org.slug, org.admin.headers, first["id"]))[
            "status"
        ] == "done"
    else:
        assert r2.status_code == 409 and "under way" in r2.json()["detail"]
    await jobs.settle()
