"""Browser tests: the built SPA against the real server, in Debian's headless Chromium.

`live_server` migrates a fresh SQLite database in a temp dir, starts
`python -m certready serve` on a free port and serves `frontend/dist` from it.
Playwright's own browser downloads are never used (no network): Chromium is
`/usr/bin/chromium` from apt (see STACK-NOTES.md section 1).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
SPA_DIR = REPO / "frontend" / "dist"
CHROMIUM = os.environ.get("CERTREADY_E2E_CHROMIUM", "/usr/bin/chromium")
STARTUP_TIMEOUT = 30.0


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} not installed (apt-get install -y chromium)")
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "headless": True,
        "args": [
            "--no-sandbox",
            "--disable-dev-shm-usage",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-quic",
            "--no-first-run",
        ],
    }


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _wait_healthy(url: str, proc: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + STARTUP_TIMEOUT
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}:\n{log.read_text()[-4000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2) as resp:
                if resp.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.2)
    raise RuntimeError(
        f"server not healthy after {STARTUP_TIMEOUT:.0f} s:\n{log.read_text()[-4000:]}"
    )


@pytest.fixture(scope="session")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    if not (SPA_DIR / "index.html").is_file():
        pytest.skip(
            "frontend/dist/index.html missing: build the SPA first (cd frontend && npm ci && npm run build)"
        )
    tmp = tmp_path_factory.mktemp("e2e")
    env = {
        **os.environ,
        "CERTREADY_DATA_DIR": str(tmp),
        "CERTREADY_DATABASE_URL": f"sqlite+aiosqlite:///{tmp / 'e2e.db'}",
        "CERTREADY_SPA_DIR": str(SPA_DIR),
        "CERTREADY_ENV": "development",
    }
    subprocess.run(
        [sys.executable, "-m", "certready", "migrate"],
        env=env,
        cwd=REPO,
        check=True,
        capture_output=True,
        timeout=120,
    )
    port = _free_port()
    log = tmp / "server.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "certready",
                "serve",
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
            ],
            env=env,
            cwd=REPO,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(f"{base}/api/v1/health", proc, log)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(5)


@pytest.fixture(scope="session")
def base_url(live_server: str) -> str:
    """Overrides pytest-playwright's base_url so `page.goto("/")` hits the live server."""
    return live_server
