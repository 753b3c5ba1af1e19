"""Shared steps of the browser tests: a fresh real server, API setup, UI login."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
from playwright.sync_api import Locator, Page, expect

from tests.e2e.conftest import REPO, SPA_DIR, _free_port, _wait_healthy


@contextmanager
def own_server(tmp: Path, extra_env: dict[str, str] | None = None) -> Iterator[str]:
    """Migrate a fresh SQLite database in ``tmp`` and run the real server on a free port."""
    env = {
        **os.environ,
        **(extra_env or {}),
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


def set_up_org(base: str, org: str, name: str, email: str, password: str) -> httpx.Client:
    """First-run setup through the API; returns a client logged in as the admin."""
    api = httpx.Client(base_url=f"{base}/api/v1", timeout=30)
    r = api.post(
        "/setup",
        json={
            "organisation": {"name": name, "slug": org},
            "admin": {"email": email, "full_name": "Sam Manager", "password": password},
        },
    )
    assert r.status_code in (200, 201), r.text
    r = api.post("/auth/token", data={"username": email, "password": password})
    assert r.status_code == 200, r.text
    api.headers["Authorization"] = f"Bearer {r.json()['access_token']}"
    return api


def invite_link(api: httpx.Client, org: str, email: str, role: str) -> str:
    """The admin invites ``email`` (no mail configured): the copyable accept link."""
    r = api.post(f"/orgs/{org}/invitations", json={"email": email, "role": role})
    assert r.status_code == 201, r.text
    return str(r.json()["accept_url"])


def add_member(
    api: httpx.Client, org: str, email: str, full_name: str, role: str, password: str
) -> str:
    """Invite a new address and accept as that person through the API; their user id."""
    token = invite_link(api, org, email, role).rsplit("/invite/", 1)[1]
    anonymous = httpx.Client(base_url=str(api.base_url), timeout=30)
    r = anonymous.post(
        "/invitations/register",
        json={"token": token, "full_name": full_name, "password": password},
    )
    assert r.status_code == 201, r.text
    r = anonymous.post("/auth/token", data={"username": email, "password": password})
    assert r.status_code == 200, r.text
    me = anonymous.get("/me", headers={"Authorization": f"Bearer {r.json()['access_token']}"})
    return str(me.json()["id"])


def log_in(page: Page, base: str, email: str, password: str) -> None:
    page.goto(f"{base}/login")
    expect(page.get_by_role("heading", name="Log in")).to_be_visible()
    page.get_by_label("Email").fill(email)
    page.get_by_role("textbox", name="Password", exact=True).fill(password)
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(re.compile(r"/orgs/[^/]+/dashboard$"))


SHOTS = Path("/tmp")


def shot(page: Page, name: str) -> None:
    """A full-page screenshot to /tmp/<name>.png, to look at."""
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def go(page: Page, label: str, heading: str | None = None) -> None:
    """Follow a main navigation link and wait for its page's heading."""
    page.get_by_role("navigation", name="Main").get_by_role("link", name=label, exact=True).click()
    if label != "Dashboard":
        expect(page.get_by_role("heading", name=heading or label, level=2)).to_be_visible()


def gate_region(page: Page, gate: str) -> Locator:
    """The dashboard's region of a gate ("Stage 1", "Stage 2")."""
    return page.get_by_role("region", name=re.compile(rf"^{gate}: "))


def blockers(page: Page, gate: str) -> set[str]:
    """The rule ids the dashboard lists as blocking ``gate``, read after a reload so a cached
    report shown while it refetches is never read."""
    go(page, "Dashboard")
    page.reload()
    region = gate_region(page, gate)
    expect(region).to_be_visible()
    lines = region.get_by_role("listitem").all_inner_texts()
    return {m.group(1) for line in lines if (m := re.match(r"(RDY-\d+) ", line))}


def pick(page: Page, scope: Locator, combobox: str, option: str) -> None:
    """Choose ``option`` in the combobox named ``combobox`` inside ``scope``."""
    scope.get_by_role("combobox", name=combobox).click()
    page.get_by_role("option", name=option, exact=True).click()
