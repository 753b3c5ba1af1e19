"""The ISO/IEC 20000-1:2018 catalogue as data: content, validation, loading (iso20000.md 1-2)."""

from __future__ import annotations

import copy
import json
from collections import Counter
from typing import Any

import httpx
import pytest
from certready.requirements.catalogue.loader import (
    CATALOGUE_DIR,
    DEFAULT_FRAMEWORK,
    CatalogueError,
    load_catalogues,
    parse_catalogue,
    sort_key,
)

from tests.factories.auth import first_run

ISO_FILE = CATALOGUE_DIR / "iso20000-1-2018.json"

# A sample of iso20000.md section 1.1 (loader-friendly form), checked word for word.
TITLES = {
    "4": "Context of the organization",
    "4.3": "Determining the scope of the SMS",
    "6": "Planning",
    "6.2.1": "Establish objectives",
    "7.5.4": "SMS documented information",
    "8.2.2": "Plan the services",
    "8.3.4.2": "Management of internal suppliers and customers acting as a supplier",
    "8.5.1.3": "Change management activities",
    "8.7.3.3": "Information security incidents",
    "9.2": "Internal audit",
    "10.2": "Continual improvement",
}


def _raw() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(ISO_FILE.read_text("utf-8"))
    return data


def test_catalogue_has_77_nodes_and_57_assessable_leaves() -> None:
    (catalogue,) = [c for c in load_catalogues() if c.framework.code == DEFAULT_FRAMEWORK]
    nodes = {n.ref: n for n in catalogue.requirements}
    assert len(nodes) == 77
    assert sum(n.assessable for n in nodes.values()) == 57
    assert Counter(n.depth for n in nodes.values()) == {1: 7, 2: 29, 3: 30, 4: 11}
    assert [n.ref for n in nodes.values() if n.depth == 1] == ["4", "5", "6", "7", "8", "9", "10"]
    for ref, title in TITLES.items():
        assert nodes[ref].title == title
    assert nodes["8.3.4.2"].parent_ref == "8.3.4"
    assert not nodes["8.3.4"].assessable and nodes["8.3.4.1"].assessable
    # 9.2 and 9.3 have no sub-clauses in the 2018 edition (iso20000.md 1.2 item 6)
    assert nodes["9.2"].assessable and nodes["9.3"].assessable
    assert catalogue.framework.allows_exclusions is False


def test_every_leaf_has_our_own_short_guidance() -> None:
    (catalogue,) = [c for c in load_catalogues() if c.framework.code == DEFAULT_FRAMEWORK]
    for node in catalogue.requirements:
        if node.assessable:
            sentences = node.guidance.count(". ") + 1
            assert 40 <= len(node.guidance) <= 600, node.ref
            assert sentences <= 3, node.ref
            assert "shall" not in node.guidance.lower(), node.ref  # never the standard's wording


def test_documented_information_d1_d17_and_r1_r20() -> None:
    (catalogue,) = [c for c in load_catalogues() if c.framework.code == DEFAULT_FRAMEWORK]
    items = {i.key: i for i in catalogue.documented_information}
    documents = [k for k, i in items.items() if i.kind == "document"]
    records = [k for k, i in items.items() if i.kind == "record"]
    assert documents == [f"D{n}" for n in range(1, 18)]
    assert records == [f"R{n}" for n in range(1, 21)]
    assert all(items[f"D{n}"].mandatory for n in range(1, 15))
    assert not any(items[f"D{n}"].mandatory for n in (15, 16, 17))
    assert all(items[k].mandatory for k in records)
    assert items["D6"].clause_refs == ["8.5.1.1", "7.5.4"]
    assert items["R9"].clause_refs == ["8.6.3"]


def test_sort_key_is_numeric_aware() -> None:
    refs = ["10.1", "8.10", "8.9", "8", "9.4", "8.9.1", "D10", "D9"]
    assert sorted(refs, key=sort_key) == ["8", "8.9", "8.9.1", "8.10", "9.4", "10.1", "D9", "D10"]


def _broken(change: str) -> dict[str, Any]:
    data = copy.deepcopy(_raw())
    reqs = data["requirements"]
    by_ref = {r["ref"]: r for r in reqs}
    if change == "duplicate-ref":
        reqs.append(dict(by_ref["4.1"]))
    elif change == "missing-parent":
        by_ref["8.6.1"]["parent_ref"] = "8.66"
    elif change == "wrong-depth":
        by_ref["8.5.1.2"]["depth"] = 3
    elif change == "grouping-node-assessable":
        by_ref["8.5"]["assessable"] = True
    elif change == "leaf-not-assessable":
        by_ref["8.6.2"]["assessable"] = False
    elif change == "leaf-without-guidance":
        by_ref["9.4"]["guidance"] = " "
    elif change == "ref-outside-parent":
        by_ref["8.6.3"]["parent_ref"] = "8.7"
    elif change == "unknown-clause-ref":
        data["documented_information"][0]["clause_refs"] = ["4.9"]
    elif change == "duplicate-key":
        data["documented_information"].append(dict(data["documented_information"][0]))
    elif change == "unknown-field":
        by_ref["4.1"]["applicable"] = False
    return data


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ("duplicate-ref", "duplicate ref 4.1"),
        ("missing-parent", "8.6.1: parent 8.66 does not exist"),
        ("wrong-depth", "8.5.1.2: depth 3 must be parent depth + 1 (4)"),
        ("grouping-node-assessable", "8.5: is a grouping node, so assessable must be false"),
        ("leaf-not-assessable", "8.6.2: is a leaf, so assessable must be true"),
        ("leaf-without-guidance", "9.4: an assessable requirement needs guidance"),
        ("ref-outside-parent", "8.6.3: ref must start with its parent ref 8.7."),
        ("unknown-clause-ref", "D1: clause ref 4.9 does not exist"),
        ("duplicate-key", "duplicate documented-information key D1"),
        ("unknown-field", "Extra inputs are not permitted"),
    ],
)
def test_loader_refuses_a_broken_catalogue(change: str, message: str) -> None:
    with pytest.raises(CatalogueError) as caught:
        parse_catalogue(_broken(change), "broken.json")
    assert any(message in p for p in caught.value.problems), caught.value.problems


def test_the_shipped_file_parses_cleanly() -> None:
    assert parse_catalogue(_raw()).framework.code == DEFAULT_FRAMEWORK


async def test_migration_loaded_the_catalogue(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    r = await client.get("/api/v1/frameworks", headers=org.admin.headers)
    assert r.status_code == 200
    iso = next(f for f in r.json()["items"] if f["code"] == DEFAULT_FRAMEWORK)
    assert iso["allows_exclusions"] is False
    assert iso["publisher"] == "ISO/IEC"
    assert iso["version"] == "2018"

    flat = await client.get(
        f"/api/v1/frameworks/{DEFAULT_FRAMEWORK}/requirements", headers=org.admin.headers
    )
    assert flat.status_code == 200
    items = flat.json()["items"]
    assert flat.json()["total"] == len(items) == 77
    assert [i["ref"] for i in items][-3:] == ["10", "10.1", "10.2"]  # numeric order, not text
    by_ref = {i["ref"]: i for i in items}
    assert by_ref["8.6.1"]["guidance"]
    # what clause 6.2 asks for is asked of its sub-clauses too
    assert by_ref["6.2.1"]["documented_information_keys"] == ["D3", "R20"]
    assert by_ref["8.6.3"]["documented_information_keys"] == ["R8", "R9"]
    assert "D1" in by_ref["7.5.4"]["documented_information_keys"]


async def test_tree_view_nests_children_in_clause_order(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    r = await client.get(
        f"/api/v1/frameworks/{DEFAULT_FRAMEWORK}/requirements",
        params={"view": "tree"},
        headers=org.admin.headers,
    )
    assert r.status_code == 200
    roots = r.json()["items"]
    assert [n["ref"] for n in roots] == ["4", "5", "6", "7", "8", "9", "10"]
    eight = roots[4]
    assert [c["ref"] for c in eight["children"]] == [f"8.{i}" for i in range(1, 8)]
    supplier = eight["children"][2]["children"][3]
    assert supplier["ref"] == "8.3.4"
    assert [c["ref"] for c in supplier["children"]] == ["8.3.4.1", "8.3.4.2"]

    def count(nodes: list[dict[str, Any]]) -> int:
        return sum(1 + count(n["children"]) for n in nodes)

    assert count(roots) == 77


async def test_documented_information_endpoint(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    r = await client.get(
        f"/api/v1/frameworks/{DEFAULT_FRAMEWORK}/documented-information", headers=org.admin.headers
    )
    assert r.status_code == 200
    body = r.json()
    assert body["total"] == 37
    keys = [i["key"] for i in body["items"]]
    assert keys[:3] == ["D1", "D2", "D3"] and keys[16:18] == ["D17", "R1"] and keys[-1] == "R20"


async def test_catalogue_needs_credentials_and_unknown_framework_is_404(
    client: httpx.AsyncClient,
) -> None:
    org = await first_run(client)
    assert (await client.get("/api/v1/frameworks")).status_code == 401
    r = await client.get("/api/v1/frameworks/iso27001:2022/requirements", headers=org.admin.headers)
    assert r.status_code == 404
    assert r.headers["content-type"] == "application/problem+json"
