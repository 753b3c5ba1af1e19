"""Permission aliases and load-or-404 for configuration items and CMDB verifications."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Depends, Path

from certready.api.deps import OrgCtxDep, Requires, SessionDep
from certready.configuration.models import CmdbVerification, ConfigurationItem
from certready.configuration.repository import (
    ConfigurationItemRepository,
    VerificationRepository,
)
from certready.context import OrgContext
from certready.orgs.permissions import Action

OperationsReader = Annotated[OrgContext, Depends(Requires(Action.operations_read))]
OperationsWriter = Annotated[OrgContext, Depends(Requires(Action.operations_write))]


async def get_item(
    item_id: Annotated[uuid.UUID, Path()], ctx: OrgCtxDep, session: SessionDep
) -> ConfigurationItem:
    """The item in the caller's organisation; any other id is the same 404."""
    return await ConfigurationItemRepository(session, ctx.org_id).get_or_404(item_id)


async def get_verification(
    verification_id: Annotated[uuid.UUID, Path()], ctx: OrgCtxDep, session: SessionDep
) -> CmdbVerification:
    """The verification in the caller's organisation; any other id is the same 404."""
    return await VerificationRepository(session, ctx.org_id).get_or_404(verification_id)


ItemDep = Annotated[ConfigurationItem, Depends(get_item)]
VerificationDep = Annotated[CmdbVerification, Depends(get_verification)]
