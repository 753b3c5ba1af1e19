"""The SMS registers end to end (issue 14), as a new organisation's SMS manager: the
Configuration page imports a CMDB export all or nothing (a refused file lists its row errors
and stores nothing) and records a CMDB verification.

Runs on its own server and organisation.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Locator, Page, expect

from tests.e2e.conftest import SPA_DIR
from tests.e2e.helpers import add_member, blockers, go, log_in, own_server, pick, set_up_org, shot

pytestmark = pytest.mark.skipif(
    not (SPA_DIR / "index.html").is_file(),
    reason="frontend/dist/index.html missing: build the SPA first (make frontend)",
)

ORG = "regs"
ADMIN_EMAIL = "ada@regs.example"
ADMIN_PASSWORD = "correct horse battery staple 42"
MANAGER_EMAIL = "sam@regs.example"
MANAGER_PASSWORD = "another long passphrase 7"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with own_server(tmp_path_factory.mktemp("e2e-registers")) as base:
        yield base


@pytest.fixture(scope="module")
def admin_api(server: str) -> httpx.Client:
    api = set_up_org(server, ORG, "Regs Ltd", ADMIN_EMAIL, ADMIN_PASSWORD)
    add_member(api, ORG, MANAGER_EMAIL, "Sam Manager", "sms_manager", MANAGER_PASSWORD)
    return api


def import_cis(page: Page, csv_file: Path) -> Locator:
    page.get_by_role("button", name="Import CSV").click()
    dialog = page.get_by_role("dialog", name="Import configuration items from CSV")
    with page.expect_file_chooser() as chooser:
        dialog.get_by_role("button", name="CSV file").click()
    chooser.value.set_files(str(csv_file))
    dialog.get_by_role("button", name="Import", exact=True).click()
    return dialog


def test_cmdb_import_is_all_or_nothing_then_verified(
    page: Page, server: str, admin_api: httpx.Client, tmp_path: Path
) -> None:
    log_in(page, server, MANAGER_EMAIL, MANAGER_PASSWORD)

    # Configuration: a CMDB export with a bad row is refused whole, then imported fixed.
    go(page, "Configuration")
    expect(page.get_by_text("No configuration item recorded yet.")).to_be_visible()
    bad = tmp_path / "cmdb-bad.csv"
    bad.write_text(
        "key,name,type,status\n"
        "web-01,Web server 1,server,active\n"
        "web 02,Web server 2,server,active\n"
        "db-01,Database,server,broken\n",
        encoding="utf-8",
    )
    dialog = import_cis(page, bad)
    refused = dialog.get_by_role("table", name="Rows refused")
    expect(refused).to_contain_text("Letters, digits and . _ : / - only, no spaces.")
    expect(refused.get_by_role("row")).to_have_count(3)
    expect(dialog.get_by_role("alert")).to_contain_text("Nothing was imported: 2 problems")
    shot(page, "regspa-configuration-import-refused")
    dialog.get_by_role("button", name="Cancel").click()
    expect(page.get_by_text("No configuration item recorded yet.")).to_be_visible()

    good = tmp_path / "cmdb.csv"
    good.write_text(
        "key,name,type,status,owner,last_verified\n"
        f"web-01,Web server 1,server,active,{MANAGER_EMAIL},\n"
        "web-02,Web server 2,server,active,,\n"
        "db-01,Database,server,maintenance,,2026-01-15\n",
        encoding="utf-8",
    )
    dialog = import_cis(page, good)
    expect(dialog.get_by_role("status")).to_contain_text(
        "3 rows read: 3 configuration items added, 0 updated."
    )
    dialog.get_by_role("button", name="Close").click()
    items = page.get_by_role("table", name="Configuration items")
    expect(items.get_by_role("row")).to_have_count(4)
    expect(items).to_contain_text("Sam Manager")

    page.get_by_role("button", name="Record verification").click()
    form = page.get_by_role("dialog", name="Record a CMDB verification")
    form.get_by_label("Sample size").fill("3")
    pick(page, form, "Result", "Passed")
    form.get_by_label("Notes").fill("Three servers checked against the hypervisor inventory.")
    form.get_by_role("button", name="Record verification").click()
    expect(form).to_be_hidden()
    expect(page.get_by_role("table", name="CMDB verifications")).to_contain_text("CV-1")
    shot(page, "regspa-configuration")


# --- issue 14: each register clears its readiness blocker -------------------------------

FRESH_ORG = "fresh"
FRESH_MANAGER = "kim@fresh.example"
RISK_METHOD = {
    "likelihood_scale": ["Rare", "Possible", "Likely"],
    "impact_scale": ["Minor", "Moderate", "Severe"],
    "levels": ["low", "medium", "high"],
    "matrix": [
        ["low", "low", "medium"],
        ["low", "medium", "high"],
        ["medium", "high", "high"],
    ],
    "acceptance_criteria": "Low risks are accepted; anything higher is treated.",
    "acceptable_levels": ["low"],
}


@pytest.fixture(scope="module")
def fresh_org(admin_api: httpx.Client) -> str:
    """A second organisation with only what the test does not exercise set up by API: the
    approved risk method (RDY-07's method half) and the approved statements that no internal
    supplier and no customer acting as a supplier exists (RDY-13's statement half)."""
    r = admin_api.post("/orgs", json={"name": "Fresh Services", "slug": FRESH_ORG})
    assert r.status_code == 201, r.text
    add_member(admin_api, FRESH_ORG, FRESH_MANAGER, "Kim Manager", "sms_manager", MANAGER_PASSWORD)
    base = f"/orgs/{FRESH_ORG}"
    r = admin_api.post(f"{base}/risks/method", json=RISK_METHOD)
    assert r.status_code == 201, r.text
    r = admin_api.patch(
        f"{base}/risks/method",
        json={"approved_on": date.today().isoformat()},
        headers={"If-Match": r.headers["ETag"]},
    )
    assert r.status_code == 200, r.text
    for kind in ("internal", "customer_as_supplier"):
        r = admin_api.post(
            f"{base}/supplier-statements",
            json={"category": kind, "statement": f"We have no {kind.replace('_', ' ')}."},
        )
        assert r.status_code == 201, r.text
        r = admin_api.post(
            f"{base}/supplier-statements/{r.json()['id']}/transitions", json={"to": "approved"}
        )
        assert r.status_code == 200, r.text
    return FRESH_ORG


def name_in_scope(api: httpx.Client, org: str) -> None:
    """The scope statement names every catalogue service (Settings, an admin's change)."""
    services = api.get(f"/orgs/{org}/services").json()["items"]
    scope = api.get(f"/orgs/{org}/scope/services")
    assert scope.status_code == 200, scope.text
    r = api.put(
        f"/orgs/{org}/scope/services",
        json={"service_ids": [s["id"] for s in services]},
        headers={"If-Match": f'"{scope.json()["version"]}"'},
    )
    assert r.status_code == 200, r.text


def test_each_register_clears_its_blocker(
    page: Page, server: str, admin_api: httpx.Client, fresh_org: str, tmp_path: Path
) -> None:
    log_in(page, server, FRESH_MANAGER, MANAGER_PASSWORD)
    page.goto(f"{server}/orgs/{fresh_org}/dashboard")
    start = blockers(page, "Stage 1")
    # the catalogue (RDY-02) and the risk register (RDY-07) block; RDY-13 has nothing to check
    assert {"RDY-02", "RDY-07"} <= start, start
    assert "RDY-13" not in start, start
    shot(page, "regspa-blockers-start")

    # Services: a customer, a live service in scope for it, named by the scope statement.
    go(page, "Services")
    page.get_by_role("link", name="Customers", exact=True).click()
    expect(page.get_by_role("heading", name="Customers", level=2)).to_be_visible()
    page.get_by_role("button", name="New customer").click()
    form = page.get_by_role("dialog", name="New customer")
    form.get_by_label("Name").fill("Acme Retail")
    pick(page, form, "Kind", "External")
    form.get_by_role("button", name="Save").click()
    expect(page.get_by_role("table", name="Customers")).to_contain_text("CUS-1 Acme Retail")

    go(page, "Services")
    page.get_by_role("button", name="New service").click()
    form = page.get_by_role("dialog", name="New service")
    form.get_by_label("Name").fill("Service desk")
    pick(page, form, "Owner", "Kim Manager")
    pick(page, form, "Customers", "CUS-1 Acme Retail")
    form.get_by_role("button", name="Add service").click()
    expect(form).to_be_hidden()
    expect(page.get_by_role("table", name="Services")).to_contain_text("SVC-1 Service desk")
    # naming it in the scope statement is the admin's (org:update), not the SMS manager's
    name_in_scope(admin_api, fresh_org)
    page.reload()
    expect(page.get_by_role("table", name="Services")).to_contain_text(
        "named in the scope statement"
    )
    page.get_by_role("link", name="SVC-1 Service desk").click()
    page.get_by_role("button", name="Move to live").click()
    expect(page.get_by_role("button", name="Move to retiring")).to_be_visible()
    now = blockers(page, "Stage 1")
    assert "RDY-02" not in now, now
    # a live service for a customer now needs its SLA
    assert "RDY-13" in now, now
    expect(page.get_by_role("region", name=re.compile(r"^Stage 1: "))).to_contain_text(
        "SVC-1 Service desk for CUS-1 Acme Retail has no SLA in force."
    )

    # Agreements: the SLA for (SVC-1, CUS-1) with an availability target.
    go(page, "Suppliers")
    page.get_by_role("link", name="Agreements").click()
    expect(page.get_by_role("heading", name="Agreements", level=2)).to_be_visible()
    page.get_by_role("button", name="New agreement").click()
    form = page.get_by_role("dialog", name="New agreement")
    form.get_by_label("Title").fill("Service desk SLA")
    pick(page, form, "Customer", "CUS-1 Acme Retail")
    pick(page, form, "Services covered", "SVC-1 Service desk")
    form.get_by_role("textbox", name="Metric").fill("Availability")
    form.get_by_role("textbox", name="Target").fill("99.5")
    form.get_by_role("textbox", name="Unit").fill("%")
    form.get_by_role("button", name="Record agreement").click()
    expect(form).to_be_hidden()
    expect(page.get_by_role("table", name="Agreements")).to_contain_text("Availability ≥ 99.5 %")
    shot(page, "regspa-agreements")
    assert "RDY-13" not in blockers(page, "Stage 1")

    # Suppliers: an external supplier in scope needs a contract (RDY-13 again), then has one.
    go(page, "Suppliers")
    page.get_by_role("button", name="New supplier").click()
    form = page.get_by_role("dialog", name="New supplier")
    form.get_by_label("Name").fill("Hosting Co")
    form.get_by_role("button", name="Record supplier").click()
    expect(form).to_be_hidden()
    assert "RDY-13" in blockers(page, "Stage 1")
    expect(page.get_by_role("region", name=re.compile(r"^Stage 1: "))).to_contain_text(
        "SUP-1 Hosting Co (external supplier) has no contract in force."
    )
    go(page, "Suppliers")
    page.get_by_role("link", name="Agreements").click()
    page.get_by_role("button", name="New agreement").click()
    form = page.get_by_role("dialog", name="New agreement")
    form.get_by_label("Title").fill("Hosting contract")
    pick(page, form, "Type", "Contract")
    pick(page, form, "Supplier", "SUP-1 Hosting Co")
    pick(page, form, "Services covered", "SVC-1 Service desk")
    form.get_by_role("button", name="Record agreement").click()
    expect(form).to_be_hidden()
    expect(page.get_by_role("table", name="Agreements")).to_contain_text("Hosting contract")
    assert "RDY-13" not in blockers(page, "Stage 1")

    # Risks: one risk with an owner and a treatment decision.
    go(page, "Risks")
    page.get_by_role("button", name="New risk").click()
    form = page.get_by_role("dialog", name="New risk")
    form.get_by_label("Title").fill("Hosting outage")
    pick(page, form, "Likelihood", "2 Possible")
    pick(page, form, "Impact", "3 Severe")
    pick(page, form, "Treatment decision", "Treat")
    pick(page, form, "Owner", "Kim Manager")
    form.get_by_role("button", name="Register risk").click()
    expect(form).to_be_hidden()
    expect(page.get_by_role("table", name="Risk register")).to_contain_text("RSK-1 Hosting outage")
    assert "RDY-07" not in blockers(page, "Stage 1")

    # Configuration (RDY-22): the service in scope has no configuration item and the CMDB was
    # never verified; the CMDB export (items linked to SVC-1) is imported, then verified.
    before = blockers(page, "Stage 2")
    assert "RDY-22" in before, before
    expect(page.get_by_role("region", name=re.compile(r"^Stage 2: "))).to_contain_text(
        "SVC-1 Service desk: no configuration item is recorded for it."
    )
    go(page, "Configuration")
    cmdb = tmp_path / "cmdb.csv"
    cmdb.write_text(
        "key,name,type,status,service\n"
        "desk-app,Service desk application,application,active,SVC-1\n"
        "desk-db,Service desk database,database,active,SVC-1\n",
        encoding="utf-8",
    )
    dialog = import_cis(page, cmdb)
    expect(dialog.get_by_role("status")).to_contain_text("2 configuration items added")
    dialog.get_by_role("button", name="Close").click()
    items = page.get_by_role("table", name="Configuration items")
    expect(items.get_by_role("row").filter(has_text="desk-db")).to_contain_text("SVC-1")
    shot(page, "regspa-configuration")
    # the item form names the services it supports
    page.get_by_role("button", name="Edit desk-app").click()
    form = page.get_by_role("dialog", name="Edit desk-app")
    expect(form.get_by_label("Services supported")).to_be_visible()
    expect(form).to_contain_text("SVC-1 Service desk")
    form.get_by_role("button", name="Cancel").click()
    page.get_by_role("button", name="Record verification").click()
    form = page.get_by_role("dialog", name="Record a CMDB verification")
    form.get_by_label("Sample size").fill("2")
    pick(page, form, "Result", "Passed")
    form.get_by_role("button", name="Record verification").click()
    expect(form).to_be_hidden()
    expect(page.get_by_role("table", name="CMDB verifications")).to_contain_text("CV-1")
    end = blockers(page, "Stage 2")
    assert not {"RDY-02", "RDY-07", "RDY-13", "RDY-22"} & end, end
    shot(page, "regspa-blockers-end")
