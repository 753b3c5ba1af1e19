"""OSCAL exports (issue 16): catalog, assessment results and POA&M, validated against NIST's
JSON schema (tests/exports/oscal_validator.py: jsonschema + ECMA-262 patterns via regress).

The validator is shown to work on the shared samples (known valid) and to reject broken
documents; every export of a seeded organisation is validated, on SQLite and PostgreSQL.
"""

from __future__ import annotations

import copy
import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from certready.requirements.catalogue.loader import DEFAULT_FRAMEWORK, load_catalogues

from tests.conftest import QueryCounter
from tests.exports.oscal_validator import SCHEMA_VERSION, assert_valid, errors
from tests.factories.audits import assess, create_audit, transition
from tests.factories.auth import OrgFixture, add_member, first_run, second_org
from tests.factories.corrective_measures import add_action, open_measure
from tests.factories.evidence import bearer, create_statement, create_token
from tests.factories.findings import raise_finding

# copies of shared/samples (known valid: trestle 5.2.0 accepted them)
SAMPLES = Path(__file__).parent / "samples"
TODAY = date.today()
DAY = TODAY.strftime("%Y%m%d")
HOSTILE = '<b>Unclosed & =HYPERLINK("x") \u00fc\u00df \u20ac'


def catalog_url(slug: str) -> str:
    return f"/api/v1/orgs/{slug}/exports/oscal/catalog.json"


def results_url(slug: str, audit_id: str) -> str:
    return f"/api/v1/orgs/{slug}/exports/audits/{audit_id}/oscal/assessment-results.json"


def poam_url(slug: str) -> str:
    return f"/api/v1/orgs/{slug}/exports/oscal/poam.json"


def _catalogue() -> Any:
    (catalogue,) = [c for c in load_catalogues() if c.framework.code == DEFAULT_FRAMEWORK]
    return catalogue


async def _download(
    client: httpx.AsyncClient, url: str, headers: dict[str, str], filename: str
) -> tuple[httpx.Response, dict[str, Any]]:
    r = await client.get(url, headers=headers)
    assert r.status_code == 200, r.text
    assert r.headers["content-type"] == "application/json"
    assert r.headers["content-disposition"] == f'attachment; filename="{filename}"'
    document = r.json()
    assert_valid(document)
    (model,) = document.values()
    assert model["metadata"]["oscal-version"] == SCHEMA_VERSION
    return r, document


# --- the validator ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["oscal_assessment_results_iso20000.json", "oscal_poam_iso20000.json"]
)
def test_the_validator_accepts_the_shared_samples(name: str) -> None:
    document = json.loads((SAMPLES / name).read_text("utf-8"))
    assert errors(document) == []


BREAKAGES = [
    # (what, change, the error names)
    (
        "a version 1 UUID",
        lambda d: d["assessment-results"].update(uuid="5f0020c8-dbd6-11ce-a349-eca1a854669e"),
        "uuid",
    ),
    (
        "a control id starting with a digit (a token: \\p{L} pattern)",
        lambda d: d["assessment-results"]["results"][0]["reviewed-controls"]["control-selections"][
            0
        ]["include-controls"][0].update({"control-id": "8.6.1"}),
        "control-id",
    ),
    (
        "a date-time without a timezone",
        lambda d: d["assessment-results"]["metadata"].update(
            {"last-modified": "2025-11-25T10:00:00"}
        ),
        "last-modified",
    ),
    (
        "a required property missing",
        lambda d: d["assessment-results"]["results"][0].pop("reviewed-controls"),
        "reviewed-controls",
    ),
    (
        "an empty array",
        lambda d: d["assessment-results"]["results"][0].update(findings=[]),
        "findings",
    ),
    ("an unknown property", lambda d: d["assessment-results"].update(extra=1), "extra"),
    (
        "a state outside the enumeration",
        lambda d: d["assessment-results"]["results"][0]["findings"][0]["target"]["status"].update(
            state="failed"
        ),
        "state",
    ),
]


@pytest.mark.parametrize(("what", "change", "named"), BREAKAGES, ids=[b[0] for b in BREAKAGES])
def test_the_validator_rejects_a_broken_document(what: str, change: Any, named: str) -> None:
    document = json.loads((SAMPLES / "oscal_assessment_results_iso20000.json").read_text())
    broken = copy.deepcopy(document)
    change(broken)
    found = errors(broken)
    assert found, what
    assert any(named in problem for problem in found), found
    assert errors({"catalog": {}}) and errors({"not-a-model": {}})


# --- catalog ---------------------------------------------------------------------------------


async def test_the_catalog_has_a_control_per_leaf_with_our_guidance_only(
    client: httpx.AsyncClient,
) -> None:
    org = await first_run(client)
    name = f"certready-{org.slug}-oscal-catalog-{DAY}.json"
    r, document = await _download(client, catalog_url(org.slug), org.admin.headers, name)
    catalog = document["catalog"]
    catalogue = _catalogue()
    leaves = [n for n in catalogue.requirements if n.assessable]
    assert len(leaves) == 57
    top = [n.ref for n in catalogue.requirements if n.depth == 1]
    assert [g["id"] for g in catalog["groups"]] == [f"iso20000-1_{ref}" for ref in top]
    controls = [c for g in catalog["groups"] for c in g.get("controls", [])]
    assert [c["id"] for c in controls] == [f"iso20000-1_{n.ref}" for n in leaves]
    ours = {n.ref: n for n in catalogue.requirements}
    for control in controls:
        ref = control["id"].removeprefix("iso20000-1_")
        assert control["title"] == ours[ref].title
        assert {"name": "label", "value": ref} in control["props"]
        parts = {p["name"]: p for p in control["parts"]}
        assert set(parts) == {"guidance", "assessment-objective"}
        assert parts["guidance"]["prose"] == ours[ref].guidance  # our words, nothing else
        assert parts["assessment-objective"]["id"] == f"iso20000-1_{ref}_obj"
    by_id = {c["id"]: c for c in controls}
    supplier = by_id["iso20000-1_8.3.4.1"]["props"]
    assert {
        "name": "parent-clause-title",
        "ns": "urn:certready:oscal",
        "value": "Supplier management",
    } in supplier
    metadata = catalog["metadata"]
    assert metadata["version"] == catalogue.framework.catalogue_version
    assert metadata["parties"][0]["name"] == "Acme IT"
    assert "+00:00" in metadata["last-modified"]
    # the same data, the same bytes (stable UUIDs, no clock in the document)
    again = await client.get(catalog_url(org.slug), headers=org.admin.headers)
    assert again.content == r.content
    # the catalogue is the same for every organisation except who it was prepared for
    globex = await second_org(client, org)
    theirs = (await client.get(catalog_url(globex.slug), headers=globex.admin.headers)).json()
    assert theirs["catalog"]["uuid"] == catalog["uuid"]
    assert theirs["catalog"]["groups"] == catalog["groups"]
    assert theirs["catalog"]["metadata"]["parties"] != metadata["parties"]
    entries = (
        await client.get(
            f"/api/v1/orgs/{org.slug}/activity",
            params={"action": "export.generated"},
            headers=org.admin.headers,
        )
    ).json()["items"]
    assert len(entries) == 2
    assert entries[0]["object_id"] == "oscal-catalog"
    assert entries[0]["after"] == {
        "file": name,
        "data_sha256": r.headers["x-data-sha256"],
        "oscal_version": SCHEMA_VERSION,
    }


# --- assessment results ----------------------------------------------------------------------


async def _seed_audit(client: httpx.AsyncClient, org: OrgFixture) -> dict[str, Any]:
    """An internal audit in reporting: two assessed lines, one not, four grades of finding."""
    auditor = await add_member(client, org, "auditor")
    item = await create_statement(client, org, title="Change log sample", kind="record")
    audit = await create_audit(
        client,
        org,
        scope=["8.5.1.2", "4.1", "4.2"],
        lead=org.admin.user_id,
        team=[auditor.user_id],
        title="Change management audit",
        external_auditors=["Carl Certifier"],
    )
    assert (await transition(client, org, audit["id"], "in_progress")).status_code == 200
    r = await assess(
        client,
        org,
        audit["id"],
        "8.5.1.2",
        auditor.headers,
        "nonconforming",
        notes="Two of ten sampled changes had no approval.",
        evidence=[{"evidence_item_id": item["id"]}],
    )
    assert r.status_code == 200, r.text
    line = r.json()
    r = await assess(client, org, audit["id"], "4.1", auditor.headers, "conforming", notes="OK.")
    assert r.status_code == 200, r.text
    findings = [
        await raise_finding(
            client,
            org,
            audit_id=audit["id"],
            checklist_line_id=line["id"],
            grade="major_nc",
            statement=f"Approvals missing {HOSTILE}",
            evidence=[{"evidence_item_id": item["id"]}],
        ),
        await raise_finding(client, org, audit_id=audit["id"], grade="minor_nc"),
        await raise_finding(
            client,
            org,
            audit_id=audit["id"],
            grade="observation",
            statement="Noted.",
            requirement_ref="4.1",
        ),
        await raise_finding(client, org, audit_id=audit["id"], grade="ofi", statement="Idea."),
    ]
    return {"audit": audit, "findings": findings, "item": item, "auditor": auditor}


async def test_assessment_results_carry_the_lines_and_every_finding(
    client: httpx.AsyncClient,
) -> None:
    org = await first_run(client)
    seeded = await _seed_audit(client, org)
    audit = seeded["audit"]
    name = f"certready-{org.slug}-{audit['key']}-oscal-assessment-results-{DAY}.json"
    url = results_url(org.slug, audit["id"])
    r, document = await _download(client, url, org.admin.headers, name)
    ar = document["assessment-results"]
    (result,) = ar["results"]
    assert result["title"] == f"{audit['key']} Change management audit"
    reviewed = result["reviewed-controls"]["control-selections"][0]["include-controls"]
    assert [c["control-id"] for c in reviewed] == [
        "iso20000-1_4.1",
        "iso20000-1_4.2",
        "iso20000-1_8.5.1.2",
    ]
    observations = {o["uuid"]: o for o in result["observations"]}
    assert len(observations) == 2  # 4.2 is not assessed yet: reviewed, nothing observed
    by_clause = {
        next(p["value"] for p in o["props"] if p["name"] == "clause"): o
        for o in observations.values()
    }
    nc_line = by_clause["8.5.1.2"]
    assert nc_line["description"] == "Two of ten sampled changes had no approval."
    assert {
        "name": "checklist-result",
        "ns": "urn:certready:oscal",
        "value": "nonconforming",
    } in nc_line["props"]
    assert nc_line["relevant-evidence"][0]["props"][0]["value"] == seeded["item"]["key"]
    assert nc_line["methods"] == ["EXAMINE"]
    findings = {
        next(p["value"] for p in f["props"] if p["name"] == "key"): f for f in result["findings"]
    }
    assert set(findings) == {f["key"] for f in seeded["findings"]}
    major, minor, observation, ofi = (findings[f["key"]] for f in seeded["findings"])
    assert major["description"] == f"Approvals missing {HOSTILE}"
    assert major["target"] == {
        "type": "objective-id",
        "target-id": "iso20000-1_8.5.1.2_obj",
        "status": {"state": "not-satisfied"},
    }
    assert major["related-observations"] == [{"observation-uuid": nc_line["uuid"]}]
    assert minor["target"]["status"]["state"] == "not-satisfied"
    assert observation["target"]["status"]["state"] == "satisfied"
    assert observation["related-observations"][0]["observation-uuid"] == by_clause["4.1"]["uuid"]
    assert ofi["target"]["target-id"] == "iso20000-1_sms_obj"  # no clause given
    # every target is an objective of our catalog
    catalog = (await client.get(catalog_url(org.slug), headers=org.admin.headers)).json()
    objectives = {
        p["id"]
        for g in catalog["catalog"]["groups"]
        for c in g.get("controls", [])
        for p in c["parts"]
    }
    for finding in (major, minor, observation):
        assert finding["target"]["target-id"] in objectives
    names = {p["name"] for p in ar["metadata"]["parties"]}
    assert {"Acme IT", "Ada Admin", "Carl Certifier"} <= names
    # the same data, the same document; a new finding, a new version
    again = await client.get(url, headers=org.admin.headers)
    assert again.content == r.content
    await raise_finding(client, org, audit_id=audit["id"], grade="ofi", statement="Another.")
    changed = (await client.get(url, headers=org.admin.headers)).json()
    assert_valid(changed)
    assert changed["assessment-results"]["uuid"] == ar["uuid"]
    assert changed["assessment-results"]["metadata"]["version"] != ar["metadata"]["version"]


async def test_a_planned_audit_lists_its_scope_as_reviewed_controls(
    client: httpx.AsyncClient,
) -> None:
    org = await first_run(client)
    audit = await create_audit(client, org, scope=["8.5.1"], lead=org.admin.user_id)
    name = f"certready-{org.slug}-{audit['key']}-oscal-assessment-results-{DAY}.json"
    _, document = await _download(
        client, results_url(org.slug, audit["id"]), org.admin.headers, name
    )
    (result,) = document["assessment-results"]["results"]
    reviewed = result["reviewed-controls"]["control-selections"][0]["include-controls"]
    assert [c["control-id"] for c in reviewed] == [
        "iso20000-1_8.5.1.1",
        "iso20000-1_8.5.1.2",
        "iso20000-1_8.5.1.3",
    ]
    assert "observations" not in result and "findings" not in result


# --- POA&M -----------------------------------------------------------------------------------


async def test_the_poam_has_an_item_per_measure_with_its_findings_and_milestones(
    client: httpx.AsyncClient,
) -> None:
    org = await first_run(client)
    r = await client.get(poam_url(org.slug), headers=org.admin.headers)
    assert r.status_code == 409 and r.headers["content-type"] == "application/problem+json"
    seeded = await _seed_audit(client, org)
    major, minor = seeded["findings"][:2]
    due = TODAY + timedelta(days=30)
    measure = await open_measure(
        client,
        org,
        finding_ids=[major["id"], minor["id"]],
        due_date=due.isoformat(),
        owner_id=org.admin.user_id,
    )
    await add_action(client, org, measure["id"], due_date=(TODAY + timedelta(days=10)).isoformat())
    await add_action(client, org, measure["id"], description="Retrain the change board")
    other = await open_measure(client, org, title="Second measure")
    name = f"certready-{org.slug}-oscal-poam-{DAY}.json"
    r, document = await _download(client, poam_url(org.slug), org.admin.headers, name)
    poam = document["plan-of-action-and-milestones"]
    items = {
        next(p["value"] for p in i["props"] if p["name"] == "key"): i for i in poam["poam-items"]
    }
    assert set(items) == {measure["key"], other["key"]}
    item = items[measure["key"]]
    results = (
        await client.get(results_url(org.slug, seeded["audit"]["id"]), headers=org.admin.headers)
    ).json()
    ar_findings = {f["uuid"] for f in results["assessment-results"]["results"][0]["findings"]}
    related = [f["finding-uuid"] for f in item["related-findings"]]
    assert len(related) == 2 and set(related) <= ar_findings  # the same UUIDs in both
    assert {f["uuid"] for f in poam["findings"]} == set(related)
    risks = {risk["uuid"]: risk for risk in poam["risks"]}
    risk = risks[item["related-risks"][0]["risk-uuid"]]
    assert risk["status"] == "open"
    assert risk["deadline"] == f"{due.isoformat()}T00:00:00+00:00"
    (remediation,) = risk["remediations"]
    assert remediation["lifecycle"] == "planned"
    milestone, action = remediation["tasks"]
    assert milestone["type"] == "milestone" and "timing" in milestone
    assert action["type"] == "action" and "Retrain the change board" in action["description"]
    assert {"name": "owner", "ns": "urn:certready:oscal", "value": "Ada Admin"} in item["props"]
    assert "related-findings" not in items[other["key"]]  # a measure without a finding
    again = await client.get(poam_url(org.slug), headers=org.admin.headers)
    assert again.content == r.content


# --- access and cost -------------------------------------------------------------------------


async def test_another_organisation_gets_404_and_a_bad_id_a_problem(
    client: httpx.AsyncClient,
) -> None:
    acme = await first_run(client)
    audit = await create_audit(client, acme, scope=["4.1"], lead=acme.admin.user_id)
    globex = await second_org(client, acme)
    for url in (
        catalog_url(acme.slug),
        poam_url(acme.slug),
        results_url(acme.slug, audit["id"]),
        results_url(globex.slug, audit["id"]),  # their own slug, our audit
    ):
        r = await client.get(url, headers=globex.admin.headers)
        assert r.status_code == 404, url
        assert r.headers["content-type"] == "application/problem+json"
    r = await client.get(results_url(acme.slug, "not-a-uuid"), headers=acme.admin.headers)
    assert r.status_code == 422 and r.headers["content-type"] == "application/problem+json"


@pytest.mark.parametrize(
    ("scopes", "status"), [(["read"], 200), (["evidence:read", "evidence:write"], 403)]
)
async def test_exports_read_is_needed(
    client: httpx.AsyncClient, scopes: list[str], status: int
) -> None:
    org = await first_run(client)
    viewer = await add_member(client, org, "viewer")
    audit = await create_audit(client, org, scope=["4.1"], lead=org.admin.user_id)
    r = await client.get(results_url(org.slug, audit["id"]), headers=viewer.headers)
    assert r.status_code == 200  # every role may read the exports
    token = await create_token(client, org, scopes)
    for url in (catalog_url(org.slug), results_url(org.slug, audit["id"])):
        r = await client.get(url, headers=bearer(token["secret"]))
        assert r.status_code == status, r.text


async def test_statement_count_does_not_grow_with_the_data(
    client: httpx.AsyncClient, count_queries: QueryCounter
) -> None:
    org = await first_run(client)
    seeded = await _seed_audit(client, org)
    audit = seeded["audit"]
    measure = await open_measure(client, org, finding_ids=[seeded["findings"][0]["id"]])
    await add_action(client, org, measure["id"])

    async def cost() -> list[int]:
        counts = []
        for url in (catalog_url(org.slug), results_url(org.slug, audit["id"]), poam_url(org.slug)):
            count_queries.count = 0
            r = await client.get(url, headers=org.admin.headers)
            assert r.status_code == 200, r.text
            counts.append(count_queries.count)
        return counts

    small = await cost()
    for n in range(3):
        finding = await raise_finding(
            client, org, audit_id=audit["id"], grade="minor_nc", statement=f"More {n}"
        )
        more = await open_measure(client, org, title=f"Measure {n}", finding_ids=[finding["id"]])
        await add_action(client, org, more["id"])
        await add_action(client, org, measure["id"], description=f"Step {n}")
    assert await cost() == small
