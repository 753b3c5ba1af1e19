"""The XLSX compliance matrix (issue 16), opened with openpyxl as an auditor's Excel would."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from datetime import date, datetime
from typing import Any

import httpx
import openpyxl
from certready.db.session import Database
from certready.exports.registers.sheets import REGISTERS
from openpyxl.worksheet.worksheet import Worksheet

from tests.conftest import QueryCounter
from tests.factories.audits import assess, create_audit, set_owner, transition
from tests.factories.auth import add_member, first_run, second_org
from tests.factories.evidence import evidence_url, pdf_bytes, sha256, upload_new
from tests.factories.findings import raise_finding
from tests.factories.requirements import patch_requirement

HOSTILE = '=HYPERLINK("https://evil.example","click")'
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def matrix_url(slug: str) -> str:
    return f"/api/v1/orgs/{slug}/exports/compliance-matrix.xlsx"


async def _download(client: httpx.AsyncClient, slug: str, headers: dict[str, str]) -> bytes:
    r = await client.get(matrix_url(slug), headers=headers)
    assert r.status_code == 200, r.text
    assert r.headers["content-type"] == XLSX
    day = date.today().strftime("%Y%m%d")
    assert r.headers["content-disposition"] == (
        f'attachment; filename="certready-{slug}-compliance-matrix-{day}.xlsx"'
    )
    return r.content


def _table(ws: Worksheet) -> list[dict[str, Any]]:
    rows = list(ws.iter_rows(values_only=True))
    header = rows[0]
    return [dict(zip(header, row, strict=True)) for row in rows[1:]]


def _by_ref(ws: Worksheet) -> dict[str, dict[str, Any]]:
    return {str(row["Clause"]): row for row in _table(ws)}


async def _seed(client: httpx.AsyncClient, database: Database) -> dict[str, Any]:
    """An organisation with an owner, a not-occurring leaf, evidence, an audit, findings."""
    org = await first_run(client)
    auditor = await add_member(client, org, "auditor")
    await set_owner(database, org, "8.5.1.2", org.admin.user_id)
    r = await patch_requirement(
        client,
        org,
        "8.3.4.2",
        {"not_occurring": True, "not_occurring_justification": "No internal suppliers."},
    )
    assert r.status_code == 200, r.text
    data = pdf_bytes(300)
    item = (
        await upload_new(
            client, org, data, title=HOSTILE, kind="procedure", params={"requirement": "8.5.1.2"}
        )
    ).json()
    for to in ("in_review", "approved"):
        r = await client.post(
            evidence_url(org, item["id"], "transitions"), json={"to": to}, headers=org.admin.headers
        )
        assert r.status_code in (200, 403, 409), r.text
    audit = await create_audit(
        client, org, scope=["8.5.1.2", "4.1"], lead=org.admin.user_id, team=[auditor.user_id]
    )
    await transition(client, org, audit["id"], "in_progress")
    r = await assess(client, org, audit["id"], "8.5.1.2", auditor.headers, "nonconforming")
    assert r.status_code == 200, r.text
    one = await raise_finding(client, org, requirement_ref="8.5.1.2")
    two = await raise_finding(client, org, requirement_ref="8.5.1.2", statement="-1 approvals")
    return {
        "org": org,
        "item": item,
        "sha": sha256(data),
        "audit": audit,
        "findings": [one["key"], two["key"]],
    }


async def test_one_row_per_leaf_with_the_organisations_values(
    client: httpx.AsyncClient, database: Database
) -> None:
    seeded = await _seed(client, database)
    org = seeded["org"]
    book = openpyxl.load_workbook(io.BytesIO(await _download(client, org.slug, org.admin.headers)))
    ws = book["Compliance matrix"]
    rows = _by_ref(ws)
    assert len(rows) == 57 and ws.max_row == 58
    assert list(rows)[:3] == ["4.1", "4.2", "4.3"]  # clause order
    row = rows["8.5.1.2"]
    assert row["Owner"] == "Ada Admin"
    assert row["Implementation status"] == "not_started"
    assert row["Evidence items"] == 1
    cell = row["Evidence (key, title, version, SHA-256, approval, effective, valid until)"]
    assert cell.startswith(f"{seeded['item']['key']} {HOSTILE} | v1 | SHA-256 {seeded['sha']}")
    assert row["Last audit result"] == "nonconforming"
    assert isinstance(row["Last audit date"], datetime)  # a real Excel date
    assert row["Last audit date"].date() == date.today()
    assert row["Last audit"] == seeded["audit"]["key"]
    assert row["Open findings"] == 2
    assert row["Open finding keys"] == "; ".join(seeded["findings"])
    # RDY-05 (every requirement has an owner) names the leaves without one
    assert "RDY-05" not in row["Readiness rule failures"].split(", ")
    assert "RDY-05" in rows["4.1"]["Readiness rule failures"].split(", ")
    assert rows["8.3.4.2"]["Not occurring"] is True
    assert rows["8.3.4.2"]["Not-occurring justification"] == "No internal suppliers."
    assert rows["4.1"]["Last audit result"] is None and rows["4.1"]["Evidence items"] == 0
    # frozen header, autofilter, validation of the status columns, widths
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == "A1:P58"
    lists = {str(v.sqref): v.formula1 for v in ws.data_validations.dataValidation}
    assert lists["E2:E58"] == '"not_started,planned,in_progress,implemented"'
    assert "nonconforming" in lists["K2:K58"]
    assert ws.column_dimensions["C"].width > 30


async def test_a_formula_in_a_title_reads_back_as_text(
    client: httpx.AsyncClient, database: Database
) -> None:
    seeded = await _seed(client, database)
    org = seeded["org"]
    content = await _download(client, org.slug, org.admin.headers)
    book = openpyxl.load_workbook(io.BytesIO(content))
    finding_rows = [
        c
        for row in book["Compliance matrix"].iter_rows()
        for c in row
        if isinstance(c.value, str) and HOSTILE in c.value
    ]
    assert finding_rows  # the evidence listing cell holds the hostile title
    with zipfile.ZipFile(io.BytesIO(content)) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in z.read(name), name  # no formula anywhere


async def test_the_export_sheet_carries_the_digest_and_who(
    client: httpx.AsyncClient, database: Database
) -> None:
    seeded = await _seed(client, database)
    org = seeded["org"]
    book = openpyxl.load_workbook(io.BytesIO(await _download(client, org.slug, org.admin.headers)))
    assert book.sheetnames[0] == "Compliance matrix" and book.sheetnames[-1] == "Export"
    meta = dict(book["Export"].iter_rows(min_row=2, values_only=True))
    assert meta["Organisation"] == "Acme IT (acme)"
    assert meta["Generated by"] == "Ada Admin"
    assert meta["Filters"] == "none"
    assert str(meta["Product version"]).startswith("Certready ")
    assert isinstance(meta["Generated at (UTC)"], datetime)
    # the digest: one canonical JSON line per data row, sheet by sheet (meta.DataDigest)
    digest = hashlib.sha256()
    for ws in book.worksheets:
        if ws.title == "Export":
            continue
        for values in ws.iter_rows(min_row=2, values_only=True):
            cells = [_canonical(v) for v in values]
            line = json.dumps([ws.title, cells], ensure_ascii=False)
            digest.update(line.encode() + b"\n")
    assert meta["SHA-256 of the data"] == digest.hexdigest()
    # the same data exported again: the same digest
    again = openpyxl.load_workbook(io.BytesIO(await _download(client, org.slug, org.admin.headers)))
    assert (
        dict(again["Export"].iter_rows(min_row=2, values_only=True))["SHA-256 of the data"]
        == meta["SHA-256 of the data"]
    )


async def test_every_register_sheet_with_its_headers_and_rows(
    client: httpx.AsyncClient, database: Database
) -> None:
    seeded = await _seed(client, database)
    org = seeded["org"]
    book = openpyxl.load_workbook(io.BytesIO(await _download(client, org.slug, org.admin.headers)))
    assert book.sheetnames == [
        "Compliance matrix",
        *(r.name for r in REGISTERS),
        "Export",
    ]
    for register in REGISTERS:
        ws = book[register.name]
        header = [c.value for c in ws[1]]
        assert header == [c.header for c in register.columns], register.name
        assert ws.freeze_panes == "A2", register.name
    findings = {r["Key"]: r for r in _table(book["Findings"])}
    one, two = (findings[k] for k in seeded["findings"])
    assert one["Clause"] == "8.5.1.2" and one["Grade"] == "minor_nc" and one["Status"] == "open"
    assert isinstance(one["Raised on"], datetime)
    assert two["Statement"] == "-1 approvals"  # text, not a formula
    assert book["Findings"][f"F{list(findings).index(two['Key']) + 2}"].quotePrefix
    (evidence,) = _table(book["Evidence"])
    assert evidence["Key"] == seeded["item"]["key"] and evidence["Title"] == HOSTILE
    assert evidence["SHA-256"] == seeded["sha"] and evidence["Clauses"] == "8.5.1.2"
    assert book["Evidence"]["B2"].data_type == "s" and book["Evidence"]["B2"].quotePrefix
    (audit,) = _table(book["Audits"])
    assert audit["Key"] == seeded["audit"]["key"] and audit["Status"] == "in_progress"
    assert audit["Checklist lines"] == 2 and audit["Nonconforming"] == 1
    lines = {r["Clause"]: r for r in _table(book["Checklist lines"])}
    assert lines["8.5.1.2"]["Result"] == "nonconforming" and lines["4.1"]["Result"] == (
        "not_assessed"
    )


def _canonical(value: Any) -> Any:
    if isinstance(value, datetime):
        # the data sheets hold dates (written as dates, read back at midnight)
        return value.date().isoformat()
    return value


async def test_the_export_is_in_the_activity_log(
    client: httpx.AsyncClient, database: Database
) -> None:
    org = await first_run(client)
    await _download(client, org.slug, org.admin.headers)
    r = await client.get(
        f"/api/v1/orgs/{org.slug}/activity",
        params={"action": "export.generated"},
        headers=org.admin.headers,
    )
    assert r.status_code == 200, r.text
    (entry,) = r.json()["items"]
    assert entry["object_type"] == "export" and entry["object_id"] == "compliance-matrix"
    assert entry["actor_name"] == "Ada Admin"
    assert entry["after"]["file"].startswith("certready-acme-compliance-matrix-")


async def test_an_export_changes_no_data_so_cached_readiness_stays(
    client: httpx.AsyncClient,
) -> None:
    org = await first_run(client)
    url = f"/api/v1/orgs/{org.slug}/readiness"
    first = await client.get(url, headers=org.admin.headers)
    assert first.status_code == 200, first.text
    await _download(client, org.slug, org.admin.headers)
    again = await client.get(url, headers=org.admin.headers)
    assert again.headers["cache-status"] == "certready; hit"


async def test_every_role_may_export_and_another_organisation_gets_404(
    client: httpx.AsyncClient,
) -> None:
    acme = await first_run(client)
    viewer = await add_member(client, acme, "viewer")
    await _download(client, acme.slug, viewer.headers)
    globex = await second_org(client, acme)
    r = await client.get(matrix_url(acme.slug), headers=globex.admin.headers)
    assert r.status_code == 404
    assert r.headers["content-type"] == "application/problem+json"


async def test_statement_count_does_not_grow_with_the_organisation(
    client: httpx.AsyncClient, database: Database, count_queries: QueryCounter
) -> None:
    org = await first_run(client)

    async def cost() -> int:
        count_queries.count = 0
        await _download(client, org.slug, org.admin.headers)
        return count_queries.count

    small = await cost()
    await set_owner(database, org, "8.5.1.2", org.admin.user_id)
    for n in range(6):
        await upload_new(client, org, pdf_bytes(100 + n), params={"requirement": "8.5.1.2"})
        await raise_finding(client, org, requirement_ref="8.5.1.2", statement=f"F {n}")
    bigger = await cost()
    assert bigger == small


async def test_the_external_auditor_s_matrix_holds_no_draft_evidence(
    client: httpx.AsyncClient,
) -> None:
    from tests.exports.test_pack import _approve

    org = await first_run(client)
    manager = await add_member(client, org, "sms_manager")
    approved = (
        await upload_new(
            client,
            org,
            pdf_bytes(400),
            title="Approved incident procedure",
            params={"requirement": "8.6.1"},
        )
    ).json()
    await _approve(client, org, approved["id"], manager)
    draft = (
        await upload_new(
            client,
            org,
            pdf_bytes(500),
            title="Draft incident review",
            params={"requirement": "8.6.1"},
        )
    ).json()
    column = "Evidence (key, title, version, SHA-256, approval, effective, valid until)"

    def row_of(content: bytes) -> dict[str, Any]:
        book = openpyxl.load_workbook(io.BytesIO(content))
        return _by_ref(book["Compliance matrix"])["8.6.1"]

    mine = row_of(await _download(client, org.slug, org.admin.headers))
    assert mine["Evidence items"] == 2
    assert approved["key"] in mine[column] and draft["key"] in mine[column]
    external = await add_member(client, org, "external_auditor")
    theirs = row_of(await _download(client, org.slug, external.headers))
    assert theirs["Evidence items"] == 1
    assert approved["key"] in theirs[column]
    assert draft["key"] not in theirs[column] and "Draft incident review" not in theirs[column]
