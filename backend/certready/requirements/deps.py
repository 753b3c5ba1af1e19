"""Permission dependencies and load-or-404 for frameworks."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Path, Query

from certready.api.deps import Requires, SessionDep
from certready.context import OrgContext
from certready.orgs.permissions import Action
from certready.requirements import service
from certready.requirements.catalogue.loader import DEFAULT_FRAMEWORK
from certready.requirements.models import Framework

RequirementsReader = Annotated[OrgContext, Depends(Requires(Action.requirements_read))]


# Admins and SMS managers edit every row; process owners only their own (the service applies
# the ownership rule, orgs.permissions.OWN_ONLY).
RequirementsEditor = Annotated[OrgContext, Depends(Requires(Action.requirements_edit_own))]


async def framework_from_path(
    framework: Annotated[
        str, Path(max_length=64, description="Framework code.", examples=[DEFAULT_FRAMEWORK])
    ],
    session: SessionDep,
) -> Framework:
    return await service.get_framework(session, framework)


async def framework_from_query(
    session: SessionDep,
    framework: Annotated[
        str, Query(max_length=64, description="Framework code.")
    ] = DEFAULT_FRAMEWORK,
) -> Framework:
    return await service.get_framework(session, framework)


FrameworkDep = Annotated[Framework, Depends(framework_from_path)]
FrameworkQueryDep = Annotated[Framework, Depends(framework_from_query)]
