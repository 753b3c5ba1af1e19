"""The SPA shell end to end: first run, login, navigation, members, logout."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.skipif(
    not (Path(__file__).resolve().parents[2] / "frontend" / "dist" / "index.html").is_file(),
    reason="frontend/dist/index.html missing: build the SPA first (make frontend)",
)

ADMIN_EMAIL = "ada@acme.example"
ADMIN_PASSWORD = "correct horse battery staple 42"


def log_in(page: Page, email: str, password: str) -> None:
    expect(page.get_by_role("heading", name="Log in")).to_be_visible()
    page.get_by_label("Email").fill(email)
    page.get_by_role("textbox", name="Password", exact=True).fill(password)
    page.get_by_role("button", name="Log in").click()


def log_out(page: Page) -> None:
    page.get_by_role("button", name="User menu").click()
    page.get_by_role("menuitem", name="Log out").click()
    expect(page).to_have_url(re.compile(r"/login$"))
    expect(page.get_by_role("button", name="Log in")).to_be_visible()


def test_first_run_login_shell_invite_member_logout(page: Page, live_server: str) -> None:
    # First run: / sends an empty installation to the setup screen.
    page.goto(f"{live_server}/")
    expect(page).to_have_url(re.compile(r"/setup$"))
    page.get_by_label("Organisation name").fill("Acme IT")
    expect(page.get_by_label("Slug")).to_have_value("acme-it")
    page.get_by_label("Full name").fill("Ada Admin")
    page.get_by_label("Email").fill(ADMIN_EMAIL)
    page.get_by_role("textbox", name="Password", exact=True).fill(ADMIN_PASSWORD)
    page.get_by_label("Confirm password").fill(ADMIN_PASSWORD)
    page.get_by_role("button", name="Create organisation").click()

    # Logged in automatically, inside the shell of the new organisation.
    expect(page).to_have_url(re.compile(r"/orgs/acme-it/dashboard$"))
    nav = page.get_by_role("navigation", name="Main")
    expect(nav.get_by_role("link", name="Dashboard")).to_be_visible()
    expect(page.get_by_role("heading", name="Acme IT")).to_be_visible()

    log_out(page)

    # Log in again; / leads to the first organisation's dashboard.
    log_in(page, ADMIN_EMAIL, ADMIN_PASSWORD)
    expect(page).to_have_url(re.compile(r"/orgs/acme-it/dashboard$"))

    # Members: invite an auditor (no mail configured: the admin gets the link once).
    nav.get_by_role("link", name="Members").click()
    expect(page).to_have_url(re.compile(r"/orgs/acme-it/members$"))
    members = page.get_by_role("table", name="Members")
    expect(members.get_by_role("cell", name=ADMIN_EMAIL)).to_be_visible()
    page.get_by_role("button", name="Invite member").click()
    dialog = page.get_by_role("dialog", name="Invite member")
    dialog.get_by_label("Email").fill("ivy@acme.example")
    dialog.get_by_role("combobox", name="Role", exact=True).click()
    page.get_by_role("option", name="Auditor", exact=True).click()
    dialog.get_by_role("button", name="Send invitation").click()
    expect(dialog.get_by_label("Invitation link")).to_have_value(re.compile(r"/invite/cri_"))
    dialog.get_by_role("button", name="Done").click()
    expect(dialog).to_be_hidden()
    pending = page.get_by_role("table", name="Pending invitations")
    expect(pending.get_by_role("row").filter(has_text="ivy@acme.example")).to_contain_text(
        "Auditor"
    )

    # A deep link survives a reload (history fallback + session in sessionStorage).
    page.reload()
    expect(pending.get_by_role("cell", name="ivy@acme.example", exact=True)).to_be_visible()

    log_out(page)
