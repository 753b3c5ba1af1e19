"""All SQL of integrations, deliveries and ITSM records."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, time, timedelta
from typing import Any

from sqlalchemy import Integer, cast, func
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col, select
from sqlmodel.sql.expression import SelectOfScalar

from certready.db.base import UTCDateTime
from certready.db.repository import OrgScopedRepository
from certready.integrations.enums import MappingState
from certready.integrations.models import Integration, IntegrationDelivery, ItsmRecord
from certready.integrations.schemas import RecordFilters


def _insert(session: AsyncSession) -> Any:
    return pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert


async def integration_for_hook(
    session: AsyncSession, integration_id: uuid.UUID
) -> Integration | None:
    """The integration a receiver URL names (its id is the only selector a sender has)."""
    # the receiver URL names the integration, whatever its organisation:
    by_id = col(Integration.id) == integration_id
    stmt = select(Integration).where(by_id)  # all organisations: the URL names it
    return (await session.execute(stmt)).scalars().first()


class IntegrationRepository(OrgScopedRepository[Integration]):
    model = Integration

    def listed(self) -> SelectOfScalar[Integration]:
        return self.base_statement()

    async def stats(self, ids: list[uuid.UUID]) -> dict[uuid.UUID, dict[str, Any]]:
        """Deliveries, mapping errors, last delivery and records per integration (2 aggregates)."""
        out: dict[uuid.UUID, dict[str, Any]] = {
            i: {"delivery_count": 0, "mapping_error_count": 0, "last_delivery_at": None}
            | {"record_count": 0}
            for i in ids
        }
        if not ids:
            return out
        d = IntegrationDelivery
        errors = func.sum(cast(col(d.mapping_state) == MappingState.error.value, Integer))
        stmt = (
            select(col(d.integration_id), func.count(), errors, func.max(col(d.received_at)))
            .where(self.of_org(d), col(d.integration_id).in_(ids))
            .group_by(col(d.integration_id))
        )
        for integration_id, count, error_count, last in (await self.session.execute(stmt)).all():
            out[integration_id].update(
                delivery_count=int(count),
                mapping_error_count=int(error_count or 0),
                last_delivery_at=_utc(last),
            )
        r = ItsmRecord
        stmt2 = (
            select(col(r.integration_id), func.count())
            .where(self.of_org(r), col(r.integration_id).in_(ids))
            .group_by(col(r.integration_id))
        )
        for integration_id, count in (await self.session.execute(stmt2)).all():
            out[integration_id]["record_count"] = int(count)
        return out

    async def count_rejection(self, integration_id: uuid.UUID, now: datetime) -> None:
        """A rejected request leaves only this count (no version bump: not a client change)."""
        await self.session.execute(
            self.update(Integration)
            .where(col(Integration.id) == integration_id)
            .values(rejected_count=col(Integration.rejected_count) + 1, last_rejected_at=now)
        )


def _utc(value: Any) -> Any:
    if isinstance(value, str):  # SQLite aggregates come back as text
        value = datetime.fromisoformat(value)
    return UTCDateTime().process_result_value(value, None)  # type: ignore[arg-type]


class DeliveryRepository(OrgScopedRepository[IntegrationDelivery]):
    model = IntegrationDelivery

    async def insert_new(self, values: dict[str, Any]) -> uuid.UUID | None:
        """Insert unless its dedupe key is already there (one statement: no check-then-insert)."""
        table = IntegrationDelivery.__table__  # type: ignore[attr-defined]
        stmt = (
            _insert(self.session)(table)
            .values(org_id=self.org_id, **values)
            .on_conflict_do_nothing(index_elements=[table.c.integration_id, table.c.dedupe_key])
            .returning(table.c.id)
        )
        return (await self.session.execute(stmt)).scalar_one_or_none()

    async def insert_many(self, rows: list[dict[str, Any]]) -> set[uuid.UUID]:
        """Insert the rows (one statement) unless their dedupe key is there; the inserted ids."""
        table = IntegrationDelivery.__table__  # type: ignore[attr-defined]
        stmt = (
            _insert(self.session)(table)
            .values([{"org_id": self.org_id, **row} for row in rows])
            .on_conflict_do_nothing(index_elements=[table.c.integration_id, table.c.dedupe_key])
            .returning(table.c.id)
        )
        return set((await self.session.execute(stmt)).scalars().all())

    async def by_dedupe_keys(
        self, integration_id: uuid.UUID, keys: list[str]
    ) -> dict[str, IntegrationDelivery]:
        """The integration's deliveries with these dedupe keys (one statement)."""
        stmt = self.base_statement().where(
            col(IntegrationDelivery.integration_id) == integration_id,
            col(IntegrationDelivery.dedupe_key).in_(keys),
        )
        return {d.dedupe_key: d for d in (await self.session.execute(stmt)).scalars().all()}

    async def by_dedupe_key(
        self, integration_id: uuid.UUID, key: str
    ) -> IntegrationDelivery | None:
        stmt = self.base_statement().where(
            col(IntegrationDelivery.integration_id) == integration_id,
            col(IntegrationDelivery.dedupe_key) == key,
        )
        return (await self.session.execute(stmt)).scalars().first()

    async def settle(
        self, delivery_id: uuid.UUID, state: MappingState, record_id: uuid.UUID | None
    ) -> None:
        await self.session.execute(
            self.update(IntegrationDelivery)
            .where(col(IntegrationDelivery.id) == delivery_id)
            .values(mapping_state=state.value, record_id=record_id)
        )

    def of_integration(self, integration_id: uuid.UUID) -> SelectOfScalar[IntegrationDelivery]:
        return self.base_statement().where(
            col(IntegrationDelivery.integration_id) == integration_id
        )

    async def history(self, record_id: uuid.UUID) -> list[IntegrationDelivery]:
        """Every delivery about a record, oldest first."""
        stmt = (
            self.base_statement()
            .where(col(IntegrationDelivery.record_id) == record_id)
            .order_by(col(IntegrationDelivery.received_at), col(IntegrationDelivery.id))
        )
        return list((await self.session.execute(stmt)).scalars().all())

    async def get_for_integration(
        self, integration_id: uuid.UUID, delivery_id: uuid.UUID, *, for_change: bool = False
    ) -> IntegrationDelivery | None:
        stmt = self.of_integration(integration_id).where(col(IntegrationDelivery.id) == delivery_id)
        if for_change:
            stmt = self.for_change(stmt)
        return (await self.session.execute(stmt)).scalars().first()

    async def latest(self, integration_id: uuid.UUID, limit: int) -> list[IntegrationDelivery]:
        """The newest deliveries (one statement)."""
        stmt = (
            self.of_integration(integration_id)
            .order_by(col(IntegrationDelivery.received_at).desc(), col(IntegrationDelivery.id))
            .limit(limit)
        )
        return list((await self.session.execute(stmt)).scalars().all())


class RecordRepository(OrgScopedRepository[ItsmRecord]):
    model = ItsmRecord

    async def insert_new(self, values: dict[str, Any]) -> uuid.UUID | None:
        """Create the record unless it exists (a concurrent first delivery may have made it)."""
        table = ItsmRecord.__table__  # type: ignore[attr-defined]
        stmt = (
            _insert(self.session)(table)
            .values(id=uuid.uuid4(), org_id=self.org_id, **values)
            .on_conflict_do_nothing(index_elements=[table.c.integration_id, table.c.external_id])
            .returning(table.c.id)
        )
        return (await self.session.execute(stmt)).scalar_one_or_none()

    async def insert_many(self, rows: list[dict[str, Any]]) -> set[uuid.UUID]:
        """Create the records (ids given, one statement) unless they exist; the inserted ids."""
        table = ItsmRecord.__table__  # type: ignore[attr-defined]
        stmt = (
            _insert(self.session)(table)
            .values([{"org_id": self.org_id, **row} for row in rows])
            .on_conflict_do_nothing(index_elements=[table.c.integration_id, table.c.external_id])
            .returning(table.c.id)
        )
        return set((await self.session.execute(stmt)).scalars().all())

    async def for_externals(
        self, integration_id: uuid.UUID, external_ids: list[str]
    ) -> dict[str, ItsmRecord]:
        """The integration's records with these external ids, locked to change (one statement)."""
        stmt = self.for_change(
            self.base_statement().where(
                col(ItsmRecord.integration_id) == integration_id,
                col(ItsmRecord.external_id).in_(external_ids),
            )
        )
        return {r.external_id: r for r in (await self.session.execute(stmt)).scalars().all()}

    async def for_external(self, integration_id: uuid.UUID, external_id: str) -> ItsmRecord:
        stmt = self.for_change(
            self.base_statement().where(
                col(ItsmRecord.integration_id) == integration_id,
                col(ItsmRecord.external_id) == external_id,
            )
        )
        return (await self.session.execute(stmt)).scalars().one()

    def filtered(self, filters: RecordFilters) -> SelectOfScalar[ItsmRecord]:
        stmt = self.base_statement()
        r = ItsmRecord
        if filters.integration_id is not None:
            stmt = stmt.where(col(r.integration_id) == filters.integration_id)
        if filters.kind is not None:
            stmt = stmt.where(col(r.kind) == filters.kind.value)
        if filters.status is not None:
            stmt = stmt.where(col(r.status) == filters.status.value)
        if filters.service_key is not None:
            stmt = stmt.where(col(r.service_key) == filters.service_key)
        if filters.clause is not None:
            stmt = stmt.where(col(r.clause) == filters.clause)
        if filters.clauses is not None:
            stmt = stmt.where(col(r.clause).in_(filters.clauses))
        if filters.priority is not None:
            stmt = stmt.where(col(r.priority) == filters.priority.value)
        if filters.opened_from is not None:
            start = datetime.combine(filters.opened_from, time.min, UTC)
            stmt = stmt.where(col(r.opened_at) >= start)
        if filters.opened_to is not None:
            end = datetime.combine(filters.opened_to + timedelta(days=1), time.min, UTC)
            stmt = stmt.where(col(r.opened_at) < end)
        return stmt

    async def population(self, filters: RecordFilters) -> list[uuid.UUID]:
        """The ids of every record the filters hold, ordered by id (a sample's population)."""
        stmt = self.filtered(filters).with_only_columns(col(ItsmRecord.id))
        return sorted((await self.session.execute(stmt)).scalars().all())

    async def by_ids(self, ids: list[uuid.UUID]) -> dict[uuid.UUID, ItsmRecord]:
        """The organisation's records with these ids."""
        if not ids:
            return {}
        stmt = self.base_statement().where(col(ItsmRecord.id).in_(ids))
        return {r.id: r for r in (await self.session.execute(stmt)).scalars().all()}
