"""The PDF reports (issue 16): read back with pypdf (text) and pypdfium2 (pages as pictures).

Readiness report, internal audit report and management review minutes of a seeded
organisation: the text holds the organisation, the verdicts and every finding; every page
is rendered to PNG and must not be blank (the pictures are kept under the test's tmp dir,
and also written to ``$CERTREADY_PDF_PAGES_DIR`` when that is set, for a person to look at).
"""

from __future__ import annotations

import io
import os
import re
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import httpx
import pypdfium2 as pdfium
import pytest
from certready.db.session import Database
from PIL import Image, ImageStat
from pypdf import PdfReader

from tests.conftest import QueryCounter
from tests.factories.audits import assess, create_audit, patch_audit, transition
from tests.factories.auth import OrgFixture, add_member, first_run, second_org
from tests.factories.evidence import bearer, create_statement, create_token
from tests.factories.findings import move_finding, raise_finding
from tests.factories.management_reviews import (
    create_review,
    resolve_all_inputs,
    reviews_url,
)

PDF = "application/pdf"
TODAY = date.today()
DAY = TODAY.strftime("%Y%m%d")
HOSTILE = '<b>Unclosed & =HYPERLINK("x") \u00fc\u00df \u20ac'


def readiness_url(slug: str) -> str:
    return f"/api/v1/orgs/{slug}/exports/readiness-report.pdf"


def audit_url(slug: str, audit_id: str) -> str:
    return f"/api/v1/orgs/{slug}/exports/audits/{audit_id}/report.pdf"


def minutes_url(slug: str, review_id: str) -> str:
    return f"/api/v1/orgs/{slug}/exports/management-reviews/{review_id}/minutes.pdf"


async def _download(
    client: httpx.AsyncClient, url: str, headers: dict[str, str], filename: str
) -> httpx.Response:
    r = await client.get(url, headers=headers)
    assert r.status_code == 200, r.text
    assert r.headers["content-type"] == PDF
    assert r.headers["content-disposition"] == f'attachment; filename="{filename}"'
    assert r.content.startswith(b"%PDF-")
    return r


def _text(content: bytes) -> str:
    reader = PdfReader(io.BytesIO(content))
    pages = [page.extract_text() for page in reader.pages]
    total = len(pages)
    for number, page in enumerate(pages, start=1):
        assert f"Page {number} of {total}" in page  # every page numbered
    return "\n".join(pages)


def _pictures(content: bytes, name: str, out: Path) -> list[Path]:
    """Every page as a PNG; each must show something (not a blank page)."""
    targets = [out]
    if extra := os.environ.get("CERTREADY_PDF_PAGES_DIR"):
        targets.append(Path(extra))
    document = pdfium.PdfDocument(content)
    saved = []
    try:
        for index in range(len(document)):
            image: Image.Image = document[index].render(scale=1.5).to_pil()
            grey = image.convert("L")
            inked = sum(grey.histogram()[:200]) / (grey.width * grey.height)
            assert inked > 0.005, f"{name} page {index + 1} is blank ({inked:.4f} inked)"
            assert ImageStat.Stat(grey).stddev[0] > 10, f"{name} page {index + 1} is flat"
            for target in targets:
                target.mkdir(parents=True, exist_ok=True)
                path = target / f"{name}-page-{index + 1:02d}.png"
                image.save(path)
            saved.append(out / f"{name}-page-{index + 1:02d}.png")
    finally:
        document.close()
    assert saved
    return saved


async def _seed_audit(client: httpx.AsyncClient, org: OrgFixture) -> dict[str, Any]:
    """A closed internal audit with notes, objective evidence and four grades of finding."""
    auditor = await add_member(client, org, "auditor")
    item = await create_statement(client, org, title="Change log sample", kind="record")
    audit = await create_audit(
        client,
        org,
        scope=["8.5.1.2", "4.1"],
        lead=org.admin.user_id,
        team=[auditor.user_id],
        title="Change management audit",
    )
    assert (await transition(client, org, audit["id"], "in_progress")).status_code == 200
    r = await assess(
        client,
        org,
        audit["id"],
        "8.5.1.2",
        auditor.headers,
        "nonconforming",
        notes="Two of ten sampled changes had no approval.",
    )
    assert r.status_code == 200, r.text
    line = r.json()
    r = await assess(client, org, audit["id"], "4.1", auditor.headers, "conforming", notes="OK.")
    assert r.status_code == 200, r.text
    evidence = [{"evidence_item_id": item["id"]}]
    findings = [
        await raise_finding(
            client,
            org,
            audit_id=audit["id"],
            checklist_line_id=line["id"],
            grade="major_nc",
            statement=f"Approvals missing {HOSTILE}",
            evidence=evidence,
        ),
        await raise_finding(client, org, audit_id=audit["id"], grade="minor_nc"),
        await raise_finding(
            client, org, audit_id=audit["id"], grade="observation", statement="Noted."
        ),
        await raise_finding(client, org, audit_id=audit["id"], grade="ofi", statement="Idea."),
    ]
    r = await move_finding(client, org, findings[2]["id"], "closed", note="Accepted")
    assert r.status_code == 200, r.text
    assert (await transition(client, org, audit["id"], "reporting")).status_code == 200
    r = await patch_audit(
        client,
        org,
        audit["id"],
        {"report_summary": "The change process needs approvals.", "distribution": ["CEO"]},
    )
    assert r.status_code == 200, r.text
    return {"audit": audit, "findings": findings, "item": item, "auditor": auditor}


async def _seed_review(client: httpx.AsyncClient, org: OrgFixture) -> dict[str, Any]:
    """A review with attendees, resolved inputs (one linking a finding), a decision, actions."""
    finding = await raise_finding(client, org, grade="minor_nc", statement="Review input")
    review = await create_review(
        client, org, attendees=[{"user_id": org.admin.user_id}, {"name": "Dora Director"}]
    )
    await resolve_all_inputs(client, org, review)
    first = review["inputs"][0]["key"]
    r = await client.patch(
        reviews_url(org, review["id"], "inputs", first),
        json={
            "notes": "Audit results discussed.",
            "links": [{"type": "finding", "id": finding["id"]}],
        },
        headers=org.admin.headers,
    )
    assert r.status_code == 200, r.text
    r = await client.post(
        reviews_url(org, review["id"], "decisions"),
        json={"kind": "resource_need", "text": "Add one service desk agent."},
        headers=org.admin.headers,
    )
    assert r.status_code == 201, r.text
    decision = r.json()
    for n in range(2):
        r = await client.post(
            reviews_url(org, review["id"], "actions"),
            json={
                "description": f"Recruit agent {n}",
                "owner_id": org.admin.user_id,
                "due_date": (TODAY + timedelta(days=30)).isoformat(),
                "decision_id": decision["id"],
            },
            headers=org.admin.headers,
        )
        assert r.status_code == 201, r.text
    return {"review": review, "finding": finding}


async def test_readiness_report_holds_the_verdicts_blockers_and_every_open_finding(
    client: httpx.AsyncClient, database: Database, tmp_path: Path
) -> None:
    org = await first_run(client)
    seeded = await _seed_audit(client, org)
    other = await raise_finding(client, org, grade="minor_nc", statement="Outside any audit")
    target = TODAY + timedelta(days=90)
    current = await client.get(f"/api/v1/orgs/{org.slug}", headers=org.admin.headers)
    r = await client.patch(
        f"/api/v1/orgs/{org.slug}",
        json={"target_certification_date": target.isoformat()},
        headers={**org.admin.headers, "If-Match": current.headers["etag"]},
    )
    assert r.status_code == 200, r.text
    r = await client.post(f"/api/v1/orgs/{org.slug}/readiness/snapshots", headers=org.admin.headers)
    assert r.status_code == 201, r.text
    snapshot = r.json()
    r = await _download(
        client,
        readiness_url(org.slug),
        org.admin.headers,
        f"certready-{org.slug}-readiness-report-{DAY}.pdf",
    )
    text = _text(r.content)
    readiness = (
        await client.get(f"/api/v1/orgs/{org.slug}/readiness", headers=org.admin.headers)
    ).json()
    assert "Acme IT" in text and "Readiness report" in text
    assert r.headers["x-data-sha256"] in text and r.headers["x-report-id"] in text
    stage1 = readiness["gates"]["stage1"]
    assert stage1["ready"] is False  # a fresh organisation is far from ready
    assert re.search(r"Stage 1\s*Not ready", text) and re.search(r"Stage 2\s*Not ready", text)
    for rule_id in stage1["blockers"]:
        assert rule_id in text
    failing = [rule for rule in readiness["rules"] if rule["passed"] is False]
    assert any(rule["severity"] == "warning" for rule in failing)
    for rule in failing:
        assert f"{rule['id']} {rule['title']}" in text.replace("\n", " ")
    # every open finding (the closed observation is not open)
    open_keys = [f["key"] for f in seeded["findings"] if f["grade"] != "observation"]
    for key in [*open_keys, other["key"]]:
        assert re.search(rf"\b{key}\b", text), key
    closed = seeded["findings"][2]["key"]
    assert not re.search(rf"\b{closed}\b", text)
    assert "Approvals missing <b>Unclosed & =HYPERLINK" in text.replace("\n", " ")
    flat = " ".join(text.split())
    assert f"Target certification date: {target} (in 90 days)." in flat  # the deadline
    assert "2. Trend" in text and "Readiness score by snapshot" in text  # the chart's title
    trend_row = f"{snapshot['snapshot_date']} manual {snapshot['score']} not ready not ready"
    assert trend_row in flat
    _pictures(r.content, "readiness-report", tmp_path)


async def test_audit_report_follows_19011_with_every_finding_and_its_evidence(
    client: httpx.AsyncClient, database: Database, tmp_path: Path
) -> None:
    org = await first_run(client)
    seeded = await _seed_audit(client, org)
    audit = seeded["audit"]
    r = await _download(
        client,
        audit_url(org.slug, audit["id"]),
        org.admin.headers,
        f"certready-{org.slug}-{audit['key']}-audit-report-{DAY}.pdf",
    )
    text = _text(r.content)
    flat = " ".join(text.split())
    assert "Acme IT" in text and "Internal audit report" in text
    for section in (
        "1. Objectives",
        "2. Scope and criteria",
        "3. Audit team and dates",
        "4. Results by clause",
        "5. Checklist",
        "6. Findings",
        "7. Conclusions",
        "8. Distribution",
        "9. Sign-off",
    ):
        assert section in text, section
    assert "Cover every clause of ISO/IEC 20000-1 once a year." in flat  # programme objectives
    assert "ISO/IEC 20000-1:2018 and the SMS plan" in flat  # criteria
    assert "Ada Admin lead auditor" in flat and "Auditor auditor" in flat  # the team
    assert "Two of ten sampled changes had no approval." in flat
    for finding in seeded["findings"]:  # every grade, the closed observation included
        assert re.search(rf"\b{finding['key']}\b", text), finding["key"]
    for grade in ("major_nc", "minor_nc", "observation", "ofi"):
        assert grade in text
    assert seeded["item"]["key"] in text  # objective evidence of the major
    assert "The change process needs approvals." in flat
    assert "CEO" in text
    _pictures(r.content, "audit-report", tmp_path)


async def test_review_minutes_hold_inputs_decisions_actions_and_attendees(
    client: httpx.AsyncClient, database: Database, tmp_path: Path
) -> None:
    org = await first_run(client)
    seeded = await _seed_review(client, org)
    review = seeded["review"]
    r = await _download(
        client,
        minutes_url(org.slug, review["id"]),
        org.admin.headers,
        f"certready-{org.slug}-{review['key']}-review-minutes-{DAY}.pdf",
    )
    text = _text(r.content)
    flat = " ".join(text.split())
    assert "Acme IT" in text and "Management review minutes" in text
    assert "Dora Director" in text and "Ada Admin" in text and "Carla CEO" in text
    for item in review["inputs"]:
        assert " ".join(item["title"].split()) in flat, item["title"]
    assert "Audit results discussed." in flat and seeded["finding"]["key"] in text
    assert "No changes this period." in flat  # the not-applicable reason
    assert "Add one service desk agent." in flat
    assert "Recruit agent 0" in flat and "Recruit agent 1" in flat
    assert "The minutes are not approved yet" in flat
    _pictures(r.content, "review-minutes", tmp_path)


async def test_the_digest_is_the_same_for_the_same_data_and_logged(
    client: httpx.AsyncClient,
) -> None:
    org = await first_run(client)
    url = readiness_url(org.slug)
    name = f"certready-{org.slug}-readiness-report-{DAY}.pdf"
    first = await _download(client, url, org.admin.headers, name)
    again = await _download(client, url, org.admin.headers, name)
    assert first.headers["x-data-sha256"] == again.headers["x-data-sha256"]
    assert first.headers["x-report-id"] != again.headers["x-report-id"]
    await raise_finding(client, org, grade="ofi", statement="A new one")
    changed = await _download(client, url, org.admin.headers, name)
    assert changed.headers["x-data-sha256"] != first.headers["x-data-sha256"]
    r = await client.get(
        f"/api/v1/orgs/{org.slug}/activity",
        params={"action": "export.generated"},
        headers=org.admin.headers,
    )
    entries = r.json()["items"]
    assert len(entries) == 3
    newest = entries[0]
    assert newest["object_type"] == "export" and newest["object_id"] == "readiness-report"
    assert newest["after"] == {
        "file": name,
        "data_sha256": changed.headers["x-data-sha256"],
        "report_id": changed.headers["x-report-id"],
    }


async def test_a_report_changes_no_data_so_cached_readiness_stays(
    client: httpx.AsyncClient,
) -> None:
    org = await first_run(client)
    seeded = await _seed_review(client, org)
    url = f"/api/v1/orgs/{org.slug}/readiness"
    assert (await client.get(url, headers=org.admin.headers)).status_code == 200
    await client.get(readiness_url(org.slug), headers=org.admin.headers)
    await client.get(minutes_url(org.slug, seeded["review"]["id"]), headers=org.admin.headers)
    again = await client.get(url, headers=org.admin.headers)
    assert again.headers["cache-status"] == "certready; hit"


async def test_another_organisation_gets_404_and_a_bad_id_a_problem(
    client: httpx.AsyncClient,
) -> None:
    acme = await first_run(client)
    audit = await create_audit(client, acme, scope=["4.1"], lead=acme.admin.user_id)
    review = await create_review(client, acme)
    globex = await second_org(client, acme)
    urls = [
        readiness_url(acme.slug),
        audit_url(acme.slug, audit["id"]),
        minutes_url(acme.slug, review["id"]),
        # globex's own slug with acme's objects
        audit_url(globex.slug, audit["id"]),
        minutes_url(globex.slug, review["id"]),
    ]
    for url in urls:
        r = await client.get(url, headers=globex.admin.headers)
        assert r.status_code == 404, url
        assert r.headers["content-type"] == "application/problem+json"
    for url in (audit_url(acme.slug, "not-a-uuid"), minutes_url(acme.slug, "42")):
        r = await client.get(url, headers=acme.admin.headers)
        assert r.status_code == 422, url
        assert r.headers["content-type"] == "application/problem+json"
        assert r.json()["status"] == 422


@pytest.mark.parametrize(
    ("scopes", "status"), [(["read"], 200), (["evidence:read", "evidence:write"], 403)]
)
async def test_exports_read_is_needed(
    client: httpx.AsyncClient, scopes: list[str], status: int
) -> None:
    org = await first_run(client)
    viewer = await add_member(client, org, "viewer")
    audit = await create_audit(client, org, scope=["4.1"], lead=org.admin.user_id)
    r = await client.get(audit_url(org.slug, audit["id"]), headers=viewer.headers)
    assert r.status_code == 200  # every role may read the exports
    token = await create_token(client, org, scopes)
    for url in (readiness_url(org.slug), audit_url(org.slug, audit["id"])):
        r = await client.get(url, headers=bearer(token["secret"]))
        assert r.status_code == status, r.text


async def test_statement_count_does_not_grow_with_the_data(
    client: httpx.AsyncClient, count_queries: QueryCounter
) -> None:
    org = await first_run(client)
    audit = (await _seed_audit(client, org))["audit"]
    review = (await _seed_review(client, org))["review"]

    async def cost() -> list[int]:
        counts = []
        for url in (
            readiness_url(org.slug),
            audit_url(org.slug, audit["id"]),
            minutes_url(org.slug, review["id"]),
        ):
            count_queries.count = 0
            r = await client.get(url, headers=org.admin.headers)
            assert r.status_code == 200, r.text
            counts.append(count_queries.count)
        return counts

    small = await cost()
    items = [await create_statement(client, org, title=f"Record {n}") for n in range(3)]
    for n in range(4):
        await raise_finding(
            client,
            org,
            audit_id=audit["id"],
            grade="minor_nc",
            statement=f"More {n}",
            evidence=[{"evidence_item_id": i["id"]} for i in items],
        )
        r = await client.post(
            reviews_url(org, review["id"], "actions"),
            json={
                "description": f"Act {n}",
                "owner_id": org.admin.user_id,
                "due_date": TODAY.isoformat(),
            },
            headers=org.admin.headers,
        )
        assert r.status_code == 201, r.text
    r = await client.patch(
        reviews_url(org, review["id"], "inputs", review["inputs"][1]["key"]),
        json={"links": [{"type": "evidence", "id": i["id"]} for i in items]},
        headers=org.admin.headers,
    )
    assert r.status_code == 200, r.text
    assert await cost() == small


def test_a_long_table_keeps_every_row_and_its_badges(tmp_path: Path) -> None:
    """Tables are laid out in chunks of rows (linear time): none is lost at a chunk's edge,
    the badges are coloured in every chunk and a statement longer than a page splits."""
    from certready.exports.meta import DataDigest, ExportMeta
    from certready.exports.reports.document import CHUNK, Cover, Story, render

    story = Story()
    rows = [[f"K-{n}", "nonconforming" if n % 2 else "conforming"] for n in range(2 * CHUNK + 50)]
    rows[CHUNK + 7][1] = "word " * 3000  # taller than a page
    story.table("rows", ["Key", "Result"], rows, widths=[1, 3], badges=[1])
    meta = ExportMeta(
        organisation="Acme IT", organisation_slug="acme", generated_by="Ada", export="Test"
    )
    content = render(Cover("Test report", "rows", "id-1"), story, meta)
    text = _text(content)
    for n in range(len(rows)):
        assert re.search(rf"\bK-{n}\b", text), n
    expected = DataDigest()
    for row in rows:
        expected.add("rows", row)
    assert meta.data_sha256 == expected.hexdigest() and meta.data_sha256 in text
    pages = _pictures(content, "long-table", tmp_path)
    # a page deep in the third chunk still shows the red and green badges
    image = Image.open(pages[-1]).convert("RGB")
    colours = {
        image.getpixel((x, y)) for x in range(0, image.width, 4) for y in range(0, image.height, 4)
    }
    assert (0xFE, 0xCA, 0xCA) in colours and (0xBB, 0xF7, 0xD0) in colours
