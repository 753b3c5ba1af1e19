"""RDY-20 counts ITSM records as operational evidence of their clause-8 process."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime, timedelta

import httpx
from certready.core.clock import add_months
from certready.readiness.facts import LeafEvidence, ServiceFacts

from tests.factories.auth import first_run
from tests.factories.readiness import (
    GOOD_SERVICE,
    TODAY,
    good_facts,
    itsm_span,
    keys,
    leaf_id,
    named,
    rule_result,
    run,
)
from tests.factories.services import create_service
from tests.integrations.helpers import create_integration, hub, post_hook, sample

D = timedelta(days=1)


def test_rdy20_itsm_records_must_cover_the_operating_period() -> None:
    facts = good_facts()
    facts.leaf_evidence[leaf_id("8.6.1")] = LeafEvidence(current=1)  # no operating record
    since = add_months(TODAY, -3)
    assert keys(run("RDY-20", facts)) == ["8.6.1"]
    # records from before the period's start up to last week: covered
    itsm_span(facts, "8.6.1", since - D, TODAY - 7 * D)
    assert run("RDY-20", facts).passed
    itsm_span(facts, "8.6", since, TODAY - 31 * D)  # a parent clause's records, at both limits
    del facts.itsm_oldest["8.6.1"], facts.itsm_latest["8.6.1"]
    assert run("RDY-20", facts).passed
    facts.itsm_oldest, facts.itsm_latest = {}, {}
    # recent records, but only since last month: the process has not operated 3 months
    itsm_span(facts, "8.6.1", TODAY - 35 * D, TODAY - D)
    out = run("RDY-20", facts)
    assert keys(out) == ["8.6.1"]
    assert f"ITSM records only since {(TODAY - 35 * D).isoformat()}" in out.failures[0].message
    assert run("RDY-20", facts, months=1).passed
    # old records, none lately: it stopped operating
    itsm_span(facts, "8.6.1", TODAY - 200 * D, TODAY - 32 * D)
    out = run("RDY-20", facts)
    assert keys(out) == ["8.6.1"] and "no ITSM record since" in out.failures[0].message
    assert run("RDY-20", facts, recent_days=40).passed
    # the oldest one day after the period's start: not covered
    itsm_span(facts, "8.6.1", since + D, TODAY)
    assert keys(run("RDY-20", facts)) == ["8.6.1"]
    assert run("RDY-20", facts, months=2).passed
    # another process's records do not count
    facts.itsm_oldest, facts.itsm_latest = {}, {}
    itsm_span(facts, "8.5.1", TODAY - 200 * D, TODAY - D)
    assert keys(run("RDY-20", facts)) == ["8.6.1"]
    # a current record-kind evidence item in the period still suffices on its own
    facts.leaf_evidence[leaf_id("8.6.1")] = LeafEvidence(current=1, latest_record_date=since)
    assert run("RDY-20", facts).passed


def test_rdy20_names_services_in_scope_the_records_do_not_cover() -> None:
    facts = good_facts()
    since = add_months(TODAY, -3)
    other = ServiceFacts(uuid.UUID(int=7), 2, "Payroll", "live", True, False, True, 1)
    retired = ServiceFacts(uuid.UUID(int=8), 3, "Fax", "retired", True, False, True, 1)
    outside = ServiceFacts(uuid.UUID(int=9), 4, "Lab", "live", False, True, False, 1)
    facts.services = [GOOD_SERVICE, other, retired, outside]
    # no record names a service: the operation is proven per process only
    assert run("RDY-20", facts).passed
    facts.itsm_by_service = {"SVC-1": (since - D, TODAY - D)}
    out = run("RDY-20", facts)
    assert [(f.type, f.key) for f in out.failures] == [("service", "SVC-2")]
    assert f"SVC-2 Payroll: no ITSM records since {since.isoformat()}." == out.failures[0].message
    assert "1 service(s) in scope without ITSM records" in out.message
    # records of the last weeks only: named with the gap
    facts.itsm_by_service["SVC-2"] = (TODAY - 20 * D, TODAY - D)
    out = run("RDY-20", facts)
    assert keys(out) == ["SVC-2"]
    assert f"ITSM records only since {(TODAY - 20 * D).isoformat()}" in out.failures[0].message
    facts.itsm_by_service["SVC-2"] = (since, TODAY - 31 * D)  # at both limits: covered
    assert run("RDY-20", facts).passed
    # a retired or out-of-scope service is never named
    facts.itsm_by_service = {"SVC-3": (since, TODAY), "SVC-4": (since, TODAY)}
    assert keys(run("RDY-20", facts)) == ["SVC-1", "SVC-2"]


def _issue(key: str, issue_type: str, created: datetime, updated: datetime) -> bytes:
    body = json.loads(sample("jira_issue_created.json"))
    body["issue"]["id"] = key
    body["issue"]["key"] = key
    body["issue"]["fields"]["issuetype"]["name"] = issue_type
    fields = body["issue"]["fields"]
    fields["created"] = created.strftime("%Y-%m-%dT%H:%M:%S.000+0000")
    fields["updated"] = updated.strftime("%Y-%m-%dT%H:%M:%S.000+0000")
    return json.dumps(body).encode()


async def test_rdy20_names_processes_whose_records_do_not_cover_the_period(
    client: httpx.AsyncClient,
) -> None:
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
    for key, kind, created, updated in (
        # incidents from four months ago until last week: the period is covered
        ("ITSM-1", "[System] Incident", now - 120 * D, now - 100 * D),
        ("ITSM-2", "[System] Incident", now - 6 * D, now - 5 * D),
        # changes only since three weeks: not yet three months of operation
        ("ITSM-3", "Normal change", now - 20 * D, now - 20 * D),
        # a problem long ago and none since: no longer operating
        ("ITSM-4", "[System] Problem", now - 200 * D, now - 150 * D),
    ):
        body = _issue(key, kind, created, updated)
        r = await post_hook(client, jira, body, {"X-Hub-Signature": hub("jira-test-secret", body)})
        assert r.status_code == 200 and r.json()["mapping_state"] == "applied", r.text
    result = await rule_result(client, org, "RDY-20")
    failing = named(result)
    assert under(failing, "8.6.1") == [] and under(failing, "8.6.2") == ["8.6.2"]
    assert under(failing, "8.6.3") == ["8.6.3"] and len(under(failing, "8.5.1")) >= 2
    messages = {f["key"]: f["message"] for f in result["failing"]}
    assert f"ITSM records only since {(now - 20 * D).date().isoformat()}" in messages["8.5.1.1"]
    assert f"no ITSM record since {(now - 150 * D).date().isoformat()}" in messages["8.6.3"]
    assert "ITSM" not in messages["8.6.2"]
    # the record changes are in the activity log (and move the readiness data version)
    log = await client.get(
        f"/api/v1/orgs/{org.slug}/activity",
        params={"object_type": "itsm_record"},
        headers=org.admin.headers,
    )
    assert log.status_code == 200 and log.json()["total"] == 4


async def test_rdy20_names_services_without_records_from_the_database(
    client: httpx.AsyncClient,
) -> None:
    org = await first_run(client)
    desk = await create_service(client, org, "Service desk")
    payroll = await create_service(client, org, "Payroll")
    await create_service(client, org, "Lab", in_scope=False, out_of_scope_reason="A pilot.")
    now = datetime.now(UTC)
    jira = await create_integration(
        client, org, "jira", secret="jira-test-secret", mapping={"services": {"ITSM": desk["key"]}}
    )

    async def deliver(key: str, created: datetime, updated: datetime) -> None:
        body = _issue(key, "[System] Incident", created, updated)
        r = await post_hook(client, jira, body, {"X-Hub-Signature": hub("jira-test-secret", body)})
        assert r.status_code == 200 and r.json()["mapping_state"] == "applied", r.text

    def services(result: dict[str, object]) -> list[str | None]:
        return [k for t, k in named(result) if t == "service"]  # type: ignore[arg-type]

    # before any record names a service, no service is named
    assert services(await rule_result(client, org, "RDY-20")) == []
    await deliver("ITSM-1", now - 120 * D, now - 100 * D)
    await deliver("ITSM-2", now - 6 * D, now - 5 * D)
    result = await rule_result(client, org, "RDY-20")
    assert services(result) == [payroll["key"]]  # the out-of-scope one is not named
    message = next(f["message"] for f in result["failing"] if f["key"] == payroll["key"])
    assert message.startswith(f"{payroll['key']} Payroll: no ITSM records since")
    assert f"/services/{payroll['id']}" in next(
        f["route"] for f in result["failing"] if f["key"] == payroll["key"]
    )
