"""The benchmark seeder (benchmarks/seed.py) at a tiny scale, on both databases: every table
gets full rows of its real model, the bulk insert succeeds, and the readiness evaluation
runs on the result with the same statement count as on an empty organisation."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from certready.db.session import Database
from certready.orgs.models import Organisation
from certready.readiness import service
from certready.requirements.catalogue.loader import DEFAULT_FRAMEWORK
from sqlalchemy import event

from benchmarks import seed as seeding
from tests.conftest import DbTarget

SCALE = 0.01


def _sync_url(target: DbTarget) -> str:
    return target.url.replace("sqlite+aiosqlite://", "sqlite://")


def _seed(target: DbTarget) -> seeding.Seed:
    engine = sa.create_engine(_sync_url(target))
    if target.kind == "sqlite":

        @event.listens_for(engine, "connect")
        def _fk(dbapi_conn: Any, _rec: Any) -> None:
            dbapi_conn.execute("PRAGMA foreign_keys = ON")

    try:
        with engine.connect() as conn:
            catalogue = seeding.load_catalogue(conn)
        data = seeding.generate(catalogue, SCALE, seed=7)
        with engine.begin() as conn:
            seeding.insert_core(conn, data)
            counts = {
                name: conn.execute(sa.text(f'SELECT count(*) FROM "{name}"')).scalar_one()
                for name in data.rows
                if name not in {"framework", "requirement", "documented_information"}
            }
    finally:
        engine.dispose()
    assert counts == {n: len(r) for n, r in data.rows.items() if n in counts}
    return data


async def test_seed_tiny_scale_fills_every_table_and_readiness_runs(
    database: Database, db_target: DbTarget
) -> None:
    data = _seed(db_target)
    for model in seeding.TABLES:
        table = model.__table__
        rows = data.rows[table.name]
        assert rows, f"{table.name}: no rows at scale {SCALE}"
        # the raw-executemany baseline inserts exactly these columns: every column left
        # out must be nullable or have a server default
        assert set(rows[0]) <= set(table.columns.keys()), table.name
        left_out = [
            c.name
            for c in table.columns
            if c.name not in rows[0] and not c.nullable and c.server_default is None
        ]
        assert not left_out, (table.name, left_out)
        assert all(r.keys() == rows[0].keys() for r in rows), table.name
    counters = {c["name"]: c["value"] for c in data.rows["org_counter"]}
    assert counters["service"] == len(data.rows["service"])
    assert counters["configuration_item"] == len(data.rows["configuration_item"])
    per_ci: dict[Any, int] = {}
    for link in data.rows["configuration_item_service"]:
        per_ci[link["configuration_item_id"]] = per_ci.get(link["configuration_item_id"], 0) + 1
    assert len(per_ci) == len(data.rows["configuration_item"])  # every CI supports a service
    assert set(per_ci.values()) <= {1, 2}

    async with database.read_sessions() as session:
        org = await session.get(Organisation, data.org_id)
        assert org is not None
        report = await service.evaluate_org(session, org, DEFAULT_FRAMEWORK)
    assert report is not None


def test_seed_is_deterministic() -> None:
    catalogue = seeding.Catalogue(
        framework_id=seeding.uuid.UUID(int=1),
        requirements=[(seeding.uuid.UUID(int=2), "8.1", True)],
        documents=[],
    )
    a = seeding.generate(catalogue, SCALE, seed=3)
    b = seeding.generate(catalogue, SCALE, seed=3)
    assert a.counts == b.counts
    assert [s["id"] for s in a.rows["service"]] == [s["id"] for s in b.rows["service"]]
