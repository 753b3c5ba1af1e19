"""The operations and context pages end to end (issue 14), as a new organisation's SMS
manager who follows the dashboard's blocker links: the Continuity page records a plan and
its test (RDY-21 leaves Stage 2's blockers), the Service reports page records a monthly
report definition and its last two reports (RDY-24 goes), and the Context page fills in and
approves the context record (RDY-03 leaves Stage 1's blockers).

Runs on its own server and organisation.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

import httpx
import pytest
from playwright.sync_api import Locator, Page, expect

from tests.e2e.conftest import SPA_DIR
from tests.e2e.helpers import (
    add_member,
    blockers,
    gate_region,
    go,
    log_in,
    own_server,
    pick,
    set_up_org,
    shot,
)
from tests.scenarios.operations_setup import complete_months

pytestmark = pytest.mark.skipif(
    not (SPA_DIR / "index.html").is_file(),
    reason="frontend/dist/index.html missing: build the SPA first (make frontend)",
)

ORG = "ops"
ADMIN_EMAIL = "ada@ops.example"
ADMIN_PASSWORD = "correct horse battery staple 42"
MANAGER_EMAIL = "kim@ops.example"
MANAGER_PASSWORD = "another long passphrase 7"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with own_server(tmp_path_factory.mktemp("e2e-operations")) as base:
        yield base


@pytest.fixture(scope="module")
def org(server: str) -> str:
    api: httpx.Client = set_up_org(server, ORG, "Ops Ltd", ADMIN_EMAIL, ADMIN_PASSWORD)
    add_member(api, ORG, MANAGER_EMAIL, "Kim Manager", "sms_manager", MANAGER_PASSWORD)
    return ORG


def follow(page: Page, name: str, link: str | re.Pattern[str]) -> None:
    """Click a blocker's fix link on the dashboard (read fresh by ``blockers``)."""
    gate_region(page, name).get_by_role("link", name=link).click()


def type_date(field: Locator, day: date) -> None:
    """Type a day into a date input, then click the dialog's title: the calendar closes
    (Tab would open the next date field's, Escape would close the dialog)."""
    field.fill(day.isoformat())
    field.page.get_by_role("dialog").locator(".mantine-Modal-title").click()


def test_continuity_plan_and_test_clear_rdy21(page: Page, server: str, org: str) -> None:
    log_in(page, server, MANAGER_EMAIL, MANAGER_PASSWORD)
    page.goto(f"{server}/orgs/{org}/dashboard")
    assert "RDY-21" in blockers(page, "Stage 2")
    follow(page, "Stage 2", "No service continuity plan recorded.")
    expect(page.get_by_role("heading", name="Continuity", level=2)).to_be_visible()
    expect(page.get_by_text("No continuity plan recorded yet.")).to_be_visible()

    page.get_by_role("button", name="New plan").click()
    form = page.get_by_role("dialog", name="New continuity plan")
    form.get_by_label("Title").fill("Service desk continuity")
    pick(page, form, "Owner", "Kim Manager")
    form.get_by_role("button", name="Record plan").click()
    expect(form).to_be_hidden()
    plans = page.get_by_role("table", name="Continuity plans")
    expect(plans).to_contain_text("CP-1 Service desk continuity")
    expect(plans).to_contain_text("never tested")
    expect(plans).to_contain_text("not approved")

    # the plan is there but never tested: the blocker now names it and links to it
    assert "RDY-21" in blockers(page, "Stage 2")
    follow(page, "Stage 2", re.compile(r"^CP-1 Service desk continuity: never tested"))
    expect(
        page.get_by_role("heading", name="CP-1 Service desk continuity", level=2)
    ).to_be_visible()
    expect(page.get_by_text("Never tested.")).to_be_visible()

    page.get_by_role("button", name="Edit plan").click()
    form = page.get_by_role("dialog", name="Edit CP-1")
    type_date(form.get_by_label("Approved on"), date.today())
    form.get_by_role("button", name="Save").click()
    expect(form).to_be_hidden()
    expect(page.get_by_text("approved on")).to_be_visible()

    page.get_by_role("button", name="Record test").click()
    form = page.get_by_role("dialog", name="Record a continuity test")
    form.get_by_label("Scenario").fill(
        "Loss of the primary data centre: fail over to the second site."
    )
    pick(page, form, "Result", "Passed with issues")
    form.get_by_label("Issues found").fill("The runbook named a retired DNS server.")
    form.get_by_role("button", name="Record test").click()
    expect(form).to_be_hidden()
    tests = page.get_by_role("table", name="Continuity tests")
    expect(tests).to_contain_text("CT-1")
    expect(tests).to_contain_text("Passed with issues")
    shot(page, "opspa-continuity-plan")

    go(page, "Continuity")
    expect(page.get_by_role("table", name="Continuity plans")).to_contain_text("Passed with issues")
    shot(page, "opspa-continuity")
    assert "RDY-21" not in blockers(page, "Stage 2")


def test_report_definition_and_reports_clear_rdy24(page: Page, server: str, org: str) -> None:
    log_in(page, server, MANAGER_EMAIL, MANAGER_PASSWORD)
    page.goto(f"{server}/orgs/{org}/dashboard")
    assert "RDY-24" in blockers(page, "Stage 2")
    follow(page, "Stage 2", "No service report is agreed at a frequency.")
    expect(page.get_by_role("heading", name="Service reports", level=2)).to_be_visible()

    (newer, older) = complete_months(date.today(), 2)
    page.get_by_role("button", name="New report definition").click()
    form = page.get_by_role("dialog", name="New service report")
    form.get_by_label("Title").fill("Monthly service review pack")
    form.get_by_label("Audience").fill("Acme Retail")
    pick(page, form, "Frequency", "Monthly")
    type_date(form.get_by_label("Reporting starts on"), older[0])
    form.get_by_role("button", name="Record report definition").click()
    expect(form).to_be_hidden()
    definitions = page.get_by_role("table", name="Service report definitions")
    expect(definitions).to_contain_text("RD-1 Monthly service review pack")
    expect(definitions.get_by_text(re.compile(": missing$"))).to_have_count(2)

    assert "RDY-24" in blockers(page, "Stage 2")
    follow(page, "Stage 2", re.compile(r"^RD-1 Monthly service review pack \(monthly\): no report"))
    expect(
        page.get_by_role("heading", name="RD-1 Monthly service review pack", level=2)
    ).to_be_visible()

    # last month's report: the form offers that period
    page.get_by_role("button", name="Record report").click()
    form = page.get_by_role("dialog", name="Record a produced report")
    expect(form.get_by_label("Period start")).to_have_value(newer[0].isoformat())
    expect(form.get_by_label("Period end")).to_have_value(newer[1].isoformat())
    form.get_by_role("button", name="Record report").click()
    expect(form).to_be_hidden()
    # the month before, typed in
    page.get_by_role("button", name="Record report").click()
    form = page.get_by_role("dialog", name="Record a produced report")
    type_date(form.get_by_label("Period start"), older[0])
    type_date(form.get_by_label("Period end"), older[1])
    form.get_by_role("button", name="Record report").click()
    expect(form).to_be_hidden()
    reports = page.get_by_role("table", name="Produced reports")
    expect(reports.get_by_role("row")).to_have_count(3)
    expect(reports).to_contain_text("SR-2")
    expect(page.get_by_text(re.compile(": produced$"))).to_have_count(2)
    shot(page, "opspa-service-report-definition")

    go(page, "Service reports")
    expect(definitions.get_by_text(re.compile(": produced$"))).to_have_count(2)
    shot(page, "opspa-service-reports")
    assert "RDY-24" not in blockers(page, "Stage 2")


def test_context_record_filled_and_approved_clears_rdy03(page: Page, server: str, org: str) -> None:
    log_in(page, server, MANAGER_EMAIL, MANAGER_PASSWORD)
    page.goto(f"{server}/orgs/{org}/dashboard")
    assert "RDY-03" in blockers(page, "Stage 1")
    follow(page, "Stage 1", "No context record (issues and interested parties).")
    expect(
        page.get_by_role("heading", name="Context & interested parties", level=2)
    ).to_be_visible()

    page.get_by_role("button", name="Start the context record").click()
    missing = page.get_by_role("list", name="Still missing")
    expect(missing).to_contain_text("no internal issue recorded")
    expect(missing).to_contain_text("not approved")

    for kind, text in (
        ("Internal", "Two engineers hold all the network knowledge."),
        ("External", "Customers expect 24/7 support from next year."),
    ):
        page.get_by_role("button", name="Add issue").click()
        form = page.get_by_role("dialog", name="Add an issue")
        pick(page, form, "Kind", kind)
        form.get_by_label("Description").fill(text)
        form.get_by_role("button", name="Add issue").click()
        expect(form).to_be_hidden()
        expect(page.get_by_role("list", name=f"{kind} issues")).to_contain_text(text)

    page.get_by_role("button", name="Edit statement").click()
    form = page.get_by_role("dialog", name="Edit the context statement")
    form.get_by_label("Summary").fill("Managed IT services for retail customers in the EU.")
    pick(page, form, "Climate change", "Relevant")
    form.get_by_label("Climate-change reasoning").fill(
        "Heat waves put the data centre's cooling, and so availability, at risk."
    )
    form.get_by_role("button", name="Save").click()
    expect(form).to_be_hidden()

    page.get_by_role("button", name="Add party").click()
    form = page.get_by_role("dialog", name="Add an interested party")
    form.get_by_label("Name").fill("Retail customers")
    pick(page, form, "Kind", "Customer")
    form.get_by_label("Requirements").fill("Service desk reachable 07:00-22:00; monthly reports.")
    form.get_by_role("button", name="Add party").click()
    expect(form).to_be_hidden()
    expect(page.get_by_role("table", name="Interested parties")).to_contain_text("Retail customers")
    expect(missing).to_have_text(re.compile(r"not approved\s*never reviewed"))

    assert "RDY-03" in blockers(page, "Stage 1")
    follow(page, "Stage 1", "Context record: not approved.")
    page.get_by_role("button", name="Approve").click()
    expect(page.get_by_text(re.compile(r"Approved on .* by Kim Manager"))).to_be_visible()
    expect(page.get_by_text("Complete, and approved or reviewed within 12 months")).to_be_visible()
    shot(page, "opspa-context")
    assert "RDY-03" not in blockers(page, "Stage 1")


def test_a_fix_link_with_a_grade_opens_findings_filtered(page: Page, server: str, org: str) -> None:
    """RDY-36's link (/findings?grade=ofi) opens the findings page filtered to OFIs; an
    unknown grade in the URL is dropped, not sent to the API."""
    log_in(page, server, MANAGER_EMAIL, MANAGER_PASSWORD)
    page.goto(f"{server}/orgs/{org}/findings?grade=ofi")
    expect(page.get_by_role("heading", name="Findings", level=2)).to_be_visible()
    expect(page.get_by_role("combobox", name="Grade")).to_have_value("OFI")
    page.goto(f"{server}/orgs/{org}/findings?grade=nonsense")
    expect(page.get_by_role("heading", name="Findings", level=2)).to_be_visible()
    expect(page.get_by_role("combobox", name="Grade")).to_have_value("")
