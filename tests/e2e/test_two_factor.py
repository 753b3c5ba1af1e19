"""Two-factor sign-in in the browser (issue 17): enrol TOTP from the account page reading the
manual key off the page (codes computed with pyotp), sign out, sign in with password + code;
require a factor for the organisation, a member enrols at sign-in, the admin resets them."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pyotp
import pytest
from playwright.sync_api import Page, expect

from tests.e2e.helpers import add_member, set_up_org

pytestmark = pytest.mark.skipif(
    not (Path(__file__).resolve().parents[2] / "frontend" / "dist" / "index.html").is_file(),
    reason="frontend/dist/index.html missing: build the SPA first (make frontend)",
)

ORG = "acme"
ADMIN = "sam@acme.example"
MEMBER = "olga@acme.example"
PASSWORD = "correct horse battery staple 42"
SHOTS = Path("/tmp")


def _shot(page: Page, name: str) -> None:
    page.screenshot(path=str(SHOTS / f"totp-{name}.png"), full_page=True)


def _code(secret: str, steps_ahead: int = 0) -> str:
    return pyotp.TOTP(secret).at(datetime.now(UTC) + timedelta(seconds=30 * steps_ahead))


def _password_step(page: Page, base: str, email: str) -> None:
    page.goto(f"{base}/login")
    expect(page.get_by_role("heading", name="Log in")).to_be_visible()
    page.get_by_label("Email").fill(email)
    page.get_by_role("textbox", name="Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()


def _secret_on_page(page: Page) -> str:
    key = page.get_by_test_id("totp-secret")
    expect(key).to_be_visible()
    secret = key.inner_text().replace(" ", "")
    assert re.fullmatch(r"[A-Z2-7]{32}", secret), secret
    return secret


def _log_out(page: Page, base: str) -> None:
    page.goto(f"{base}/orgs")
    page.get_by_role("button", name="Log out").click()
    expect(page).to_have_url(re.compile(r"/login$"))


def test_enrol_log_in_with_a_code_require_and_reset(page: Page, live_server: str) -> None:
    api = set_up_org(live_server, ORG, "Acme IT", ADMIN, PASSWORD)
    add_member(api, ORG, MEMBER, "Olga Owner", "process_owner", PASSWORD)

    # Sign in with the password alone, enrol from the user menu's Two-factor page.
    _password_step(page, live_server, ADMIN)
    expect(page).to_have_url(re.compile(r"/orgs/acme/dashboard$"))
    page.get_by_role("button", name="User menu").click()
    page.get_by_role("menuitem", name="Two-factor sign-in").click()
    expect(page).to_have_url(re.compile(r"/account/two-factor$"))
    page.get_by_role("button", name="Set up").click()
    expect(page.get_by_role("img", name="QR code for your authenticator app")).to_be_visible()
    secret = _secret_on_page(page)
    _shot(page, "1-enrol")
    page.get_by_label("Code from the app").fill(_code(secret))
    page.get_by_role("button", name="Confirm").click()
    codes = page.get_by_test_id("recovery-codes")
    expect(codes).to_be_visible()
    recovery = codes.inner_text().split()
    assert len(recovery) == 10, recovery
    expect(page.get_by_role("button", name="Download")).to_be_visible()
    _shot(page, "2-recovery-codes")
    page.get_by_role("button", name="I have saved them").click()
    expect(page.get_by_text("10 recovery codes left.", exact=False)).to_be_visible()
    _log_out(page, live_server)

    # Password, then the code (the next step's: the confirmation spent the current one).
    _password_step(page, live_server, ADMIN)
    expect(page.get_by_role("heading", name="Two-factor sign-in")).to_be_visible()
    page.get_by_role("textbox", name="Code", exact=True).fill(
        "000000" if _code(secret, 1) != "000000" else "111111"
    )
    page.get_by_role("button", name="Verify").click()
    expect(page.get_by_role("alert")).to_contain_text("The code is not right")
    _shot(page, "3-code-step")
    page.get_by_role("textbox", name="Code", exact=True).fill(_code(secret, 1))
    page.get_by_role("button", name="Verify").click()
    expect(page).to_have_url(re.compile(r"/orgs/acme/dashboard$"))

    # The organisation requires a second factor (the admin has one).
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Settings").click()
    page.get_by_label("Require a second factor (TOTP) for every member").check()
    page.get_by_role("button", name="Save settings").click()
    expect(page.get_by_text("Organisation settings saved.")).to_be_visible()
    _log_out(page, live_server)

    # The member has none: enrolment at sign-in, then in.
    _password_step(page, live_server, MEMBER)
    expect(page.get_by_role("heading", name="Set up two-factor sign-in")).to_be_visible()
    member_secret = _secret_on_page(page)
    _shot(page, "4-forced-enrolment")
    page.get_by_label("Code from the app").fill(_code(member_secret))
    page.get_by_role("button", name="Confirm").click()
    expect(page.get_by_test_id("recovery-codes")).to_be_visible()
    page.get_by_role("button", name="Continue").click()
    expect(page).to_have_url(re.compile(r"/orgs/acme/dashboard$"))
    _log_out(page, live_server)

    # The admin (with a recovery code this time) resets the member's factor.
    _password_step(page, live_server, ADMIN)
    page.get_by_role("button", name="Use a recovery code").click()
    page.get_by_role("textbox", name="Recovery code", exact=True).fill(recovery[0])
    page.get_by_role("button", name="Verify").click()
    expect(page).to_have_url(re.compile(r"/orgs/acme/dashboard$"))
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Members").click()
    row = page.get_by_role("row").filter(has_text=MEMBER)
    expect(row.get_by_text("On", exact=True)).to_be_visible()
    row.get_by_role("button", name="Reset two-factor of Olga Owner").click()
    _shot(page, "5-reset-dialog")
    page.get_by_role("dialog").get_by_role("button", name="Reset").click()
    expect(row.get_by_text("Off", exact=True)).to_be_visible()
    _shot(page, "6-members-after-reset")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Activity").click()
    expect(page.get_by_text(f"{MEMBER}: second factor reset by Sam Manager")).to_be_visible()
    _shot(page, "7-activity")
