"""CSV of the list endpoints (`?format=csv`, `Accept: text/csv`): one mechanism, every page."""

from __future__ import annotations

import codecs
import csv
import io

import httpx
import pytest

from tests.factories.auth import first_run, second_org
from tests.factories.evidence import evidence_url, upload_new
from tests.factories.findings import findings_url, raise_finding
from tests.hostile.routes import route_app

HOSTILE = '=HYPERLINK("https://evil.example","click")'


def _rows(r: httpx.Response) -> list[list[str]]:
    assert r.status_code == 200, r.text
    assert r.headers["content-type"] == "text/csv; charset=utf-8"
    assert r.content.startswith(codecs.BOM_UTF8)
    assert r.headers["content-disposition"].startswith("attachment; filename=")
    text = r.content[len(codecs.BOM_UTF8) :].decode("utf-8")
    assert "\r\n" in text  # RFC 4180 line ends
    return list(csv.reader(io.StringIO(text, newline="")))


async def test_every_page_as_csv_with_formulas_neutralised(
    client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    org = await first_run(client)
    monkeypatch.setattr("certready.api.csv.MAX_LIMIT", 2)  # three items: two pages
    for statement in (HOSTILE, "-1 change without approval", "Plain, with a comma"):
        await raise_finding(client, org, statement=statement)
    r = await client.get(
        findings_url(org), params={"format": "csv", "limit": 1}, headers=org.admin.headers
    )
    rows = _rows(r)
    header, body = rows[0], rows[1:]
    assert header[:3] == ["id", "key", "grade"]
    statements = {row[header.index("statement")] for row in body}
    assert statements == {"'" + HOSTILE, "'-1 change without approval", "Plain, with a comma"}
    keys = sorted(row[header.index("key")] for row in body)
    assert keys == ["F-1", "F-2", "F-3"]
    raised = body[0][header.index("raised_at")]
    assert "T" in raised and raised[:4].isdigit()  # ISO-8601
    assert r.headers["content-disposition"] == 'attachment; filename="acme-findings.csv"'


async def test_accept_header_and_json_by_default(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    await upload_new(client, org, title=HOSTILE)
    as_csv = await client.get(
        evidence_url(org), headers={**org.admin.headers, "Accept": "text/csv"}
    )
    rows = _rows(as_csv)
    assert rows[1][rows[0].index("title")] == "'" + HOSTILE
    as_json = await client.get(evidence_url(org), headers={**org.admin.headers, "Accept": "*/*"})
    assert as_json.headers["content-type"] == "application/json"
    assert as_json.json()["items"][0]["title"] == HOSTILE  # the data itself is unchanged
    reqs = _rows(
        await client.get(
            f"/api/v1/orgs/{org.slug}/requirements?format=csv", headers=org.admin.headers
        )
    )
    assert len(reqs) - 1 == 57  # every leaf, not one page of 50


async def test_another_organisations_list_is_a_404(client: httpx.AsyncClient) -> None:
    acme = await first_run(client)
    globex = await second_org(client, acme)
    await raise_finding(client, acme, statement="ACME-MARKER")
    r = await client.get(findings_url(acme), params={"format": "csv"}, headers=globex.admin.headers)
    assert r.status_code == 404
    assert b"ACME-MARKER" not in r.content


def test_the_contract_documents_csv() -> None:
    paths = route_app().openapi()["paths"]
    for path in (
        "findings",
        "evidence",
        "requirements",
        "audits",
        "corrective-measures",
        "management-reviews",
        "services",
        "suppliers",
        "agreements",
        "risks",
        "configuration-items",
        "training/records",
    ):
        get = paths[f"/api/v1/orgs/{{org}}/{path}"]["get"]
        assert "text/csv" in get["responses"]["200"]["content"], path
        assert any(p.get("name") == "format" for p in get["parameters"]), path
