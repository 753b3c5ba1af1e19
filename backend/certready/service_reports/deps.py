"""Load-or-404 for report definitions and produced reports (permissions: configuration.deps)."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Depends, Path

from certready.api.deps import OrgCtxDep, SessionDep
from certready.service_reports.models import ProducedReport, ReportDefinition
from certready.service_reports.repository import DefinitionRepository, ReportRepository


async def get_definition(
    definition_id: Annotated[uuid.UUID, Path()], ctx: OrgCtxDep, session: SessionDep
) -> ReportDefinition:
    """The definition in the caller's organisation; any other id is the same 404."""
    return await DefinitionRepository(session, ctx.org_id).get_or_404(definition_id)


async def get_report(
    report_id: Annotated[uuid.UUID, Path()], ctx: OrgCtxDep, session: SessionDep
) -> ProducedReport:
    """The produced report in the caller's organisation; any other id is the same 404."""
    return await ReportRepository(session, ctx.org_id).get_or_404(report_id)


DefinitionDep = Annotated[ReportDefinition, Depends(get_definition)]
ReportDep = Annotated[ProducedReport, Depends(get_report)]
