"""Permission aliases for the exports."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from certready.api.deps import Requires
from certready.context import OrgContext
from certready.orgs.permissions import Action

ExportsReader = Annotated[OrgContext, Depends(Requires(Action.exports_read))]
