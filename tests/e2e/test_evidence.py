"""Evidence end to end: drag-and-drop upload, list, submit for review, approval by someone else.

Runs on its own server (see test_requirements.py for why); setup goes through the API.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator

import httpx
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


@pytest.fixture(scope="module")
def admin_api(server: str) -> Iterator[httpx.Client]:
    """The organisation (first-run setup, once per server) and a second user who may approve."""
    api = set_up_org(server, ORG, "Evi Co", ADMIN_EMAIL, ADMIN_PASSWORD)
    add_member(api, ORG, APPROVER_EMAIL, "Val Approver", "sms_manager", APPROVER_PASSWORD)
    yield api
    api.close()


def drop_files(page: Page, files: list[tuple[str, str, str]]) -> None:
    """Drop files (name, content, mime) on the drop zone the way a browser does: one drop
    event whose DataTransfer carries all of them."""
    data_transfer = page.evaluate_handle(
        """(files) => {
            const dt = new DataTransfer();
            for (const [name, content, mime] of files) dt.items.add(new File([content], name, { type: mime }));
            return dt;
        }""",
        [list(f) for f in files],
    )
    zone = page.get_by_test_id("file-drop-zone").first
    zone.dispatch_event("dragenter", {"dataTransfer": data_transfer})
    zone.dispatch_event("dragover", {"dataTransfer": data_transfer})
    zone.dispatch_event("drop", {"dataTransfer": data_transfer})


def drop_file(page: Page, name: str, content: str, mime: str) -> None:
    drop_files(page, [(name, content, mime)])


# Records every state a row of the upload queue passes through ("file:status:percent"),
# so that states too short-lived for an assertion to catch are still seen.
WATCH_QUEUE = """() => {
    window.__uploadStates = [];
    const seen = new Set();
    const record = () => {
        for (const row of document.querySelectorAll("tr[data-file]")) {
            const state = `${row.dataset.file}:${row.dataset.status}:${row.dataset.percent}`;
            if (!seen.has(state)) { seen.add(state); window.__uploadStates.push(state); }
        }
    };
    new MutationObserver(record).observe(document.body, {
        subtree: true, childList: true, attributes: true,
        attributeFilter: ["data-status", "data-percent"],
    });
}"""


def log_out(page: Page) -> None:
    page.get_by_role("button", name="User menu").click()
    page.get_by_role("menuitem", name="Log out").click()
    expect(page).to_have_url(re.compile(r"/login$"))


def test_upload_submit_and_approve_by_second_user(
    page: Page, server: str, admin_api: httpx.Client
) -> None:
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


def test_three_files_dropped_at_once_upload_with_progress_each(
    page: Page, server: str, admin_api: httpx.Client
) -> None:
    log_in(page, server, ADMIN_EMAIL, ADMIN_PASSWORD)
    page.goto(f"{server}/orgs/{ORG}/evidence")
    upload = page.get_by_role("region", name="Upload evidence")
    # Slow the upload link down so every file is seen in flight (each ~0.5 s at 1 MB/s).
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send(
        "Network.emulateNetworkConditions",
        {"offline": False, "latency": 0, "downloadThroughput": -1, "uploadThroughput": 1_000_000},
    )
    page.evaluate(WATCH_QUEUE)

    names = ["sla-report-jan.csv", "sla-report-feb.csv", "sla-report-mar.csv"]
    drop_files(page, [(n, f"{n}\n" + "row,1,ok\n" * 60_000, "text/csv") for n in names])
    queue = upload.get_by_role("table", name="Upload queue")
    expect(queue.locator("tr[data-file]")).to_have_count(3)
    expect(upload.get_by_role("status")).to_have_text("3 ready to upload")
    # Each file has its own title, from its name; what they share is chosen once.
    upload.get_by_role("textbox", name="Title for sla-report-feb.csv").fill("SLA report February")
    upload.get_by_label("Requirements", exact=True).click()
    page.get_by_role("option", name="8.6.1 Incident management", exact=True).click()
    page.keyboard.press("Escape")
    upload.get_by_role("button", name="Upload 3 files").click()

    for name in names:
        row = queue.locator(f'tr[data-file="{name}"]')
        expect(row).to_have_attribute("data-status", "done", timeout=60_000)
        expect(row).to_contain_text(re.compile(r"Done: E-\d+"))
    expect(upload.get_by_role("status")).to_have_text("3 of 3 uploaded")
    states: list[str] = page.evaluate("window.__uploadStates")
    for name in names:
        mine = [s.removeprefix(f"{name}:") for s in states if s.startswith(f"{name}:")]
        assert mine[0] == "ready:0" and mine[-1] == "done:100", mine
        percents = [int(s.split(":")[1]) for s in mine if s.startswith("uploading:")]
        # progress went up while it was sent, with values between the ends
        assert percents == sorted(percents) and any(0 < p < 100 for p in percents), mine
    # Two at a time: the third waited in the queue.
    assert f"{names[2]}:queued:0" in states, states

    # Three evidence items, each with its own title, the shared link and its own file.
    cdp.send(
        "Network.emulateNetworkConditions",
        {"offline": False, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1},
    )
    table = page.get_by_role("table", name="Evidence")
    for title in ["sla-report-jan", "SLA report February", "sla-report-mar"]:
        row = table.get_by_role("row").filter(has_text=title)
        expect(row).to_contain_text("8.6.1")
        expect(row).to_contain_text("Draft")
    r = admin_api.get(f"/orgs/{ORG}/evidence", params={"requirement": "8.6.1", "limit": 50})
    assert r.status_code == 200, r.text
    uploaded = {i["title"] for i in r.json()["items"]}
    assert {"sla-report-jan", "SLA report February", "sla-report-mar"} <= uploaded

    # A refused file keeps the server's reason and can be retried; the others are unaffected.
    drop_file(page, "empty.txt", "", "text/plain")
    upload.get_by_role("button", name="Upload", exact=True).click()
    failed = queue.locator('tr[data-file="empty.txt"]')
    expect(failed).to_have_attribute("data-status", "failed")
    expect(failed).to_contain_text("Failed: The file is empty.")
    failed.get_by_role("button", name="Retry empty.txt").click()
    expect(failed).to_have_attribute("data-status", "failed")
    expect(failed).to_contain_text("Failed: The file is empty.")
    expect(upload.get_by_role("status")).to_have_text("3 of 4 uploaded, 1 failed")
    upload.get_by_role("button", name="Clear finished").click()
    expect(queue.locator("tr[data-file]")).to_have_count(1)
