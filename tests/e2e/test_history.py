"""Last spring's internal audit recorded with its real dates (issue 13, occurred vs recorded).

An organisation adopting Certready mid-way records the internal audit it held eight months
ago: started, assessed, ended and closed on those days in the browser. The audit page, the
checklist and the activity log show the days it happened beside when they were recorded;
the coverage and RDY-27/28 on the dashboard count the audit as held eight months ago, while
an audit closed fourteen months ago (set up through the API) is outside RDY-28's window.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta

import httpx
import pytest
from certready.core.clock import add_months, today
from playwright.sync_api import Locator, Page, expect

from tests.e2e.conftest import SPA_DIR
from tests.e2e.helpers import log_in, own_server, set_up_org

pytestmark = pytest.mark.skipif(
    not (SPA_DIR / "index.html").is_file(),
    reason="frontend/dist/index.html missing: build the SPA first (make frontend)",
)

ORG = "history-co"
EMAIL = "sam@history.example"
PASSWORD = "correct horse battery staple 42"
SPRING = add_months(today(), -8)
ENDED = SPRING + timedelta(days=2)
LAST_YEAR = add_months(today(), -14)


def typed(day: date) -> str:
    """What a user types into a date field ("3 April 2026")."""
    return f"{day.day} {day:%B} {day.year}"


def shown(day: date) -> str:
    """How a date field shows a day ("3 Apr 2026")."""
    return f"{day.day} {day:%b} {day.year}"


def displayed(day: date) -> str:
    """How the pages show a day in the browser's locale (en-US: "Apr 3, 2026")."""
    return f"{day:%b} {day.day}, {day.year}"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with own_server(tmp_path_factory.mktemp("e2e-history")) as base:
        yield base


@pytest.fixture(scope="module")
def setup(server: str) -> dict[str, str]:
    """Organisation, approved programme, last spring's audit planned over clause 4, and an
    audit of clause 5 held and closed fourteen months ago (through the API)."""
    api = set_up_org(server, ORG, "History Co", EMAIL, PASSWORD)
    me = api.get("/me").json()["id"]
    r = api.post(
        f"/orgs/{ORG}/audit-programmes",
        json={
            "title": "Internal audit programme",
            "period_label": "Rolling 12 months",
            "objectives": "Every clause once a year.",
            "method": "Document review, interviews, sampled records; report to top management.",
        },
    )
    assert r.status_code == 201, r.text
    programme = r.json()["id"]
    assert api.post(f"/orgs/{ORG}/audit-programmes/{programme}/approve").status_code == 200

    def plan(title: str, scope: list[str]) -> str:
        r = api.post(
            f"/orgs/{ORG}/audits",
            json={
                "type": "internal",
                "title": title,
                "scope": scope,
                "criteria": "ISO/IEC 20000-1:2018 and the SMS plan",
                "programme_id": programme,
                "lead_auditor_id": me,
            },
        )
        assert r.status_code == 201, r.text
        return str(r.json()["id"])

    old = plan("Leadership audit", ["5"])
    _held_through_api(api, old, LAST_YEAR)
    spring = plan("Context audit", ["4"])
    return {"audit": spring}


def _held_through_api(api: httpx.Client, audit: str, start: date) -> None:
    moves = f"/orgs/{ORG}/audits/{audit}/transitions"
    r = api.post(moves, json={"to": "in_progress", "occurred_on": start.isoformat()})
    assert r.status_code == 200, r.text
    for item in api.get(f"/orgs/{ORG}/audits/{audit}/checklist").json()["items"]:
        r = api.patch(
            f"/orgs/{ORG}/audits/{audit}/checklist/{item['ref']}",
            json={"result": "conforming", "assessed_on": start.isoformat()},
        )
        assert r.status_code == 200, r.text
    current = api.get(f"/orgs/{ORG}/audits/{audit}")
    r = api.patch(
        f"/orgs/{ORG}/audits/{audit}",
        json={"report_summary": "Conforming.", "distribution": ["Top management"]},
        headers={"If-Match": current.headers["etag"]},
    )
    assert r.status_code == 200, r.text
    for to in ("reporting", "closed"):
        r = api.post(moves, json={"to": to, "occurred_on": start.isoformat()})
        assert r.status_code == 200, r.text


def pick_day(page: Page, dialog: Locator, label: str, day: date) -> None:
    field = dialog.get_by_role("textbox", name=label)
    field.fill(typed(day))
    field.press("Tab")  # closes the calendar
    expect(field).to_have_value(shown(day))


def line(page: Page, ref: str) -> Locator:
    return page.get_by_role("group", name=f"Checklist line {ref}", exact=True)


def test_last_springs_audit_with_its_real_dates(
    page: Page, server: str, setup: dict[str, str]
) -> None:
    log_in(page, server, EMAIL, PASSWORD)
    page.goto(f"{server}/orgs/{ORG}/audits/{setup['audit']}")
    expect(page.get_by_role("heading", name=re.compile(r"Context audit"))).to_be_visible()

    # Start it on the day it started last spring (not today).
    page.get_by_role("button", name="Start audit").click()
    dialog = page.get_by_role("dialog", name="Start the audit")
    pick_day(page, dialog, "Started on", SPRING)
    dialog.get_by_role("button", name="Start audit").click()
    expect(dialog).to_be_hidden()
    expect(page.get_by_title("Status: In progress")).to_be_visible()

    # The lines are assessed on the spring day.
    assessed_on = page.get_by_role("textbox", name="Assessed on")
    assessed_on.fill(typed(SPRING))
    assessed_on.press("Tab")
    expect(assessed_on).to_have_value(shown(SPRING))
    refs = ["4.1", "4.2", "4.3", "4.4"]
    for ref in refs:
        line(page, ref).get_by_role("button", name="Conforming", exact=True).click()
        expect(line(page, ref)).to_contain_text(f"on {displayed(SPRING)}")

    # Report, then the day the audit work ended; then closed on that day too.
    page.get_by_role("button", name="Move to reporting").click()
    report = page.get_by_role("dialog", name="Move to reporting")
    report.get_by_label("Report summary (conclusions)").fill("Clause 4 conforms.")
    distribution = report.get_by_label("Distribution")
    distribution.fill("Top management")
    distribution.press("Enter")
    report.get_by_role("button", name="Save and move to reporting").click()
    ended = page.get_by_role("dialog", name="Audit work done")
    pick_day(page, ended, "Audit work ended on", ENDED)
    ended.get_by_role("button", name="Move to reporting").click()
    expect(page.get_by_title("Status: Reporting")).to_be_visible()
    page.get_by_role("button", name="Close audit").click()
    closing = page.get_by_role("dialog", name="Close the audit")
    pick_day(page, closing, "Closed on", ENDED)
    closing.get_by_role("button", name="Close audit").click()
    expect(page.get_by_title("Status: Closed")).to_be_visible()
    expect(page.get_by_text(f"{displayed(SPRING)} \N{EN DASH} {displayed(ENDED)}")).to_be_visible()

    # The activity log shows both: when it happened and when it was recorded.
    page.goto(f"{server}/orgs/{ORG}/activity")
    log = page.get_by_role("table", name="Activity")
    expect(log).to_contain_text(re.compile(rf"occurred {re.escape(displayed(SPRING))} \(recorded "))
    expect(log).to_contain_text(re.compile(rf"occurred {re.escape(displayed(ENDED))} \(recorded "))

    # Coverage counts clause 4 (assessed last spring, inside 12 months), not clause 5
    # (fourteen months ago).
    page.goto(f"{server}/orgs/{ORG}/audits/coverage")
    clause4 = page.get_by_role("region", name="Clause 4 coverage")
    expect(clause4.get_by_text(re.compile(r"^(\d+)/\1 covered$"))).to_be_visible()
    clause5 = page.get_by_role("region", name="Clause 5 coverage")
    expect(clause5.get_by_text(re.compile(r"^0/\d+ covered$"))).to_be_visible()

    # The dashboard: RDY-27 passes; RDY-28 names clause 5's leaves, not clause 4's.
    page.goto(f"{server}/orgs/{ORG}/dashboard")
    rules = page.get_by_role("region", name="Rules")
    rules.get_by_role("button", name=re.compile(r"^Passing rules")).click()
    expect(rules.get_by_text(re.compile(r"RDY-27 "))).to_be_visible()
    rules.get_by_role("button", name=re.compile(r"RDY-28")).click()
    failing = rules.get_by_role("table", name="RDY-28 failing objects")
    expect(failing).to_contain_text("5.1 not covered")
    expect(failing).not_to_contain_text("4.1 not covered")
