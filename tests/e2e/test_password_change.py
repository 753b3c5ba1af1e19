"""Password change in the SPA (issue 17): every session ends, the new password signs in."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.e2e.helpers import log_in, set_up_org, shot

OLD = "correct horse battery staple 42"
NEW = "violet ferry lantern orbit 97"
ADMIN = "pat@initech.example"


def test_change_password_signs_out_and_new_one_works(live_server: str, page: Page) -> None:
    set_up_org(live_server, "initech", "Initech", ADMIN, OLD)
    log_in(page, live_server, ADMIN, OLD)
    page.get_by_role("button", name="User menu").click()
    page.get_by_role("menuitem", name="Change password").click()
    expect(page.get_by_role("heading", name="Change password")).to_be_visible()
    page.get_by_label("Current password").fill("not my password")
    page.get_by_role("textbox", name="New password", exact=True).fill("password")
    expect(page.get_by_text("Strength: Very weak")).to_be_visible()
    page.get_by_role("textbox", name="New password", exact=True).fill(NEW)
    expect(page.get_by_text("Strength: Strong")).to_be_visible()
    page.get_by_label("Confirm new password").fill(NEW)
    page.get_by_role("button", name="Change password").click()
    expect(page.get_by_text("The current password is wrong.")).to_be_visible()
    shot(page, "password-change-error")
    page.get_by_label("Current password").fill(OLD)
    page.get_by_role("button", name="Change password").click()
    expect(page).to_have_url(re.compile(r"/login\?notice=password-changed"))
    expect(page.get_by_role("status")).to_contain_text("signed out everywhere")
    shot(page, "password-changed-login")
    page.get_by_label("Email").fill(ADMIN)
    page.get_by_role("textbox", name="Password", exact=True).fill(OLD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_text("Wrong e-mail or password.")).to_be_visible()
    log_in(page, live_server, ADMIN, NEW)
