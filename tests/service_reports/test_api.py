"""Service report definitions and produced reports over HTTP."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

import httpx

from tests.conftest import QueryCounter
from tests.factories.auth import add_member, first_run, second_org
from tests.factories.operations import create_definition, create_report, org_url

FUTURE = (date.today() + timedelta(days=1)).isoformat()


async def test_definitions_and_reports(
    client: httpx.AsyncClient, count_queries: QueryCounter
) -> None:
    org = await first_run(client)
    h = org.admin.headers
    d = await create_definition(client, org, audience="Globex", owner_id=org.admin.user_id)
    assert d["key"] == "RD-1" and d["frequency"] == "monthly"
    r1 = await create_report(client, org, d["id"], "2026-01-01", "2026-01-31")
    r2 = await create_report(client, org, d["id"], "2026-02-01", "2026-02-28")
    assert (r1["key"], r2["key"]) == ("SR-1", "SR-2")
    listed = await client.get(org_url(org, f"report-definitions/{d['id']}/reports"), headers=h)
    assert [r["key"] for r in listed.json()["items"]] == ["SR-2", "SR-1"]
    reports = org_url(org, f"report-definitions/{d['id']}/reports")
    for bad in (
        {"period_start": "2026-02-01", "period_end": "2026-01-01", "produced_on": "2026-02-02"},
        {"period_start": "2026-01-01", "period_end": "2026-01-31", "produced_on": FUTURE},
        {
            "period_start": "2026-01-01",
            "period_end": "2026-01-31",
            "produced_on": "2026-02-01",
            "evidence_item_id": str(uuid.uuid4()),
        },
    ):
        assert (await client.post(reports, json=bad, headers=h)).status_code == 422, bad
    for bad_def in ({"title": "x", "frequency": "daily"}, {"title": "", "frequency": "monthly"}):
        r = await client.post(org_url(org, "report-definitions"), json=bad_def, headers=h)
        assert r.status_code == 422
    one = org_url(org, f"report-definitions/{d['id']}")
    assert (await client.patch(one, json={"frequency": "quarterly"}, headers=h)).status_code == 428
    r = await client.patch(one, json={"frequency": "quarterly"}, headers={**h, "If-Match": '"1"'})
    assert r.status_code == 200 and r.json()["frequency"] == "quarterly"
    rep = org_url(org, f"service-reports/{r1['id']}")
    r = await client.patch(rep, json={"period_end": "2025-12-01"}, headers={**h, "If-Match": '"1"'})
    assert r.status_code == 422
    r = await client.patch(
        rep, json={"produced_on": "2026-02-03"}, headers={**h, "If-Match": '"1"'}
    )
    assert r.status_code == 200 and r.json()["produced_on"] == "2026-02-03"
    count_queries.count = 0
    await client.get(org_url(org, "report-definitions"), headers=h)
    small = count_queries.count
    for _ in range(5):
        await create_definition(client, org)
    count_queries.count = 0
    listed = await client.get(org_url(org, "report-definitions"), headers=h)
    assert listed.json()["total"] == 6 and count_queries.count == small


async def test_roles_and_tenancy(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    d = await create_definition(client, org)
    viewer = await add_member(client, org, "viewer")
    r = await client.post(
        org_url(org, "report-definitions"),
        json={"title": "x", "frequency": "monthly"},
        headers=viewer.headers,
    )
    assert r.status_code == 403
    assert (
        await client.get(org_url(org, "report-definitions"), headers=viewer.headers)
    ).status_code == 200
    other = await second_org(client, org)
    r = await client.get(
        org_url(other, f"report-definitions/{d['id']}"), headers=other.admin.headers
    )
    assert r.status_code == 404
