"""SQL of the activity log."""

from __future__ import annotations

from sqlmodel import col
from sqlmodel.sql.expression import SelectOfScalar

from certready.activity.models import ActivityEntry
from certready.activity.schemas import ActivityFilters
from certready.db.repository import OrgScopedRepository


class ActivityRepository(OrgScopedRepository[ActivityEntry]):
    """One organisation's activity entries."""

    model = ActivityEntry

    def filtered(self, filters: ActivityFilters) -> SelectOfScalar[ActivityEntry]:
        """Entries narrowed by object, actor and action (each filter optional)."""
        stmt = self.base_statement()
        if filters.object_type:
            stmt = stmt.where(col(ActivityEntry.object_type) == filters.object_type)
        if filters.object_id:
            stmt = stmt.where(col(ActivityEntry.object_id) == filters.object_id)
        if filters.actor_id:
            stmt = stmt.where(col(ActivityEntry.actor_id) == filters.actor_id)
        if filters.action:
            stmt = stmt.where(col(ActivityEntry.action) == filters.action)
        return stmt
