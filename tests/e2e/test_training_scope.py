"""Who is in scope for awareness and competence, and why (issue 13, RDY-15/16): a viewer who
owns two requirements is in scope by that ownership alone, shown with the reason and as not
yet in the training register; adding them from the list makes them registered, and the
dashboard's RDY-15 names them until they are trained.

Own server (fresh database); setup through the API with httpx."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import SPA_DIR
from tests.e2e.helpers import add_member, log_in, own_server, set_up_org

pytestmark = pytest.mark.skipif(
    not (SPA_DIR / "index.html").is_file(),
    reason="frontend/dist/index.html missing: build the SPA first (make frontend)",
)

ORG = "scope-co"
ADMIN_EMAIL = "sam@scope.example"
PASSWORD = "correct horse battery staple 42"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with own_server(tmp_path_factory.mktemp("e2e-training-scope")) as base:
        yield base


@pytest.fixture(scope="module")
def setup(server: str) -> dict[str, Any]:
    admin = set_up_org(server, ORG, "Scope Co", ADMIN_EMAIL, PASSWORD)
    olga = add_member(admin, ORG, "olga@scope.example", "Olga Owner", "viewer", PASSWORD)
    r = admin.post(
        f"/orgs/{ORG}/requirements/bulk",
        json={"changes": [{"ref": ref, "owner_id": olga} for ref in ("8.6.1", "8.6.2")]},
    )
    assert r.status_code == 200, r.text
    r = admin.post(
        f"/orgs/{ORG}/training/courses", json={"title": "SMS awareness", "kind": "awareness"}
    )
    assert r.status_code == 201, r.text
    return {"admin": admin, "olga": olga}


def test_who_is_in_scope_and_why(page: Page, server: str, setup: dict[str, Any]) -> None:
    log_in(page, server, ADMIN_EMAIL, PASSWORD)
    page.goto(f"{server}/orgs/{ORG}/training")
    page.get_by_role("tab", name="Who is in scope").click()
    table = page.get_by_role("table", name="Who is in scope and why")
    olga = table.get_by_role("row").filter(has_text="Olga Owner")
    expect(olga.get_by_text("owner of 8.6.1, 8.6.2")).to_be_visible()
    expect(olga.get_by_text("not yet")).to_be_visible()
    expect(olga.get_by_text("none current")).to_be_visible()
    sam = table.get_by_role("row").filter(has_text="Sam Manager")
    expect(sam.get_by_text("role admin")).to_be_visible()
    expect(page.get_by_text(re.compile(r"2 people are in scope"))).to_be_visible()
    page.screenshot(path="/tmp/lead-training-scope.png", full_page=True)

    # Add her to the register from the list: she is registered, still without awareness.
    olga.get_by_role("button", name="Add Olga Owner to the register").click()
    expect(page.get_by_text("Olga Owner added to the training register.")).to_be_visible()
    expect(olga.get_by_text("not yet")).to_have_count(0)
    expect(olga.get_by_role("cell", name="yes")).to_be_visible()
    page.get_by_role("tab", name="Register").click()
    expect(
        page.get_by_role("table", name="Training register").get_by_text("Olga Owner")
    ).to_be_visible()

    # The dashboard's RDY-15 names her and why she is in scope.
    page.goto(f"{server}/orgs/{ORG}/dashboard")
    rules = page.get_by_role("region", name="Rules")
    rules.get_by_role("button", name=re.compile(r"RDY-15")).click()
    expect(
        rules.get_by_text(re.compile(r"Olga Owner \(owner of 8\.6\.1, 8\.6\.2\)"))
    ).to_be_visible()
