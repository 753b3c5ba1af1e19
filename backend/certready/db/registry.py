"""Import every table module so ``metadata`` knows the whole schema (Alembic)."""

from certready.activity import models as activity_models
from certready.auth import models as auth_models
from certready.db.base import metadata
from certready.orgs import models as orgs_models

__all__ = ["activity_models", "auth_models", "metadata", "orgs_models"]
