"""The links people receive by e-mail, in the browser (issue 17): a server sending through the
tests' real SMTP server; a forgotten password reset from the mail, and an invitation accepted
as a new person from the mail."""

from __future__ import annotations

import re
from collections.abc import Iterator
from email.message import EmailMessage
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Browser, expect

from tests.e2e.helpers import log_in, own_server, set_up_org, shot
from tests.factories.smtp import SmtpServer, link_in

PASSWORD = "correct horse battery staple 42"
NEW = "violet ferry lantern orbit 97"
ADMIN = "sam@umbrella.example"


@pytest.fixture(scope="module")
def smtp() -> Iterator[SmtpServer]:
    server = SmtpServer().start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="module")
def mailing_server(
    tmp_path_factory: pytest.TempPathFactory, smtp: SmtpServer
) -> Iterator[tuple[str, httpx.Client]]:
    """A real server mailing through ``smtp``, with Umbrella IT and its admin's API client."""
    env = {
        "CERTREADY_SMTP_HOST": "127.0.0.1",
        "CERTREADY_SMTP_PORT": str(smtp.port),
        "CERTREADY_SMTP_STARTTLS": "false",
        "CERTREADY_SMTP_FROM": "certready@umbrella.example",
    }
    tmp: Path = tmp_path_factory.mktemp("mail-links")
    with own_server(tmp, env) as base:
        yield base, set_up_org(base, "umbrella", "Umbrella IT", ADMIN, PASSWORD)


def _mail_to(smtp: SmtpServer, address: str, count_before: int) -> EmailMessage:
    """The one mail to ``address`` among those arrived after the first ``count_before``."""
    messages = smtp.inbox.wait_sync(count_before + 1, seconds=60)
    (message,) = [m for m in messages[count_before:] if address in m["X-Envelope-To"]]
    return message


def test_new_person_accepts_the_invitation_from_the_mail(
    browser: Browser, mailing_server: tuple[str, httpx.Client], smtp: SmtpServer
) -> None:
    _, api = mailing_server
    before = len(smtp.inbox.messages)
    r = api.post(
        "/orgs/umbrella/invitations",
        json={"email": "nia@umbrella.example", "role": "process_owner"},
    )
    assert r.status_code == 201, r.text

    mail = _mail_to(smtp, "nia@umbrella.example", before)
    link = link_in(mail, r"http\S+/invite/\S+")
    nia = browser.new_context().new_page()
    nia.goto(link)
    expect(nia.get_by_text("You are invited to Umbrella IT as Process owner")).to_be_visible()
    nia.get_by_label("Full name").fill("Nia New")
    nia.get_by_role("textbox", name="Password", exact=True).fill("a new long passphrase 9")
    nia.get_by_label("Confirm password").fill("a new long passphrase 9")
    shot(nia, "invitation-from-mail")
    nia.get_by_role("button", name="Create account and join").click()
    expect(nia).to_have_url(re.compile(r"/orgs/umbrella/dashboard$"))
    members = api.get("/orgs/umbrella/members").json()["items"]
    assert any(
        m["email"] == "nia@umbrella.example" and m["role"] == "process_owner" for m in members
    ), members


def test_forgotten_password_is_reset_from_the_mail(
    browser: Browser, mailing_server: tuple[str, httpx.Client], smtp: SmtpServer
) -> None:
    base, _ = mailing_server
    page = browser.new_context().new_page()
    page.goto(f"{base}/login")
    page.get_by_role("link", name="Forgot your password?").click()
    expect(page.get_by_role("heading", name="Reset your password")).to_be_visible()
    before = len(smtp.inbox.messages)
    page.get_by_label("Email").fill(ADMIN)
    page.get_by_role("button", name="Send reset link").click()
    expect(page.get_by_role("status")).to_contain_text("If an account exists")
    shot(page, "reset-requested")

    mail = _mail_to(smtp, ADMIN, before)
    link = link_in(mail, r"http\S+/reset-password\?token=\S+")
    page.goto(link)
    expect(page.get_by_role("heading", name="Choose a new password")).to_be_visible()
    field = page.get_by_role("textbox", name="New password", exact=True)
    field.fill("password")
    expect(page.get_by_text("Strength: Very weak")).to_be_visible()
    field.fill(NEW)
    expect(page.get_by_text("Strength: Strong")).to_be_visible()
    page.get_by_label("Confirm new password").fill(NEW)
    shot(page, "reset-form")
    page.get_by_role("button", name="Set new password").click()
    expect(page.get_by_role("status")).to_contain_text("signed out everywhere")

    # the old password no longer works, the new one does
    page.goto(f"{base}/login")
    page.get_by_label("Email").fill(ADMIN)
    page.get_by_role("textbox", name="Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_text("Wrong e-mail or password.")).to_be_visible()
    log_in(page, base, ADMIN, NEW)

    # the link is single use
    again = browser.new_context().new_page()
    again.goto(link)
    again.get_by_role("textbox", name="New password", exact=True).fill("another fine passphrase 31")
    again.get_by_label("Confirm new password").fill("another fine passphrase 31")
    again.get_by_role("button", name="Set new password").click()
    expect(again.get_by_role("alert")).to_contain_text("This reset link is not valid")
    expect(again.get_by_role("link", name="Request a new link")).to_be_visible()
    shot(again, "reset-link-used")
