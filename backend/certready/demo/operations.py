"""Operation registers of the demo: 40 configuration items spread over the services in
scope (each has some: RDY-22 passes), a CMDB verification 45 days old, one
continuity plan whose only test is 14 months old (the RDY-21 gap), and two service
reports: the quarterly one produced for every quarter, the monthly SLA report missing
for the last complete month (the RDY-24 gap)."""

from __future__ import annotations

from datetime import date, timedelta

from certready.configuration.enums import CiStatus, VerificationResult
from certready.configuration.schemas import CiCreate, VerificationCreate
from certready.configuration.service import create_item, create_verification
from certready.continuity.enums import TestResult
from certready.continuity.schemas import PlanCreate, TestCreate
from certready.continuity.service import create_plan, create_test
from certready.core.clock import add_months
from certready.demo.base import Demo
from certready.service_reports.enums import ReportFrequency
from certready.service_reports.schemas import DefinitionCreate, ReportCreate
from certready.service_reports.service import create_definition, create_report

# (key prefix, type, how many, name pattern)
CI_GROUPS = (
    ("SRV", "server", 12, "Application server {n:02d}"),
    ("DB", "database", 6, "Database cluster {n:02d}"),
    ("NET", "network", 8, "Core switch {n:02d}"),
    ("APP", "application", 10, "Business application {n:02d}"),
    ("SAAS", "cloud service", 4, "SaaS subscription {n:02d}"),
)


async def _items(demo: Demo) -> None:
    services = demo.services_in_scope
    made = 0
    for prefix, kind, count, pattern in CI_GROUPS:
        for n in range(1, count + 1):
            supports = [services[made % len(services)]] if services else []
            made += 1
            status = CiStatus.retired if n == count and prefix == "SRV" else CiStatus.active
            await create_item(
                demo.session,
                demo.ctx,
                CiCreate(
                    key=f"{prefix}-{n:03d}",
                    name=pattern.format(n=n),
                    type=kind,
                    status=status,
                    owner_id=demo.owner_for("8.2.6"),
                    last_verified=demo.days(-45),
                    service_ids=supports,
                ),
            )
    await create_verification(
        demo.session,
        demo.ctx,
        VerificationCreate(
            verified_on=demo.days(-45),
            sample_size=20,
            result=VerificationResult.partial,
            notes="2 of 20 sampled items had a stale owner; corrected the same day.",
        ),
    )


def _month_start(day: date) -> date:
    return day.replace(day=1)


async def _reports(demo: Demo) -> None:
    monthly = await create_definition(
        demo.session,
        demo.ctx,
        DefinitionCreate(
            title="Monthly SLA performance report",
            audience="All customers",
            frequency=ReportFrequency.monthly,
            owner_id=demo.manager.id,
        ),
    )
    # produced for the 2nd to 4th complete months back; the last complete month is missing
    this_month = _month_start(demo.today)
    for back in (4, 3, 2):
        start = add_months(this_month, -back)
        end = add_months(start, 1) - timedelta(days=1)
        await create_report(
            demo.session,
            demo.ctx,
            monthly,
            ReportCreate(period_start=start, period_end=end, produced_on=end + timedelta(days=3)),
        )
    quarterly = await create_definition(
        demo.session,
        demo.ctx,
        DefinitionCreate(
            title="Quarterly service review pack",
            audience="Key accounts",
            frequency=ReportFrequency.quarterly,
            owner_id=demo.manager.id,
        ),
    )
    quarter = date(demo.today.year, (demo.today.month - 1) // 3 * 3 + 1, 1)
    for back in (2, 1):
        start = add_months(quarter, -3 * back)
        end = add_months(start, 3) - timedelta(days=1)
        await create_report(
            demo.session,
            demo.ctx,
            quarterly,
            ReportCreate(period_start=start, period_end=end, produced_on=end + timedelta(days=5)),
        )


async def add_operations(demo: Demo) -> None:
    await _items(demo)
    plan = await create_plan(
        demo.session,
        demo.ctx,
        PlanCreate(
            title="Loss of the primary data centre",
            description="Fail-over of the hosted services to the secondary site.",
            owner_id=demo.owner_for("8.7.2"),
        ),
    )
    await create_test(
        demo.session,
        demo.ctx,
        plan,
        TestCreate(
            tested_on=add_months(demo.today, -14),
            scenario="Tabletop: primary site unavailable for 48 hours",
            result=TestResult.passed_with_issues,
            issues_found="Contact list out of date.",
        ),
    )
    await _reports(demo)
