"""The API tokens page end to end (issue 18's missing screen): an admin creates a token with a
scope and an expiry, copies its secret from the one-time dialog, a script uses it, the page
shows its last use, and a revoke stops it at once. A viewer is told the page is not theirs.

Runs on its own server and organisation.
"""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import SPA_DIR
from tests.e2e.helpers import add_member, go, log_in, own_server, set_up_org, shot

pytestmark = pytest.mark.skipif(
    not (SPA_DIR / "index.html").is_file(),
    reason="frontend/dist/index.html missing: build the SPA first (make frontend)",
)

ORG = "tok"
ADMIN_EMAIL = "ada@tok.example"
ADMIN_PASSWORD = "correct horse battery staple 42"
VIEWER_EMAIL = "vic@tok.example"
VIEWER_PASSWORD = "another long passphrase 7"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with own_server(tmp_path_factory.mktemp("e2e-tokens")) as base:
        yield base


def test_create_use_and_revoke_an_api_token(page: Page, server: str) -> None:
    api = set_up_org(server, ORG, "Tok Ltd", ADMIN_EMAIL, ADMIN_PASSWORD)
    add_member(api, ORG, VIEWER_EMAIL, "Vic Viewer", "viewer", VIEWER_PASSWORD)
    log_in(page, server, ADMIN_EMAIL, ADMIN_PASSWORD)
    go(page, "API tokens")
    expect(page.get_by_text("No API token yet.")).to_be_visible()

    form = page.get_by_role("form", name="New API token")
    form.get_by_label("Name").fill("CI evidence upload")
    form.get_by_label("Expires after (days)").fill("30")
    form.get_by_role("checkbox", name="Read everything").check()
    form.get_by_role("button", name="Create token").click()
    created = page.get_by_role("dialog", name="Token “CI evidence upload” created")
    expect(created).to_contain_text("This is the only time the secret is shown")
    secret = created.get_by_label("Token secret").inner_text()
    assert secret.startswith("crt_")
    shot(page, "tokens-created")
    created.get_by_role("button", name="Done").click()
    expect(created).to_be_hidden()

    table = page.get_by_role("table", name="API tokens")
    row = table.get_by_role("row").filter(has_text="CI evidence upload")
    expect(row).to_contain_text("Read everything, Upload evidence")
    expect(row).to_contain_text("Sam Manager")
    expect(row).to_contain_text("never")
    expect(row).to_contain_text("active")
    assert secret not in (page.content())  # the secret is gone with its dialog

    # A script uses it: the page shows the use after a reload.
    script = httpx.Client(base_url=f"{server}/api/v1", timeout=30)
    bearer = {"Authorization": f"Bearer {secret}"}
    r = script.get("/tokens/current", headers=bearer)
    assert r.status_code == 200, r.text
    assert r.json()["org_slug"] == ORG and sorted(r.json()["scopes"]) == [
        "evidence:write",
        "read",
    ]
    page.reload()
    expect(row).not_to_contain_text("never")

    # Revoke (confirmed): the token stops working at once.
    row.get_by_role("button", name="Revoke CI evidence upload").click()
    confirm = page.get_by_role("dialog", name="Revoke “CI evidence upload”?")
    expect(confirm).to_contain_text("stops working at once")
    confirm.get_by_role("button", name="Revoke").click()
    expect(confirm).to_be_hidden()
    expect(row).to_contain_text("revoked")
    expect(row.get_by_role("button", name="Revoke CI evidence upload")).to_have_count(0)
    assert script.get("/tokens/current", headers=bearer).status_code == 401
    shot(page, "tokens-revoked")

    # A viewer is told the page is for administrators, with no form.
    context = page.context.browser.new_context()  # type: ignore[union-attr]
    try:
        vic = context.new_page()
        log_in(vic, server, VIEWER_EMAIL, VIEWER_PASSWORD)
        go(vic, "API tokens")
        expect(vic.get_by_text("Your role does not manage this organisation")).to_be_visible()
        expect(vic.get_by_role("form", name="New API token")).to_have_count(0)
    finally:
        context.close()
