"""Internal audit end to end: plan over clause 8, start, assess, raise a minor NC from a line,
closing blocked until the checklist and report are complete, close, coverage shows clause 8.

Runs against its own server (fresh database): `test_shell.py` needs the shared `live_server`
in its first-run state, and modules run in alphabetical order. The server is conftest's
(same command, environment and health check); setup (organisation, auditor, programme) goes
through the API with httpx, the audit itself is driven in the browser.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator

import httpx
import pytest
from playwright.sync_api import Locator, Page, expect

from tests.e2e.conftest import REPO, SPA_DIR, _free_port, _wait_healthy
from tests.e2e.helpers import add_member

pytestmark = pytest.mark.skipif(
    not (SPA_DIR / "index.html").is_file(),
    reason="frontend/dist/index.html missing: build the SPA first (make frontend)",
)

ORG = "audit-co"
ADMIN_EMAIL = "sam@audit.example"
AUDITOR_EMAIL = "ivy@audit.example"
PASSWORD = "correct horse battery staple 42"
NC_REF = "8.2.1"
OK_REF = "8.1"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    tmp = tmp_path_factory.mktemp("e2e-audits")
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


def api_login(base: str, email: str) -> httpx.Client:
    api = httpx.Client(base_url=f"{base}/api/v1", timeout=30)
    r = api.post("/auth/token", data={"username": email, "password": PASSWORD})
    assert r.status_code == 200, r.text
    api.headers["Authorization"] = f"Bearer {r.json()['access_token']}"
    return api


@pytest.fixture(scope="module")
def setup(server: str) -> dict[str, str]:
    """Organisation + admin, an auditor member and an approved audit programme."""
    r = httpx.post(
        f"{server}/api/v1/setup",
        json={
            "organisation": {"name": "Audit Co", "slug": ORG},
            "admin": {
                "email": ADMIN_EMAIL,
                "full_name": "Sam Manager",
                "password": PASSWORD,
            },
        },
        timeout=30,
    )
    assert r.status_code in (200, 201), r.text
    admin = api_login(server, ADMIN_EMAIL)
    add_member(admin, ORG, AUDITOR_EMAIL, "Ivy Auditor", "auditor", PASSWORD)
    r = admin.post(
        f"/orgs/{ORG}/audit-programmes",
        json={
            "title": "Internal audit programme 2026",
            "period_label": "2026",
            "objectives": "Confirm the SMS conforms before Stage 1.",
            "method": "Yearly audit of clauses 4-10, sampled evidence, report to top management.",
        },
    )
    assert r.status_code == 201, r.text
    programme = r.json()
    r = admin.post(f"/orgs/{ORG}/audit-programmes/{programme['id']}/approve")
    assert r.status_code == 200, r.text
    return {"programme": programme["title"]}


def close_on_today(page: Page) -> None:
    """Confirm the close with the day it happened (default today)."""
    page.get_by_role("dialog", name="Close the audit").get_by_role(
        "button", name="Close audit"
    ).click()


def line(page: Page, ref: str) -> Locator:
    return page.get_by_role("group", name=f"Checklist line {ref}", exact=True)


def test_internal_audit_over_clause_8(page: Page, server: str, setup: dict[str, str]) -> None:
    page.goto(f"{server}/login")
    page.get_by_label("Email").fill(AUDITOR_EMAIL)
    page.get_by_role("textbox", name="Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(re.compile(rf"/orgs/{ORG}/dashboard$"))

    # Plan an internal audit over clause 8, led by the auditor.
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Audits").click()
    expect(page).to_have_url(re.compile(rf"/orgs/{ORG}/audits$"))
    page.get_by_role("button", name="Plan audit").click()
    dialog = page.get_by_role("dialog", name="Plan audit")
    dialog.get_by_role("textbox", name="Title").fill("Operation audit 2026")
    dialog.get_by_role("combobox", name="Audit programme").click()
    page.get_by_role("option", name=re.compile(re.escape(setup["programme"]))).click()
    dialog.get_by_role(
        "checkbox", name="8 Operation of the service management system", exact=True
    ).check()
    expect(dialog.get_by_text("Sent as: 8", exact=True)).to_be_visible()
    dialog.get_by_role("combobox", name="Lead auditor").click()
    page.get_by_role("option", name="Ivy Auditor", exact=True).click()
    dialog.get_by_role("button", name="Plan audit").click()
    expect(dialog).to_be_hidden()
    expect(page).to_have_url(re.compile(rf"/orgs/{ORG}/audits/[0-9a-f-]+$"))
    audit_id = page.url.rsplit("/", 1)[1]
    expect(page.get_by_role("heading", name="A-1 Operation audit 2026")).to_be_visible()
    expect(page.get_by_title("Status: Planned")).to_be_visible()

    # Start it: the checklist is built from the scope.
    page.get_by_role("button", name="Start audit").click()
    # the day it started (default today), then confirm
    page.get_by_role("dialog", name="Start the audit").get_by_role(
        "button", name="Start audit"
    ).click()
    expect(page.get_by_title("Status: In progress")).to_be_visible()
    expect(line(page, OK_REF)).to_be_visible()

    # Assess two lines in the browser, one of them nonconforming.
    line(page, OK_REF).get_by_role("button", name="Conforming", exact=True).click()
    expect(
        line(page, OK_REF).get_by_role("button", name="Conforming", exact=True)
    ).to_have_attribute("aria-pressed", "true")
    nc = line(page, NC_REF)
    nc.get_by_role("textbox", name=f"Notes on {NC_REF}").fill(
        "No service delivery plan for the new hosting service."
    )
    nc.get_by_role("button", name="Nonconforming", exact=True).click()
    expect(nc.get_by_role("button", name="Nonconforming", exact=True)).to_have_attribute(
        "aria-pressed", "true"
    )
    expect(
        nc.get_by_text("Nonconforming: raise a finding before the audit closes.")
    ).to_be_visible()

    # Move to reporting with a summary and distribution.
    page.get_by_role("button", name="Move to reporting").click()
    report = page.get_by_role("dialog", name="Move to reporting")
    report.get_by_label("Report summary (conclusions)").fill(
        "Clause 8 is largely implemented; service delivery planning needs work."
    )
    distribution = report.get_by_label("Distribution")
    distribution.fill("Top management")
    distribution.press("Enter")
    distribution.fill("SMS manager")
    distribution.press("Enter")
    report.get_by_role("button", name="Save and move to reporting").click()
    expect(report).to_be_hidden()
    page.get_by_role("dialog", name="Audit work done").get_by_role(
        "button", name="Move to reporting"
    ).click()
    expect(page.get_by_title("Status: Reporting")).to_be_visible()

    # Closing is blocked: lines not assessed and the nonconforming line has no finding.
    page.get_by_role("button", name="Close audit").click()
    close_on_today(page)
    blocked = page.get_by_role("alert").filter(has_text="The audit cannot be closed yet")
    expect(blocked).to_be_visible()
    expect(blocked).to_contain_text("Not assessed")
    expect(blocked).to_contain_text(f"Nonconforming without a finding (1): {NC_REF}")

    # Raise a minor NC from the line (requirement and audit prefilled).
    nc.get_by_role("button", name="Raise finding").click()
    raise_dialog = page.get_by_role("dialog", name="Raise finding")
    expect(raise_dialog.get_by_role("textbox", name="Requirement")).to_have_value(
        re.compile(rf"^{re.escape(NC_REF)} ")
    )
    expect(raise_dialog.get_by_role("textbox", name="Audit")).to_have_value(
        "A-1 Operation audit 2026"
    )
    expect(raise_dialog.get_by_role("combobox", name="Grade")).to_have_value("Minor NC")
    raise_dialog.get_by_role("textbox", name="Statement").fill(
        "Service delivery is not planned for the new hosting service (8.2.1)."
    )
    raise_dialog.get_by_role("button", name="Raise finding").click()
    expect(raise_dialog).to_be_hidden()
    expect(nc.get_by_role("link", name=re.compile(r"F-1"))).to_be_visible()
    expect(nc.get_by_text("Nonconforming: raise a finding before the audit closes.")).to_be_hidden()

    # Still blocked, now only by the lines not assessed.
    page.get_by_role("button", name="Close audit").click()
    close_on_today(page)
    blocked = page.get_by_role("alert").filter(has_text="The audit cannot be closed yet")
    expect(blocked).to_contain_text("Not assessed")
    expect(blocked).not_to_contain_text("Nonconforming without a finding")

    # Complete the remaining lines through the API (saves time), then close in the browser.
    auditor = api_login(server, AUDITOR_EMAIL)
    r = auditor.get(f"/orgs/{ORG}/audits/{audit_id}/checklist")
    assert r.status_code == 200, r.text
    for item in r.json()["items"]:
        if item["result"] == "not_assessed":
            r = auditor.patch(
                f"/orgs/{ORG}/audits/{audit_id}/checklist/{item['ref']}",
                json={"result": "conforming"},
            )
            assert r.status_code == 200, r.text
    page.reload()
    expect(page.get_by_text(re.compile(r"^(\d+) of \1 lines assessed$"))).to_be_visible()
    page.get_by_role("button", name="Close audit").click()
    close_on_today(page)
    expect(page.get_by_title("Status: Closed")).to_be_visible()
    expect(page.get_by_role("button", name="Close audit")).to_be_hidden()

    # The printable report.
    page.get_by_role("link", name="Report", exact=True).click()
    expect(page).to_have_url(re.compile(rf"/audits/{audit_id}/report$"))
    expect(page.get_by_role("heading", name="A-1 Operation audit 2026")).to_be_visible()
    findings = page.get_by_role("table", name="Findings")
    expect(findings).to_contain_text("F-1")
    expect(findings).to_contain_text("Minor NC")
    expect(page.get_by_role("region", name="Distribution")).to_contain_text("Top management")
    # the same contents as the PDF: objectives, the checklist with results, the sign-off
    expect(page.get_by_role("region", name="Audit details")).to_contain_text("Objectives")
    expect(page.get_by_role("table", name="Checklist")).to_contain_text("Nonconforming")
    expect(page.get_by_role("region", name="Sign-off")).to_contain_text("Report closed on")
    expect(page.get_by_role("region", name="Conclusions")).to_contain_text(
        "service delivery planning needs work"
    )

    # The finding on the findings board.
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Findings").click()
    card = page.get_by_role("region", name="Open findings").get_by_role("article", name="F-1")
    expect(card).to_contain_text("Minor NC")

    # Coverage: clause 8 is covered (the nonconforming line shows as such), clause 4 is not.
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Audits").click()
    page.get_by_role("navigation", name="Audits").get_by_role("link", name="Coverage").click()
    expect(page).to_have_url(re.compile(rf"/orgs/{ORG}/audits/coverage$"))
    clause8 = page.get_by_role("region", name="Clause 8 coverage")
    expect(clause8.get_by_text(re.compile(r"^(\d+)/\1 covered$"))).to_be_visible()
    expect(clause8.get_by_role("img", name=f"{OK_REF} Conforming", exact=True)).to_be_visible()
    expect(clause8.get_by_role("img", name=f"{NC_REF} Nonconforming", exact=True)).to_be_visible()
    expect(
        page.get_by_role("region", name="Clause 4 coverage").get_by_text(
            re.compile(r"^0/\d+ covered$")
        )
    ).to_be_visible()
