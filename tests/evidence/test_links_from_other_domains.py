"""Audit lines, findings and corrective measures may only cite evidence of their own
organisation: an unknown id and another organisation's item get the same 422, and the
refused write changes nothing (no row, no activity entry)."""

from __future__ import annotations

import uuid
from typing import Any

import httpx
import pytest

from tests.factories.audits import assess, audits_url, create_audit, transition
from tests.factories.auth import OrgFixture, first_run, second_org
from tests.factories.corrective_measures import (
    add_action,
    measure_in,
    measures_url,
    open_measure,
    patch_measure,
    review,
    update_action,
)
from tests.factories.evidence import create_statement
from tests.factories.findings import findings_url, raise_finding


async def _foreign_and_unknown(
    client: httpx.AsyncClient,
) -> tuple[OrgFixture, str, list[str]]:
    """``acme`` with one of its own items, and two ids it must not be able to cite."""
    acme = await first_run(client)
    globex = await second_org(client, acme)
    own = (await create_statement(client, acme))["id"]
    theirs = (await create_statement(client, globex))["id"]
    return acme, own, [theirs, str(uuid.uuid4())]


async def _activity_count(client: httpx.AsyncClient, org: OrgFixture) -> int:
    r = await client.get(
        f"/api/v1/orgs/{org.slug}/activity", params={"limit": 500}, headers=org.admin.headers
    )
    assert r.status_code == 200, r.text
    return len(r.json()["items"])


def _names(problem: httpx.Response, bad: str, loc: list[Any]) -> None:
    assert problem.status_code == 422, problem.text
    assert problem.headers["content-type"].startswith("application/problem+json")
    body = problem.json()
    assert bad in body["detail"]
    assert body["errors"][0]["loc"] == loc


async def test_audit_line_evidence(client: httpx.AsyncClient) -> None:
    acme, own, bad_ids = await _foreign_and_unknown(client)
    audit = await create_audit(client, acme, scope=["4.1"], lead=acme.admin.user_id)
    await transition(client, acme, audit["id"], "in_progress")
    for bad in bad_ids:
        before = await _activity_count(client, acme)
        r = await assess(
            client,
            acme,
            audit["id"],
            "4.1",
            acme.admin.headers,
            evidence=[{"evidence_item_id": own}, {"evidence_item_id": bad}],
        )
        _names(r, bad, ["body", "evidence"])
        assert await _activity_count(client, acme) == before
    line = await client.get(audits_url(acme, audit["id"], "checklist"), headers=acme.admin.headers)
    assert [(x["result"], x["evidence"]) for x in line.json()["items"]] == [("not_assessed", [])]
    r = await assess(
        client, acme, audit["id"], "4.1", acme.admin.headers, evidence=[{"evidence_item_id": own}]
    )
    assert r.status_code == 200, r.text


async def test_finding_evidence(client: httpx.AsyncClient) -> None:
    acme, own, bad_ids = await _foreign_and_unknown(client)
    kept = await raise_finding(client, acme, evidence=[{"evidence_item_id": own}])
    for bad in bad_ids:
        before = await _activity_count(client, acme)
        r = await client.post(
            findings_url(acme),
            json={
                "grade": "observation",
                "statement": "Cites a stranger's evidence.",
                "evidence": [{"evidence_item_id": bad}],
            },
            headers=acme.admin.headers,
        )
        _names(r, bad, ["body", "evidence"])
        current = await client.get(findings_url(acme, kept["id"]), headers=acme.admin.headers)
        r = await client.patch(
            findings_url(acme, kept["id"]),
            json={"statement": "Changed", "evidence": [{"evidence_item_id": bad}]},
            headers={**acme.admin.headers, "If-Match": current.headers["etag"]},
        )
        _names(r, bad, ["body", "evidence"])
        assert await _activity_count(client, acme) == before
    listed = await client.get(findings_url(acme), headers=acme.admin.headers)
    assert [(f["key"], f["statement"], f["evidence"]) for f in listed.json()["items"]] == [
        (kept["key"], kept["statement"], [{"evidence_item_id": own, "version_number": None}])
    ]


@pytest.mark.parametrize("where", ["sms_change", "action", "review"])
async def test_corrective_measure_evidence(client: httpx.AsyncClient, where: str) -> None:
    acme, own, bad_ids = await _foreign_and_unknown(client)
    if where == "review":
        measure = await measure_in(client, acme, "effectiveness_review")
    else:
        measure = await open_measure(client, acme)
    mid = measure["id"]
    action: dict[str, Any] = {}
    if where == "action":
        with_action = await add_action(client, acme, mid, owner_id=acme.admin.user_id)
        action = with_action["actions"][0]
    before_state = (await client.get(measures_url(acme, mid), headers=acme.admin.headers)).json()
    for bad in bad_ids:
        before = await _activity_count(client, acme)
        if where == "sms_change":
            r = await patch_measure(client, acme, mid, {"sms_change_evidence_ids": [own, bad]})
            loc: list[Any] = ["body", "sms_change_evidence_ids"]
        elif where == "action":
            r = await update_action(client, acme, mid, action["id"], {"evidence_id": bad})
            loc = ["body", "evidence_id"]
        else:
            r = await review(client, acme, mid, evidence_id=bad)
            loc = ["body", "evidence_id"]
        _names(r, bad, loc)
        assert await _activity_count(client, acme) == before
    after_state = (await client.get(measures_url(acme, mid), headers=acme.admin.headers)).json()
    assert after_state == before_state
    # and the organisation's own item is accepted in the same place
    if where == "sms_change":
        ok = await patch_measure(client, acme, mid, {"sms_change_evidence_ids": [own]})
    elif where == "action":
        ok = await update_action(client, acme, mid, action["id"], {"evidence_id": own})
    else:
        ok = await review(client, acme, mid, evidence_id=own)
    assert ok.status_code == 200, ok.text
