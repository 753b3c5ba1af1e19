"""Per-organisation requirement status over HTTP: lists, ETags, bulk, roles, tenancy."""

from __future__ import annotations

from typing import Any

import anyio
import httpx
import pytest
from certready.db.session import Database

from tests.conftest import QueryCounter
from tests.factories.auth import add_member, first_run, second_org
from tests.factories.requirements import (
    drop_framework,
    insert_generated_framework,
    list_all,
    patch_requirement,
    read_requirement,
    requirements_url,
)

PROBLEM = "application/problem+json"


async def test_new_org_has_a_status_for_every_leaf_without_any_import(
    client: httpx.AsyncClient,
) -> None:
    org = await first_run(client)
    items = await list_all(client, org)
    assert len(items) == 57
    assert {i["status"] for i in items} == {"not_started"}
    assert all(i["assessable"] and i["version"] == 1 for i in items)
    # an organisation created later through the API is complete as well
    other = await second_org(client, org)
    assert len(await list_all(client, other)) == 57


async def test_list_is_in_clause_order_and_pages_with_a_cursor(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    refs: list[str] = []
    cursor = None
    for _ in range(3):
        params: dict[str, Any] = {"limit": 20} | ({"cursor": cursor} if cursor else {})
        r = await client.get(requirements_url(org), params=params, headers=org.admin.headers)
        assert r.status_code == 200
        assert r.json()["total"] == 57
        refs += [i["ref"] for i in r.json()["items"]]
        cursor = r.json()["next_cursor"]
    assert cursor is None
    assert len(refs) == len(set(refs)) == 57
    assert refs[:3] == ["4.1", "4.2", "4.3"]
    assert refs[-6:] == ["9.1", "9.2", "9.3", "9.4", "10.1", "10.2"]  # 10 after 9


@pytest.mark.parametrize(
    "params", [{"limit": 501}, {"limit": 0}, {"cursor": "not-a-cursor"}, {"status": "done"}]
)
async def test_bad_paging_or_filter_is_422(
    client: httpx.AsyncClient, params: dict[str, Any]
) -> None:
    org = await first_run(client)
    r = await client.get(requirements_url(org), params=params, headers=org.admin.headers)
    assert r.status_code == 422
    assert r.headers["content-type"] == PROBLEM


async def test_filters(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    owner = await add_member(client, org, "process_owner")
    assert (
        await patch_requirement(client, org, "8.6.1", {"status": "implemented"})
    ).status_code == 200
    body = {"status": "in_progress", "owner_id": owner.user_id}
    assert (await patch_requirement(client, org, "8.6.2", body)).status_code == 200
    body = {"not_occurring": True, "not_occurring_justification": "No internal suppliers."}
    assert (await patch_requirement(client, org, "8.3.4.2", body)).status_code == 200

    async def refs(**params: Any) -> list[str]:
        return [i["ref"] for i in await list_all(client, org, **params)]

    assert await refs(clause="8.5") == [
        "8.5.1.1",
        "8.5.1.2",
        "8.5.1.3",
        "8.5.2.1",
        "8.5.2.2",
        "8.5.2.3",
        "8.5.3",
    ]
    assert await refs(clause="8.6.1") == ["8.6.1"]
    assert await refs(clause="10") == ["10.1", "10.2"]
    assert await refs(clause="1") == []  # a prefix is a whole clause: 1 is not 10
    assert await refs(status=["implemented", "in_progress"]) == ["8.6.1", "8.6.2"]
    assert await refs(owner_id=owner.user_id) == ["8.6.2"]
    assert await refs(not_occurring="true") == ["8.3.4.2"]
    assert len(await refs(not_occurring="false")) == 56
    assert await refs(q="INCIDENT") == ["8.6.1", "8.7.3.3"]
    assert await refs(q="8.3.4") == ["8.3.4.1", "8.3.4.2"]
    assert await refs(q="100%") == []
    assert await refs(clause="8", status="in_progress", q="request") == ["8.6.2"]

    item = next(i for i in await list_all(client, org, clause="8.6.2"))
    assert item["owner"] == {"id": owner.user_id, "name": "Process Owner"}
    assert item["parent_ref"] == "8.6"
    assert item["depth"] == 3


async def test_assessable_filter_includes_grouping_clauses_on_request(
    client: httpx.AsyncClient,
) -> None:
    org = await first_run(client)
    everything = await list_all(client, org, assessable="all")
    assert len(everything) == 77
    assert [i["ref"] for i in everything[:3]] == ["4", "4.1", "4.2"]
    groups = await list_all(client, org, assessable="false")
    assert len(groups) == 20
    assert all(g["status"] is None and g["version"] is None for g in groups)
    assert [g["ref"] for g in await list_all(client, org, assessable="all", clause="8.3.4")] == [
        "8.3.4",
        "8.3.4.1",
        "8.3.4.2",
    ]


async def test_detail_carries_guidance_documents_etag_and_history(
    client: httpx.AsyncClient,
) -> None:
    org = await first_run(client)
    r = await read_requirement(client, org, "8.7.2")
    body = r.json()
    assert r.headers["etag"] == '"1"'
    assert body["title"] == "Service continuity management"
    assert "continuity" in body["guidance"].lower()
    assert [d["key"] for d in body["documented_information"]] == ["D8", "R11"]
    assert body["history"] == []
    for status in ("planned", "implemented"):
        assert (
            await patch_requirement(client, org, "8.7.2", {"status": status})
        ).status_code == 200
    history = (await read_requirement(client, org, "8.7.2")).json()["history"]
    assert [(h["before"], h["after"]) for h in history] == [
        ({"status": "planned"}, {"status": "implemented"}),
        ({"status": "not_started"}, {"status": "planned"}),
    ]
    assert history[0]["actor_name"] == "Ada Admin"


async def test_patch_needs_if_match_and_refuses_a_stale_etag(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    url = requirements_url(org, "8.6.1")
    etag = (await read_requirement(client, org, "8.6.1")).headers["etag"]
    missing = await client.patch(url, json={"status": "planned"}, headers=org.admin.headers)
    assert missing.status_code == 428
    assert missing.headers["content-type"] == PROBLEM
    ok = await client.patch(
        url,
        json={"status": "planned", "target_date": "2027-03-31", "notes": "Runbook in review."},
        headers={**org.admin.headers, "If-Match": etag},
    )
    assert ok.status_code == 200, ok.text
    assert ok.headers["etag"] == '"2"'
    assert ok.json()["target_date"] == "2027-03-31"
    assert ok.json()["updated_by"] == org.admin.user_id
    assert len(ok.json()["history"]) == 1
    stale = await client.patch(
        url, json={"status": "implemented"}, headers={**org.admin.headers, "If-Match": etag}
    )
    assert stale.status_code == 412
    assert stale.json()["current_etag"] == '"2"'
    assert (await read_requirement(client, org, "8.6.1")).json()["status"] == "planned"


async def test_an_empty_patch_changes_nothing(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    r = await patch_requirement(client, org, "8.6.1", {"status": "not_started"})
    assert r.status_code == 200
    assert r.headers["etag"] == '"1"'
    assert r.json()["history"] == []


async def test_concurrent_patches_with_the_same_etag_one_wins(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    etag = (await read_requirement(client, org, "8.6.3")).headers["etag"]
    results: dict[str, int] = {}

    async def patch(status: str) -> None:
        r = await client.patch(
            requirements_url(org, "8.6.3"),
            json={"status": status},
            headers={**org.admin.headers, "If-Match": etag},
        )
        results[status] = r.status_code

    async with anyio.create_task_group() as tg:
        tg.start_soon(patch, "planned")
        tg.start_soon(patch, "in_progress")
    assert sorted(results.values()) == [200, 412]
    final = (await read_requirement(client, org, "8.6.3")).json()
    assert final["version"] == 2
    assert final["status"] == next(k for k, v in results.items() if v == 200)


@pytest.mark.parametrize(
    "body",
    [
        {"status": "not_applicable"},
        {"status": "N/A"},
        {"applicable": False},
        {"excluded": True, "notes": "no internal suppliers"},
    ],
)
async def test_not_applicable_is_refused_with_the_no_exclusions_explanation(
    client: httpx.AsyncClient, body: dict[str, Any]
) -> None:
    org = await first_run(client)
    r = await patch_requirement(client, org, "8.3.4.2", body)
    assert r.status_code == 422
    assert r.headers["content-type"] == PROBLEM
    detail = r.json()["detail"]
    assert "allows no exclusions" in detail
    assert "not_occurring" in detail and "justification" in detail
    assert r.json()["errors"][0]["type"] == "no_exclusions"
    if "status" in body:
        assert r.json()["errors"][0]["loc"] == ["body", "status"]
    assert (await read_requirement(client, org, "8.3.4.2")).json()["version"] == 1


async def test_not_occurring_needs_a_justification(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    r = await patch_requirement(client, org, "8.3.4.2", {"not_occurring": True})
    assert r.status_code == 422
    assert r.json()["errors"][0]["loc"] == ["body", "not_occurring_justification"]
    blank = {"not_occurring": True, "not_occurring_justification": "   "}
    assert (await patch_requirement(client, org, "8.3.4.2", blank)).status_code == 422
    body = {
        "not_occurring": True,
        "not_occurring_justification": "All suppliers are external (statement ST-3, approved).",
    }
    r = await patch_requirement(client, org, "8.3.4.2", body)
    assert r.status_code == 200
    assert r.json()["not_occurring"] is True
    # back to occurring: the justification goes with the flag
    r = await patch_requirement(client, org, "8.3.4.2", {"not_occurring": False})
    assert r.status_code == 200
    assert r.json()["not_occurring_justification"] == ""
    stray = {"not_occurring_justification": "Only meaningful with the flag."}
    assert (await patch_requirement(client, org, "8.3.4.2", stray)).status_code == 422


@pytest.mark.parametrize("body", [{"status": None}, {"not_occurring": None}, {"version": 3}])
async def test_null_status_or_unknown_field_is_422(
    client: httpx.AsyncClient, body: dict[str, Any]
) -> None:
    org = await first_run(client)
    assert (await patch_requirement(client, org, "4.1", body)).status_code == 422


async def test_owner_must_be_a_member(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    other = await second_org(client, org)
    r = await patch_requirement(client, org, "7.2", {"owner_id": other.admin.user_id})
    assert r.status_code == 422
    assert r.json()["errors"][0]["loc"] == ["body", "owner_id"]
    member = await add_member(client, org, "sms_manager")
    r = await patch_requirement(client, org, "7.2", {"owner_id": member.user_id})
    assert r.status_code == 200
    assert r.json()["owner"]["id"] == member.user_id
    r = await patch_requirement(client, org, "7.2", {"owner_id": None})
    assert r.status_code == 200
    assert r.json()["owner"] is None


async def test_process_owner_edits_only_what_they_own(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    po = await add_member(client, org, "process_owner")
    manager = await add_member(client, org, "sms_manager")
    # an SMS manager edits everything, and assigns the owner
    r = await patch_requirement(client, org, "8.6.1", {"owner_id": po.user_id}, who=manager)
    assert r.status_code == 200
    assert (
        await patch_requirement(client, org, "8.6.1", {"status": "in_progress"}, who=po)
    ).status_code == 200
    # not theirs
    r = await patch_requirement(client, org, "8.6.2", {"status": "planned"}, who=po)
    assert r.status_code == 403
    assert r.headers["content-type"] == PROBLEM
    # they cannot claim an unowned requirement, nor hand their own to someone else
    assert (
        await patch_requirement(client, org, "8.6.2", {"owner_id": po.user_id}, who=po)
    ).status_code == 403
    r = await patch_requirement(client, org, "8.6.1", {"owner_id": manager.user_id}, who=po)
    assert r.status_code == 403
    assert "hand" in r.json()["detail"]
    r = await patch_requirement(client, org, "8.6.1", {"owner_id": None}, who=po)
    assert r.status_code == 403
    detail = (await read_requirement(client, org, "8.6.1")).json()
    assert detail["owner_id"] == po.user_id and detail["status"] == "in_progress"
    # bulk follows the same rule, and refuses the whole request
    r = await client.post(
        requirements_url(org, "bulk"),
        json={
            "changes": [
                {"ref": "8.6.1", "status": "implemented"},
                {"ref": "8.6.2", "status": "planned"},
            ]
        },
        headers=po.headers,
    )
    assert r.status_code == 403
    assert r.json()["errors"][0]["loc"] == ["body", "changes", 1]
    assert "8.6.2" in r.json()["errors"][0]["msg"]
    assert (await read_requirement(client, org, "8.6.1")).json()["status"] == "in_progress"


@pytest.mark.parametrize("role", ["viewer", "auditor", "external_auditor"])
async def test_read_only_roles_read_but_cannot_write(client: httpx.AsyncClient, role: str) -> None:
    org = await first_run(client)
    reader = await add_member(client, org, role)
    r = await client.get(requirements_url(org), headers=reader.headers)
    assert r.status_code == 200 and r.json()["total"] == 57
    r = await client.get(requirements_url(org, "summary"), headers=reader.headers)
    assert r.status_code == 200
    detail = await read_requirement(client, org, "9.2", who=reader)
    r = await client.patch(
        requirements_url(org, "9.2"),
        json={"status": "planned"},
        headers={**reader.headers, "If-Match": detail.headers["etag"]},
    )
    assert r.status_code == 403
    r = await client.post(
        requirements_url(org, "bulk"),
        json={"changes": [{"ref": "9.2", "status": "planned"}]},
        headers=reader.headers,
    )
    assert r.status_code == 403


async def test_other_org_gets_the_same_404_as_a_missing_ref(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    other = await second_org(client, org)
    missing = await client.get(requirements_url(org, "99.9"), headers=org.admin.headers)
    grouping = await client.get(requirements_url(org, "8.6"), headers=org.admin.headers)
    foreign = await client.get(requirements_url(org, "8.6.1"), headers=other.admin.headers)
    foreign_list = await client.get(requirements_url(org), headers=other.admin.headers)
    foreign_patch = await client.patch(
        requirements_url(org, "8.6.1"),
        json={"status": "planned"},
        headers={**other.admin.headers, "If-Match": '"1"'},
    )
    foreign_bulk = await client.post(
        requirements_url(org, "bulk"),
        json={"changes": [{"ref": "8.6.1", "status": "planned"}]},
        headers=other.admin.headers,
    )
    responses = [missing, grouping, foreign, foreign_list, foreign_patch, foreign_bulk]
    assert {r.status_code for r in responses} == {404}
    assert all(r.json() == missing.json() for r in responses)
    assert (await read_requirement(client, org, "8.6.1")).json()["version"] == 1


async def test_activity_entries_record_before_and_after(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    body = {"status": "planned", "target_date": "2027-01-15"}
    assert (await patch_requirement(client, org, "9.3", body)).status_code == 200
    r = await client.get(
        f"/api/v1/orgs/{org.slug}/activity",
        params={"object_type": "requirement", "object_id": "9.3"},
        headers=org.admin.headers,
    )
    (entry,) = r.json()["items"]
    assert entry["action"] == "requirement.update"
    assert entry["before"] == {"status": "not_started", "target_date": None}
    assert entry["after"] == {"status": "planned", "target_date": "2027-01-15"}
    assert entry["actor_id"] == org.admin.user_id


async def test_bulk_update_applies_every_row_with_activity(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    owner = await add_member(client, org, "process_owner")
    changes = [
        {"ref": "8.6.1", "status": "implemented", "owner_id": owner.user_id},
        {"ref": "8.6.2", "status": "in_progress", "target_date": "2027-02-01", "version": 1},
        {"ref": "8.3.4.2", "not_occurring": True, "not_occurring_justification": "None exist."},
        {"ref": "4.1", "status": "not_started"},  # no change
    ]
    r = await client.post(
        requirements_url(org, "bulk"), json={"changes": changes}, headers=org.admin.headers
    )
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["changed"] == 3
    assert [i["ref"] for i in body["items"]] == ["8.6.1", "8.6.2", "8.3.4.2", "4.1"]
    assert [i["version"] for i in body["items"]] == [2, 2, 2, 1]
    assert body["items"][0]["owner"]["name"] == "Process Owner"
    r = await client.get(
        f"/api/v1/orgs/{org.slug}/activity",
        params={"object_type": "requirement"},
        headers=org.admin.headers,
    )
    assert sorted(e["object_id"] for e in r.json()["items"]) == ["8.3.4.2", "8.6.1", "8.6.2"]


async def _snapshot(client: httpx.AsyncClient, org: Any) -> list[tuple[str, str, int]]:
    return [(i["ref"], i["status"], i["version"]) for i in await list_all(client, org)]


@pytest.mark.parametrize(
    ("bad", "loc", "named"),
    [
        (
            {"ref": "8.66", "status": "planned"},
            ["body", "changes", 2, "ref"],
            "changes[2] (ref 8.66)",
        ),
        (
            {"ref": "8.6.3", "owner_id": "stranger"},
            ["body", "changes", 2, "owner_id"],
            "changes[2] (ref 8.6.3)",
        ),
        (
            {"ref": "8.6.3", "not_occurring": True},
            ["body", "changes", 2, "not_occurring_justification"],
            "changes[2] (ref 8.6.3)",
        ),
        (
            {"ref": "8.6.3", "status": "done"},
            ["body", "changes", 2, "status"],
            "changes[2] (ref 8.6.3)",
        ),
        (
            {"ref": "8.6.3", "status": "not_applicable"},
            ["body", "changes", 2, "status"],
            "allows no exclusions",
        ),
        (
            {"ref": "8.6.1", "status": "planned"},
            ["body", "changes", 2, "ref"],
            "Duplicate of changes[0]",
        ),
        (
            {"ref": "8.6", "status": "planned"},
            ["body", "changes", 2, "ref"],
            "No assessable requirement 8.6",
        ),
    ],
)
async def test_bulk_is_all_or_nothing_and_names_the_bad_row(
    client: httpx.AsyncClient, bad: dict[str, Any], loc: list[Any], named: str
) -> None:
    org = await first_run(client)
    if bad.get("owner_id") == "stranger":
        bad = bad | {"owner_id": (await second_org(client, org)).admin.user_id}
    before = await _snapshot(client, org)
    changes = [
        {"ref": "8.6.1", "status": "implemented"},
        {"ref": "8.6.2", "status": "planned"},
        bad,
    ]
    r = await client.post(
        requirements_url(org, "bulk"), json={"changes": changes}, headers=org.admin.headers
    )
    assert r.status_code == 422, r.text
    assert r.headers["content-type"] == PROBLEM
    errors = r.json()["errors"]
    assert errors[0]["loc"] == loc
    assert named in errors[0]["msg"]
    assert await _snapshot(client, org) == before
    activity = await client.get(
        f"/api/v1/orgs/{org.slug}/activity",
        params={"object_type": "requirement"},
        headers=org.admin.headers,
    )
    assert activity.json()["total"] == 0


async def test_bulk_with_a_stale_row_version_is_412(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    assert (await patch_requirement(client, org, "8.6.2", {"status": "planned"})).status_code == 200
    changes = [
        {"ref": "8.6.1", "status": "implemented", "version": 1},
        {"ref": "8.6.2", "status": "implemented", "version": 1},
    ]
    r = await client.post(
        requirements_url(org, "bulk"), json={"changes": changes}, headers=org.admin.headers
    )
    assert r.status_code == 412
    assert r.json()["errors"][0]["loc"] == ["body", "changes", 1, "version"]
    assert (await read_requirement(client, org, "8.6.1")).json()["status"] == "not_started"


@pytest.mark.parametrize("size", [0, 501])
async def test_bulk_needs_1_to_500_rows(client: httpx.AsyncClient, size: int) -> None:
    org = await first_run(client)
    changes = [{"ref": "4.1", "status": "planned"}] * size
    r = await client.post(
        requirements_url(org, "bulk"), json={"changes": changes}, headers=org.admin.headers
    )
    assert r.status_code == 422
    assert r.json()["errors"][0]["loc"] == ["body", "changes"]


async def test_summary_counts_by_status_per_clause(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    changes = [
        {"ref": "8.6.1", "status": "implemented"},
        {"ref": "8.6.2", "status": "implemented"},
        {"ref": "8.6.3", "status": "in_progress"},
        {"ref": "4.1", "status": "planned"},
        {
            "ref": "8.3.4.2",
            "status": "implemented",
            "not_occurring": True,
            "not_occurring_justification": "No internal suppliers in scope.",
        },
    ]
    r = await client.post(
        requirements_url(org, "bulk"), json={"changes": changes}, headers=org.admin.headers
    )
    assert r.status_code == 200, r.text
    r = await client.get(requirements_url(org, "summary"), headers=org.admin.headers)
    assert r.status_code == 200
    body = r.json()
    assert body["overall"] == {
        "total": 57,
        "not_started": 52,
        "planned": 1,
        "in_progress": 1,
        "implemented": 3,
        "not_occurring": 1,
    }
    clauses = {c["ref"]: c for c in body["clauses"]}
    assert list(clauses) == ["4", "5", "6", "7", "8", "9", "10"]
    assert clauses["8"]["title"] == "Operation of the service management system"
    assert clauses["8"]["total"] == 30
    assert clauses["8"]["implemented"] == 3 and clauses["8"]["not_occurring"] == 1
    assert clauses["4"] | {"title": ""} == {
        "ref": "4",
        "title": "",
        "total": 4,
        "not_started": 3,
        "planned": 1,
        "in_progress": 0,
        "implemented": 0,
        "not_occurring": 0,
    }
    assert sum(c["total"] for c in clauses.values()) == 57


async def test_list_and_summary_use_a_constant_number_of_queries(
    client: httpx.AsyncClient, database: Database, count_queries: QueryCounter
) -> None:
    org = await first_run(client)

    async def cost(path: str, **params: Any) -> int:
        count_queries.count = 0
        r = await client.get(path, params=params, headers=org.admin.headers)
        assert r.status_code == 200, r.text
        return count_queries.count

    small_list = await cost(requirements_url(org), limit=500)
    small_summary = await cost(requirements_url(org, "summary"))
    code = await insert_generated_framework(database, org.id, 1000)
    try:
        big_list = await cost(requirements_url(org), framework=code, limit=500)
        big_summary = await cost(requirements_url(org, "summary"), framework=code)
        r = await client.get(
            requirements_url(org, "summary"), params={"framework": code}, headers=org.admin.headers
        )
        assert r.json()["overall"]["total"] == 1000
        assert r.json()["overall"]["implemented"] == 250
    finally:
        await drop_framework(database, code)
    assert big_list == small_list <= 6
    assert big_summary == small_summary <= 5
