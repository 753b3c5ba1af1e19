"""Browser tests: the built SPA against the real server, in Debian's headless Chromium.

`live_server` gives each test module a fresh SQLite database and its own
`python -m certready serve` on a free port, serving `frontend/dist`.
Playwright's own browser downloads are never used (no network): Chromium is
`/usr/bin/chromium` from apt (see STACK-NOTES.md section 1).
"""

from __future__ import annotations

import os
import socket
import subprocess
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
STARTUP_TIMEOUT = 120.0  # a loaded 2-core CI machine starts uvicorn slowly


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


@pytest.fixture(scope="module")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A fresh database and server per test module, so modules never depend on each other."""
    if not (SPA_DIR / "index.html").is_file():
        pytest.skip("frontend/dist/index.html missing: build the SPA first (make frontend)")
    from tests.e2e.helpers import own_server

    with own_server(tmp_path_factory.mktemp("e2e")) as base:
        yield base
