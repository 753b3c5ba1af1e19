"""Permission aliases and load-or-404 for agreements (the suppliers' permissions)."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Depends, Path

from certready.agreements.models import Agreement
from certready.agreements.repository import AgreementRepository
from certready.api.deps import OrgCtxDep, SessionDep


async def get_agreement(
    agreement_id: Annotated[uuid.UUID, Path()], ctx: OrgCtxDep, session: SessionDep
) -> Agreement:
    """The agreement in the caller's organisation; any other id is the same 404."""
    return await AgreementRepository(session, ctx.org_id).get_or_404(agreement_id)


AgreementDep = Annotated[Agreement, Depends(get_agreement)]
