"""Requirements end to end: clause filter, bulk edit, persistence, detail page with history.

The module runs against its own server (fresh database): the shared `live_server` is
left untouched for `test_shell.py`, which expects a first-run installation and would
otherwise see the organisation created here (modules run in alphabetical order).
Setup goes through the API with httpx; everything checked is done in the browser.
"""

from __future__ import annotations

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

ORG = "reqs-co"
ADMIN_EMAIL = "sam@reqs.example"
ADMIN_PASSWORD = "correct horse battery staple 42"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with own_server(tmp_path_factory.mktemp("e2e-requirements")) as base:
        yield base


def pick(page: Page, combobox_owner: Page | object, name: str, option: str) -> None:
    combobox_owner.get_by_role("combobox", name=name, exact=True).click()  # type: ignore[attr-defined]
    page.get_by_role("option", name=option, exact=True).click()


def test_filter_bulk_edit_persist_and_history(page: Page, server: str) -> None:
    api = set_up_org(server, ORG, "Reqs Co", ADMIN_EMAIL, ADMIN_PASSWORD)
    add_member(
        api, ORG, "pat@reqs.example", "Pat Owner", "process_owner", "another long passphrase 7"
    )

    log_in(page, server, ADMIN_EMAIL, ADMIN_PASSWORD)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Requirements").click()
    expect(page).to_have_url(re.compile(rf"/orgs/{ORG}/requirements"))
    expect(page.get_by_role("heading", name="Requirements")).to_be_visible()
    expect(page.get_by_role("checkbox", name="Select 4.1", exact=True)).to_be_visible()

    # Filter to clause 8.6: only its three requirements remain.
    clause = page.get_by_role("combobox", name="Clause", exact=True)
    clause.click()
    clause.fill("8.6")
    page.get_by_role("option", name="8.6 Resolution and fulfilment", exact=True).click()
    expect(page).to_have_url(re.compile(r"clause=(%22)?8\.6"))
    expect(page.get_by_text("3 requirements match")).to_be_visible()
    expect(page.get_by_role("checkbox", name="Select 4.1", exact=True)).to_have_count(0)
    for ref in ("8.6.1", "8.6.2", "8.6.3"):
        expect(page.get_by_role("link", name=ref, exact=True)).to_be_visible()

    # Select two and bulk-set status and owner.
    page.get_by_role("checkbox", name="Select 8.6.1", exact=True).check()
    page.get_by_role("checkbox", name="Select 8.6.2", exact=True).check()
    bulk = page.get_by_role("region", name="Bulk edit")
    expect(bulk).to_contain_text("2 selected")
    pick(page, bulk, "Set status", "In progress")
    pick(page, bulk, "Set owner", "Pat Owner")
    bulk.get_by_role("button", name="Apply to 2 requirements").click()
    expect(bulk).to_be_hidden()
    expect(page.get_by_role("combobox", name="Status of 8.6.1")).to_have_value("In progress")

    # Persisted: reload (the filter is in the URL) and see the new values.
    page.reload()
    expect(page.get_by_text("3 requirements match")).to_be_visible()
    for ref in ("8.6.1", "8.6.2"):
        expect(page.get_by_role("combobox", name=f"Status of {ref}")).to_have_value("In progress")
        expect(page.get_by_role("combobox", name=f"Owner of {ref}")).to_have_value("Pat Owner")
    expect(page.get_by_role("combobox", name="Status of 8.6.3")).to_have_value("Not started")

    # The API agrees.
    r = api.get(f"/orgs/{ORG}/requirements/8.6.2")
    assert r.json()["status"] == "in_progress"
    assert r.json()["owner"]["name"] == "Pat Owner"

    # Detail page: the change is in the requirement's history.
    page.get_by_role("link", name="8.6.1", exact=True).click()
    expect(page).to_have_url(re.compile(rf"/orgs/{ORG}/requirements/8\.6\.1$"))
    expect(
        page.get_by_role("heading", name=re.compile(r"^8\.6\.1 Incident management"))
    ).to_be_visible()
    history = page.get_by_role("region", name="History")
    expect(history).to_contain_text("Requirement 8.6.1 changed")
    expect(history).to_contain_text("in_progress")
    form = page.get_by_role("region", name="Implementation status")
    expect(form.get_by_role("combobox", name="Status", exact=True)).to_have_value("In progress")
    expect(form.get_by_role("combobox", name="Owner", exact=True)).to_have_value("Pat Owner")

    # Record "not occurring" with its justification (there is no "not applicable").
    form.get_by_role("switch", name="Not occurring in our scope").check()
    form.get_by_role("textbox", name="Justification").fill(
        "No internal suppliers in scope (statement S-3)."
    )
    form.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Requirement 8.6.1 saved.")).to_be_visible()
    expect(history).to_contain_text("not_occurring")
    api.close()
