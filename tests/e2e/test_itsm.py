"""ITSM integrations end to end (issue 15), as a new organisation's administrator: a Jira
integration created in the SPA (secret read from the dialog), the shared sample delivery
signed like Jira and posted to the receiver, a service mapping tried against it and saved,
the record found on the ITSM records page, and a reproducible sample drawn from it on an
internal audit's checklist line for its clause.

Runs on its own server and organisation.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from tests.e2e.conftest import SPA_DIR
from tests.e2e.helpers import add_member, log_in, own_server, set_up_org

pytestmark = pytest.mark.skipif(
    not (SPA_DIR / "index.html").is_file(),
    reason="frontend/dist/index.html missing: build the SPA first (make frontend)",
)

ORG = "itsm"
ADMIN_EMAIL = "ada@itsm.example"
ADMIN_PASSWORD = "correct horse battery staple 42"
VIEWER_EMAIL = "vic@itsm.example"
SAMPLE = (
    Path(__file__).resolve().parents[1] / "integrations" / "samples" / "jira_issue_created.json"
)
SHOTS = Path("/tmp")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with own_server(tmp_path_factory.mktemp("e2e-itsm")) as base:
        yield base


@pytest.fixture(scope="module")
def admin_api(server: str) -> httpx.Client:
    return set_up_org(server, ORG, "ITSM Ltd", ADMIN_EMAIL, ADMIN_PASSWORD)


def shot(page: Page, name: str) -> None:
    page.screenshot(path=str(SHOTS / f"itsm-{name}.png"), full_page=True)


def go(page: Page, label: str) -> None:
    page.get_by_role("navigation", name="Main").get_by_role("link", name=label, exact=True).click()
    expect(page.get_by_role("heading", name=label, level=2)).to_be_visible()


def pick(page: Page, scope: Locator, combobox: str, option: str) -> None:
    scope.get_by_role("combobox", name=combobox).click()
    page.get_by_role("option", name=option, exact=True).click()


def post_jira(url: str, secret: str, body: bytes, delivery: str) -> httpx.Response:
    signature = "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    return httpx.post(
        url,
        content=body,
        headers={
            "Content-Type": "application/json",
            "X-Hub-Signature": signature,
            "X-Atlassian-Webhook-Identifier": delivery,
        },
        timeout=30,
    )


def test_jira_delivery_mapped_to_a_service_and_listed(
    page: Page, browser: Browser, server: str, admin_api: httpx.Client
) -> None:
    log_in(page, server, ADMIN_EMAIL, ADMIN_PASSWORD)

    # Integrations: a Jira integration; the receiver URL and the secret are shown once.
    go(page, "Integrations")
    page.get_by_label("Name").fill("Service desk")
    pick(page, page.locator("form"), "Tool", "Jira / Jira Service Management")
    page.get_by_role("button", name="Create integration").click()
    dialog = page.get_by_role("dialog", name="Integration created")
    expect(dialog).to_be_visible()
    url = dialog.get_by_label("Receiver URL", exact=True).inner_text().strip()
    secret = dialog.get_by_label("Secret", exact=True).inner_text().strip()
    assert url.startswith(server), url
    assert len(secret) >= 16
    shot(page, "integration-created")
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()

    # The shared sample, signed as Jira signs it, to the live receiver.
    r = post_jira(url, secret, SAMPLE.read_bytes(), "e2e-1")
    assert r.status_code in (200, 202), r.text
    assert r.json()["mapping_state"] == "applied", r.text

    integrations = page.get_by_role("table", name="Integrations")
    page.reload()
    expect(integrations.get_by_role("row")).to_have_count(2)
    integrations.get_by_role("cell", name="Service desk").click()

    # Mapping rules: project ITSM -> payroll, previewed against the delivery, then saved.
    editor = page.locator(".mantine-Card-root").filter(
        has=page.get_by_role("heading", name="Mapping rules")
    )
    expect(editor).to_be_visible()
    editor.get_by_role("button", name="Add service rule").click()
    editor.get_by_label("Project, category, CI or group 1").fill("ITSM")
    editor.get_by_label("Service key 1").fill("payroll")
    editor.get_by_role("button", name="Preview against the last 20 deliveries").click()
    preview = editor.get_by_role("table", name="Mapping preview")
    expect(editor.get_by_role("status")).to_contain_text(
        "1 delivery tried: 1 mapped, 0 cannot be mapped, 1 would change."
    )
    changed = preview.locator("tr[data-changed]")
    expect(changed).to_have_count(1)
    expect(changed).to_contain_text("ITSM-142")
    expect(changed).to_contain_text("payroll")
    expect(changed).to_contain_text("8.6.1")
    expect(changed).to_contain_text("Changes")
    shot(page, "mapping-preview")
    editor.get_by_role("button", name="Save rules").click()
    expect(page.get_by_text("Mapping rules of Service desk saved.")).to_be_visible()
    expect(editor.get_by_text("Unsaved changes")).to_be_hidden()
    expect(preview).to_be_hidden()
    deliveries = page.get_by_role("table", name="Deliveries of Service desk")
    expect(deliveries).to_contain_text("applied")
    shot(page, "integrations")

    # The issue is updated in Jira: the record moves forward under the saved rules.
    updated = json.loads(SAMPLE.read_bytes())
    updated["webhookEvent"] = "jira:issue_updated"
    updated["issue"]["fields"]["updated"] = "2025-11-24T10:15:00.000+0100"
    r = post_jira(url, secret, json.dumps(updated).encode(), "e2e-2")
    assert r.status_code in (200, 202), r.text
    assert r.json()["mapping_state"] == "applied", r.text

    # ITSM records: filtered by kind incident, the record with its service and history.
    go(page, "ITSM records")
    records = page.get_by_role("table", name="ITSM records")
    expect(records.get_by_role("row")).to_have_count(2)
    pick(page, page.locator("main"), "Kind", "Incident")
    expect(records.get_by_role("row")).to_have_count(2)
    row = records.get_by_role("row").nth(1)
    expect(row).to_contain_text("ITSM-142")
    expect(row).to_contain_text("Payroll portal returns HTTP 503")
    expect(row).to_contain_text("8.6.1")
    expect(row).to_contain_text("payroll")
    shot(page, "records")
    pick(page, page.locator("main"), "Kind", "Change")
    expect(page.get_by_text("No ITSM record matches these filters.")).to_be_visible()
    pick(page, page.locator("main"), "Kind", "Incident")
    records.get_by_role("button", name="Open ITSM-142").click()
    drawer = page.get_by_role(
        "dialog", name="ITSM-142 Payroll portal returns HTTP 503 for all users"
    )
    expect(drawer).to_be_visible()
    history = drawer.get_by_role("table", name="Delivery history")
    expect(history.get_by_role("row")).to_have_count(3)
    expect(drawer).to_contain_text("payroll")
    page.wait_for_timeout(500)  # the drawer's slide-in transition
    shot(page, "record-drawer")

    page.keyboard.press("Escape")
    expect(drawer).to_be_hidden()

    # An internal audit of 8.6.1 (through the API), led by the admin and started.
    me = admin_api.get("/me").json()["id"]
    r = admin_api.post(
        f"/orgs/{ORG}/audit-programmes",
        json={
            "title": "Internal audit programme",
            "period_label": "2026",
            "objectives": "Incident management operates as planned.",
            "method": "Sampling of ITSM records.",
        },
    )
    assert r.status_code == 201, r.text
    r = admin_api.post(
        f"/orgs/{ORG}/audits",
        json={
            "type": "internal",
            "title": "Incident management",
            "scope": ["8.6.1"],
            "criteria": "ISO/IEC 20000-1:2018 and the SMS plan",
            "team_member_ids": [],
            "programme_id": r.json()["id"],
            "lead_auditor_id": me,
        },
    )
    assert r.status_code == 201, r.text
    audit_id = r.json()["id"]
    r = admin_api.post(f"/orgs/{ORG}/audits/{audit_id}/transitions", json={"to": "in_progress"})
    assert r.status_code == 200, r.text

    # The line's population: the incident; a sample drawn in the drawer holds it.
    page.goto(f"{server}/orgs/{ORG}/audits/{audit_id}")
    line = page.get_by_role("group", name="Checklist line 8.6.1", exact=True)
    line.get_by_role("button", name="Sample 8.6.1").click()
    sample = page.get_by_role("dialog", name=re.compile(r"^Sample for 8\.6\.1 "))
    expect(sample).to_be_visible()
    expect(sample.get_by_text("No sample drawn yet on 8.6.1.")).to_be_visible()
    population = sample.get_by_role("status", name="Population size")
    expect(population).to_have_text("1 record in the population · suggested sample size 1")
    pick(page, sample, "Kind", "Incident")
    expect(population).to_have_text("1 record in the population · suggested sample size 1")
    sample.get_by_label("Service key").fill("nowhere")
    expect(population).to_have_text("0 records in the population · suggested sample size 0")
    expect(sample.get_by_role("button", name="Draw sample")).to_be_disabled()
    sample.get_by_label("Service key").fill("payroll")
    expect(population).to_have_text("1 record in the population · suggested sample size 1")
    # A sample larger than the population: the API's 422, shown as a problem in the drawer.
    sample.get_by_label("Sample size").fill("5")
    sample.get_by_role("button", name="Draw sample").click()
    expect(sample.get_by_role("alert")).to_contain_text(
        "The population holds 1 record: the sample cannot be larger."
    )
    sample.get_by_label("Sample size").fill("")
    sample.get_by_role("button", name="Draw sample").click()
    drawn = sample.get_by_role("table", name="Sample of 8.6.1")
    expect(drawn.get_by_role("row")).to_have_count(2)
    expect(drawn).to_contain_text("ITSM-142")
    expect(drawn).to_contain_text("Payroll portal returns HTTP 503")
    expect(drawn).to_contain_text("Incident")
    expect(drawn).to_contain_text("payroll")
    summary = sample.get_by_label("Sample summary")
    expect(summary).to_have_text("1 of 1 record · Incident, service payroll")
    seed = sample.get_by_text(re.compile(r"^Seed \d+$")).text_content() or ""
    page.wait_for_timeout(500)  # the notification and the drawer settle
    shot(page, "sample-drawer")

    # Reload: the same sample, seed and filters, read back from the server.
    page.reload()
    expect(line.get_by_role("button", name="Sample 8.6.1")).to_have_text("Sample (1)")
    line.get_by_role("button", name="Sample 8.6.1").click()
    expect(sample).to_be_visible()
    expect(sample.get_by_text(seed, exact=True)).to_be_visible()
    expect(summary).to_have_text("1 of 1 record · Incident, service payroll")
    expect(drawn).to_contain_text("ITSM-142")
    expect(sample.get_by_label("Service key")).to_have_value("payroll")

    # Redraw with the same seed (confirmed): the same record; nothing changed, nothing logged.
    def sample_entries() -> int:
        r = admin_api.get(f"/orgs/{ORG}/activity", params={"action": "audit.checklist.sample"})
        assert r.status_code == 200, r.text
        return len(r.json()["items"])

    assert sample_entries() == 1
    sample.get_by_role("button", name=f"Use {seed.lower()}").click()
    sample.get_by_role("button", name="Redraw").click()
    confirm = page.get_by_role("dialog", name="Redraw the sample of 8.6.1?")
    expect(confirm).to_contain_text(f"{seed} with the same filters draws the same 1 record again")
    confirm.get_by_role("button", name="Redraw").click()
    expect(confirm).to_be_hidden()
    expect(sample.get_by_text(seed, exact=True)).to_be_visible()
    expect(drawn).to_contain_text("ITSM-142")
    assert sample_entries() == 1

    # Redraw with a new random seed: confirmed, replaced and logged.
    sample.get_by_role("button", name="Redraw").click()
    expect(confirm).to_contain_text("with a new random seed")
    shot(page, "sample-redraw")
    confirm.get_by_role("button", name="Redraw").click()
    expect(confirm).to_be_hidden()
    expect(sample.get_by_text(seed, exact=True)).to_be_hidden()
    expect(drawn).to_contain_text("ITSM-142")
    assert sample_entries() == 2

    # A viewer sees the sample, its seed and records, and cannot draw.
    add_member(admin_api, ORG, VIEWER_EMAIL, "Vic Viewer", "viewer", ADMIN_PASSWORD)
    context = browser.new_context()
    try:
        vic = context.new_page()
        log_in(vic, server, VIEWER_EMAIL, ADMIN_PASSWORD)
        vic.goto(f"{server}/orgs/{ORG}/audits/{audit_id}")
        vic.get_by_role("group", name="Checklist line 8.6.1", exact=True).get_by_role(
            "button", name="Sample 8.6.1"
        ).click()
        seen = vic.get_by_role("dialog", name=re.compile(r"^Sample for 8\.6\.1 "))
        expect(seen.get_by_role("table", name="Sample of 8.6.1")).to_contain_text("ITSM-142")
        expect(
            seen.get_by_text("Your role shows the sample; the audit team draws it.")
        ).to_be_visible()
        expect(seen.get_by_role("button", name="Redraw")).to_have_count(0)
        expect(seen.get_by_role("button", name="Draw sample")).to_have_count(0)
        # A drawn record's link opens that record (its drawer, from the URL), not the list.
        seen.get_by_role("link", name="ITSM-142").click()
        record = vic.get_by_role("dialog", name="ITSM-142 Payroll portal returns HTTP 503")
        expect(record.get_by_role("table", name="Delivery history")).to_be_visible()
        assert "record=" in vic.url
        vic.reload()
        expect(record.get_by_role("table", name="Delivery history")).to_be_visible()
    finally:
        context.close()
