"""SIGKILL a real server during a concurrent burst of signed deliveries from every source
(Jira, ServiceNow, GLPI, Zammad, generic, interleaved): every delivery that got a 2xx is in
the database after the restart (the answer comes only after the delivery's commit). Then
the tools retry the whole burst, as they do for whatever they saw no 2xx for (and Jira also
for some it did): every retry is a 2xx, the acknowledged ones are answered as duplicates of
themselves, and no second delivery or record appears."""

from __future__ import annotations

import asyncio
import random
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
import sqlalchemy as sa
from certready.integrations.models import IntegrationDelivery, ItsmRecord

from tests.evidence.live import LiveServer, database_url
from tests.factories.auth import first_run
from tests.integrations.helpers import SOURCES, Source

SENDERS = 8
PER_SOURCE = 80  # distinct deliveries (one new record each) per source
KILL_AFTER = 120  # acknowledged deliveries, all sources together, before the kill


@dataclass(frozen=True, eq=False)
class Item:
    src: Source
    path: str
    n: int

    @property
    def key(self) -> tuple[str, int]:
        return self.src.name, self.n

    @property
    def body(self) -> bytes:
        return self.src.body(ticket=self.n + 1)

    def headers(self) -> dict[str, str]:
        """Signed now (GLPI and Standard Webhooks retries carry a new timestamp)."""
        return {
            "Content-Type": "application/json",
            **self.src.sign(self.body, f"{self.src.name}-{self.n}"),
        }


@dataclass
class Acked:
    delivery_id: str
    record_id: str | None
    duplicate: bool


async def _send(
    server: LiveServer, items: list[Item], stop_after: int | None
) -> tuple[dict[tuple[str, int], Acked], int, dict[int, int]]:
    """Every item from ``SENDERS`` clients; SIGKILL once ``stop_after`` are acknowledged."""
    acked: dict[tuple[str, int], Acked] = {}
    statuses: dict[int, int] = {}
    failures = 0
    queue: asyncio.Queue[Item] = asyncio.Queue()
    for item in items:
        queue.put_nowait(item)
    killed = asyncio.Event()

    async def sender() -> None:
        nonlocal failures
        async with httpx.AsyncClient(base_url=server.url, timeout=30) as c:
            while not queue.empty() and not killed.is_set():
                item = queue.get_nowait()
                try:
                    r = await c.post(item.path, content=item.body, headers=item.headers())
                except httpx.HTTPError:
                    failures += 1
                    continue
                statuses[r.status_code] = statuses.get(r.status_code, 0) + 1
                if r.status_code == 200:
                    body = r.json()
                    acked[item.key] = Acked(
                        body["delivery_id"], body["record_id"], body["duplicate"]
                    )
                if stop_after is not None and len(acked) >= stop_after and not killed.is_set():
                    killed.set()
                    await asyncio.to_thread(server.kill)

    await asyncio.gather(*(sender() for _ in range(SENDERS)))
    return acked, failures, statuses


def _sync_url(url: str) -> str:
    return url.replace("sqlite+aiosqlite://", "sqlite://")


def _rows(url: str) -> tuple[dict[uuid.UUID, uuid.UUID], dict[uuid.UUID, tuple[Any, ...]]]:
    """Straight from the database: delivery id -> integration id, record id -> (integration
    id, external id, delivery count)."""
    engine = sa.create_engine(_sync_url(url))
    try:
        with engine.connect() as conn:
            d = IntegrationDelivery.__table__.c  # type: ignore[attr-defined]
            r = ItsmRecord.__table__.c  # type: ignore[attr-defined]
            found = conn.execute(sa.select(d.id, d.integration_id)).all()
            recs = conn.execute(
                sa.select(r.id, r.integration_id, r.external_id, r.delivery_count)
            ).all()
    finally:
        engine.dispose()
    return {row[0]: row[1] for row in found}, {row[0]: tuple(row[1:]) for row in recs}


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_every_acknowledged_delivery_survives_sigkill_and_retries_add_nothing(
    kind: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    if kind == "postgresql":
        request.getfixturevalue("postgresql_target")  # skips/fails like every PostgreSQL test
    with database_url(kind, tmp_path) as url:
        server = LiveServer(tmp_path / "data", url)
        server.start()
        try:

            async def prepare() -> dict[str, str]:
                async with httpx.AsyncClient(base_url=server.url, timeout=60) as c:
                    org = await first_run(c)
                    paths = {}
                    for src in SOURCES:
                        r = await c.post(
                            f"/api/v1/orgs/{org.slug}/integrations",
                            json={"name": src.name, "source": src.name, "secret": src.secret},
                            headers=org.admin.headers,
                        )
                        assert r.status_code == 201, r.text
                        paths[src.name] = r.json()["receiver_path"]
                    return paths

            paths = asyncio.run(prepare())
            integration_of = {name: uuid.UUID(p.split("/")[4]) for name, p in paths.items()}
            items = [Item(src, paths[src.name], n) for src in SOURCES for n in range(PER_SOURCE)]
            random.Random(15).shuffle(items)  # the tools' deliveries interleave

            acked, failures, statuses = asyncio.run(_send(server, items, KILL_AFTER))
            assert len(acked) >= KILL_AFTER and set(statuses) == {200}, statuses
            assert len(acked) < len(items)  # the kill did interrupt the burst
            assert {name for name, _ in acked} == {s.name for s in SOURCES}
            server.start()

            deliveries, records = _rows(url)
            print(  # seen with -s: how the kill fell
                f"{kind}: {len(acked)} acknowledged, {failures} cut off by the kill, "
                f"{len(deliveries)} stored after the restart"
            )
            lost = [i for i, a in acked.items() if uuid.UUID(a.delivery_id) not in deliveries]
            assert not lost, f"{len(lost)} acknowledged deliveries lost: {lost[:3]}"
            for (name, _), a in acked.items():
                assert deliveries[uuid.UUID(a.delivery_id)] == integration_of[name]
                assert a.record_id is not None and uuid.UUID(a.record_id) in records

            # the tools retry everything: all 2xx, nothing new for what was acknowledged
            retried, failures, statuses = asyncio.run(_send(server, items, None))
            assert failures == 0 and statuses == {200: len(items)}, statuses
            for key, a in acked.items():
                again = retried[key]
                assert again.duplicate and again.delivery_id == a.delivery_id, key
                assert again.record_id == a.record_id
            deliveries, records = _rows(url)
            for name, integration_id in integration_of.items():
                mine = [r for r in records.values() if r[0] == integration_id]
                assert len(mine) == PER_SOURCE, name  # one record per ticket, no second one
                assert len({r[1] for r in mine}) == PER_SOURCE
                assert all(r[2] == 1 for r in mine), name  # each applied by one delivery
                stored = [d for d, i in deliveries.items() if i == integration_id]
                assert len(stored) == PER_SOURCE, name
            assert {uuid.UUID(a.delivery_id) for a in retried.values()} == set(deliveries)
        finally:
            server.stop()
