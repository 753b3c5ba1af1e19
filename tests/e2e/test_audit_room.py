"""The certification auditor's audit room (issue 16): an external auditor signs in, lands in
the room (scope, readiness, downloads, certification audits, approved evidence), sees no edit
controls, and downloads the evidence pack, which holds approved evidence only and verifies.

Runs on its own server with the demo organisation.
"""

from __future__ import annotations

import json
import re
import subprocess
import zipfile
from collections.abc import Iterator

import httpx
import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import SPA_DIR
from tests.e2e.helpers import add_member, own_server, shot

pytestmark = pytest.mark.skipif(
    not (SPA_DIR / "index.html").is_file(),
    reason="frontend/dist/index.html missing: build the SPA first (make frontend)",
)

AUDITOR_EMAIL = "cb.auditor@certbody.example"
AUDITOR_PASSWORD = "a long external passphrase 9"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with own_server(tmp_path_factory.mktemp("e2e-audit-room")) as base:
        yield base


def test_external_auditor_works_in_the_audit_room(
    page: Page, server: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    r = httpx.post(f"{server}/api/v1/demo", timeout=120)
    assert r.status_code in (200, 201), r.text
    demo = r.json()
    api = httpx.Client(base_url=f"{server}/api/v1", timeout=60)
    r = api.post(
        "/auth/token", data={"username": demo["admin_email"], "password": demo["admin_password"]}
    )
    assert r.status_code == 200, r.text
    api.headers["Authorization"] = f"Bearer {r.json()['access_token']}"
    add_member(api, "demo", AUDITOR_EMAIL, "Cora Certifier", "external_auditor", AUDITOR_PASSWORD)
    r = api.put(
        "/orgs/demo/evidence/upload",
        params={"title": "Draft incident review", "kind": "record", "filename": "draft.pdf"},
        content=b"%PDF-1.7\n a draft the auditor must not see",
    )
    assert r.status_code == 201 and r.json()["status"] == "draft", r.text
    draft_key = r.json()["key"]
    statuses: dict[str, str] = {}
    cursor = None
    while True:
        r = api.get(
            "/orgs/demo/evidence",
            params={"limit": 200, "cursor": cursor} if cursor else {"limit": 200},
        )
        assert r.status_code == 200, r.text
        statuses |= {e["key"]: e["status"] for e in r.json()["items"]}
        cursor = r.json()["next_cursor"]
        if not cursor:
            break
    assert statuses[draft_key] == "draft" and "approved" in statuses.values()

    page.goto(f"{server}/login")
    page.get_by_label("Email").fill(AUDITOR_EMAIL)
    page.get_by_role("textbox", name="Password", exact=True).fill(AUDITOR_PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(re.compile(r"/orgs/demo/audit-room$"))
    for region in ("Scope of the SMS", "Readiness", "Downloads", "Approved evidence"):
        expect(page.get_by_role("region", name=region)).to_be_visible()
    nav = page.get_by_role("navigation", name="Main")
    expect(nav.get_by_role("link", name="Audit room")).to_be_visible()
    expect(nav.get_by_role("link", name="Evidence", exact=True)).to_have_count(0)
    # read-only: no edit forms, no selection checkboxes
    expect(page.get_by_role("button", name=re.compile(r"^(Edit|Delete|Approve)"))).to_have_count(0)
    expect(page.get_by_role("checkbox")).to_have_count(0)
    listed = page.get_by_role("region", name="Approved evidence").get_by_role("row")
    expect(listed.first).to_be_visible()
    drafts = [k for k, s in statuses.items() if s != "approved"]
    evidence_text = page.get_by_role("region", name="Approved evidence").inner_text()
    assert "Draft incident review" not in evidence_text
    assert not [k for k in drafts if re.search(rf"\b{re.escape(k)}\b", evidence_text)]
    page.wait_for_timeout(500)
    shot(page, "audit-room")

    page.get_by_role("button", name="Download evidence pack").click()
    dialog = page.get_by_role("dialog", name="Evidence pack")
    expect(dialog).to_be_visible()
    expect(dialog.get_by_role("checkbox", name="Approved evidence only")).to_have_count(0)
    with page.expect_download(timeout=120_000) as download:
        dialog.get_by_role("button", name="Download", exact=True).click()
    saved = download.value
    # made by a pack job (progress bar), then fetched through a ticket
    expect(dialog.get_by_role("progressbar")).to_have_attribute("aria-valuenow", "100")
    assert "/exports/evidence-pack/jobs/" in saved.url and "ticket=" in saved.url
    tmp = tmp_path_factory.mktemp("room-pack")
    path = tmp / saved.suggested_filename
    saved.save_as(path)
    with zipfile.ZipFile(path) as z:
        z.extractall(tmp / "x")
    root = tmp / "x" / path.stem
    check = subprocess.run(
        ["sha256sum", "-c", "SHA256SUMS"], cwd=root, capture_output=True, text=True, check=False
    )
    assert check.returncode == 0, check.stdout + check.stderr
    manifest = json.loads((root / "manifest.json").read_text())
    keys = {f["evidence_key"] for f in manifest["files"]}
    assert keys and all(statuses[k] == "approved" for k in keys), keys
