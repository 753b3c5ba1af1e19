"""Permission aliases and load-or-404 for findings."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Depends, Path

from certready.api.deps import OrgCtxDep, Requires, SessionDep
from certready.context import OrgContext
from certready.findings.models import Finding
from certready.findings.repository import FindingRepository
from certready.orgs.permissions import Action

FindingsReader = Annotated[OrgContext, Depends(Requires(Action.findings_read))]
FindingsWriter = Annotated[OrgContext, Depends(Requires(Action.findings_write))]


async def get_finding(
    finding_id: Annotated[uuid.UUID, Path()], ctx: OrgCtxDep, session: SessionDep
) -> Finding:
    """The finding in the caller's organisation; any other id is the same 404."""
    return await FindingRepository(session, ctx.org_id).get_or_404(finding_id)


FindingDep = Annotated[Finding, Depends(get_finding)]
