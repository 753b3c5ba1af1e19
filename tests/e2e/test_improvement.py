"""Improvement end to end: a minor NC from an internal audit goes through a corrective measure
(correction, root cause, plan, implementation, an effectiveness review by someone other than
the owner) to closed, the finding closes, and a management review with pre-filled inputs is
held.

Own server (fresh database). Setup goes through the API with httpx: organisation, an SMS
manager, an approved programme, an internal audit over one clause with a nonconforming line
and an evidence item for the review. The minor NC is raised from that line in the browser,
and the improvement is driven there too; most review topics are covered through the API to
save time.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from playwright.sync_api import Browser, Page, expect

from tests.e2e.conftest import SPA_DIR
from tests.e2e.helpers import add_member, own_server, set_up_org

pytestmark = pytest.mark.skipif(
    not (SPA_DIR / "index.html").is_file(),
    reason="frontend/dist/index.html missing: build the SPA first (make frontend)",
)

ORG = "improve-co"
ADMIN_EMAIL = "sam@improve.example"
MANAGER_EMAIL = "mia@improve.example"
PASSWORD = "correct horse battery staple 42"
NC_REF = "8.2.1"
LAST_TOPIC = "Changes that could affect the SMS and the services"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with own_server(tmp_path_factory.mktemp("e2e-improvement")) as base:
        yield base


@pytest.fixture(scope="module")
def setup(server: str) -> dict[str, Any]:
    admin = set_up_org(server, ORG, "Improve Co", ADMIN_EMAIL, PASSWORD)
    admin_id = admin.get("/me").json()["id"]
    add_member(admin, ORG, MANAGER_EMAIL, "Mia Manager", "sms_manager", PASSWORD)
    # The admin chairs the management review: designated top management (iso20000.md 6.6).
    me = next(
        m for m in admin.get(f"/orgs/{ORG}/members").json()["items"] if m["user_id"] == admin_id
    )
    r = admin.patch(
        f"/orgs/{ORG}/members/{admin_id}",
        json={"top_management": True},
        headers={"If-Match": f'"{me["version"]}"'},
    )
    assert r.status_code == 200, r.text

    r = admin.post(
        f"/orgs/{ORG}/audit-programmes",
        json={
            "title": "Internal audit programme 2026",
            "period_label": "2026",
            "objectives": "Confirm the SMS conforms before Stage 1.",
            "method": "Yearly audit of clauses 4-10, sampled evidence.",
        },
    )
    assert r.status_code == 201, r.text
    programme_id = r.json()["id"]
    r = admin.post(f"/orgs/{ORG}/audit-programmes/{programme_id}/approve")
    assert r.status_code == 200, r.text
    r = admin.post(
        f"/orgs/{ORG}/audits",
        json={
            "type": "internal",
            "title": "Service planning audit",
            "scope": [NC_REF],
            "criteria": "ISO/IEC 20000-1:2018 and the SMS plan",
            "programme_id": programme_id,
            "lead_auditor_id": admin_id,
            "team_member_ids": [],
        },
    )
    assert r.status_code == 201, r.text
    audit_id = r.json()["id"]
    r = admin.post(f"/orgs/{ORG}/audits/{audit_id}/transitions", json={"to": "in_progress"})
    assert r.status_code == 200, r.text
    r = admin.patch(
        f"/orgs/{ORG}/audits/{audit_id}/checklist/{NC_REF}",
        json={
            "result": "nonconforming",
            "notes": "No service delivery plan for hosting.",
        },
    )
    assert r.status_code == 200, r.text
    r = admin.post(
        f"/orgs/{ORG}/evidence",
        json={
            "title": "Service plan sample, March",
            "kind": "record",
            "description": "Three new services sampled: all have an approved plan.",
        },
    )
    assert r.status_code == 201, r.text
    return {"admin": admin, "audit_id": audit_id, "evidence": r.json()}


def log_in(page: Page, base: str, email: str) -> None:
    page.goto(f"{base}/login")
    page.get_by_label("Email").fill(email)
    page.get_by_role("textbox", name="Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(re.compile(rf"/orgs/{ORG}/dashboard$"))


def pick(page: Page, combobox: str, option: str, scope: Any = None) -> None:
    (scope or page).get_by_role("combobox", name=combobox).click()
    page.get_by_role("option", name=option, exact=True).click()


def status_badge(page: Page, label: str) -> Any:
    return page.get_by_title(f"Status: {label}")


def test_minor_nc_to_closed_and_review_held(
    page: Page, browser: Browser, server: str, setup: dict[str, Any]
) -> None:
    log_in(page, server, ADMIN_EMAIL)

    # Raise the minor NC from the audit's nonconforming line (requirement and audit prefilled).
    page.goto(f"{server}/orgs/{ORG}/audits/{setup['audit_id']}")
    line = page.get_by_role("group", name=f"Checklist line {NC_REF}", exact=True)
    line.get_by_role("button", name="Raise finding").click()
    raise_dialog = page.get_by_role("dialog", name="Raise finding")
    expect(raise_dialog.get_by_role("combobox", name="Grade")).to_have_value("Minor NC")
    raise_dialog.get_by_role("textbox", name="Statement").fill(
        "The new hosting service went live without a service plan."
    )
    raise_dialog.get_by_role("button", name="Raise finding").click()
    expect(raise_dialog).to_be_hidden()
    line.get_by_role("link", name=re.compile(r"F-1")).click()
    expect(page).to_have_url(re.compile(rf"/orgs/{ORG}/findings/[0-9a-f-]+$"))
    finding = {"key": "F-1", "id": page.url.rsplit("/", 1)[1]}
    expect(page.get_by_role("heading", name=finding["key"])).to_be_visible()

    # The open NC has no corrective measure: RDY-33 fails on the dashboard.
    page.goto(f"{server}/orgs/{ORG}/dashboard")
    rules = page.get_by_role("region", name="Rules")
    expect(rules.get_by_role("button", name=re.compile(r"RDY-33"))).to_be_visible()

    # Closing the NC without any corrective measure is refused, with the reason (10.1).
    page.goto(f"{server}/orgs/{ORG}/findings/{finding['id']}")
    expect(page.get_by_role("heading", name=finding["key"])).to_be_visible()
    expect(page.get_by_text("No corrective measure is linked yet")).to_be_visible()
    page.get_by_role("button", name="Action planned").click()
    expect(page.get_by_text("Action planned", exact=True).first).to_be_visible()
    page.get_by_role("button", name="Close finding").click()
    refused = page.get_by_role("dialog", name=f"Close {finding['key']}")
    refused.get_by_role("button", name="Close finding").click()
    expect(
        refused.get_by_role("alert").filter(has_text="closes only after corrective action")
    ).to_be_visible()
    refused.get_by_role("button", name="Cancel").click()

    # From the finding: open a corrective measure with the finding pre-selected.
    page.get_by_role("link", name="Create corrective measure").click()
    dialog = page.get_by_role("dialog", name="New corrective measure")
    expect(dialog.get_by_text(finding["key"], exact=False).first).to_be_visible()
    dialog.get_by_role("textbox", name="Title", exact=True).fill(
        "Plan every new service before go-live"
    )
    pick(page, "Owner", "Sam Manager", dialog)
    dialog.get_by_role("button", name="Open measure").click()
    expect(page).to_have_url(re.compile(rf"/orgs/{ORG}/corrective-measures/[0-9a-f-]+$"))
    measure_url = page.url
    expect(status_badge(page, "Open")).to_be_visible()

    # Step 1: correction.
    step1 = page.get_by_role("form", name="Step 1: correction")
    step1.get_by_role("textbox", name="Correction", exact=True).fill(
        "Wrote and approved the hosting service plan."
    )
    step1.get_by_role("button", name="Save correction").click()
    expect(page.get_by_text("Correction saved.")).to_be_visible()
    page.get_by_role("button", name="Mark contained").click()
    expect(status_badge(page, "Contained")).to_be_visible()

    # Step 2: analysed is refused until the root cause is recorded (409 reason shown).
    page.get_by_role("button", name="Mark analysed").click()
    expect(
        page.get_by_role("alert").filter(has_text="Record the root-cause method")
    ).to_be_visible()
    step2 = page.get_by_role("form", name="Step 2: root cause")
    pick(page, "Root-cause method", "5 whys", step2)
    step2.get_by_role("textbox", name="Root cause", exact=True).fill(
        "The transition checklist did not require a service plan."
    )
    step2.get_by_role("textbox", name="Extent", exact=True).fill(
        "Checked the two other new services: fine."
    )
    step2.get_by_role("button", name="Save root cause").click()
    expect(page.get_by_text("Root cause saved.")).to_be_visible()
    page.get_by_role("button", name="Mark analysed").click()
    expect(status_badge(page, "Analysed")).to_be_visible()

    # Step 3: plan an action (owner and due date default to the measure's owner, +30 days).
    plan = page.get_by_role("form", name="Add an action")
    plan.get_by_role("textbox", name="Action", exact=True).fill(
        "Add 'service plan approved' to the go-live checklist"
    )
    plan.get_by_role("button", name="Add action").click()
    expect(page.get_by_text("Action added.")).to_be_visible()
    page.get_by_role("button", name="Mark planned").click()
    expect(status_badge(page, "Planned")).to_be_visible()

    # Step 4: implementation: tick the action off, then implemented.
    done = page.get_by_role("checkbox", name=re.compile(r"^Done: Add 'service plan approved'"))
    done.click()
    expect(done).to_be_checked()
    expect(page.get_by_text("Every action is done.")).to_be_visible()
    page.get_by_role("button", name="Mark implemented").click()
    expect(status_badge(page, "Implemented")).to_be_visible()
    page.get_by_role("button", name="Start effectiveness review").click()
    expect(status_badge(page, "Effectiveness review")).to_be_visible()

    # The owner cannot close it: no review yet.
    expect(page.get_by_text("You own this measure")).to_be_visible()
    page.get_by_role("button", name="Close measure").click()
    # the day it closed (default today), then confirm
    page.get_by_role("dialog", name="Close CM-1").get_by_role(
        "button", name="Close measure"
    ).click()
    expect(
        page.get_by_role("alert").filter(has_text="Record the effectiveness review")
    ).to_be_visible()

    # Step 5: the SMS manager (not the owner) reviews effectiveness and closes the measure.
    context = browser.new_context()
    try:
        mia = context.new_page()
        log_in(mia, server, MANAGER_EMAIL)
        mia.goto(measure_url)
        review = mia.get_by_role("form", name="Record the effectiveness review")
        review.get_by_role("textbox", name="Review method", exact=True).fill(
            "Sampled the three services launched since: all had a plan."
        )
        pick(
            mia,
            "Evidence",
            f"{setup['evidence']['key']} Service plan sample, March",
            review,
        )
        review.get_by_role("button", name="Record review").click()
        expect(mia.get_by_text("Effectiveness review recorded.")).to_be_visible()
        mia.get_by_role("button", name="Close measure").click()
        mia.get_by_role("dialog", name="Close CM-1").get_by_role(
            "button", name="Close measure"
        ).click()
        expect(status_badge(mia, "Closed")).to_be_visible()
        expect(mia.get_by_text(re.compile(r"CM-1 is closed"))).to_be_visible()
        # its last open measure closed effective: the finding moved on by itself, and said so
        expect(
            mia.get_by_text(f"{finding['key']} moved to closed: CM-1 closed effective.")
        ).to_be_visible()
    finally:
        context.close()

    # The finding page shows it closed, with its measure and the effectiveness result.
    page.goto(f"{server}/orgs/{ORG}/findings/{finding['id']}")
    expect(page.get_by_text("Closed", exact=True).first).to_be_visible()
    measures = page.get_by_role("table", name="Corrective measures of the finding")
    row = measures.get_by_role("row").filter(has_text="CM-1")
    expect(row.get_by_text("Effective", exact=True)).to_be_visible()
    expect(page.get_by_role("button", name="Close finding")).to_have_count(0)

    # ... and RDY-33 passes on the dashboard.
    page.goto(f"{server}/orgs/{ORG}/dashboard")
    rules = page.get_by_role("region", name="Rules")
    rules.get_by_role("button", name=re.compile(r"^Passing rules")).click()
    expect(rules.get_by_text(re.compile(r"RDY-33 "))).to_be_visible()
    expect(rules.get_by_role("button", name=re.compile(r"RDY-33"))).to_have_count(0)

    # Management review: plan it in the UI; the inputs are pre-filled from the data.
    page.get_by_role("navigation", name="Main").get_by_role(
        "link", name="Management reviews"
    ).click()
    page.get_by_role("button", name="Plan review").click()
    plan_dialog = page.get_by_role("dialog", name="Plan management review")
    pick(page, "Chair (top management)", "Sam Manager", plan_dialog)
    plan_dialog.get_by_role("button", name="Plan review").click()
    expect(page).to_have_url(re.compile(rf"/orgs/{ORG}/management-reviews/[0-9a-f-]+$"))
    review_id = page.url.rsplit("/", 1)[1]
    expect(page.get_by_role("heading", name="MR-1 Management review")).to_be_visible()
    performance = page.get_by_role("group", name=re.compile(r"^Topic: SMS performance"))
    measures = performance.get_by_role("table", name="Corrective measures (pre-filled)")
    expect(measures.get_by_role("row", name="Corrective measures 1")).to_be_visible()
    expect(measures.get_by_role("row", name="Open measures 0")).to_be_visible()

    # Held is refused while topics are uncovered: the list is shown.
    page.get_by_role("button", name="Mark held").click()
    page.get_by_role("dialog", name="Mark MR-1 held").get_by_role(
        "button", name="Mark held"
    ).click()
    blocked = page.get_by_role("alert").filter(has_text="cannot be marked held")
    expect(blocked).to_be_visible()
    expect(blocked.get_by_text("Topics still to cover (12):")).to_be_visible()
    expect(blocked.get_by_role("listitem").filter(has_text=LAST_TOPIC)).to_be_visible()

    # Cover all topics but the last through the API, and set the held date.
    admin: httpx.Client = setup["admin"]
    detail = admin.get(f"/orgs/{ORG}/management-reviews/{review_id}")
    assert detail.status_code == 200, detail.text
    for item in detail.json()["inputs"]:
        if item["title"] != LAST_TOPIC:
            r = admin.patch(
                f"/orgs/{ORG}/management-reviews/{review_id}/inputs/{item['key']}",
                json={"covered": True, "notes": "Discussed."},
            )
            assert r.status_code == 200, r.text
    etag = admin.get(f"/orgs/{ORG}/management-reviews/{review_id}").headers["etag"]
    r = admin.patch(
        f"/orgs/{ORG}/management-reviews/{review_id}",
        json={"held_date": detail.json()["planned_date"]},
        headers={"If-Match": etag},
    )
    assert r.status_code == 200, r.text

    page.reload()
    expect(page.get_by_text("11 of 12 covered or not applicable")).to_be_visible()
    last = page.get_by_role("group", name=f"Topic: {LAST_TOPIC}")
    last.get_by_role("button", name="Mark covered").click()
    expect(page.get_by_text("12 of 12 covered or not applicable")).to_be_visible()
    page.get_by_role("button", name="Mark held").click()
    page.get_by_role("dialog", name="Mark MR-1 held").get_by_role(
        "button", name="Mark held"
    ).click()
    expect(status_badge(page, "Held")).to_be_visible()
    expect(page.get_by_role("button", name="Approve minutes")).to_be_visible()
