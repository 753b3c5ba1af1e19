"""The CISO Assistant library export (issue 16): the YAML parses (PyYAML), has the catalogue's
57 assessable leaves and the structure of CISO Assistant's libraries (the shared skeleton)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import httpx
import pytest
import yaml
from certready.requirements.catalogue.loader import DEFAULT_FRAMEWORK, load_catalogues

from tests.factories.auth import first_run, second_org
from tests.factories.evidence import bearer, create_token

SKELETON = Path(__file__).parent / "samples" / "ciso_assistant_library_iso20000_skeleton.yaml"
DAY = date.today().strftime("%Y%m%d")
# the optional node keys seen across CISO Assistant's shipped libraries (skeleton .md)
NODE_KEYS = {
    "urn",
    "assessable",
    "depth",
    "parent_urn",
    "ref_id",
    "name",
    "description",
    "annotation",
    "typical_evidence",
    "questions",
    "reference_controls",
    "threats",
    "implementation_groups",
    "weight",
    "translations",
}


def url(slug: str) -> str:
    return f"/api/v1/orgs/{slug}/exports/ciso-assistant/iso20000-1.yaml"


async def test_the_library_has_the_57_leaves_in_ciso_assistants_layout(
    client: httpx.AsyncClient,
) -> None:
    org = await first_run(client)
    r = await client.get(url(org.slug), headers=org.admin.headers)
    assert r.status_code == 200, r.text
    assert r.headers["content-type"] == "application/yaml"
    name = f"certready-{org.slug}-ciso-assistant-iso20000-1-{DAY}.yaml"
    assert r.headers["content-disposition"] == f'attachment; filename="{name}"'
    library = yaml.safe_load(r.content)
    skeleton = yaml.safe_load(SKELETON.read_text("utf-8"))
    assert list(library) == list(skeleton)  # the same header keys, in the same order
    assert isinstance(library["version"], int)
    assert library["ref_id"] == "ISO/IEC 20000-1:2018"
    assert library["urn"].startswith("urn:certready:risk:library:")
    framework = library["objects"]["framework"]
    assert set(framework) == set(skeleton["objects"]["framework"])
    nodes = framework["requirement_nodes"]
    (catalogue,) = [c for c in load_catalogues() if c.framework.code == DEFAULT_FRAMEWORK]
    leaves = [n for n in nodes if n["assessable"]]
    assert len(leaves) == sum(n.assessable for n in catalogue.requirements) == 57
    assert len(nodes) == len(catalogue.requirements)
    ours = {n.ref: n for n in catalogue.requirements}
    seen: dict[str, dict[str, object]] = {}
    for node in nodes:
        assert set(node) <= NODE_KEYS, node
        assert isinstance(node["ref_id"], str)  # '4' stays a string, not a number
        assert node["urn"] == f"urn:certready:risk:req_node:iso20000-1-2018:{node['ref_id']}"
        data = ours[node["ref_id"]]
        assert node["name"] == data.title and node["depth"] == data.depth
        assert node["assessable"] is data.assessable
        if node["depth"] == 1:
            assert "parent_urn" not in node
        else:  # the parent came first, one level up
            parent = seen[node["parent_urn"]]
            assert parent["depth"] == node["depth"] - 1 and parent["assessable"] is False
        if data.assessable:
            assert node["description"] == data.guidance  # our guidance, nothing else
        seen[node["urn"]] = node
    by_ref = {n["ref_id"]: n for n in nodes}
    assert "D1 Scope of the SMS" in by_ref["4.3"]["typical_evidence"]
    # the same file for every organisation (deployment-wide catalogue data)
    globex = await second_org(client, org)
    theirs = await client.get(url(globex.slug), headers=globex.admin.headers)
    assert theirs.content == r.content
    assert theirs.headers["x-data-sha256"] == r.headers["x-data-sha256"]
    entries = (
        await client.get(
            f"/api/v1/orgs/{org.slug}/activity",
            params={"action": "export.generated"},
            headers=org.admin.headers,
        )
    ).json()["items"]
    assert entries[0]["object_id"] == "ciso-assistant-library"
    assert entries[0]["after"] == {"file": name, "data_sha256": r.headers["x-data-sha256"]}


@pytest.mark.parametrize(
    ("scopes", "status"), [(["read"], 200), (["evidence:read", "evidence:write"], 403)]
)
async def test_exports_read_is_needed_and_other_organisations_get_404(
    client: httpx.AsyncClient, scopes: list[str], status: int
) -> None:
    org = await first_run(client)
    token = await create_token(client, org, scopes)
    r = await client.get(url(org.slug), headers=bearer(token["secret"]))
    assert r.status_code == status, r.text
    globex = await second_org(client, org)
    r = await client.get(url(org.slug), headers=globex.admin.headers)
    assert r.status_code == 404 and r.headers["content-type"] == "application/problem+json"
