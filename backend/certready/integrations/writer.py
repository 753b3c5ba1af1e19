"""Group commit of the receivers: concurrent deliveries committed together.

Each process has one writer per database (``DeliveryWriter``, on the app's state). A request
whose delivery verified queues it (``submit``) and awaits its future; the writer's drain
task takes what is queued (up to ``batch_size``, after at most ``linger`` seconds for more)
and commits it in ONE transaction: the deliveries are one multi-row ``INSERT ... ON CONFLICT
DO NOTHING`` on their dedupe key, the records they create one more, the records they move
forward are updated once each, their activity entries are added together, and the
organisation's ``data_version`` is bumped once per batch (the activity machinery bumps once
per transaction). Only after that commit are the futures resolved: a 2xx still means the
delivery is durable.

Inside a batch the deliveries are applied in arrival order exactly as one transaction each
would apply them: a second delivery with the same dedupe key is a duplicate of the first,
records move forward only (``newer``), stale ones count as history.

When anything goes wrong with a batch (a database error, a record or delivery another
process inserted meanwhile), it is rolled back and each of its deliveries is stored in its
own transaction (``store_one``): one bad delivery never costs the others theirs.
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from certready.activity.service import record as record_activity
from certready.context import Actor
from certready.core.clock import utcnow
from certready.db.session import Database
from certready.integrations.enums import MappingState, SourceType
from certready.integrations.mapping import Normalised
from certready.integrations.models import Integration, ItsmRecord
from certready.integrations.repository import DeliveryRepository, RecordRepository
from certready.integrations.schemas import HookAccepted

log = logging.getLogger(__name__)

RECORD_FIELDS = (
    "external_key",
    "kind",
    "kind_raw",
    "clause",
    "title",
    "status",
    "status_raw",
    "priority",
    "priority_raw",
    "opened_at",
    "resolved_at",
    "closed_at",
    "service_key",
    "assignment_group",
    "change_counter",
    "source_updated_at",
)


@dataclass(frozen=True)
class Pending:
    """A verified delivery, mapped, waiting to be stored."""

    integration: Integration
    verified: str
    headers: dict[str, str]  # as stored (credentials redacted)
    body: bytes
    digest: str
    key: str  # the dedupe key
    itemtype: str
    normalised: Normalised | None
    error: str | None  # the mapping error, when normalised is None
    received_at: datetime


def newer(new: Normalised, rec: ItsmRecord) -> bool:
    """Whether a delivery is a later version than the record: change counter, else time."""
    counters = (new.change_counter, rec.change_counter)
    if counters[0] is not None and counters[1] is not None and counters[0] != counters[1]:
        return counters[0] > counters[1]
    if new.source_updated_at is not None and rec.source_updated_at is not None:
        return new.source_updated_at > rec.source_updated_at
    return rec.source_updated_at is None and rec.change_counter is None


def log_change(
    session: AsyncSession,
    integration: Integration,
    record_id: uuid.UUID,
    new: Normalised,
    verb: str,
) -> None:
    """The record's change in the activity log (it also moves the readiness data version)."""
    record_activity(
        session,
        org_id=integration.org_id,
        actor=Actor(id=None, name=f"integration {integration.name}"[:200]),
        action=f"itsm_record.{verb}",
        object_type="itsm_record",
        object_id=record_id,
        summary=f"{new.external_key or new.external_id}: {new.kind.value}, {new.status.value}",
        after={"status": new.status.value, "kind": new.kind.value, "clause": new.clause},
    )


async def apply_one(
    session: AsyncSession, integration: Integration, new: Normalised
) -> tuple[uuid.UUID, MappingState]:
    """Create the record or move it forward (never backwards); counted in its history."""
    repo = RecordRepository(session, integration.org_id)
    values = {name: getattr(new, name) for name in RECORD_FIELDS}
    now = utcnow()
    created = await repo.insert_new(
        {
            **values,
            "integration_id": integration.id,
            "source": SourceType(integration.source).value,
            "external_id": new.external_id,
            "created_at": now,
            "updated_at": now,
            "delivery_count": 1,
        }
    )
    if created is not None:
        log_change(session, integration, created, new, "create")
        return created, MappingState.applied
    rec = await repo.for_external(integration.id, new.external_id)
    rec.delivery_count += 1
    state = MappingState.stale
    if newer(new, rec):
        for name, value in values.items():
            setattr(rec, name, value)
        rec.updated_at = now
        state = MappingState.applied
        log_change(session, integration, rec.id, new, "update")
    await session.flush()
    return rec.id, state


def delivery_row(
    p: Pending, delivery_id: uuid.UUID, state: MappingState, record_id: uuid.UUID | None
) -> dict[str, Any]:
    n = p.normalised
    return {
        "id": delivery_id,
        "integration_id": p.integration.id,
        "received_at": p.received_at,
        "dedupe_key": p.key,
        "headers": p.headers,
        "body": p.body,
        "body_sha256": p.digest,
        "verification": p.verified,
        "event": n.event[:200] if n and n.event else None,
        "itemtype": p.itemtype if p.integration.source == SourceType.glpi else None,
        "mapping_state": state.value,
        "mapping_error": p.error,
        "record_id": record_id,
    }


async def store_one(db: Database, p: Pending) -> HookAccepted:
    """Keep and apply one delivery in its own transaction, committed before the answer."""
    async with db.transaction() as session:
        deliveries = DeliveryRepository(session, p.integration.org_id)
        delivery_id = await deliveries.insert_new(
            delivery_row(p, uuid.uuid4(), MappingState.error, None)
        )
        if delivery_id is None:
            existing = await deliveries.by_dedupe_key(p.integration.id, p.key)
            assert existing is not None
            return HookAccepted(
                delivery_id=existing.id,
                duplicate=True,
                mapping_state=existing.mapping_state,
                record_id=existing.record_id,
            )
        record_id, state = None, MappingState.error
        if p.normalised is not None:
            record_id, state = await apply_one(session, p.integration, p.normalised)
            await deliveries.settle(delivery_id, state, record_id)
    return HookAccepted(
        delivery_id=delivery_id, duplicate=False, mapping_state=state, record_id=record_id
    )


class Contended(Exception):
    """Another transaction inserted a delivery or record of the batch meanwhile."""


@dataclass
class Queued:
    pending: Pending
    future: asyncio.Future[HookAccepted]


class DeliveryWriter:
    """One drain task at a time commits what the requests queued (see the module)."""

    def __init__(self, db: Database, batch_size: int, linger: float) -> None:
        self.db = db
        self.batch_size = batch_size
        self.linger = linger
        self.queue: list[Queued] = []
        self.task: asyncio.Task[None] | None = None
        self.batches = 0  # committed batches (tests and the benchmark read it)

    async def submit(self, pending: Pending) -> HookAccepted:
        loop = asyncio.get_running_loop()
        item = Queued(pending, loop.create_future())
        self.queue.append(item)
        if self.task is None or self.task.done():
            self.task = loop.create_task(self._drain())
        # shielded: a client that hangs up does not cancel what the batch commits
        return await asyncio.shield(item.future)

    async def _drain(self) -> None:
        while self.queue:
            if self.linger and len(self.queue) < self.batch_size:
                await asyncio.sleep(self.linger)
            batch, self.queue = self.queue[: self.batch_size], self.queue[self.batch_size :]
            try:
                await self._commit(batch)
            finally:  # never a request left waiting (the drain cancelled at shutdown)
                for q in batch:
                    if not q.future.done():
                        q.future.set_exception(RuntimeError("the delivery was not stored"))

    async def _commit(self, batch: list[Queued]) -> None:
        try:
            async with self.db.transaction() as session:
                answers = await store_batch(session, [q.pending for q in batch])
            self.batches += 1
        except Exception as exc:  # each of its deliveries is then stored on its own
            if len(batch) > 1 or not isinstance(exc, Contended):
                log.warning("receiver batch of %d failed (%r): one by one", len(batch), exc)
            for q in batch:
                try:
                    answer = await store_one(self.db, q.pending)
                except Exception as one:  # that request's own error (a 500)
                    if not q.future.done():
                        q.future.set_exception(one)
                else:
                    if not q.future.done():
                        q.future.set_result(answer)
            return
        for q, answer in zip(batch, answers, strict=True):
            if not q.future.done():
                q.future.set_result(answer)


async def store_batch(session: AsyncSession, pendings: Sequence[Pending]) -> list[HookAccepted]:
    """Keep and apply the deliveries in one transaction, as if one after the other."""
    batch = _Batch(session, pendings)
    by_integration: dict[uuid.UUID, list[int]] = {}
    for i, p in enumerate(pendings):
        by_integration.setdefault(p.integration.id, []).append(i)
    for indexes in by_integration.values():
        await batch.store(indexes)
    await session.flush()  # the records moved forward and the activity entries
    return batch.answered()


class _Batch:
    """The answers of one batch while its deliveries are stored, integration by integration."""

    def __init__(self, session: AsyncSession, pendings: Sequence[Pending]) -> None:
        self.session = session
        self.pendings = pendings
        self.answers: list[HookAccepted | None] = [None] * len(pendings)
        self.followers: list[tuple[int, int]] = []  # (a later copy in the batch, its first)
        self.now = utcnow()

    async def store(self, indexes: list[int]) -> None:
        """The deliveries of one integration: duplicates answered, the others applied."""
        integration = self.pendings[indexes[0]].integration
        deliveries = DeliveryRepository(self.session, integration.org_id)
        first: dict[str, int] = {}
        for i in indexes:
            key = self.pendings[i].key
            if key in first:
                self.followers.append((i, first[key]))
            else:
                first[key] = i
        existing = await deliveries.by_dedupe_keys(integration.id, list(first))
        new: list[int] = []
        for key, i in first.items():
            known = existing.get(key)
            if known is None:
                new.append(i)
            else:
                self.answers[i] = HookAccepted(
                    delivery_id=known.id,
                    duplicate=True,
                    mapping_state=known.mapping_state,
                    record_id=known.record_id,
                )
        if not new:
            return
        rows = await self._apply(integration, new)
        inserted = await deliveries.insert_many(rows)
        if len(inserted) != len(rows):
            raise Contended("a delivery of the batch was stored meanwhile")

    async def _apply(self, integration: Integration, new: list[int]) -> list[dict[str, Any]]:
        """Records created or moved forward in arrival order; the deliveries' rows."""
        records = RecordRepository(self.session, integration.org_id)
        external_ids = sorted(
            {n.external_id for i in new if (n := self.pendings[i].normalised) is not None}
        )
        found = await records.for_externals(integration.id, external_ids) if external_ids else {}
        created: dict[str, ItsmRecord] = {}
        rows = []
        for i in new:
            p = self.pendings[i]
            record_id, state, n = None, MappingState.error, p.normalised
            if n is not None:
                values = {name: getattr(n, name) for name in RECORD_FIELDS}
                rec = found.get(n.external_id) or created.get(n.external_id)
                if rec is None:
                    rec = created[n.external_id] = ItsmRecord(
                        id=uuid.uuid4(),
                        org_id=integration.org_id,
                        integration_id=integration.id,
                        source=SourceType(integration.source),
                        external_id=n.external_id,
                        created_at=self.now,
                        updated_at=self.now,
                        delivery_count=1,
                        **values,
                    )
                    state = MappingState.applied
                    log_change(self.session, integration, rec.id, n, "create")
                else:
                    rec.delivery_count += 1
                    state = MappingState.stale
                    if newer(n, rec):
                        for name, value in values.items():
                            setattr(rec, name, value)
                        rec.updated_at = self.now
                        state = MappingState.applied
                        log_change(self.session, integration, rec.id, n, "update")
                record_id = rec.id
            delivery_id = uuid.uuid4()
            rows.append(delivery_row(p, delivery_id, state, record_id))
            self.answers[i] = HookAccepted(
                delivery_id=delivery_id, duplicate=False, mapping_state=state, record_id=record_id
            )
        if created:  # before the deliveries that name them
            columns = [c.name for c in ItsmRecord.__table__.columns if c.name != "org_id"]  # type: ignore[attr-defined]
            made = await records.insert_many(
                [{c: getattr(r, c) for c in columns} for r in created.values()]
            )
            if len(made) != len(created):
                raise Contended("a record of the batch was created meanwhile")
        return rows

    def answered(self) -> list[HookAccepted]:
        for i, lead in self.followers:
            first = self.answers[lead]
            assert first is not None
            self.answers[i] = first.model_copy(update={"duplicate": True})
        done = [a for a in self.answers if a is not None]
        assert len(done) == len(self.pendings)
        return done
