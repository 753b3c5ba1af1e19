"""`certready evidence upload | list | verify` against a real running server on SQLite and
PostgreSQL; every HTTP call of the CLI goes through the generated client (clients/python)."""

from __future__ import annotations

import json
import os
import pty
import stat
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.evidence.live import REPO, LiveServer, database_url, make_token, setup_org

pytestmark = pytest.mark.slow


class Env:
    def __init__(self, server: LiveServer, slug: str, admin: dict[str, str], token: str) -> None:
        self.server = server
        self.slug = slug
        self.admin = admin
        self.token = token

    def cli(self, *args: str, token: str | None = None, **env: str) -> tuple[int, dict | None, str]:
        result = self.server.run_cli(
            "evidence",
            *args,
            env={
                "CERTREADY_URL": self.server.url,
                "CERTREADY_TOKEN": token or self.token,
                **env,
            },
        )
        try:
            body = json.loads(result.stdout) if "--json" in args else None
        except json.JSONDecodeError:
            body = None
        return result.returncode, body, result.stdout + result.stderr

    def evidence(self) -> list[dict]:
        with httpx.Client(base_url=self.server.url, timeout=30) as c:
            r = c.get(f"/api/v1/orgs/{self.slug}/evidence", headers=self.admin)
            items: list[dict] = r.json()["items"]
            return items


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def live(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Env]:
    tmp = tmp_path_factory.mktemp(f"cli-{request.param}")
    with database_url(request.param, tmp) as url:
        server = LiveServer(tmp / "data", url)
        server.start()
        try:
            slug, admin = setup_org(server.url)
            token = make_token(server.url, slug, admin, ["evidence:write"])
            yield Env(server, slug, admin, token)
        finally:
            server.stop()


def _files(tmp_path: Path) -> list[Path]:
    a = tmp_path / "availability-report.pdf"
    a.write_bytes(b"%PDF-1.7\n" + os.urandom(3 * 1024 * 1024))
    folder = tmp_path / "exports"
    folder.mkdir()
    (folder / "incidents.csv").write_text("key,summary\nINC-1,Mail down\n")
    (folder / "changes.json").write_text('[{"key": "CHG-7"}]')
    (folder / ".hidden.txt").write_text("not uploaded")
    return [a, folder]


def test_upload_then_rerun_makes_no_duplicates(live: Env, tmp_path: Path) -> None:
    paths = [str(p) for p in _files(tmp_path)]
    before = len(live.evidence())
    code, body, out = live.cli(
        "upload",
        *paths,
        "--requirement",
        "8.6.1",
        "--requirement",
        "9.1",
        "--kind",
        "report",
        "--title",
        "Monthly service report",
        "--fulfils",
        "R7",
        "--json",
    )
    assert code == 0, out
    assert body is not None and body["org"] == live.slug
    assert [r["status"] for r in body["results"]] == ["uploaded"] * 3
    assert live.token not in out  # the token is never echoed
    items = live.evidence()
    assert len(items) == before + 3
    made = {r["evidence"] for r in body["results"]}
    for item in items:
        if item["key"] in made:
            assert item["source"] == "cli"
            assert item["requirement_refs"] == ["8.6.1", "9.1"]
            assert item["documented_information_keys"] == ["R7"]
            assert item["title"].startswith("Monthly service report: ")
    code, again, out = live.cli(
        "upload",
        *paths,
        "--requirement",
        "8.6.1",
        "--requirement",
        "9.1",
        "--kind",
        "report",
        "--title",
        "Monthly service report",
        "--fulfils",
        "R7",
        "--json",
    )
    assert code == 0, out
    assert again is not None
    assert [r["status"] for r in again["results"]] == ["replayed"] * 3
    assert {r["evidence"] for r in again["results"]} == made
    assert len(live.evidence()) == before + 3


def test_new_version_of_an_item(live: Env, tmp_path: Path) -> None:
    first = tmp_path / "policy.pdf"
    first.write_bytes(b"%PDF-1.7\nversion one")
    code, body, out = live.cli(
        "upload", str(first), "--kind", "policy", "--title", "Policy", "--json"
    )
    assert code == 0, out
    key = body["results"][0]["evidence"]  # type: ignore[index]
    second = tmp_path / "policy-v2.pdf"
    second.write_bytes(b"%PDF-1.7\nversion two")
    code, body, out = live.cli("upload", str(second), "--evidence", key, "--json")
    assert code == 0, out
    assert body["results"][0]["version"] == 2  # type: ignore[index]
    code, body, out = live.cli("upload", str(second), "--evidence", key, "--json")
    assert body["results"][0]["status"] == "replayed" and body["results"][0]["version"] == 2  # type: ignore[index]
    code, _, out = live.cli("list")
    assert code == 0 and key in out


def test_partial_and_rejected_exit_codes(live: Env, tmp_path: Path) -> None:
    good = tmp_path / "ok.txt"
    good.write_text("fine\n")
    bad = tmp_path / "page.html"
    bad.write_text("<html></html>")
    code, body, out = live.cli("upload", str(good), str(bad), "--json")
    assert code == 3, out
    assert [r["status"] for r in body["results"]] == ["uploaded", "rejected"]  # type: ignore[index]
    assert body["results"][1]["error"]["status"] == 415  # type: ignore[index]
    code, body, out = live.cli("upload", str(bad), "--json")
    assert code == 5, out
    code, _, out = live.cli("upload", str(good), "--evidence", "E-9999")
    assert code == 5, out


def test_auth_and_usage_exit_codes(live: Env, tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("x\n")
    code, _, out = live.cli("upload", str(f), token="crt_" + "x" * 43)
    assert code == 4, out
    assert "crt_xxxx" not in out
    reader = make_token(live.server.url, live.slug, live.admin, ["evidence:read"])
    code, _, out = live.cli("upload", str(f), token=reader)
    assert code == 4, out
    code, _, out = live.cli("upload", str(tmp_path / "missing.pdf"))
    assert code == 2, out
    code, _, out = live.cli("upload", str(f), CERTREADY_URL="")
    assert code == 2, out


def test_verify_reports_tampering(live: Env, tmp_path: Path) -> None:
    code, _, out = live.cli("verify")
    assert code == 0, out
    root = live.server.data_dir / "evidence"
    blobs = sorted(p for p in root.glob("*/*/*") if p.relative_to(root).parts[0] != "tmp")
    target = blobs[0]
    os.chmod(target, stat.S_IRUSR | stat.S_IWUSR)
    original = target.read_bytes()
    try:
        target.write_bytes(original[:-1] + bytes([original[-1] ^ 1]))
        code, body, out = live.cli("verify", "--json")
        assert code == 1, out
        assert [p["status"] for p in body["problems"]] == ["mismatch"]  # type: ignore[index]
        assert target.exists()
    finally:
        target.write_bytes(original)


def test_upload_streams_with_progress(live: Env, tmp_path: Path) -> None:
    """Through the generated client, the file is read piece by piece while it is sent
    (never whole), and every byte is reported to the progress callback."""
    from certready.evidence import client as c

    big = tmp_path / "capacity-report.pdf"
    big.write_bytes(b"%PDF-1.7\n" + os.urandom(5 * 1024 * 1024))
    pieces: list[int] = []
    with c.Client(live.server.url, live.token) as api:
        result = api.upload(
            live.slug, big, c.UploadOptions(kind="report"), "Capacity", pieces.append
        )
    assert result.status == "uploaded", result.error
    assert sum(pieces) == big.stat().st_size
    assert len(pieces) >= 5 and max(pieces) <= c.CHUNK


def test_progress_bar_on_a_terminal(live: Env, tmp_path: Path) -> None:
    """On a terminal the CLI draws a progress bar on stderr; piped, it prints none."""
    f = tmp_path / "backup-log.txt"
    f.write_bytes(os.urandom(2 * 1024 * 1024).hex().encode())
    master, slave = pty.openpty()
    out = bytearray()
    reader = threading.Thread(target=_drain, args=(master, out), daemon=True)
    reader.start()
    env = {**live.server.env, "CERTREADY_URL": live.server.url, "CERTREADY_TOKEN": live.token}
    done = subprocess.run(
        [sys.executable, "-m", "certready", "evidence", "upload", str(f), "--kind", "record"],
        env={**env, "COLUMNS": "120", "TERM": "xterm"},
        cwd=REPO,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=slave,
        timeout=120,
        check=False,
    )
    os.close(slave)
    reader.join(10)
    os.close(master)
    assert done.returncode == 0, out.decode(errors="replace")
    drawn = out.decode(errors="replace")
    assert "backup-log.txt" in drawn and "MB" in drawn, drawn
    assert b"uploaded" in done.stdout
    _, _, piped = live.cli("upload", str(f), "--kind", "record")
    assert "MB" not in piped and "replayed" in piped


def _drain(fd: int, into: bytearray) -> None:
    while True:
        try:
            data = os.read(fd, 4096)
        except OSError:
            return
        if not data:
            return
        into.extend(data)
