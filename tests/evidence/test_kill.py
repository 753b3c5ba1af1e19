"""SECURITY.md F1: SIGKILL the real server mid-upload; nothing partial survives a restart."""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.evidence.live import LiveServer, database_url, make_token, setup_org

SIZE = 64 * 1024 * 1024
CHUNK = 256 * 1024
KEY = "kill-test-upload-1"


def _versions(url: str, slug: str, headers: dict[str, str], evidence: str) -> list[dict]:
    with httpx.Client(base_url=url, timeout=30) as c:
        r = c.get(f"/api/v1/orgs/{slug}/evidence/{evidence}/versions", headers=headers)
        assert r.status_code == 200, r.text
        items: list[dict] = r.json()["items"]
        return items


def _tmp_files(data_dir: Path) -> list[Path]:
    tmp = data_dir / "evidence" / "tmp"
    return list(tmp.iterdir()) if tmp.is_dir() else []


@pytest.mark.slow
@pytest.mark.parametrize("db_kind", ["sqlite", "postgresql"])
def test_sigkill_mid_upload_leaves_nothing_and_the_retry_makes_one_version(
    tmp_path: Path, db_kind: str
) -> None:
    data = b"%PDF-1.7\n" + os.urandom(SIZE - 9)
    digest = hashlib.sha256(data).hexdigest()
    try:
        db_ctx = database_url(db_kind, tmp_path)
        db_url = db_ctx.__enter__()
    except Exception as exc:  # PostgreSQL not reachable here
        if db_kind == "postgresql" and os.environ.get("CI") != "true":
            pytest.skip(f"PostgreSQL not reachable: {exc}")
        raise
    server = LiveServer(tmp_path / "data", db_url)
    try:
        server.start()
        slug, admin = setup_org(server.url)
        token = {
            "Authorization": f"Bearer {make_token(server.url, slug, admin, ['evidence:write'])}"
        }
        with httpx.Client(base_url=server.url, timeout=60) as c:
            r = c.put(
                f"/api/v1/orgs/{slug}/evidence/upload",
                params={
                    "title": "Nightly CMDB export",
                    "kind": "record",
                    "filename": "cmdb.pdf",
                },
                content=b"%PDF-1.7\nfirst",
                headers=token,
            )
            assert r.status_code == 201, r.text
            evidence = r.json()["id"]

        url = f"/api/v1/orgs/{slug}/evidence/{evidence}/versions/new"
        headers = {
            **token,
            "Idempotency-Key": KEY,
            "Content-Length": str(len(data)),
            "Content-Type": "application/octet-stream",
        }

        def body_then_kill() -> Iterator[bytes]:
            for offset in range(0, len(data), CHUNK):
                if offset == len(data) // 2:
                    # the server has the temp file open and the key reserved: kill it now
                    deadline = time.monotonic() + 10
                    while not _tmp_files(server.data_dir) and time.monotonic() < deadline:
                        time.sleep(0.05)
                    assert _tmp_files(server.data_dir), "upload never reached the store"
                    server.kill()
                yield data[offset : offset + CHUNK]

        with (
            httpx.Client(base_url=server.url, timeout=60) as c,
            pytest.raises(httpx.TransportError),
        ):
            c.put(
                url,
                params={"filename": "cmdb.pdf"},
                content=body_then_kill(),
                headers=headers,
            )
        assert _tmp_files(server.data_dir)  # the crash left its partial temp file behind

        server.start()
        assert _tmp_files(server.data_dir) == [], "start-up sweep left temp files"
        assert [v["number"] for v in _versions(server.url, slug, admin, evidence)] == [1]

        with httpx.Client(base_url=server.url, timeout=120) as c:
            r = c.put(url, params={"filename": "cmdb.pdf"}, content=data, headers=headers)
            assert r.status_code == 201, r.text
            assert r.json()["sha256"] == digest and r.json()["number"] == 2
            again = c.put(url, params={"filename": "cmdb.pdf"}, content=data, headers=headers)
            assert again.status_code == 201 and again.headers["idempotent-replayed"] == "true"
            content = c.get(
                f"/api/v1/orgs/{slug}/evidence/{evidence}/versions/2/content",
                headers=admin,
            )
            assert hashlib.sha256(content.content).hexdigest() == digest
        versions = _versions(server.url, slug, admin, evidence)
        assert (versions[0]["number"], versions[0]["sha256"]) == (2, digest)
        assert len(versions) == 2
        verify = server.run_cli("evidence", "verify", "--json")
        assert verify.returncode == 0, verify.stdout + verify.stderr
    finally:
        server.stop()
        db_ctx.__exit__(None, None, None)
