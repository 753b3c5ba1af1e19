"""Group commit under concurrency (issue 15's receiver benchmark target): 200 deliveries from
every source fired at once at a real server, re-sends and out-of-order versions of the same
tickets mixed in, then the rows read straight from the database: one delivery per dedupe
key, each record at its highest version, its history and activity log complete, the
organisation's data version bumped. And a batch costs the same statements whatever its size."""

from __future__ import annotations

import asyncio
import random
import uuid
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
import sqlalchemy as sa
from certready.activity.models import ActivityEntry
from certready.db.session import Database
from certready.integrations import receiver
from certready.integrations.models import Integration, IntegrationDelivery, ItsmRecord
from certready.integrations.writer import store_batch
from certready.orgs.models import Organisation

from tests.conftest import QueryCounter
from tests.evidence.live import LiveServer, database_url
from tests.factories.auth import first_run
from tests.integrations.helpers import NOT_JSON, SOURCES, Source, create_integration

TICKETS = 10  # per source, each delivered in versions 1, 2, 3
RESENDS = 9  # per source: a delivery sent twice (the tool's retry)


@dataclass(frozen=True)
class Shot:
    src: Source
    path: str
    ticket: int  # 0: the unmappable body
    version: int
    resend: bool = False

    @property
    def handle(self) -> str:
        return f"{self.src.name}-{self.ticket}-{self.version}"

    @property
    def body(self) -> bytes:
        if self.ticket == 0:
            return NOT_JSON
        return self.src.body(ticket=self.ticket, version=self.version)


def _shots(paths: dict[str, str]) -> list[Shot]:
    shots = []
    rnd = random.Random(15)
    for src in SOURCES:
        mine = [Shot(src, paths[src.name], t, v) for t in range(1, TICKETS + 1) for v in (1, 2, 3)]
        resent = [
            Shot(s.src, s.path, s.ticket, s.version, resend=True) for s in rnd.sample(mine, RESENDS)
        ]
        shots += [*mine, *resent, Shot(src, paths[src.name], 0, 1)]
    rnd.shuffle(shots)  # versions of a ticket arrive in any order, re-sends anywhere
    return shots


async def _fire(url: str, shots: list[Shot]) -> list[httpx.Response]:
    limits = httpx.Limits(max_connections=len(shots), max_keepalive_connections=len(shots))
    async with httpx.AsyncClient(base_url=url, timeout=120, limits=limits) as c:

        async def one(s: Shot) -> httpx.Response:
            headers = {"Content-Type": "application/json", **s.src.sign(s.body, s.handle)}
            return await c.post(s.path, content=s.body, headers=headers)

        return await asyncio.gather(*(one(s) for s in shots))


def _sync_url(url: str) -> str:
    return url.replace("sqlite+aiosqlite://", "sqlite://")


def _read(url: str, org_id: uuid.UUID) -> dict[str, Any]:
    engine = sa.create_engine(_sync_url(url))
    d = IntegrationDelivery.__table__.c  # type: ignore[attr-defined]
    r = ItsmRecord.__table__.c  # type: ignore[attr-defined]
    a = ActivityEntry.__table__.c  # type: ignore[attr-defined]
    o = Organisation.__table__.c  # type: ignore[attr-defined]
    try:
        with engine.connect() as conn:
            return {
                "deliveries": conn.execute(
                    sa.select(
                        d.id,
                        d.integration_id,
                        d.dedupe_key,
                        d.mapping_state,
                        d.record_id,
                        d.mapping_error,
                    )
                ).all(),
                "records": conn.execute(
                    sa.select(r.id, r.integration_id, r.external_id, r.status, r.delivery_count)
                ).all(),
                "activity": conn.execute(
                    sa.select(a.object_id, a.action).where(a.object_type == "itsm_record")
                ).all(),
                "data_version": conn.execute(
                    sa.select(o.data_version).where(o.id == org_id)
                ).scalar_one(),
            }
    finally:
        engine.dispose()


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_200_concurrent_deliveries_store_exactly_once_at_the_highest_version(
    kind: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    if kind == "postgresql":
        request.getfixturevalue("postgresql_target")  # skips/fails like every PostgreSQL test
    with database_url(kind, tmp_path) as url:
        server = LiveServer(tmp_path / "data", url)
        server.start()
        try:

            async def prepare() -> tuple[uuid.UUID, dict[str, str]]:
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
                    return uuid.UUID(org.id), paths

            org_id, paths = asyncio.run(prepare())
            before = _read(url, org_id)["data_version"]
            shots = _shots(paths)
            assert len(shots) == 200
            answers = asyncio.run(_fire(server.url, shots))
        finally:
            server.stop()
        assert Counter(r.status_code for r in answers) == {200: 200}, [
            r.text for r in answers if r.status_code != 200
        ][:3]
        rows = _read(url, org_id)

    integration_of = {name: uuid.UUID(p.split("/")[4]) for name, p in paths.items()}
    # both sends of a delivery are answered with the same stored delivery, one as duplicate
    by_handle: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for s, r in zip(shots, answers, strict=True):
        by_handle.setdefault((s.src.name, s.handle), []).append(r.json())
    for handle, got in by_handle.items():
        assert len({g["delivery_id"] for g in got}) == 1, handle
        assert sorted(g["duplicate"] for g in got) == [False] + [True] * (len(got) - 1), handle
    stored = {row.id: row for row in rows["deliveries"]}
    assert {uuid.UUID(g[0]["delivery_id"]) for g in by_handle.values()} == set(stored)

    activity = Counter((row.object_id, row.action) for row in rows["activity"])
    for src in SOURCES:
        integration_id = integration_of[src.name]
        mine = [row for row in rows["deliveries"] if row.integration_id == integration_id]
        # one row per dedupe key: 30 versions and the unmappable body
        assert len(mine) == TICKETS * 3 + 1, src.name
        assert len({row.dedupe_key for row in mine}) == len(mine)
        [unmappable] = [row for row in mine if row.record_id is None]
        assert unmappable.mapping_state == "error" and unmappable.mapping_error
        recs = [row for row in rows["records"] if row.integration_id == integration_id]
        assert len(recs) == TICKETS, src.name
        for rec in recs:
            # the highest version, whatever the order it arrived in
            assert rec.status == src.status(3), (src.name, rec.external_id)
            assert rec.delivery_count == 3
            history = [row for row in mine if row.record_id == rec.id]
            states = Counter(row.mapping_state for row in history)
            assert len(history) == 3 and states["error"] == 0, states
            assert states["applied"] >= 1
            # the activity log has the creation and every applied update, nothing else
            assert activity[(str(rec.id), "itsm_record.create")] == 1
            assert activity[(str(rec.id), "itsm_record.update")] == states["applied"] - 1
    assert sum(activity.values()) == sum(
        1 for row in rows["deliveries"] if row.mapping_state == "applied"
    )
    assert rows["data_version"] > before


async def test_a_batch_costs_the_same_statements_whatever_its_size(
    database: Database, client: httpx.AsyncClient, count_queries: QueryCounter
) -> None:
    src = next(s for s in SOURCES if s.name == "servicenow")
    org = await first_run(client)
    hook = await create_integration(client, org, src.name, secret=src.secret)
    async with database.read_sessions() as session:
        integration = await session.get(Integration, uuid.UUID(hook["id"]))
    assert integration is not None

    def pending(ticket: int, version: int) -> receiver.Pending:
        body = src.body(ticket=ticket, version=version)
        headers = {k.lower(): v for k, v in src.sign(body, f"d-{ticket}-{version}").items()}
        return receiver.prepare(integration, "hmac-sha256", headers, body, "Ticket")

    costs = []
    for first, size in ((1, 3), (100, 30)):
        # new records, an update of a record of this batch, and a duplicate of this batch
        batch = [pending(t, 1) for t in range(first, first + size)]
        batch += [pending(first, 2), batch[1]]
        count_queries.count = 0
        async with database.transaction() as session:
            answers = await store_batch(session, batch)
        costs.append(count_queries.count)
        assert [a.duplicate for a in answers] == [False] * (size + 1) + [True]
        assert answers[-1].delivery_id == answers[1].delivery_id
        assert answers[size].record_id == answers[0].record_id
        assert answers[size].mapping_state == "applied"
    # the existing deliveries, the records, both inserts, the activity entries, the version
    assert costs[0] == costs[1] <= 7, costs
