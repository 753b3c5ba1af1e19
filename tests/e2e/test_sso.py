"""Single sign-on in the browser (issue 17): "Sign in with Test IdP" on the login page, the
real OpenID Provider's login and consent pages in Chromium, back in the SPA signed in with
the just-in-time membership; the admin's SSO settings screen."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.helpers import log_in, own_server, set_up_org
from tests.factories.oidc_provider import OpenIdProvider

PASSWORD = "correct horse battery staple 42"
ADMIN = "admin@acme.example"
SHOTS = Path(__file__).resolve().parents[2] / ".cache" / "e2e-screenshots"


@pytest.fixture(scope="module")
def sso_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    op = OpenIdProvider(redirect_uris=[])
    env = {"CERTREADY_OIDC_PROVIDERS": json.dumps([op.settings()])}
    with own_server(tmp_path_factory.mktemp("e2e-sso"), env) as base:
        op.redirect_uris = [f"{base}/api/v1/auth/oidc/test/callback"]
        op.start()
        try:
            api = set_up_org(base, "acme", "Acme IT", ADMIN, PASSWORD)
            r = api.put(
                "/orgs/acme/sso",
                json={
                    "provider_id": "test",
                    "domains": ["acme.example"],
                    "default_role": "viewer",
                    "role_mapping": {"certready-auditors": "auditor"},
                },
            )
            assert r.status_code == 200, r.text
            yield base
        finally:
            op.stop()


def test_sign_in_through_the_provider(page: Page, sso_server: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.goto(f"{sso_server}/login")
    button = page.get_by_role("link", name="Sign in with Test IdP")
    expect(button).to_be_visible()
    page.screenshot(path=str(SHOTS / "sso-1-login.png"))
    button.click()
    # the provider's own login form, then its consent page
    page.locator("input[name=login]").fill("alice")
    page.locator("input[name=password]").fill("anything")
    page.screenshot(path=str(SHOTS / "sso-2-provider-login.png"))
    page.get_by_role("button", name="Sign-in").click()
    page.get_by_role("button", name="Continue").click()
    # back in the SPA, signed in, in the organisation the domain belongs to
    expect(page).to_have_url(f"{sso_server}/orgs/acme/dashboard", timeout=20_000)
    assert "code=" not in page.url
    page.screenshot(path=str(SHOTS / "sso-3-signed-in.png"))
    page.goto(f"{sso_server}/orgs/acme/activity")
    expect(
        page.get_by_text("alice@acme.example joined as auditor by single sign-on")
    ).to_be_visible()


def test_admin_sees_sso_settings(page: Page, sso_server: str) -> None:
    log_in(page, sso_server, ADMIN, PASSWORD)
    page.goto(f"{sso_server}/orgs/acme/settings")
    expect(page.get_by_role("heading", name="Single sign-on")).to_be_visible()
    expect(page.get_by_text("acme.example", exact=True)).to_be_visible()
    expect(page.get_by_role("textbox", name="Claim value 1")).to_have_value("certready-auditors")
    page.screenshot(path=str(SHOTS / "sso-4-settings.png"), full_page=True)


def test_refused_sign_in_explained(page: Page, sso_server: str) -> None:
    page.goto(f"{sso_server}/login")
    page.get_by_role("link", name="Sign in with Test IdP").click()
    page.locator("input[name=login]").fill("carol")  # unverified e-mail
    page.locator("input[name=password]").fill("anything")
    page.get_by_role("button", name="Sign-in").click()
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("alert")).to_contain_text("has not verified your e-mail address")
    page.screenshot(path=str(SHOTS / "sso-5-refused.png"))
