"""A real `python -m certready serve` process on a temp data dir (SQLite or PostgreSQL)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import psycopg

from tests.conftest import _pg_admin_url
from tests.factories.auth import PASSWORD

REPO = Path(__file__).resolve().parents[2]
STARTUP_TIMEOUT = 300.0  # importing the app takes ~10 s of CPU, far longer when loaded


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@contextmanager
def database_url(kind: str, tmp: Path) -> Iterator[str]:
    if kind == "sqlite":
        yield f"sqlite+aiosqlite:///{tmp / 'live.db'}"
        return
    admin = _pg_admin_url()
    plain = admin.replace("postgresql+psycopg://", "postgresql://")
    name = f"certready_live_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(plain, autocommit=True, connect_timeout=3) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield admin.rsplit("/", 1)[0] + "/" + name
    finally:
        with psycopg.connect(plain, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


class LiveServer:
    def __init__(
        self,
        data_dir: Path,
        db_url: str,
        command: list[str] | None = None,
        migrate: bool = True,
    ) -> None:
        self.data_dir = data_dir
        # what runs the server (``--port`` is appended): `certready serve` unless told
        self.command = command or [sys.executable, "-m", "certready", "serve"]
        self.env = {
            **os.environ,
            "CERTREADY_DATA_DIR": str(data_dir),
            "CERTREADY_DATABASE_URL": db_url,
            "CERTREADY_ENV": "development",
            "CERTREADY_SPA_DIR": str(data_dir / "no-spa"),
            "CERTREADY_ARGON2_TIME_COST": "1",
            "CERTREADY_ARGON2_MEMORY_COST": "1024",
            "CERTREADY_ARGON2_PARALLELISM": "1",
        }
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen[bytes] | None = None
        self.log = data_dir / "server.log"
        if not migrate:  # a second server on a database another one migrated
            return
        subprocess.run(
            [sys.executable, "-m", "certready", "migrate"],
            env=self.env,
            cwd=REPO,
            check=True,
            capture_output=True,
            timeout=180,
        )

    def start(self) -> None:
        with self.log.open("ab") as out:
            self.proc = subprocess.Popen(
                [*self.command, "--port", str(self.port)],
                env=self.env,
                cwd=REPO,
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + STARTUP_TIMEOUT
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited:\n{self.log.read_text()[-4000:]}")
            try:
                with urllib.request.urlopen(self.url + "/api/v1/health", timeout=2) as resp:
                    if resp.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(0.1)
        raise RuntimeError(f"server not healthy:\n{self.log.read_text()[-4000:]}")

    def kill(self) -> None:
        assert self.proc is not None
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(10)

    def stop(self) -> None:
        if self.proc is None or self.proc.poll() is not None:
            return
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(5)

    def run_cli(
        self, *args: str, env: dict[str, str] | None = None, timeout: float = 120
    ) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "certready", *args],
            check=False,
            env={**self.env, **(env or {})},
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=timeout,
        )


def setup_org(url: str, slug: str = "acme") -> tuple[str, dict[str, str]]:
    """First run through HTTP: the org slug and the admin's headers."""
    with httpx.Client(base_url=url, timeout=30) as c:
        r = c.post(
            "/api/v1/setup",
            json={
                "organisation": {"name": "Acme IT", "slug": slug},
                "admin": {
                    "email": f"admin@{slug}.example",
                    "full_name": "Ada Admin",
                    "password": PASSWORD,
                },
            },
        )
        assert r.status_code == 201, r.text
        r = c.post(
            "/api/v1/auth/token",
            data={"username": f"admin@{slug}.example", "password": PASSWORD},
        )
        assert r.status_code == 200, r.text
        return slug, {"Authorization": f"Bearer {r.json()['access_token']}"}


def make_token(url: str, slug: str, headers: dict[str, str], scopes: list[str]) -> str:
    with httpx.Client(base_url=url, timeout=30) as c:
        r = c.post(
            f"/api/v1/orgs/{slug}/tokens",
            json={"name": "ci", "scopes": scopes},
            headers=headers,
        )
        assert r.status_code == 201, r.text
        secret: str = r.json()["secret"]
        return secret
