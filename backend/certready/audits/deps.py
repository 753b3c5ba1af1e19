"""Permission aliases and load-or-404 dependencies for audits and programmes."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Depends, Path

from certready.api.deps import OrgCtxDep, Requires, SessionDep
from certready.audits.models import Audit, AuditProgramme
from certready.audits.repository import AuditProgrammeRepository, AuditRepository
from certready.context import OrgContext
from certready.orgs.permissions import Action

AuditsReader = Annotated[OrgContext, Depends(Requires(Action.audits_read))]
AuditsManager = Annotated[OrgContext, Depends(Requires(Action.audits_manage))]
AuditsConductor = Annotated[OrgContext, Depends(Requires(Action.audits_conduct))]


async def get_audit(
    audit_id: Annotated[uuid.UUID, Path()], ctx: OrgCtxDep, session: SessionDep
) -> Audit:
    """The audit in the caller's organisation; any other id is the same 404."""
    return await AuditRepository(session, ctx.org_id).get_or_404(audit_id)


async def get_programme(
    programme_id: Annotated[uuid.UUID, Path()], ctx: OrgCtxDep, session: SessionDep
) -> AuditProgramme:
    return await AuditProgrammeRepository(session, ctx.org_id).get_or_404(programme_id)


AuditDep = Annotated[Audit, Depends(get_audit)]
ProgrammeDep = Annotated[AuditProgramme, Depends(get_programme)]
