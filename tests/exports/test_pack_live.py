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
