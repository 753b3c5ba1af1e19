"""RDY-21 (continuity tested) and RDY-24 (service reports at the agreed frequency): pure
rule tests on hand-built facts, and through the API on both databases."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

import httpx
from certready.readiness.facts import PlanFacts, ReportDefinitionFacts
from certready.readiness.rules.operations import expected_periods
from certready.service_reports.enums import ReportFrequency

from tests.conftest import QueryCounter
from tests.factories.auth import first_run
from tests.factories.operations import create_definition, create_plan, create_report, create_test
from tests.factories.readiness import FRESH, TODAY, good_facts, keys, readiness_url, run
from tests.scenarios.operations_setup import complete_months


def plan(n: int, last_tested: date | None) -> PlanFacts:
    return PlanFacts(uuid.uuid4(), n, f"Plan {n}", last_tested)


def definition(
    n: int, frequency: str, *ends: date, starts_on: date | None = None
) -> ReportDefinitionFacts:
    return ReportDefinitionFacts(uuid.uuid4(), n, f"Report {n}", frequency, starts_on, tuple(ends))


def test_rdy21_every_plan_tested_within_the_window() -> None:
    none = run("RDY-21", good_facts())
    assert [f.message for f in none.failures] == ["No service continuity plan recorded."]
    ok = good_facts(continuity_plans=[plan(1, TODAY - timedelta(days=300))])
    assert run("RDY-21", ok).passed
    facts = good_facts(
        continuity_plans=[
            plan(1, TODAY - timedelta(days=300)),
            plan(2, None),
            plan(3, date(2025, 6, 14)),  # 12 months and a day before 2026-06-15
        ]
    )
    outcome = run("RDY-21", facts)
    assert keys(outcome) == ["CP-2", "CP-3"]
    assert "never tested" in outcome.failures[0].message
    assert outcome.failures[1].route.startswith("/orgs/acme/continuity/")
    assert run("RDY-21", facts, months=13).failures[0].key == "CP-2"


def test_expected_periods_per_frequency() -> None:
    today = date(2026, 6, 15)  # a Monday
    monthly = expected_periods(ReportFrequency.monthly, today, 2, None)
    assert monthly == [(date(2026, 4, 1), date(2026, 4, 30)), (date(2026, 5, 1), date(2026, 5, 31))]
    quarterly = expected_periods(ReportFrequency.quarterly, today, 2, None)
    assert quarterly == [
        (date(2025, 10, 1), date(2025, 12, 31)),
        (date(2026, 1, 1), date(2026, 3, 31)),
    ]
    assert expected_periods(ReportFrequency.weekly, today, 1, None) == [
        (date(2026, 6, 8), date(2026, 6, 14))
    ]
    assert expected_periods(ReportFrequency.yearly, today, 1, None) == [
        (date(2025, 1, 1), date(2025, 12, 31))
    ]
    assert expected_periods(ReportFrequency.half_yearly, date(2026, 1, 2), 1, None) == [
        (date(2025, 7, 1), date(2025, 12, 31))
    ]
    # reporting agreed from 2026-05-10: April is not expected
    assert expected_periods(ReportFrequency.monthly, today, 2, date(2026, 5, 10)) == [monthly[1]]


def test_rdy24_the_last_expected_reports_exist() -> None:
    none = run("RDY-24", good_facts())
    assert [f.message for f in none.failures] == ["No service report is agreed at a frequency."]
    facts = good_facts(
        report_definitions=[
            definition(1, "monthly", date(2026, 4, 30), date(2026, 5, 31)),
            definition(2, "monthly", date(2026, 3, 31), date(2026, 5, 28)),
            definition(3, "quarterly", date(2026, 3, 31)),
            definition(4, "monthly", starts_on=date(2026, 6, 1)),  # nothing due yet
        ]
    )
    outcome = run("RDY-24", facts)
    assert keys(outcome) == ["RD-2", "RD-3"]
    assert "2026-04-01..2026-04-30" in outcome.failures[0].message
    assert "2025-10-01..2025-12-31" in outcome.failures[1].message
    assert (
        outcome.failures[0].route == f"/orgs/acme/service-reports/{facts.report_definitions[1].id}"
    )
    assert keys(run("RDY-24", facts, reports=1)) == []


def rules_of(answer: dict[str, object]) -> dict[str, dict[str, object]]:
    return {r["id"]: r for r in answer["rules"]}  # type: ignore[index, attr-defined]


async def test_through_the_api(client: httpx.AsyncClient, count_queries: QueryCounter) -> None:
    org = await first_run(client)
    h = {**org.admin.headers, **FRESH}

    async def evaluate() -> dict[str, dict[str, object]]:
        r = await client.get(readiness_url(org), headers=h)
        assert r.status_code == 200, r.text
        assert {"RDY-21", "RDY-24"}.isdisjoint({x["id"] for x in r.json()["not_implemented"]})
        return rules_of(r.json())

    count_queries.count = 0
    rules = await evaluate()
    empty = count_queries.count
    assert rules["RDY-21"]["passed"] is False and rules["RDY-24"]["passed"] is False
    today = date.today()
    stale = await create_plan(client, org, title="Site loss")
    await create_test(client, org, stale["id"], (today - timedelta(days=400)).isoformat())
    fresh = await create_plan(client, org, title="Ransomware")
    await create_test(client, org, fresh["id"], (today - timedelta(days=30)).isoformat())
    monthly = await create_definition(client, org, title="SLA report")
    (last_start, last_end), (prev_start, prev_end) = complete_months(today, 2)
    await create_report(client, org, monthly["id"], last_start.isoformat(), last_end.isoformat())
    await create_definition(client, org, title="Ad hoc", frequency="on_request")
    count_queries.count = 0
    rules = await evaluate()
    assert count_queries.count == empty  # the facts come from the same statements
    failing21 = rules["RDY-21"]["failing"]
    assert [f["key"] for f in failing21] == ["CP-1"]  # type: ignore[index]
    failing24 = rules["RDY-24"]["failing"]
    assert [f["key"] for f in failing24] == ["RD-1"]  # type: ignore[index]
    assert f"{prev_start.isoformat()}..{prev_end.isoformat()}" in failing24[0]["message"]  # type: ignore[index]
    await create_test(client, org, stale["id"], (today - timedelta(days=2)).isoformat())
    await create_report(client, org, monthly["id"], prev_start.isoformat(), prev_end.isoformat())
    rules = await evaluate()
    assert rules["RDY-21"]["passed"] is True and rules["RDY-24"]["passed"] is True
