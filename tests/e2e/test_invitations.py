"""Invitations in the browser: an existing user of another organisation accepts signed in;
a new address opens the copied link, sets a password and lands in the organisation."""

from __future__ import annotations

import re

import httpx
import pytest
from playwright.sync_api import Browser, Page, expect

from tests.e2e.helpers import add_member, log_in, set_up_org

PASSWORD = "correct horse battery staple 42"
ADMIN = "sam@acme.example"
OTHER = "gil@globex.example"


@pytest.fixture(scope="module")
def orgs(live_server: str) -> str:
    """Acme (admin Sam) and Globex, whose admin Gil has no membership in Acme."""
    api = set_up_org(live_server, "acme", "Acme IT", ADMIN, PASSWORD)
    gil_id = add_member(api, "acme", OTHER, "Gil Globex", "viewer", PASSWORD)
    gil = httpx.Client(base_url=f"{live_server}/api/v1", timeout=30)
    r = gil.post("/auth/token", data={"username": OTHER, "password": PASSWORD})
    gil.headers["Authorization"] = f"Bearer {r.json()['access_token']}"
    assert gil.post("/orgs", json={"name": "Globex Corp", "slug": "globex"}).status_code == 201
    assert api.delete(f"/orgs/acme/members/{gil_id}").status_code == 204
    return live_server


def _invite(page: Page, email: str, role: str) -> str:
    """As the admin on the members page: invite, copy the link; the copied link."""
    page.get_by_role("button", name="Invite member").click()
    dialog = page.get_by_role("dialog", name="Invite member")
    dialog.get_by_label("Email").fill(email)
    dialog.get_by_role("combobox", name="Role", exact=True).click()
    page.get_by_role("option", name=role, exact=True).click()
    dialog.get_by_role("button", name="Send invitation").click()
    link_box = dialog.get_by_label("Invitation link")
    expect(link_box).to_have_value(re.compile(r"/invite/cri_"))
    link = link_box.input_value()
    dialog.get_by_role("button", name="Copy link").click()
    expect(dialog.get_by_role("button", name="Copied")).to_be_visible()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == link
    dialog.get_by_role("button", name="Done").click()
    expect(dialog).to_be_hidden()
    pending = page.get_by_role("table", name="Pending invitations")
    expect(pending.get_by_role("row").filter(has_text=email)).to_contain_text(role)
    return link


def _admin_on_members(browser: Browser, base: str) -> Page:
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base)
    page = context.new_page()
    log_in(page, base, ADMIN, PASSWORD)
    page.goto(f"{base}/orgs/acme/members")
    expect(page.get_by_role("table", name="Members")).to_be_visible()
    return page


def test_existing_user_of_another_org_accepts_signed_in(browser: Browser, orgs: str) -> None:
    admin = _admin_on_members(browser, orgs)
    link = _invite(admin, OTHER, "Auditor")

    gil = browser.new_context().new_page()
    log_in(gil, orgs, OTHER, PASSWORD)  # lands in Globex
    gil.goto(link)
    expect(gil.get_by_text("You are invited to Acme IT as Auditor")).to_be_visible()
    gil.get_by_role("button", name=f"Accept as {OTHER}").click()
    expect(gil).to_have_url(re.compile(r"/orgs/acme/dashboard$"))
    # Globex still works in the same session
    gil.goto(f"{orgs}/orgs/globex/members")
    expect(gil.get_by_role("table", name="Members")).to_be_visible()

    admin.reload()
    members = admin.get_by_role("table", name="Members")
    expect(members.get_by_role("row").filter(has_text=OTHER)).to_contain_text("Gil Globex")
    expect(admin.get_by_role("table", name="Pending invitations")).to_be_hidden()


def test_new_address_copies_link_sets_password_and_lands_in_org(
    browser: Browser, orgs: str
) -> None:
    admin = _admin_on_members(browser, orgs)
    link = _invite(admin, "nia@acme.example", "Process owner")

    nia = browser.new_context().new_page()
    nia.goto(link)
    expect(nia.get_by_text("You are invited to Acme IT as Process owner")).to_be_visible()
    nia.get_by_label("Full name").fill("Nia New")
    nia.get_by_role("textbox", name="Password", exact=True).fill("a new long passphrase 9")
    nia.get_by_label("Confirm password").fill("a new long passphrase 9")
    nia.get_by_role("button", name="Create account and join").click()
    expect(nia).to_have_url(re.compile(r"/orgs/acme/dashboard$"))

    # the link is used up
    other = browser.new_context().new_page()
    other.goto(link)
    expect(other.get_by_role("alert")).to_contain_text("cannot be used")

    # and Nia can log in with the password she chose
    again = browser.new_context().new_page()
    log_in(again, orgs, "nia@acme.example", "a new long passphrase 9")
    expect(again).to_have_url(re.compile(r"/orgs/acme/dashboard$"))


def test_admin_revokes_a_pending_invitation(browser: Browser, orgs: str) -> None:
    admin = _admin_on_members(browser, orgs)
    link = _invite(admin, "late@acme.example", "Viewer")
    admin.get_by_role("button", name="Revoke invitation of late@acme.example").click()
    expect(admin.get_by_role("table", name="Pending invitations")).to_be_hidden()
    visitor = browser.new_context().new_page()
    visitor.goto(link)
    expect(visitor.get_by_role("alert")).to_contain_text("cannot be used")
