"""The SMS registers end to end (issue 14), as a new organisation's SMS manager: the
Configuration page imports a CMDB export all or nothing (a refused file lists its row errors
and stores nothing) and records a CMDB verification.

Runs on its own server and organisation.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Locator, Page, expect

from tests.e2e.conftest import SPA_DIR
from tests.e2e.helpers import add_member, log_in, own_server, set_up_org

pytestmark = pytest.mark.skipif(
    not (SPA_DIR / "index.html").is_file(),
    reason="frontend/dist/index.html missing: build the SPA first (make frontend)",
)

ORG = "regs"
ADMIN_EMAIL = "ada@regs.example"
ADMIN_PASSWORD = "correct horse battery staple 42"
MANAGER_EMAIL = "sam@regs.example"
MANAGER_PASSWORD = "another long passphrase 7"
SHOTS = Path("/tmp")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with own_server(tmp_path_factory.mktemp("e2e-registers")) as base:
        yield base


@pytest.fixture(scope="module")
def admin_api(server: str) -> httpx.Client:
    api = set_up_org(server, ORG, "Regs Ltd", ADMIN_EMAIL, ADMIN_PASSWORD)
    add_member(api, ORG, MANAGER_EMAIL, "Sam Manager", "sms_manager", MANAGER_PASSWORD)
    return api


def shot(page: Page, name: str) -> None:
    page.screenshot(path=str(SHOTS / f"regspa-{name}.png"), full_page=True)


def go(page: Page, label: str, heading: str | None = None) -> None:
    page.get_by_role("navigation", name="Main").get_by_role("link", name=label, exact=True).click()
    if label != "Dashboard":
        expect(page.get_by_role("heading", name=heading or label, level=2)).to_be_visible()


def blockers(page: Page, gate: str) -> set[str]:
    """The rule ids the dashboard lists as blocking ``gate`` ("Stage 1", "Stage 2")."""
    go(page, "Dashboard")
    region = page.get_by_role("region", name=re.compile(rf"^{gate}: "))
    expect(region).to_be_visible()
    lines = region.get_by_role("listitem").all_inner_texts()
    return {m.group(1) for line in lines if (m := re.match(r"(RDY-\d+) ", line))}


def pick(page: Page, scope: Locator, combobox: str, option: str) -> None:
    scope.get_by_role("combobox", name=combobox).click()
    page.get_by_role("option", name=option, exact=True).click()


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
    shot(page, "configuration-import-refused")
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
    shot(page, "configuration")
