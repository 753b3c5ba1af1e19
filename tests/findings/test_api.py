"""Findings over HTTP: validation, keys, filters, certification-body fields, roles, tenancy."""

from __future__ import annotations

import uuid
from typing import Any

import httpx

from tests.conftest import QueryCounter
from tests.factories.audits import assess, audits_url, create_audit, transition
from tests.factories.auth import add_member, first_run, second_org
from tests.factories.evidence import create_statement
from tests.factories.findings import findings_url, move_finding, raise_finding
from tests.findings.test_workflow import corrected


async def _patch(
    client: httpx.AsyncClient,
    org: Any,
    finding_id: str,
    body: dict[str, Any],
    headers: dict[str, str] | None = None,
) -> httpx.Response:
    headers = headers or org.admin.headers
    etag = (await client.get(findings_url(org, finding_id), headers=headers)).headers["etag"]
    return await client.patch(
        findings_url(org, finding_id), json=body, headers={**headers, "If-Match": etag}
    )


async def test_nonconformity_needs_a_requirement(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    r = await client.post(
        findings_url(org),
        json={"grade": "major_nc", "statement": "No internal audit."},
        headers=org.admin.headers,
    )
    assert r.status_code == 422
    assert r.json()["errors"][0]["loc"] == ["body", "requirement_ref"]
    r = await client.post(
        findings_url(org),
        json={"grade": "minor_nc", "statement": "x", "requirement_ref": "8.99"},
        headers=org.admin.headers,
    )
    assert r.status_code == 422
    ofi = await raise_finding(client, org, grade="ofi", statement="Automate reports.")
    assert ofi["requirement_ref"] is None
    assert ofi["source"] == "other"
    r = await _patch(client, org, ofi["id"], {"grade": "minor_nc"})
    assert r.status_code == 422


async def test_keys_are_per_organisation(client: httpx.AsyncClient) -> None:
    acme = await first_run(client)
    globex = await second_org(client, acme)
    assert (await raise_finding(client, acme))["key"] == "F-1"
    assert (await raise_finding(client, acme))["key"] == "F-2"
    assert (await raise_finding(client, globex))["key"] == "F-1"


async def test_raising_from_a_checklist_line_links_it(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    audit = await create_audit(client, org, scope=["8.5.3", "4.1"], lead=org.admin.user_id)
    await transition(client, org, audit["id"], "in_progress")
    await assess(client, org, audit["id"], "8.5.3", org.admin.headers, "nonconforming")
    lines = (
        await client.get(audits_url(org, audit["id"], "checklist"), headers=org.admin.headers)
    ).json()
    line = next(x for x in lines["items"] if x["ref"] == "8.5.3")
    r = await client.post(
        findings_url(org),
        json={
            "grade": "minor_nc",
            "statement": "x",
            "checklist_line_id": line["id"],
            "requirement_ref": "4.1",
        },
        headers=org.admin.headers,
    )
    assert r.status_code == 422
    r = await client.post(
        findings_url(org),
        json={
            "grade": "minor_nc",
            "statement": "x",
            "checklist_line_id": line["id"],
            "source": "complaint",
        },
        headers=org.admin.headers,
    )
    assert r.status_code == 422
    finding = await raise_finding(client, org, checklist_line_id=line["id"], due_date="2026-01-31")
    assert (finding["audit_id"], finding["checklist_line_id"], finding["requirement_ref"]) == (
        audit["id"],
        line["id"],
        "8.5.3",
    )
    assert finding["raised_by_id"] == org.admin.user_id
    lines = (
        await client.get(audits_url(org, audit["id"], "checklist"), headers=org.admin.headers)
    ).json()
    assert next(x for x in lines["items"] if x["ref"] == "8.5.3")["finding_ids"] == [finding["id"]]
    r = await _patch(client, org, finding["id"], {"requirement_ref": "4.1"})
    assert r.status_code == 422
    planned = await create_audit(client, org)
    await raise_finding(client, org, audit_id=planned["id"], expect=409)
    await raise_finding(client, org, audit_id=str(uuid.uuid4()), expect=422)


async def test_filters_and_paging(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    audit = await create_audit(client, org, scope=["8"], lead=org.admin.user_id)
    await transition(client, org, audit["id"], "in_progress")
    a = await raise_finding(
        client,
        org,
        grade="major_nc",
        requirement_ref="8.5.1.2",
        audit_id=audit["id"],
        due_date="2020-01-01",
    )
    b = await raise_finding(
        client,
        org,
        grade="minor_nc",
        requirement_ref="10.1",
        source="incident",
        due_date="2999-01-01",
    )
    c = await raise_finding(
        client,
        org,
        grade="observation",
        requirement_ref="8.1",
        source="complaint",
        due_date="2020-01-01",
    )
    await move_finding(client, org, c["id"], "closed", note="Handled")

    async def keys(**params: Any) -> list[str]:
        r = await client.get(findings_url(org), params=params, headers=org.admin.headers)
        assert r.status_code == 200, r.text
        return [f["id"] for f in r.json()["items"]]

    assert await keys() == [c["id"], b["id"], a["id"]]
    assert await keys(grade="minor_nc") == [b["id"]]
    assert await keys(status="closed") == [c["id"]]
    assert await keys(clause="8") == [c["id"], a["id"]]
    assert await keys(clause="8.5") == [a["id"]]
    assert await keys(clause="1") == []  # never matches 10.1
    assert await keys(clause="10") == [b["id"]]
    assert await keys(audit_id=audit["id"]) == [a["id"]]
    assert await keys(source="incident") == [b["id"]]
    assert await keys(source="internal_audit") == [a["id"]]
    assert await keys(overdue="true") == [a["id"]]
    assert await keys(overdue="false") == [c["id"], b["id"]]
    r = await client.get(findings_url(org, a["id"]), headers=org.admin.headers)
    assert r.json()["overdue"] is True
    r = await client.get(findings_url(org), params={"limit": 2}, headers=org.admin.headers)
    assert r.json()["total"] == 3
    r = await client.get(
        findings_url(org),
        params={"limit": 2, "cursor": r.json()["next_cursor"]},
        headers=org.admin.headers,
    )
    assert [f["id"] for f in r.json()["items"]] == [a["id"]]
    r = await client.get(findings_url(org), params={"grade": "critical"}, headers=org.admin.headers)
    assert r.status_code == 422


async def test_certification_body_fields(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    internal = await raise_finding(client, org, source="internal_audit")
    r = await _patch(client, org, internal["id"], {"cb_plan_accepted_at": "2026-11-01T09:00:00Z"})
    assert r.status_code == 422
    stage2 = await create_audit(client, org, type="stage2", scope=["8.5"], lead=org.admin.user_id)
    await transition(client, org, stage2["id"], "in_progress")
    minor = await raise_finding(client, org, audit_id=stage2["id"])
    assert minor["source"] == "certification_audit"
    assert minor["certification_body"] is True
    r = await _patch(client, org, minor["id"], {"cb_plan_accepted_at": "2026-11-01T09:00:00Z"})
    assert r.status_code == 200, r.text
    assert r.json()["cb_plan_accepted_at"].startswith("2026-11-01T09:00:00")
    r = await _patch(client, org, minor["id"], {"cb_verified_at": "2026-11-02T09:00:00Z"})
    assert r.status_code == 422  # verification is recorded for majors


async def test_patch_rules(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    finding = await raise_finding(client, org)
    url = findings_url(org, finding["id"])
    assert (
        await client.patch(url, json={"statement": "x"}, headers=org.admin.headers)
    ).status_code == 428
    r = await client.patch(
        url, json={"statement": "x"}, headers={**org.admin.headers, "If-Match": '"7"'}
    )
    assert r.status_code == 412
    r = await _patch(client, org, finding["id"], {"status": "closed"})
    assert r.status_code == 422  # status only through transitions (Z4)
    item = (await create_statement(client, org))["id"]
    r = await _patch(
        client,
        org,
        finding["id"],
        {"statement": "Sharper wording.", "evidence": [{"evidence_item_id": item}]},
    )
    assert r.status_code == 200, r.text
    assert r.json()["evidence"] == [{"evidence_item_id": item, "version_number": None}]
    await move_finding(client, org, finding["id"], "action_planned")
    r = await _patch(client, org, finding["id"], {"grade": "observation"})
    assert r.status_code == 409
    # corrected by an effective measure (10.1), then closed
    await corrected(client, org, finding)
    r = await move_finding(client, org, finding["id"], "closed")
    assert r.status_code == 200, r.text
    r = await _patch(client, org, finding["id"], {"statement": "Rewritten"})
    assert r.status_code == 409
    actions = await client.get(
        f"/api/v1/orgs/{org.slug}/activity",
        params={"object_type": "finding", "object_id": finding["id"]},
        headers=org.admin.headers,
    )
    assert [e["action"] for e in reversed(actions.json()["items"])] == [
        "finding.create",
        "finding.update",
        "finding.transition",
        "finding.transition",
    ]
    update = actions.json()["items"][-2]
    assert update["before"]["statement"] != update["after"]["statement"]


async def test_other_org_gets_404_identical_to_missing(client: httpx.AsyncClient) -> None:
    acme = await first_run(client)
    globex = await second_org(client, acme)
    theirs = await raise_finding(client, globex)
    missing_id = str(uuid.uuid4())
    foreign = await client.get(findings_url(acme, theirs["id"]), headers=acme.admin.headers)
    missing = await client.get(findings_url(acme, missing_id), headers=acme.admin.headers)
    assert foreign.status_code == missing.status_code == 404
    assert foreign.json() == missing.json()
    for method, path, body in [
        ("PATCH", findings_url(acme, theirs["id"]), {"statement": "Pwned"}),
        ("POST", findings_url(acme, theirs["id"], "transitions"), {"to": "action_planned"}),
    ]:
        r = await client.request(
            method, path, json=body, headers={**acme.admin.headers, "If-Match": "*"}
        )
        assert r.status_code == 404
        assert r.json() == missing.json()
    r = await client.get(findings_url(acme), headers=acme.admin.headers)
    assert r.json()["total"] == 0
    after = await client.get(findings_url(globex, theirs["id"]), headers=globex.admin.headers)
    assert after.json()["statement"] == theirs["statement"]
    assert after.json()["status"] == "open"


async def test_roles(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    finding = await raise_finding(client, org)
    viewer = await add_member(client, org, "viewer")
    assert (
        await client.get(findings_url(org, finding["id"]), headers=viewer.headers)
    ).status_code == 200
    await raise_finding(client, org, headers=viewer.headers, expect=403)
    assert (
        await move_finding(client, org, finding["id"], "action_planned", viewer.headers)
    ).status_code == 403
    external = await add_member(client, org, "external_auditor")
    assert (await client.get(findings_url(org), headers=external.headers)).json()["total"] == 1
    await raise_finding(client, org, headers=external.headers, source="internal_audit", expect=403)
    await raise_finding(client, org, headers=external.headers, expect=403)  # source "other"
    cb = await raise_finding(client, org, headers=external.headers, source="certification_audit")
    assert (
        await move_finding(client, org, finding["id"], "action_planned", external.headers)
    ).status_code == 403
    r = await _patch(client, org, finding["id"], {"statement": "x"}, headers=external.headers)
    assert r.status_code == 403
    assert (
        await move_finding(client, org, cb["id"], "action_planned", external.headers)
    ).status_code == 200
    auditor = await add_member(client, org, "auditor")
    await raise_finding(client, org, headers=auditor.headers)


async def test_list_query_count_is_constant(
    client: httpx.AsyncClient, count_queries: QueryCounter
) -> None:
    org = await first_run(client)
    item = (await create_statement(client, org))["id"]
    await raise_finding(client, org, evidence=[{"evidence_item_id": item}])

    async def cost() -> int:
        count_queries.count = 0
        r = await client.get(findings_url(org), params={"limit": 500}, headers=org.admin.headers)
        assert r.status_code == 200
        return count_queries.count

    one = await cost()
    for _ in range(20):
        item = (await create_statement(client, org))["id"]
        await raise_finding(client, org, evidence=[{"evidence_item_id": item}])
    assert await cost() == one
