from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import bindparam, func, insert, or_
from sqlalchemy import select as sa_select
from sqlalchemy import update as sa_update
from sqlmodel import col, select
from sqlmodel.sql.expression import SelectOfScalar

from certready.auth.models import User
from certready.configuration.models import (
    CmdbVerification,
    ConfigurationItem,
    ConfigurationItemService,
)
from certready.configuration.schemas import CiFilters
from certready.db.repository import OrgScopedRepository
from certready.orgs.models import Membership
from certready.services.models import Service

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
        if filters.service_id is not None:
            supporting = sa_select(col(ConfigurationItemService.configuration_item_id)).where(
                self.of_org(ConfigurationItemService),
                col(ConfigurationItemService.service_id) == filters.service_id,
            )
            stmt = stmt.where(col(ConfigurationItem.id).in_(supporting))
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

    async def service_ids(self, item_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, list[uuid.UUID]]:
        """The services each item supports, in one statement."""
        out: dict[uuid.UUID, list[uuid.UUID]] = {i: [] for i in item_ids}
        if not item_ids:
            return out
        link = ConfigurationItemService
        stmt = (
            sa_select(col(link.configuration_item_id), col(link.service_id))
            .where(
                self.of_org(link),
                col(link.configuration_item_id).in_(
                    bindparam("item_ids", list(item_ids), expanding=True)
                ),
            )
            .order_by(col(link.service_id))
        )
        for item_id, service_id in (await self.session.execute(stmt)).all():
            out[item_id].append(service_id)
        return out

    async def service_ids_by_key(self) -> dict[str, uuid.UUID]:
        """SVC-<n> -> id of every service of the organisation (one statement)."""
        stmt = sa_select(col(Service.number), col(Service.id)).where(self.of_org(Service))
        return {f"SVC-{n}": sid for n, sid in (await self.session.execute(stmt)).all()}

    async def replace_services(
        self, links: Mapping[uuid.UUID, Sequence[uuid.UUID]], *, new: bool = False
    ) -> None:
        """Replace the services of each item in ``links`` (one DELETE, one bulk INSERT);
        ``new``: the items have no links yet (no DELETE)."""
        if not links:
            return
        link = ConfigurationItemService
        if not new:
            await self.session.execute(
                self.delete(link).where(
                    col(link.configuration_item_id).in_(
                        bindparam("item_ids", list(links), expanding=True)
                    )
                )
            )
        rows = [
            {"configuration_item_id": item_id, "service_id": sid, "org_id": self.org_id}
            for item_id, service_ids in links.items()
            for sid in service_ids
        ]
        if rows:
            await self.session.execute(insert(link.__table__), rows)  # type: ignore[attr-defined]

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
