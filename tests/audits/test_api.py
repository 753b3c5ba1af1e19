"""Audits over HTTP: programmes, scope expansion, independence, report, coverage, roles,
tenancy and query counts."""

from __future__ import annotations

import json
import uuid
from datetime import timedelta
from pathlib import Path

import httpx
from certready.audits.models import AuditChecklistLine
from certready.core.clock import utcnow
from certready.db.session import Database
from sqlalchemy import update

from tests.conftest import QueryCounter
from tests.factories.audits import (
    assess,
    assess_all,
    audits_url,
    create_audit,
    create_programme,
    drop_framework_with_audits,
    patch_audit,
    programmes_url,
    set_owner,
    transition,
)
from tests.factories.auth import add_member, first_run, second_org
from tests.factories.evidence import create_statement
from tests.factories.findings import findings_url, raise_finding
from tests.factories.requirements import insert_generated_framework

PROBLEM = "application/problem+json"
CATALOGUE = (
    Path(__file__).resolve().parents[2]
    / "backend/certready/requirements/catalogue/iso20000-1-2018.json"
)
LEAVES = [r["ref"] for r in json.loads(CATALOGUE.read_text())["requirements"] if r["assessable"]]


async def _checklist_refs(client: httpx.AsyncClient, org, audit_id: str) -> list[str]:  # type: ignore[no-untyped-def]
    r = await client.get(audits_url(org, audit_id, "checklist"), headers=org.admin.headers)
    assert r.status_code == 200, r.text
    return [line["ref"] for line in r.json()["items"]]


async def _activity(client: httpx.AsyncClient, org, object_type: str, object_id: str) -> list[str]:  # type: ignore[no-untyped-def]
    r = await client.get(
        f"/api/v1/orgs/{org.slug}/activity",
        params={"object_type": object_type, "object_id": object_id, "limit": 500},
        headers=org.admin.headers,
    )
    assert r.status_code == 200, r.text
    return [e["action"] for e in reversed(r.json()["items"])]


# --- programme ------------------------------------------------------------------------------


async def test_programme_approval_is_recorded_and_reset_by_a_new_method(
    client: httpx.AsyncClient,
) -> None:
    org = await first_run(client)
    auditor = await add_member(client, org, "auditor")
    programme = await create_programme(client, org, headers=auditor.headers)
    assert programme["approved"] is False
    viewer = await add_member(client, org, "viewer")
    r = await client.post(programmes_url(org, programme["id"], "approve"), headers=viewer.headers)
    assert r.status_code == 403
    r = await client.post(
        programmes_url(org, programme["id"], "approve"), headers=org.admin.headers
    )
    assert r.status_code == 200, r.text
    approved = r.json()
    assert approved["approved"] is True
    assert approved["approved_by_id"] == org.admin.user_id
    assert approved["approved_at"] is not None
    again = await client.post(
        programmes_url(org, programme["id"], "approve"), headers=org.admin.headers
    )
    assert again.status_code == 409

    url = programmes_url(org, programme["id"])
    etag = (await client.get(url, headers=org.admin.headers)).headers["etag"]
    r = await client.patch(
        url, json={"title": "Renamed"}, headers={**org.admin.headers, "If-Match": etag}
    )
    assert r.status_code == 200, r.text
    assert r.json()["approved"] is True  # a title is not the approved substance
    r = await client.patch(
        url,
        json={"method": "Remote audits only."},
        headers={**org.admin.headers, "If-Match": r.headers["etag"]},
    )
    assert r.status_code == 200, r.text
    assert r.json()["approved"] is False
    assert r.json()["approved_by_id"] is None
    stale = await client.patch(
        url, json={"title": "Stale"}, headers={**org.admin.headers, "If-Match": etag}
    )
    assert stale.status_code == 412
    actions = await _activity(client, org, "audit_programme", programme["id"])
    assert actions == [
        "audit_programme.create",
        "audit_programme.approve",
        "audit_programme.update",
        "audit_programme.update",
    ]


async def test_programme_needs_a_period(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    r = await client.post(
        programmes_url(org), json={"title": "No period"}, headers=org.admin.headers
    )
    assert r.status_code == 422
    r = await client.post(
        programmes_url(org),
        json={"title": "Dates", "period_start": "2026-01-01", "period_end": "2026-12-31"},
        headers=org.admin.headers,
    )
    assert r.status_code == 201, r.text


# --- scope ----------------------------------------------------------------------------------


async def test_clause_prefixes_expand_to_leaves(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    lead = org.admin.user_id
    eight = await create_audit(client, org, scope=["8"], lead=lead)
    expected = [ref for ref in LEAVES if ref.startswith("8.")]
    assert eight["requirement_refs"] == expected
    assert (await transition(client, org, eight["id"], "in_progress")).status_code == 200
    assert await _checklist_refs(client, org, eight["id"]) == expected

    five = await create_audit(client, org, scope=["8.5"], lead=lead)
    assert (await transition(client, org, five["id"], "in_progress")).status_code == 200
    refs = await _checklist_refs(client, org, five["id"])
    assert refs == ["8.5.1.1", "8.5.1.2", "8.5.1.3", "8.5.2.1", "8.5.2.2", "8.5.2.3", "8.5.3"]

    mixed = await create_audit(client, org, scope=["8.5", "8.5.3", "4.1", "4.1", "10"], lead=lead)
    assert mixed["scope"] == ["8.5", "8.5.3", "4.1", "10"]
    assert (await transition(client, org, mixed["id"], "in_progress")).status_code == 200
    refs = await _checklist_refs(client, org, mixed["id"])
    assert refs == ["4.1", *[r for r in LEAVES if r.startswith("8.5.")], "10.1", "10.2"]
    lines = (
        await client.get(audits_url(org, mixed["id"], "checklist"), headers=org.admin.headers)
    ).json()
    first = lines["items"][0]
    assert first["root_ref"] == "4"
    assert first["title"]
    assert first["sort_key"]
    assert first["result"] == "not_assessed"


async def test_unknown_scope_entries_are_422(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    r = await create_audit(client, org, scope=["8", "80", "4.9"], expect=422)
    assert r["unknown"] == ["80", "4.9"]
    assert "80" in r["detail"]


async def test_scope_is_frozen_once_started(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    audit = await create_audit(client, org, scope=["4"], lead=org.admin.user_id)
    r = await patch_audit(client, org, audit["id"], {"scope": ["5"]})
    assert r.status_code == 200
    assert r.json()["requirement_refs"] == ["5.1", "5.2.1", "5.2.2", "5.3"]
    await transition(client, org, audit["id"], "in_progress")
    r = await patch_audit(client, org, audit["id"], {"scope": ["6"]})
    assert r.status_code == 409


async def test_patch_needs_if_match(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    audit = await create_audit(client, org)
    url = audits_url(org, audit["id"])
    r = await client.patch(url, json={"title": "x"}, headers=org.admin.headers)
    assert r.status_code == 428
    r = await client.patch(
        url, json={"title": "x"}, headers={**org.admin.headers, "If-Match": '"99"'}
    )
    assert r.status_code == 412
    r = await client.patch(
        url,
        json={"title": "x", "org_id": str(uuid.uuid4())},
        headers={**org.admin.headers, "If-Match": '"1"'},
    )
    assert r.status_code == 422


# --- people and independence ----------------------------------------------------------------


async def test_lead_auditor_roles(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    owner = await add_member(client, org, "process_owner")
    external = await add_member(client, org, "external_auditor")
    manager = await add_member(client, org, "sms_manager")
    r = await create_audit(client, org, lead=owner.user_id, expect=422)
    assert r["errors"][0]["loc"] == ["body", "lead_auditor_id"]
    await create_audit(client, org, lead=external.user_id, expect=422)
    await create_audit(client, org, lead=org.admin.user_id, team=[external.user_id], expect=422)
    await create_audit(client, org, lead=manager.user_id)
    cb = await create_audit(
        client, org, type="stage2", lead=external.user_id, external_auditors=["Jane Certifier"]
    )
    assert cb["programme_id"] is None
    assert cb["external_auditors"] == ["Jane Certifier"]
    await create_audit(client, org, lead=str(uuid.uuid4()), expect=422)


async def test_internal_audit_needs_a_programme(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    r = await client.post(
        audits_url(org),
        json={"type": "internal", "title": "No programme", "scope": ["4"]},
        headers=org.admin.headers,
    )
    assert r.status_code == 422
    assert r.json()["errors"][0]["loc"] == ["body", "programme_id"]


async def test_auditor_cannot_assess_a_requirement_they_own(
    client: httpx.AsyncClient, database: Database
) -> None:
    org = await first_run(client)
    auditor = await add_member(client, org, "auditor")
    await set_owner(database, org, "8.5.3", auditor.user_id)
    audit = await create_audit(
        client, org, scope=["8.5.3", "4.1"], lead=org.admin.user_id, team=[auditor.user_id]
    )
    assert audit["lines_without_eligible_auditor"] == []
    await transition(client, org, audit["id"], "in_progress")

    r = await assess(client, org, audit["id"], "8.5.3", auditor.headers, "conforming")
    assert r.status_code == 409
    assert r.headers["content-type"] == PROBLEM
    body = r.json()
    assert body["type"] == "urn:certready:problem:auditor-not-independent"
    assert body["ref"] == "8.5.3"
    assert "own" in body["detail"]
    # nor may the line be handed to its owner
    r = await assess(
        client, org, audit["id"], "8.5.3", org.admin.headers, None, auditor_id=auditor.user_id
    )
    assert r.status_code == 409
    # the owner audits other lines; the lead audits the owned one
    r = await assess(client, org, audit["id"], "4.1", auditor.headers, "conforming")
    assert r.status_code == 200, r.text
    assert r.json()["auditor_id"] == auditor.user_id
    assert r.json()["assessed_by_id"] == auditor.user_id
    r = await assess(client, org, audit["id"], "8.5.3", org.admin.headers, "observation")
    assert r.status_code == 200, r.text
    assert r.json()["owner_id"] == auditor.user_id


async def test_line_assigned_to_its_owner_blocks_assessment(
    client: httpx.AsyncClient, database: Database
) -> None:
    org = await first_run(client)
    auditor = await add_member(client, org, "auditor")
    audit = await create_audit(
        client, org, scope=["4.1"], lead=org.admin.user_id, team=[auditor.user_id]
    )
    await transition(client, org, audit["id"], "in_progress")
    r = await assess(
        client, org, audit["id"], "4.1", org.admin.headers, None, auditor_id=auditor.user_id
    )
    assert r.status_code == 200, r.text
    await set_owner(database, org, "4.1", auditor.user_id)  # ownership changed after assignment
    r = await assess(client, org, audit["id"], "4.1", org.admin.headers, "conforming")
    assert r.status_code == 409
    assert "line's auditor owns" in r.json()["detail"]


async def test_lines_without_an_eligible_auditor_are_shown(
    client: httpx.AsyncClient, database: Database
) -> None:
    org = await first_run(client)
    auditor = await add_member(client, org, "auditor")
    await set_owner(database, org, "8.5.3", auditor.user_id)
    await set_owner(database, org, "8.5.2.1", org.admin.user_id)
    audit = await create_audit(client, org, scope=["8.5"], lead=auditor.user_id)
    assert audit["lines_without_eligible_auditor"] == ["8.5.3"]
    r = await patch_audit(client, org, audit["id"], {"team_member_ids": [org.admin.user_id]})
    assert r.json()["lines_without_eligible_auditor"] == []
    r = await patch_audit(
        client, org, audit["id"], {"lead_auditor_id": org.admin.user_id, "team_member_ids": []}
    )
    assert r.json()["lines_without_eligible_auditor"] == ["8.5.2.1"]
    r = await client.get(audits_url(org, audit["id"]), headers=org.admin.headers)
    assert r.json()["lines_without_eligible_auditor"] == ["8.5.2.1"]


async def test_only_the_audit_team_assesses(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    outsider = await add_member(client, org, "auditor")
    audit = await create_audit(client, org, scope=["4.1"], lead=org.admin.user_id)
    await transition(client, org, audit["id"], "in_progress")
    r = await assess(client, org, audit["id"], "4.1", outsider.headers)
    assert r.status_code == 403
    r = await assess(client, org, audit["id"], "9.9", org.admin.headers)
    assert r.status_code == 422


async def test_sampled_evidence_is_kept_per_line(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    audit = await create_audit(client, org, scope=["4.1"], lead=org.admin.user_id)
    await transition(client, org, audit["id"], "in_progress")
    item = (await create_statement(client, org))["id"]
    r = await assess(
        client,
        org,
        audit["id"],
        "4.1",
        org.admin.headers,
        "conforming",
        notes="Context analysis reviewed.",
        evidence=[
            {"evidence_item_id": item, "version_number": 2},
            {"evidence_item_id": item, "version_number": 3},
        ],
    )
    assert r.status_code == 200, r.text
    assert r.json()["evidence"] == [{"evidence_item_id": item, "version_number": 3}]
    stale = await client.patch(
        audits_url(org, audit["id"], "checklist", "4.1"),
        json={"notes": "x"},
        headers={**org.admin.headers, "If-Match": '"1"'},
    )
    assert stale.status_code == 412
    lines = (
        await client.get(audits_url(org, audit["id"], "checklist"), headers=org.admin.headers)
    ).json()
    assert lines["items"][0]["evidence"] == [{"evidence_item_id": item, "version_number": 3}]
    assert lines["items"][0]["notes"] == "Context analysis reviewed."


# --- report and coverage --------------------------------------------------------------------


async def test_report_groups_results_by_top_clause(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    auditor = await add_member(client, org, "auditor")
    audit = await create_audit(
        client, org, scope=["4.1", "4.2", "8.5.3"], lead=org.admin.user_id, team=[auditor.user_id]
    )
    await transition(client, org, audit["id"], "in_progress")
    await assess(client, org, audit["id"], "4.1", org.admin.headers, "conforming")
    await assess(client, org, audit["id"], "4.2", org.admin.headers, "ofi")
    await assess(client, org, audit["id"], "8.5.3", org.admin.headers, "nonconforming")
    lines = (
        await client.get(audits_url(org, audit["id"], "checklist"), headers=org.admin.headers)
    ).json()
    line = next(x for x in lines["items"] if x["ref"] == "8.5.3")
    finding = await raise_finding(client, org, checklist_line_id=line["id"])
    await patch_audit(
        client, org, audit["id"], {"report_summary": "One minor NC.", "distribution": ["CIO"]}
    )
    r = await client.get(audits_url(org, audit["id"], "report"), headers=org.admin.headers)
    assert r.status_code == 200, r.text
    report = r.json()
    assert report["conclusions"] == "One minor NC."
    assert report["distribution"] == ["CIO"]
    assert report["criteria"]
    assert report["scope"] == ["4.1", "4.2", "8.5.3"]
    assert {(m["user_id"], m["role"]) for m in report["team"]} == {
        (org.admin.user_id, "lead"),
        (auditor.user_id, "member"),
    }
    by_clause = {c["ref"]: c for c in report["results_by_clause"]}
    assert list(by_clause) == ["4", "8"]
    assert (by_clause["4"]["total"], by_clause["4"]["conforming"], by_clause["4"]["ofi"]) == (
        2,
        1,
        1,
    )
    assert (by_clause["8"]["total"], by_clause["8"]["nonconforming"]) == (1, 1)
    assert by_clause["8"]["title"]
    assert report["results"]["total"] == 3
    assert [f["key"] for f in report["findings"]] == [finding["key"]]


async def test_report_has_the_programme_checklist_notes_and_objective_evidence(
    client: httpx.AsyncClient,
) -> None:
    """What the printed report shows besides the counts (the PDF shows the same)."""
    org = await first_run(client)
    item = await create_statement(client, org, title="Change log sample", kind="record")
    other = await create_statement(client, org, title="CAB minutes", kind="record")
    audit = await create_audit(client, org, scope=["4.1", "8.5.3"], lead=org.admin.user_id)
    await transition(client, org, audit["id"], "in_progress")
    r = await assess(
        client,
        org,
        audit["id"],
        "8.5.3",
        org.admin.headers,
        "nonconforming",
        notes="No approval on 2 of 10.",
        evidence=[{"evidence_item_id": other["id"]}, {"evidence_item_id": item["id"]}],
    )
    assert r.status_code == 200, r.text
    finding = await raise_finding(
        client, org, checklist_line_id=r.json()["id"], evidence=[{"evidence_item_id": item["id"]}]
    )
    report = (
        await client.get(audits_url(org, audit["id"], "report"), headers=org.admin.headers)
    ).json()
    assert report["objectives"] == "Cover every clause of ISO/IEC 20000-1 once a year."
    assert report["method"].startswith("Document review and interviews")
    assert [(x["ref"], x["result"]) for x in report["lines"]] == [
        ("4.1", "not_assessed"),
        ("8.5.3", "nonconforming"),
    ]
    line = report["lines"][1]
    assert line["notes"] == "No approval on 2 of 10." and line["auditor"] == "Ada Admin"
    assert line["sampled_evidence"] == sorted([item["key"], other["key"]], key=lambda k: int(k[2:]))
    assert report["findings"][0]["key"] == finding["key"]
    assert report["findings"][0]["objective_evidence"] == [item["key"]]
    assert report["closed_on"] is None


async def test_coverage_reports_the_latest_internal_audit_per_leaf(
    client: httpx.AsyncClient, database: Database
) -> None:
    org = await first_run(client)

    async def run(scope: list[str], result: str, type: str = "internal", close: bool = True) -> str:
        audit = await create_audit(client, org, scope=scope, lead=org.admin.user_id, type=type)
        await transition(client, org, audit["id"], "in_progress")
        await assess_all(client, org, audit["id"], org.admin.headers, result)
        if close:
            await transition(client, org, audit["id"], "reporting")
        return str(audit["id"])

    first = await run(["4", "5.1"], "conforming")
    second = await run(["5"], "observation")  # later: wins for 5.1
    old = await run(["6"], "conforming")
    await run(["7"], "conforming", close=False)  # still in progress: not counted
    await run(["9"], "conforming", type="stage2")  # not an internal audit
    async with database.transaction() as session:
        await session.execute(
            update(AuditChecklistLine)
            .where(AuditChecklistLine.audit_id == uuid.UUID(old))
            .values(
                assessed_at=utcnow() - timedelta(days=500),
                assessed_on=(utcnow() - timedelta(days=500)).date(),
            )
        )
    r = await client.get(
        audits_url(org, "coverage"), params={"months": 12}, headers=org.admin.headers
    )
    assert r.status_code == 200, r.text
    body = r.json()
    by_ref = {i["ref"]: i for i in body["items"]}
    assert body["total"] == len(LEAVES) == 57
    assert by_ref["4.1"]["audit_id"] == first
    assert by_ref["4.1"]["result"] == "conforming"
    assert by_ref["5.1"]["audit_id"] == second
    assert by_ref["5.1"]["result"] == "observation"
    assert by_ref["5.2.1"]["audit_id"] == second
    covered = {r for r in LEAVES if r.startswith(("4.", "5."))}
    assert body["covered"] == len(covered)
    assert body["not_covered"] == [r for r in LEAVES if r not in covered]
    r = await client.get(
        audits_url(org, "coverage"), params={"months": 24}, headers=org.admin.headers
    )
    assert {i["ref"]: i for i in r.json()["items"]}["6.1"]["audit_id"] == old
    r = await client.get(
        audits_url(org, "coverage"), params={"months": 0}, headers=org.admin.headers
    )
    assert r.status_code == 422


# --- lists, roles and tenancy ---------------------------------------------------------------


async def test_list_filters_and_paging(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    programme = await create_programme(client, org)
    for _ in range(3):
        await create_audit(client, org, programme_id=programme["id"])
    cb = await create_audit(client, org, type="stage1")
    r = await client.get(audits_url(org), params={"limit": 2}, headers=org.admin.headers)
    page = r.json()
    assert page["total"] == 4
    assert [a["key"] for a in page["items"]] == ["A-4", "A-3"]
    r = await client.get(
        audits_url(org),
        params={"limit": 2, "cursor": page["next_cursor"]},
        headers=org.admin.headers,
    )
    assert [a["key"] for a in r.json()["items"]] == ["A-2", "A-1"]
    assert r.json()["next_cursor"] is None
    r = await client.get(audits_url(org), params={"type": "stage1"}, headers=org.admin.headers)
    assert [a["id"] for a in r.json()["items"]] == [cb["id"]]
    r = await client.get(
        audits_url(org), params={"programme_id": programme["id"]}, headers=org.admin.headers
    )
    assert r.json()["total"] == 3
    r = await client.get(audits_url(org), params={"status": "planned"}, headers=org.admin.headers)
    assert r.json()["total"] == 4
    r = await client.get(audits_url(org), params={"limit": 501}, headers=org.admin.headers)
    assert r.status_code == 422


async def test_other_org_gets_404_identical_to_missing(client: httpx.AsyncClient) -> None:
    acme = await first_run(client)
    globex = await second_org(client, acme)
    theirs = await create_audit(client, globex, scope=["4.1"], lead=globex.admin.user_id)
    await transition(client, globex, theirs["id"], "in_progress")
    programme = theirs["programme_id"]
    missing_id = str(uuid.uuid4())
    for suffix in ["", "/checklist", "/report"]:
        foreign = await client.get(
            audits_url(acme, theirs["id"]) + suffix, headers=acme.admin.headers
        )
        missing = await client.get(
            audits_url(acme, missing_id) + suffix, headers=acme.admin.headers
        )
        assert foreign.status_code == missing.status_code == 404
        assert foreign.json() == missing.json()
    for method, path, body in [
        ("PATCH", audits_url(acme, theirs["id"]), {"title": "Pwned"}),
        ("POST", audits_url(acme, theirs["id"], "transitions"), {"to": "cancelled"}),
        ("PATCH", audits_url(acme, theirs["id"], "checklist", "4.1"), {"result": "nonconforming"}),
        ("GET", programmes_url(acme, programme), None),
        ("POST", programmes_url(acme, programme, "approve"), None),
    ]:
        r = await client.request(
            method, path, json=body, headers={**acme.admin.headers, "If-Match": "*"}
        )
        assert r.status_code == 404, (method, path, r.text)
        assert r.json() == missing.json()
    # the foreign org's slug itself is a 404 too
    r = await client.get(audits_url(globex), headers=acme.admin.headers)
    assert r.status_code == 404
    # a foreign programme cannot be borrowed
    await create_audit(client, acme, programme_id=programme, expect=422)
    after = await client.get(audits_url(globex, theirs["id"]), headers=globex.admin.headers)
    assert after.json()["status"] == "in_progress"
    assert after.json()["title"] == theirs["title"]


async def test_viewer_and_process_owner_cannot_write(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    audit = await create_audit(client, org, scope=["4.1"], lead=org.admin.user_id)
    for role in ("viewer", "process_owner"):
        member = await add_member(client, org, role)
        assert (
            await client.get(audits_url(org, audit["id"]), headers=member.headers)
        ).status_code == 200
        r = await client.post(
            audits_url(org),
            json={"type": "stage1", "title": "x", "scope": ["4"]},
            headers=member.headers,
        )
        assert r.status_code == 403
        assert (
            await transition(client, org, audit["id"], "in_progress", member.headers)
        ).status_code == 403
        r = await client.post(
            programmes_url(org), json={"title": "x", "period_label": "2026"}, headers=member.headers
        )
        assert r.status_code == 403


async def test_external_auditor_conducts_only_certification_body_audits(
    client: httpx.AsyncClient,
) -> None:
    org = await first_run(client)
    external = await add_member(client, org, "external_auditor")
    internal = await create_audit(client, org, scope=["4.1"], lead=org.admin.user_id)
    await transition(client, org, internal["id"], "in_progress")
    stage2 = await create_audit(client, org, type="stage2", scope=["4.1"], lead=external.user_id)
    await transition(client, org, stage2["id"], "in_progress")
    # reads everything
    for url in (
        audits_url(org),
        audits_url(org, internal["id"]),
        audits_url(org, internal["id"], "checklist"),
        audits_url(org, internal["id"], "report"),
        audits_url(org, "coverage"),
    ):
        assert (await client.get(url, headers=external.headers)).status_code == 200, url
    # manages nothing
    r = await client.post(
        audits_url(org),
        json={"type": "stage2", "title": "x", "scope": ["4"]},
        headers=external.headers,
    )
    assert r.status_code == 403
    assert (
        await transition(client, org, stage2["id"], "reporting", external.headers)
    ).status_code == 403
    # conducts certification-body audits only
    r = await assess(client, org, internal["id"], "4.1", external.headers, "nonconforming")
    assert r.status_code == 403
    r = await assess(client, org, stage2["id"], "4.1", external.headers, "nonconforming")
    assert r.status_code == 200, r.text
    r = await client.post(
        findings_url(org),
        json={
            "grade": "minor_nc",
            "statement": "x",
            "requirement_ref": "4.1",
            "audit_id": internal["id"],
        },
        headers=external.headers,
    )
    assert r.status_code == 403
    lines = (
        await client.get(audits_url(org, stage2["id"], "checklist"), headers=external.headers)
    ).json()
    finding = await raise_finding(
        client,
        org,
        headers=external.headers,
        grade="major_nc",
        checklist_line_id=lines["items"][0]["id"],
    )
    assert finding["source"] == "certification_audit"
    assert finding["certification_body"] is True


async def test_activity_log_records_each_step(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    audit = await create_audit(client, org, scope=["4.1"], lead=org.admin.user_id)
    await patch_audit(client, org, audit["id"], {"criteria": "ISO/IEC 20000-1 and contracts"})
    await transition(client, org, audit["id"], "in_progress", note="Opening meeting held")
    await assess(client, org, audit["id"], "4.1", org.admin.headers, "conforming")
    await patch_audit(
        client, org, audit["id"], {"report_summary": "Fine.", "distribution": ["CIO"]}
    )
    await transition(client, org, audit["id"], "reporting")
    await transition(client, org, audit["id"], "closed")
    assert await _activity(client, org, "audit", audit["id"]) == [
        "audit.create",
        "audit.update",
        "audit.transition",
        "audit.update",
        "audit.transition",
        "audit.transition",
    ]
    r = await client.get(
        f"/api/v1/orgs/{org.slug}/activity",
        params={"object_type": "audit", "object_id": audit["id"], "action": "audit.transition"},
        headers=org.admin.headers,
    )
    first = r.json()["items"][-1]
    assert first["before"] == {"status": "planned"}
    assert first["after"] == {"status": "in_progress", "note": "Opening meeting held"}
    r = await client.get(
        f"/api/v1/orgs/{org.slug}/activity",
        params={"action": "audit.checklist.assess"},
        headers=org.admin.headers,
    )
    entry = r.json()["items"][0]
    assert entry["before"]["result"] == "not_assessed"
    assert entry["after"]["result"] == "conforming"
    assert entry["after"]["ref"] == "4.1"


# --- query counts ---------------------------------------------------------------------------


async def test_checklist_query_count_is_constant(
    client: httpx.AsyncClient, database: Database, count_queries: QueryCounter
) -> None:
    org = await first_run(client)
    small = await create_audit(
        client, org, scope=["4", "5", "6", "7", "8", "9", "10"], lead=org.admin.user_id
    )
    await transition(client, org, small["id"], "in_progress")
    code = await insert_generated_framework(database, org.id, 500)
    try:
        big = await create_audit(
            client,
            org,
            type="stage1",
            scope=[str(i) for i in range(1, 501)],
            lead=org.admin.user_id,
            framework=code,
        )
        assert len(big["requirement_refs"]) == 500
        one = await create_audit(client, org, type="stage1", scope=["1"], framework=code)
        assert one["requirement_refs"] == ["1"]  # "1" never matches "10" or "100"
        await transition(client, org, big["id"], "in_progress")

        async def cost(audit_id: str, suffix: str = "/checklist") -> tuple[int, int]:
            count_queries.count = 0
            r = await client.get(audits_url(org, audit_id) + suffix, headers=org.admin.headers)
            assert r.status_code == 200, r.text
            return count_queries.count, len(r.json().get("items", []))

        small_count, small_lines = await cost(small["id"])
        big_count, big_lines = await cost(big["id"])
        assert (small_lines, big_lines) == (57, 500)
        assert small_count == big_count <= 6
        assert (await cost(small["id"], ""))[0] == (await cost(big["id"], ""))[0]
        assert (await cost(small["id"], "/report"))[0] == (await cost(big["id"], "/report"))[0]
    finally:
        await drop_framework_with_audits(database, code)
