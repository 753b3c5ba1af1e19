"""The evidence pack from a real `certready serve` process (SQLite and PostgreSQL): a large
file streams through with flat memory, and a stored file changed on disk cuts the download."""

from __future__ import annotations

import hashlib
import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import psutil
import pytest

from tests.evidence.live import LiveServer, database_url, setup_org
from tests.exports.test_pack import pack_verify

pytestmark = pytest.mark.slow

MiB = 1024 * 1024
BIG = 256 * MiB
RSS_GROWTH_LIMIT = 64 * MiB


class Env:
    def __init__(self, server: LiveServer, slug: str, admin: dict[str, str]) -> None:
        self.server = server
        self.slug = slug
        self.admin = admin

    def client(self) -> httpx.Client:
        return httpx.Client(base_url=self.server.url, headers=self.admin, timeout=300)

    def pack_url(self) -> str:
        return f"/api/v1/orgs/{self.slug}/exports/evidence-pack.zip"


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def live(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Env]:
    tmp = tmp_path_factory.mktemp(f"pack-{request.param}")
    with database_url(request.param, tmp) as url:
        server = LiveServer(tmp / "data", url)
        server.start()
        try:
            slug, admin = setup_org(server.url)
            yield Env(server, slug, admin)
        finally:
            server.stop()


def _big_file(size: int) -> Iterator[bytes]:
    yield b"%PDF-1.7\n"
    sent = 9
    while sent < size:
        n = min(4 * MiB, size - sent)
        yield os.urandom(n)
        sent += n


class RssSampler:
    """The server's peak RSS while something runs (psutil, every 5 ms)."""

    def __init__(self, pid: int) -> None:
        self.proc = psutil.Process(pid)
        self.base = self.proc.memory_info().rss
        self.peak = self.base
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, self.proc.memory_info().rss)
            time.sleep(0.005)

    def __enter__(self) -> RssSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def test_a_large_file_streams_with_flat_memory(live: Env, tmp_path: Path) -> None:
    with live.client() as c:
        r = c.put(
            f"/api/v1/orgs/{live.slug}/evidence/upload",
            params={"title": "Ticket archive", "kind": "record", "filename": "archive.pdf"},
            content=_big_file(BIG),
            headers={"Content-Length": str(BIG)},
        )
        assert r.status_code == 201, r.text
        # one warm-up pack (imports, key generation), then the measured one
        assert c.get(live.pack_url(), params={"clause": "4.1"}).status_code == 200
        assert live.server.proc is not None
        target = tmp_path / "pack.zip"
        pieces = 0
        with RssSampler(live.server.proc.pid) as rss, c.stream("GET", live.pack_url()) as r:
            assert r.status_code == 200
            expected = int(r.headers["content-length"])
            with target.open("wb") as out:
                for chunk in r.iter_bytes():
                    out.write(chunk)
                    pieces += 1
    assert target.stat().st_size == expected > BIG
    assert pieces > 10
    growth = rss.peak - rss.base
    print(f"RSS growth {growth / MiB:.1f} MiB over a {expected / MiB:.0f} MiB pack")
    assert growth < RSS_GROWTH_LIMIT, f"server RSS grew {growth / MiB:.1f} MiB"
    result = pack_verify(target)
    assert result.returncode == 0, result.stdout + result.stderr


def _job(c: httpx.Client, live: Env, job_id: str) -> dict[str, object]:
    r = c.get(f"/api/v1/orgs/{live.slug}/exports/evidence-pack/jobs/{job_id}")
    assert r.status_code == 200, r.text
    job: dict[str, object] = r.json()
    return job


def test_a_pack_job_writes_with_flat_memory_and_reports_progress(live: Env, tmp_path: Path) -> None:
    """The 256 MiB archive of the test above, packed by a job: progress is seen between 0
    and the total, memory stays flat, and the downloaded pack verifies."""
    jobs_url = f"/api/v1/orgs/{live.slug}/exports/evidence-pack/jobs"
    assert live.server.proc is not None
    with live.client() as c, RssSampler(live.server.proc.pid) as rss:
        r = c.post(jobs_url)
        assert r.status_code == 202, r.text
        job_id = r.json()["id"]
        midway = []
        for _ in range(3000):
            job = _job(c, live, job_id)
            if job["status"] in ("done", "failed"):
                break
            if 0 < int(job["bytes_done"]) < int(job["bytes_total"] or 0):  # type: ignore[call-overload]
                midway.append(job["bytes_done"])
            time.sleep(0.02)
        assert job["status"] == "done", job
        assert job["bytes_done"] == job["bytes_total"] == job["size"]
        assert job["files_done"] == job["files_total"]
        target = tmp_path / "job.zip"
        with c.stream("GET", str(job["download_url"])) as r, target.open("wb") as out:
            assert r.status_code == 200
            for chunk in r.iter_bytes():
                out.write(chunk)
    assert midway, "no progress seen between 0 and the total"
    assert hashlib.sha256(target.read_bytes()).hexdigest() == job["sha256"]
    growth = rss.peak - rss.base
    print(f"job: RSS growth {growth / MiB:.1f} MiB over a {int(job['size']) / MiB:.0f} MiB pack")  # type: ignore[call-overload]
    assert growth < RSS_GROWTH_LIMIT, f"server RSS grew {growth / MiB:.1f} MiB"
    result = pack_verify(target)
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_job_killed_with_its_server_is_failed_on_restart(live: Env) -> None:
    """SIGKILL while the job runs; the restarted server marks it failed (not resumed) and
    removes the partial file."""
    jobs_url = f"/api/v1/orgs/{live.slug}/exports/evidence-pack/jobs"
    with live.client() as c:
        r = c.post(jobs_url)
        assert r.status_code == 202, r.text
        job_id = r.json()["id"]
        for _ in range(3000):
            job = _job(c, live, job_id)
            if job["status"] in ("done", "failed") or int(job["bytes_done"]) > 0:  # type: ignore[call-overload]
                break
            time.sleep(0.005)
        assert job["status"] == "running", job  # writing the ZIP
    live.server.kill()
    exports = live.server.data_dir / "exports"
    assert list(exports.rglob(f"{job_id}.zip.part")), "the job was not writing when killed"
    live.server.start()
    with live.client() as c:
        job = _job(c, live, job_id)
        assert job["status"] == "failed", job
        assert "Interrupted" in str(job["error"]) and job["download_url"] is None
        r = c.get(f"{jobs_url}/{job_id}/evidence-pack.zip")
        assert r.status_code == 409
        # a new job works
        r = c.post(jobs_url)
        assert r.status_code == 202, r.text
        again = r.json()["id"]
        for _ in range(3000):
            job = _job(c, live, again)
            if job["status"] in ("done", "failed"):
                break
            time.sleep(0.05)
        assert job["status"] == "done", job
    assert not list(exports.rglob(f"{job_id}.zip*"))


def test_a_file_changed_on_disk_cuts_the_download(live: Env, tmp_path: Path) -> None:
    data = b"%PDF-1.7\n" + os.urandom(3 * MiB)
    with live.client() as c:
        r = c.put(
            f"/api/v1/orgs/{live.slug}/evidence/upload",
            params={
                "title": "Changed later",
                "kind": "record",
                "filename": "changed.pdf",
                "requirement": "4.1",
            },
            content=data,
        )
        assert r.status_code == 201, r.text
        sha = hashlib.sha256(data).hexdigest()
        org_dir = next(p for p in (live.server.data_dir / "evidence").iterdir() if p.name != "tmp")
        blob = org_dir / sha[:2] / sha
        os.chmod(blob, 0o600)
        with blob.open("r+b") as fh:  # same size, one byte changed: only hashing finds it
            fh.seek(MiB)
            fh.write(b"\x00" if data[MiB] else b"\x01")
        received = 0
        with (
            pytest.raises(httpx.RemoteProtocolError),
            c.stream("GET", live.pack_url(), params={"clause": "4.1"}) as r,
        ):
            assert r.status_code == 200
            expected = int(r.headers["content-length"])
            for chunk in r.iter_bytes():
                received += len(chunk)
        assert received < expected
        log = c.get(
            f"/api/v1/orgs/{live.slug}/activity", params={"action": "evidence.integrity_error"}
        ).json()["items"]
        assert any("does not match its SHA-256 (evidence pack)" in e["summary"] for e in log)
