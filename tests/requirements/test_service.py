"""Catalogue sync against the database and the organisation initialiser (rules, not HTTP)."""

from __future__ import annotations

import uuid
from typing import Any

import httpx
import pytest
from certready.db.session import Database
from certready.requirements.catalogue.loader import (
    Catalogue,
    CatalogueError,
    SyncReport,
    load_catalogues,
    parse_catalogue,
    sync_catalogues,
)
from sqlalchemy import text

from tests.conftest import QueryCounter
from tests.factories.auth import first_run
from tests.factories.requirements import drop_framework, list_all, patch_requirement


def _small_catalogue(code: str, **changes: Any) -> dict[str, Any]:
    leaves = {
        "1.1": "First leaf",
        "1.2": "Second leaf",
        "2.1": "Third leaf",
    }
    data: dict[str, Any] = {
        "framework": {
            "code": code,
            "name": "Small test framework",
            "version": "1",
            "publisher": "tests",
            "allows_exclusions": False,
            "catalogue_version": "1",
        },
        "requirements": [
            {"ref": "1", "title": "One", "parent_ref": None, "depth": 1, "assessable": False},
            {"ref": "2", "title": "Two", "parent_ref": None, "depth": 1, "assessable": False},
        ]
        + [
            {
                "ref": ref,
                "title": title,
                "parent_ref": ref.split(".")[0],
                "depth": 2,
                "assessable": True,
                "guidance": f"Evidence for {title.lower()}.",
            }
            for ref, title in leaves.items()
        ],
        "documented_information": [
            {
                "key": "D1",
                "kind": "document",
                "title": "A document",
                "clause_refs": ["1"],
                "mandatory": True,
                "description": "",
            }
        ],
    }
    data.update(changes)
    return data


async def _sync(database: Database, catalogues: list[Catalogue]) -> tuple[list[SyncReport], int]:
    async with database.engine.begin() as conn:
        return await conn.run_sync(sync_catalogues, catalogues)


async def test_sync_of_the_shipped_catalogue_is_idempotent(
    client: httpx.AsyncClient, database: Database
) -> None:
    org = await first_run(client)
    assert (await patch_requirement(client, org, "8.6.1", {"status": "planned"})).status_code == 200
    reports, created = await _sync(database, load_catalogues())
    (report,) = [r for r in reports if r.framework == "iso20000-1:2018"]
    assert not report.framework_created and not report.framework_updated
    assert report.requirements_inserted == report.requirements_updated == []
    assert report.documented_information_inserted == report.documented_information_updated == []
    assert report.requirements_stale == []
    assert created == 0
    (item,) = await list_all(client, org, clause="8.6.1")
    assert (item["status"], item["version"]) == ("planned", 2)


async def test_catalogue_update_keeps_org_data_and_fills_new_requirements(
    client: httpx.AsyncClient, database: Database
) -> None:
    org = await first_run(client)
    code = f"small-{uuid.uuid4().hex[:8]}"
    try:
        reports, created = await _sync(database, [parse_catalogue(_small_catalogue(code))])
        assert reports[0].framework_created
        assert reports[0].requirements_inserted == ["1", "2", "1.1", "1.2", "2.1"]
        assert created == 3  # the existing organisation got its statuses
        body = {"status": "implemented", "notes": "Done in Q1."}
        r = await client.patch(
            f"/api/v1/orgs/{org.slug}/requirements/1.1",
            params={"framework": code},
            json=body,
            headers={**org.admin.headers, "If-Match": '"1"'},
        )
        assert r.status_code == 200, r.text

        # version 2 of the data: a retitled leaf, a new leaf, a leaf dropped from the data
        updated = _small_catalogue(code)
        updated["framework"]["catalogue_version"] = "2"
        reqs = [r for r in updated["requirements"] if r["ref"] != "1.2"]
        reqs[2]["title"] = "First leaf, renamed"
        reqs.append(
            {
                "ref": "2.2",
                "title": "New leaf",
                "parent_ref": "2",
                "depth": 2,
                "assessable": True,
                "guidance": "Evidence for the new leaf.",
            }
        )
        updated["requirements"] = reqs
        reports, created = await _sync(database, [parse_catalogue(updated)])
        report = reports[0]
        assert report.framework_updated
        assert report.requirements_inserted == ["2.2"]
        assert report.requirements_updated == ["1.1"]
        assert report.requirements_stale == ["1.2"]  # reported, never deleted
        assert created == 1

        r = await client.get(
            f"/api/v1/orgs/{org.slug}/requirements",
            params={"framework": code},
            headers=org.admin.headers,
        )
        items = {i["ref"]: i for i in r.json()["items"]}
        assert list(items) == ["1.1", "1.2", "2.1", "2.2"]
        assert items["1.1"]["title"] == "First leaf, renamed"
        assert (items["1.1"]["status"], items["1.1"]["notes"]) == ("implemented", "Done in Q1.")
        assert items["2.2"]["status"] == "not_started"
    finally:
        await drop_framework(database, code)


@pytest.mark.parametrize("broken", ["leaf-not-assessable", "unknown-clause-ref"])
async def test_sync_refuses_a_broken_in_memory_catalogue_and_writes_nothing(
    database: Database, broken: str
) -> None:
    code = f"broken-{uuid.uuid4().hex[:8]}"
    good = parse_catalogue(_small_catalogue(code))
    if broken == "leaf-not-assessable":
        reqs = [r.model_copy(update={"assessable": False}) for r in good.requirements]
        bad = good.model_copy(update={"requirements": reqs})
    else:
        di = good.documented_information[0].model_copy(update={"clause_refs": ["9.9"]})
        bad = good.model_copy(update={"documented_information": [di]})
    with pytest.raises(CatalogueError):
        await _sync(database, [bad])
    async with database.engine.connect() as conn:
        found = await conn.execute(text("SELECT id FROM framework WHERE code = :c"), {"c": code})
        assert found.first() is None


async def test_new_org_statuses_come_from_one_insert_select(
    client: httpx.AsyncClient, count_queries: QueryCounter
) -> None:
    org = await first_run(client)
    count_queries.statements.clear()
    r = await client.post(
        "/api/v1/orgs", json={"name": "Initech", "slug": "initech"}, headers=org.admin.headers
    )
    assert r.status_code == 201
    inserts = [s for s in count_queries.statements if "INSERT INTO requirement_status" in s]
    assert len(inserts) == 1
    assert "SELECT" in inserts[0]
