"""RDY-20 counts ITSM records as operational evidence of their clause-8 process."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import httpx
from certready.readiness.facts import LeafEvidence

from tests.factories.auth import first_run
from tests.factories.readiness import (
    TODAY,
    good_facts,
    keys,
    leaf_id,
    named,
    rule_result,
    run,
)
from tests.integrations.helpers import create_integration, hub, post_hook, sample

D = timedelta(days=1)


def test_rdy20_itsm_records_stand_for_the_process() -> None:
    facts = good_facts()
    facts.leaf_evidence[leaf_id("8.6.1")] = LeafEvidence(current=1)  # no operating record
    assert keys(run("RDY-20", facts)) == ["8.6.1"]
    facts.itsm_latest = {"8.6.1": TODAY - 10 * D}
    assert run("RDY-20", facts).passed
    facts.itsm_latest = {"8.6.1": TODAY - 120 * D}  # older than the operating period
    assert keys(run("RDY-20", facts)) == ["8.6.1"]
    assert run("RDY-20", facts, months=6).passed
    facts.itsm_latest = {"8.5.1": TODAY - D}  # another process does not count
    assert keys(run("RDY-20", facts)) == ["8.6.1"]


def _issue(key: str, issue_type: str, updated: datetime) -> bytes:
    body = json.loads(sample("jira_issue_created.json"))
    body["issue"]["id"] = key
    body["issue"]["key"] = key
    body["issue"]["fields"]["issuetype"]["name"] = issue_type
    stamp = updated.strftime("%Y-%m-%dT%H:%M:%S.000+0000")
    body["issue"]["fields"]["created"] = body["issue"]["fields"]["updated"] = stamp
    return json.dumps(body).encode()


async def test_rdy20_names_processes_without_recent_records(client: httpx.AsyncClient) -> None:
    org = await first_run(client)

    def under(failing: list[tuple[str, str | None]], clause: str) -> list[str | None]:
        return [k for _, k in failing if k == clause or (k or "").startswith(clause + ".")]

    failing = named(await rule_result(client, org, "RDY-20"))
    assert under(failing, "8.6.1") == ["8.6.1"]
    assert len(under(failing, "8.5.1")) >= 2  # 8.5.1's leaves (8.5.1.1 ...)
    jira = await create_integration(
        client,
        org,
        "jira",
        secret="jira-test-secret",
        mapping={"kinds": {"Normal change": "change"}},
    )
    now = datetime.now(UTC)
    for key, kind, when in (
        ("ITSM-1", "[System] Incident", now - 5 * D),
        ("ITSM-2", "Normal change", now - 20 * D),
        ("ITSM-3", "[System] Problem", now - 200 * D),  # too old
    ):
        body = _issue(key, kind, when)
        r = await post_hook(client, jira, body, {"X-Hub-Signature": hub("jira-test-secret", body)})
        assert r.status_code == 200 and r.json()["mapping_state"] == "applied", r.text
    failing = named(await rule_result(client, org, "RDY-20"))
    assert under(failing, "8.6.1") == [] and under(failing, "8.5.1") == []
    assert under(failing, "8.6.3") == ["8.6.3"] and under(failing, "8.6.2") == ["8.6.2"]
    # the record changes are in the activity log (and move the readiness data version)
    log = await client.get(
        f"/api/v1/orgs/{org.slug}/activity",
        params={"object_type": "itsm_record"},
        headers=org.admin.headers,
    )
    assert log.status_code == 200 and log.json()["total"] == 3
