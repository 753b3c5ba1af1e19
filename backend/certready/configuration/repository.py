from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy import bindparam, func, insert, or_
from sqlalchemy import update as sa_update
from sqlmodel import col, select
from sqlmodel.sql.expression import SelectOfScalar

from certready.auth.models import User
from certready.configuration.models import CmdbVerification, ConfigurationItem
from certready.configuration.schemas import CiFilters
from certready.db.repository import OrgScopedRepository
from certready.orgs.models import Membership

# Columns an import writes (besides id, org_id, the timestamps and the version).
IMPORTED_COLUMNS = ("key", "name", "type", "status", "owner_id", "last_verified")


class ConfigurationItemRepository(OrgScopedRepository[ConfigurationItem]):
    model = ConfigurationItem

    def filtered(self, filters: CiFilters) -> SelectOfScalar[ConfigurationItem]:
        """The organisation's items matching the list filters (``q``: key or name contains)."""
        stmt = self.base_statement()
        if filters.status is not None:
            stmt = stmt.where(col(ConfigurationItem.status) == filters.status)
        if filters.type:
            stmt = stmt.where(col(ConfigurationItem.type) == filters.type)
        if filters.owner_id is not None:
            stmt = stmt.where(col(ConfigurationItem.owner_id) == filters.owner_id)
        if filters.q:
            needle = filters.q.lower()
            stmt = stmt.where(
                or_(
                    func.lower(col(ConfigurationItem.key)).contains(needle, autoescape=True),
                    func.lower(col(ConfigurationItem.name)).contains(needle, autoescape=True),
                )
            )
        return stmt

    async def key_taken(self, key: str) -> bool:
        stmt = select(ConfigurationItem.id).where(
            self.of_org(ConfigurationItem), col(ConfigurationItem.key) == key
        )
        return (await self.session.execute(stmt)).first() is not None

    async def by_keys(self, keys: Sequence[str]) -> dict[str, ConfigurationItem]:
        """The stored items with these keys, locked in a write session (one statement)."""
        if not keys:
            return {}
        stmt = self.for_change(
            self.base_statement().where(
                col(ConfigurationItem.key).in_(bindparam("keys", list(keys), expanding=True))
            )
        )
        return {ci.key: ci for ci in (await self.session.execute(stmt)).scalars().all()}

    async def insert_many(self, rows: Sequence[dict[str, Any]]) -> None:
        """New items in one bulk INSERT (executemany; no per-row round trip)."""
        if rows:
            table = ConfigurationItem.__table__  # type: ignore[attr-defined]
            await self.session.execute(insert(table), list(rows))

    async def update_many(self, rows: Sequence[dict[str, Any]]) -> None:
        """Change stored items in one executemany UPDATE (by ``b_id``; the version moves)."""
        if not rows:
            return
        table = ConfigurationItem.__table__  # type: ignore[attr-defined]
        stmt = (
            sa_update(table)
            .where(self.of_org(table.c), table.c.id == bindparam("b_id"))
            .values(
                {name: bindparam(f"b_{name}") for name in IMPORTED_COLUMNS}
                | {"version": table.c.version + 1, "updated_at": bindparam("b_updated_at")}
            )
        )
        await self.session.execute(stmt, list(rows))

    async def member_ids_by_email(self) -> dict[str, uuid.UUID]:
        """E-mail (lower case) -> user id of every member of the organisation."""
        stmt = (
            select(User.email, User.id)
            .join(Membership, col(Membership.user_id) == User.id)
            .where(self.of_org(Membership))
        )
        return {email.lower(): uid for email, uid in (await self.session.execute(stmt)).all()}


class VerificationRepository(OrgScopedRepository[CmdbVerification]):
    model = CmdbVerification

    def listed(self) -> SelectOfScalar[CmdbVerification]:
        return self.base_statement()
