"""Audit lifecycle: every pair of states, the start and close guards, read-only records."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from certready.audits.enums import AuditStatus
from certready.audits.workflow import AUDIT_WORKFLOW

from tests.factories.audits import (
    assess,
    assess_all,
    audits_url,
    create_audit,
    patch_audit,
    transition,
)
from tests.factories.auth import OrgFixture, first_run
from tests.factories.findings import raise_finding

STATES = [s.value for s in AuditStatus]
TABLE = {
    "planned": ["in_progress", "cancelled"],
    "in_progress": ["reporting", "cancelled"],
    "reporting": ["closed"],
    "closed": [],
    "cancelled": [],
}


def test_the_table_is_the_documented_one() -> None:
    for state, allowed in TABLE.items():
        assert [s.value for s in AUDIT_WORKFLOW.allowed(AuditStatus(state))] == allowed


async def _ready_to_close(client: httpx.AsyncClient, org: OrgFixture, audit_id: str) -> None:
    await assess_all(client, org, audit_id, org.admin.headers)
    r = await patch_audit(
        client,
        org,
        audit_id,
        {"report_summary": "The SMS conforms.", "distribution": ["Top management"]},
    )
    assert r.status_code == 200, r.text


async def audit_in(client: httpx.AsyncClient, org: OrgFixture, state: str) -> dict[str, Any]:
    audit = await create_audit(client, org, scope=["4.1"], lead=org.admin.user_id)
    path = {
        "planned": [],
        "in_progress": ["in_progress"],
        "reporting": ["in_progress", "reporting"],
        "closed": ["in_progress", "reporting", "closed"],
        "cancelled": ["cancelled"],
    }[state]
    for step in path:
        if step == "closed":
            await _ready_to_close(client, org, audit["id"])
        r = await transition(client, org, audit["id"], step)
        assert r.status_code == 200, r.text
        audit = r.json()
    return audit


@pytest.mark.parametrize("current", STATES)
async def test_every_transition_pair(client: httpx.AsyncClient, current: str) -> None:
    org = await first_run(client)
    illegal = await audit_in(client, org, current)
    assert illegal["status"] == current
    assert illegal["allowed_transitions"] == TABLE[current]
    for target in STATES:
        if target in TABLE[current]:
            audit = await audit_in(client, org, current)
            if target == "closed":
                await _ready_to_close(client, org, audit["id"])
            r = await transition(client, org, audit["id"], target)
            assert r.status_code == 200, (current, target, r.text)
            assert r.json()["status"] == target
            assert r.json()["allowed_transitions"] == TABLE[target]
        else:
            r = await transition(client, org, illegal["id"], target)
            assert r.status_code == 409, (current, target, r.text)
            body = r.json()
            assert r.headers["content-type"] == "application/problem+json"
            assert body["type"] == "urn:certready:problem:illegal-transition"
            assert body["current"] == current
            assert body["requested"] == target
            assert body["allowed"] == TABLE[current]
    again = await client.get(audits_url(org, illegal["id"]), headers=org.admin.headers)
    assert again.json()["status"] == current


async def test_start_needs_a_lead_auditor(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    audit = await create_audit(client, org, scope=["4.1"])
    r = await transition(client, org, audit["id"], "in_progress")
    assert r.status_code == 409
    assert "lead auditor" in r.json()["detail"]
    assert r.json()["allowed"] == ["in_progress", "cancelled"]
    r = await patch_audit(client, org, audit["id"], {"lead_auditor_id": org.admin.user_id})
    assert r.status_code == 200, r.text
    r = await transition(client, org, audit["id"], "in_progress")
    assert r.status_code == 200, r.text
    assert r.json()["checklist"]["total"] == 1
    assert r.json()["actual_start_date"] is not None


async def test_close_needs_assessed_lines_report_and_distribution(
    client: httpx.AsyncClient,
) -> None:
    org = await first_run(client)
    audit = await create_audit(client, org, scope=["8.5.3", "4.1"], lead=org.admin.user_id)
    for step in ("in_progress", "reporting"):
        assert (await transition(client, org, audit["id"], step)).status_code == 200
    assert (await assess(client, org, audit["id"], "4.1", org.admin.headers)).status_code == 200
    r = await transition(client, org, audit["id"], "closed")
    assert r.status_code == 409
    body = r.json()
    assert body["unassessed_refs"] == ["8.5.3"]
    assert "8.5.3" in body["detail"]
    assert "report summary" in body["detail"]
    assert "distribution" in body["detail"]
    assert body["allowed"] == ["closed"]

    assert (await assess(client, org, audit["id"], "8.5.3", org.admin.headers)).status_code == 200
    r = await patch_audit(client, org, audit["id"], {"report_summary": "Conforms."})
    r = await transition(client, org, audit["id"], "closed")
    assert r.status_code == 409
    assert "distribution" in r.json()["detail"]
    assert "report summary" not in r.json()["detail"]
    assert "unassessed_refs" not in r.json()

    await patch_audit(client, org, audit["id"], {"distribution": ["CIO", "SMS manager"]})
    r = await transition(client, org, audit["id"], "closed")
    assert r.status_code == 200, r.text
    assert r.json()["closed_at"] is not None


async def test_nonconforming_line_without_finding_blocks_closing(
    client: httpx.AsyncClient,
) -> None:
    org = await first_run(client)
    audit = await create_audit(client, org, scope=["8.5.1"], lead=org.admin.user_id)
    assert (await transition(client, org, audit["id"], "in_progress")).status_code == 200
    await assess_all(client, org, audit["id"], org.admin.headers)
    for ref in ("8.5.1.2", "8.5.1.3"):
        r = await assess(client, org, audit["id"], ref, org.admin.headers, "nonconforming")
        assert r.status_code == 200, r.text
    await patch_audit(
        client, org, audit["id"], {"report_summary": "Two NCs.", "distribution": ["CIO"]}
    )
    assert (await transition(client, org, audit["id"], "reporting")).status_code == 200
    r = await transition(client, org, audit["id"], "closed")
    assert r.status_code == 409
    assert r.json()["unlinked_nonconforming_refs"] == ["8.5.1.2", "8.5.1.3"]
    assert "8.5.1.2, 8.5.1.3" in r.json()["detail"]

    lines = (
        await client.get(audits_url(org, audit["id"], "checklist"), headers=org.admin.headers)
    ).json()
    by_ref = {line["ref"]: line for line in lines["items"]}
    finding = await raise_finding(
        client, org, checklist_line_id=by_ref["8.5.1.2"]["id"], grade="minor_nc"
    )
    assert finding["audit_id"] == audit["id"]
    assert finding["requirement_ref"] == "8.5.1.2"
    assert finding["source"] == "internal_audit"
    r = await transition(client, org, audit["id"], "closed")
    assert r.status_code == 409
    assert r.json()["unlinked_nonconforming_refs"] == ["8.5.1.3"]

    await raise_finding(client, org, checklist_line_id=by_ref["8.5.1.3"]["id"], grade="major_nc")
    lines = (
        await client.get(audits_url(org, audit["id"], "checklist"), headers=org.admin.headers)
    ).json()
    assert [len(line["finding_ids"]) for line in lines["items"]] == [0, 1, 1]
    r = await transition(client, org, audit["id"], "closed")
    assert r.status_code == 200, r.text


@pytest.mark.parametrize("final", ["closed", "cancelled"])
async def test_closed_or_cancelled_audit_is_read_only(
    client: httpx.AsyncClient, final: str
) -> None:
    org = await first_run(client)
    audit = await audit_in(client, org, final)
    r = await patch_audit(client, org, audit["id"], {"title": "Rewritten history"})
    assert r.status_code == 409
    assert "read-only" in r.json()["detail"]
    r = await assess(client, org, audit["id"], "4.1", org.admin.headers, "nonconforming")
    assert r.status_code == 409
    r = await raise_finding(client, org, audit_id=audit["id"], expect=409)
    current = await client.get(audits_url(org, audit["id"]), headers=org.admin.headers)
    assert current.json()["title"] == audit["title"]
    assert current.json()["version"] == audit["version"]
