"""Service report definitions and produced reports (9.4; RDY-24)."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from certready.activity.service import record, snapshot
from certready.configuration.service import check_owner, check_record
from certready.context import OrgContext
from certready.core.changes import ChangeSpec, check_version, requested, update_object
from certready.core.pagination import PageParams, paginate
from certready.core.problems import Unprocessable
from certready.db.repository import next_number
from certready.service_reports.models import ProducedReport, ReportDefinition
from certready.service_reports.repository import DefinitionRepository, ReportRepository
from certready.service_reports.schemas import (
    DefinitionCreate,
    DefinitionUpdate,
    ReportCreate,
    ReportUpdate,
)

DEFINITION_FIELDS = ["title", "audience", "frequency", "starts_on", "owner_id"]
REPORT_FIELDS = ["period_start", "period_end", "produced_on", "evidence_item_id"]


def definition_key(d: ReportDefinition) -> str:
    return f"RD-{d.number}"


def report_key(r: ProducedReport) -> str:
    return f"SR-{r.number}"


DEFINITION_CHANGES = ChangeSpec(
    "report_definition",
    DEFINITION_FIELDS,
    definition_key,
    required=frozenset({"title", "frequency"}),
    blank={"audience": ""},
)
REPORT_CHANGES = ChangeSpec(
    "produced_report",
    REPORT_FIELDS,
    report_key,
    required=frozenset({"period_start", "period_end", "produced_on"}),
)


async def _log_create(
    session: AsyncSession, ctx: OrgContext, obj: Any, kind: str, summary: str, fields: list[str]
) -> None:
    await session.flush()
    record(
        session,
        org_id=ctx.org_id,
        actor=ctx.actor,
        action=f"{kind}.create",
        object_type=kind,
        object_id=obj.id,
        summary=summary,
        after=snapshot(obj, fields),
    )
    await session.flush()


async def list_definitions(
    session: AsyncSession, org_id: uuid.UUID, page: PageParams
) -> tuple[list[ReportDefinition], str | None, int]:
    """One page of report definitions, RD-1 first."""
    stmt = DefinitionRepository(session, org_id).listed()
    return await paginate(session, stmt, keys=[col(ReportDefinition.number)], params=page)


async def create_definition(
    session: AsyncSession, ctx: OrgContext, data: DefinitionCreate
) -> ReportDefinition:
    """Record a report agreed at a frequency (owner a member)."""
    await check_owner(session, ctx.org_id, data.owner_id)
    definition = DefinitionRepository(session, ctx.org_id).add(
        ReportDefinition(
            org_id=ctx.org_id,
            number=await next_number(session, ctx.org_id, "report_definition"),
            **data.model_dump(),
        )
    )
    summary = f"{definition_key(definition)} '{definition.title}' ({definition.frequency})"
    await _log_create(session, ctx, definition, "report_definition", summary, DEFINITION_FIELDS)
    return definition


async def update_definition(
    session: AsyncSession,
    ctx: OrgContext,
    definition: ReportDefinition,
    data: DefinitionUpdate,
    if_match: str | None,
) -> ReportDefinition:
    """Change a report definition (send ``If-Match``)."""
    check_version(definition, if_match, DEFINITION_CHANGES)
    values = requested(data, DEFINITION_CHANGES)
    if "owner_id" in values:
        await check_owner(session, ctx.org_id, values["owner_id"])
    await update_object(session, ctx, definition, values, DEFINITION_CHANGES, if_match=if_match)
    return definition


def _check_period(values: dict[str, Any]) -> None:
    if values["period_start"] > values["period_end"]:
        raise Unprocessable("The period ends before it starts.", loc=["body", "period_end"])


async def list_reports(
    session: AsyncSession, definition: ReportDefinition, page: PageParams
) -> tuple[list[ProducedReport], str | None, int]:
    """One page of a definition's produced reports, the latest period first."""
    stmt = ReportRepository(session, definition.org_id).of_definition(definition.id)
    keys = [col(ProducedReport.period_end), col(ProducedReport.number)]
    return await paginate(session, stmt, keys=keys, params=page, descending=True)


async def create_report(
    session: AsyncSession, ctx: OrgContext, definition: ReportDefinition, data: ReportCreate
) -> ProducedReport:
    """Record a report that was produced, for its period."""
    values = data.model_dump()
    _check_period(values)
    await check_record(session, ctx.org_id, values, "produced_on")
    report = ReportRepository(session, ctx.org_id).add(
        ProducedReport(
            org_id=ctx.org_id,
            definition_id=definition.id,
            number=await next_number(session, ctx.org_id, "produced_report"),
            **values,
        )
    )
    summary = (
        f"{report_key(report)}: {definition_key(definition)} for "
        f"{report.period_start}..{report.period_end} produced on {report.produced_on}"
    )
    await _log_create(session, ctx, report, "produced_report", summary, REPORT_FIELDS)
    return report


async def update_report(
    session: AsyncSession,
    ctx: OrgContext,
    report: ProducedReport,
    data: ReportUpdate,
    if_match: str | None,
) -> ProducedReport:
    """Change a produced report (send ``If-Match``)."""
    check_version(report, if_match, REPORT_CHANGES)
    values = requested(data, REPORT_CHANGES)
    _check_period(
        {
            "period_start": values.get("period_start", report.period_start),
            "period_end": values.get("period_end", report.period_end),
        }
    )
    await check_record(session, ctx.org_id, values, "produced_on")
    await update_object(session, ctx, report, values, REPORT_CHANGES, if_match=if_match)
    return report
