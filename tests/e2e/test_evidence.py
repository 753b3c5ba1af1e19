"""Evidence end to end: drag-and-drop upload, list, submit for review, approval by someone else.

Runs on its own server (see test_requirements.py for why); setup goes through the API.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import SPA_DIR
from tests.e2e.helpers import add_member, log_in, own_server, set_up_org

pytestmark = pytest.mark.skipif(
    not (SPA_DIR / "index.html").is_file(),
    reason="frontend/dist/index.html missing: build the SPA first (make frontend)",
)

ORG = "evi-co"
ADMIN_EMAIL = "sam@evi.example"
ADMIN_PASSWORD = "correct horse battery staple 42"
APPROVER_EMAIL = "val@evi.example"
APPROVER_PASSWORD = "another long passphrase 7"
CONTENT = "Incident report export\nINC-1,P1,resolved\n" * 200


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with own_server(tmp_path_factory.mktemp("e2e-evidence")) as base:
        yield base


def drop_file(page: Page, name: str, content: str, mime: str) -> None:
    """Drop a file on the drop zone the way a browser does: a drop event carrying a DataTransfer."""
    data_transfer = page.evaluate_handle(
        """([name, content, mime]) => {
            const dt = new DataTransfer();
            dt.items.add(new File([content], name, { type: mime }));
            return dt;
        }""",
        [name, content, mime],
    )
    zone = page.get_by_test_id("file-drop-zone").first
    zone.dispatch_event("dragover", {"dataTransfer": data_transfer})
    zone.dispatch_event("drop", {"dataTransfer": data_transfer})


def log_out(page: Page) -> None:
    page.get_by_role("button", name="User menu").click()
    page.get_by_role("menuitem", name="Log out").click()
    expect(page).to_have_url(re.compile(r"/login$"))


def test_upload_submit_and_approve_by_second_user(page: Page, server: str) -> None:
    api = set_up_org(server, ORG, "Evi Co", ADMIN_EMAIL, ADMIN_PASSWORD)
    add_member(api, ORG, APPROVER_EMAIL, "Val Approver", "sms_manager", APPROVER_PASSWORD)

    log_in(page, server, ADMIN_EMAIL, ADMIN_PASSWORD)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Evidence").click()
    expect(page.get_by_role("heading", name="Evidence", exact=True)).to_be_visible()

    # Drag and drop a file, name it, link a requirement, upload.
    upload = page.get_by_role("region", name="Upload evidence")
    drop_file(page, "incidents-2026-q3.csv", CONTENT, "text/csv")
    expect(upload).to_contain_text("incidents-2026-q3.csv")
    title = upload.get_by_role("textbox", name="Title")
    expect(title).to_have_value("incidents-2026-q3")
    title.fill("Incident export Q3")
    upload.get_by_label("Requirements", exact=True).click()
    page.get_by_role("option", name="8.6.1 Incident management", exact=True).click()
    page.keyboard.press("Escape")
    upload.get_by_role("button", name="Upload", exact=True).click()
    expect(page.get_by_text("“Incident export Q3” uploaded.")).to_be_visible()

    # In the list.
    table = page.get_by_role("table", name="Evidence")
    row = table.get_by_role("row").filter(has_text="Incident export Q3")
    expect(row).to_contain_text("Draft")
    expect(row).to_contain_text("8.6.1")
    expect(row).to_contain_text("incidents-2026-q3.csv (v1")

    # Detail: version with its hash; submit for review.
    row.get_by_role("link").first.click()
    expect(page).to_have_url(re.compile(rf"/orgs/{ORG}/evidence/[0-9a-f-]+$"))
    detail_url = page.url
    sha = hashlib.sha256(CONTENT.encode()).hexdigest()
    expect(page.get_by_role("table", name="Versions")).to_contain_text(sha[:12])
    page.get_by_role("button", name="Submit for review").click()
    dialog = page.get_by_role("dialog", name="Submit for review")
    dialog.get_by_role("button", name="Confirm").click()
    expect(dialog).to_be_hidden()
    expect(page.get_by_text("In review", exact=True).first).to_be_visible()
    # The uploader may not approve their own upload: the button is offered, the server refuses.
    log_out(page)

    # A second user approves it.
    log_in(page, server, APPROVER_EMAIL, APPROVER_PASSWORD)
    page.goto(detail_url)
    page.get_by_role("button", name="Approve").click()
    dialog = page.get_by_role("dialog", name="Approve")
    dialog.get_by_role("textbox", name="Note").fill("Complete and current.")
    dialog.get_by_role("button", name="Confirm").click()
    expect(dialog).to_be_hidden()
    expect(page.get_by_text("Approved", exact=True).first).to_be_visible()

    # The requirement's page lists it.
    page.get_by_role("region", name="Links").get_by_role("link", name="8.6.1").click()
    evidence = page.get_by_role("region", name="Evidence")
    expect(evidence).to_contain_text("Incident export Q3")
    expect(evidence).to_contain_text("Approved")
    api.close()
