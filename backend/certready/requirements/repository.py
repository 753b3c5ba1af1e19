"""SQL of the requirement catalogue (global) and of each organisation's statuses."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import func, or_
from sqlalchemy import select as sa_select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased
from sqlmodel import col, select
from sqlmodel.sql.expression import SelectOfScalar

from certready.activity.models import ActivityEntry
from certready.activity.repository import ActivityRepository
from certready.activity.schemas import ActivityFilters
from certready.auth.models import User
from certready.db.repository import OrgScopedRepository
from certready.orgs.repository import MembershipRepository
from certready.requirements.catalogue.loader import missing_statuses_insert
from certready.requirements.enums import AssessableFilter
from certready.requirements.models import (
    DocumentedInformation,
    Framework,
    Requirement,
    RequirementStatus,
)
from certready.requirements.schemas import RequirementFilters


class CatalogueRepository:
    """Global reference data: frameworks, requirements, documented information."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    def frameworks(self) -> SelectOfScalar[Framework]:
        """Every framework (paged by the caller)."""
        return select(Framework)

    async def framework_by_code(self, code: str) -> Framework | None:
        stmt = select(Framework).where(col(Framework.code) == code)
        return (await self.session.execute(stmt)).scalars().first()

    async def requirements(self, framework_id: uuid.UUID) -> Sequence[Requirement]:
        """The framework's whole catalogue, in clause order."""
        stmt = (
            select(Requirement)
            .where(col(Requirement.framework_id) == framework_id)
            .order_by(col(Requirement.sort_key))
        )
        return (await self.session.execute(stmt)).scalars().all()

    async def top_level(self, framework_id: uuid.UUID) -> Sequence[Requirement]:
        """The framework's top-level clauses, in order."""
        stmt = (
            select(Requirement)
            .where(
                col(Requirement.framework_id) == framework_id,
                col(Requirement.parent_id).is_(None),
            )
            .order_by(col(Requirement.sort_key))
        )
        return (await self.session.execute(stmt)).scalars().all()

    async def documented_information(
        self, framework_id: uuid.UUID
    ) -> Sequence[DocumentedInformation]:
        stmt = (
            select(DocumentedInformation)
            .where(col(DocumentedInformation.framework_id) == framework_id)
            .order_by(col(DocumentedInformation.kind), col(DocumentedInformation.sort_key))
        )
        return (await self.session.execute(stmt)).scalars().all()


# A row of the organisation's requirement list: the catalogue node, its status (None for
# grouping nodes) and the owner's name and e-mail.
StatusRow = tuple[Requirement, RequirementStatus | None, str | None, str | None]


class RequirementStatusRepository(OrgScopedRepository[RequirementStatus]):
    """One organisation's implementation status of each assessable requirement."""

    model = RequirementStatus

    def _rows(self, framework_id: uuid.UUID, *, outer: bool) -> tuple[Any, Any]:
        """Catalogue nodes joined to this organisation's statuses and their owners.

        The statuses come from ``base_statement()`` as a subquery, so the organisation
        filter stays in that one place even when grouping nodes (no status) are included.
        """
        scoped: Any = aliased(RequirementStatus, self.base_statement().subquery("scoped_status"))
        join = scoped.requirement_id == col(Requirement.id)
        stmt = sa_select(Requirement, scoped, col(User.full_name), col(User.email)).where(
            col(Requirement.framework_id) == framework_id
        )
        stmt = stmt.outerjoin(scoped, join) if outer else stmt.join(scoped, join)
        stmt = stmt.outerjoin(User, col(User.id) == scoped.owner_id)
        return stmt, scoped

    def filtered(self, framework_id: uuid.UUID, filters: RequirementFilters) -> Any:
        """The requirement list's rows (``StatusRow``) narrowed by the list filters."""
        stmt, scoped = self._rows(framework_id, outer=filters.assessable != AssessableFilter.true)
        if filters.assessable == AssessableFilter.true:
            stmt = stmt.where(col(Requirement.assessable).is_(True))
        elif filters.assessable == AssessableFilter.false:
            stmt = stmt.where(col(Requirement.assessable).is_(False))
        if filters.clause:
            # "8.5" matches 8.5 and 8.5.x but not 8.50 (refs are validated: no wildcards)
            ref = col(Requirement.ref)
            stmt = stmt.where(or_(ref == filters.clause, ref.like(filters.clause + ".%")))
        if filters.status:
            stmt = stmt.where(scoped.status.in_([s.value for s in filters.status]))
        if filters.owner_id:
            stmt = stmt.where(scoped.owner_id == filters.owner_id)
        if filters.not_occurring is not None:
            stmt = stmt.where(scoped.not_occurring.is_(filters.not_occurring))
        if filters.q:
            needle = filters.q.lower()
            stmt = stmt.where(
                or_(
                    func.lower(col(Requirement.ref)).contains(needle, autoescape=True),
                    func.lower(col(Requirement.title)).contains(needle, autoescape=True),
                )
            )
        return stmt

    async def rows_for_refs(self, framework_id: uuid.UUID, refs: Sequence[str]) -> list[StatusRow]:
        """Assessable requirements with their statuses and owners (one statement)."""
        stmt, _ = self._rows(framework_id, outer=False)
        stmt = stmt.where(col(Requirement.ref).in_(list(refs)))
        return [(r[0], r[1], r[2], r[3]) for r in (await self.session.execute(stmt)).all()]

    async def for_update(
        self, framework_id: uuid.UUID, refs: Sequence[str]
    ) -> list[tuple[RequirementStatus, Requirement]]:
        """The status rows of ``refs`` with their requirements, locked for the change."""
        stmt = (
            self.base_statement()
            .join(Requirement, col(Requirement.id) == col(RequirementStatus.requirement_id))
            .add_columns(Requirement)
            .where(
                col(Requirement.framework_id) == framework_id,
                col(Requirement.ref).in_(list(refs)),
            )
            # PostgreSQL: concurrent writers queue here, so the If-Match/version check that
            # follows sees the committed version (SQLite serialises writers with BEGIN IMMEDIATE).
            .with_for_update(of=RequirementStatus)
        )
        return [(r[0], r[1]) for r in (await self.session.execute(stmt)).all()]

    async def status_counts(self, framework_id: uuid.UUID) -> list[Any]:
        """One ``GROUP BY``: counts per top-level clause, status and not-occurring flag."""
        root_ref = col(Requirement.root_ref)
        status = col(RequirementStatus.status)
        not_occurring = col(RequirementStatus.not_occurring)
        stmt = (
            self.base_statement()
            .with_only_columns(root_ref, status, not_occurring, func.count())
            .select_from(RequirementStatus)
            .join(Requirement, col(Requirement.id) == col(RequirementStatus.requirement_id))
            .where(
                col(Requirement.framework_id) == framework_id,
                col(Requirement.assessable).is_(True),
            )
            .group_by(root_ref, status, not_occurring)
        )
        return list((await self.session.execute(stmt)).all())

    async def create_missing(self, now: datetime) -> int:
        """A status for every assessable requirement still lacking one (one INSERT ... SELECT)."""
        result = await self.session.execute(missing_statuses_insert(now, self.org_id))
        return int(getattr(result, "rowcount", 0) or 0)

    async def member_ids(self, user_ids: Sequence[uuid.UUID]) -> set[uuid.UUID]:
        """Which of ``user_ids`` are members of the organisation."""
        if not user_ids:
            return set()
        stmt = (
            MembershipRepository(self.session, self.org_id)
            .members()
            .where(col(User.id).in_(list(user_ids)))
        )
        return {user.id for _, user in (await self.session.execute(stmt)).all()}

    async def history(self, ref: str, limit: int = 50) -> Sequence[ActivityEntry]:
        """The requirement's latest activity entries, newest first."""
        stmt = (
            ActivityRepository(self.session, self.org_id)
            .filtered(ActivityFilters(object_type="requirement", object_id=ref))
            .order_by(col(ActivityEntry.at).desc(), col(ActivityEntry.id).desc())
            .limit(limit)
        )
        return (await self.session.execute(stmt)).scalars().all()
