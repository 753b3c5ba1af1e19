"""Every implemented rule against real rows, on SQLite and PostgreSQL.

test_rules.py checks each rule over hand-built ``Facts``; here the same rules run over the
SQL aggregates of ``readiness.repository`` (and the management-review provider). Each
test seeds one organisation so that the rules of one family FAIL naming the failing
objects (type + key), then changes the data so that they PASS, reading the result through
``GET /api/v1/orgs/{org}/readiness/rules/{id}`` (uncapped failing list) or the full report.

Rows are created through the API where that is cheap (organisation, members, objectives,
training, management reviews, requirement bulk updates, programmes) and inserted directly
where a workflow would take many calls (approved evidence, audits with checklists,
findings, corrective measures): see ``tests.factories.readiness.Seed``.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from certready.audits.models import Audit, AuditChecklistLine
from certready.core.clock import add_months, today
from certready.corrective_measures.models import CorrectiveMeasure
from certready.db.session import Database
from certready.evidence.models import Evidence, EvidenceDocument
from certready.findings.models import Finding
from certready.management_reviews.models import ManagementReview, ManagementReviewInput
from certready.objectives.models import Objective
from certready.readiness.facts import REPORT_FAILING_LIMIT
from certready.readiness.rules import RULES
from certready.training.models import TrainingRecord
from sqlalchemy import select, update

from tests.factories.audits import create_programme, programmes_url, set_owner
from tests.factories.auth import OrgFixture, add_member, first_run
from tests.factories.management_reviews import (
    approved_evidence,
    create_review,
    move_review,
    patch_review,
    resolve_all_inputs,
    reviews_url,
    top_chair,
)
from tests.factories.objectives import create_objective, measure, objectives_url
from tests.factories.readiness import Seed, get_readiness, named, readiness_url, rule_result
from tests.factories.risks import approve_method, create_method, create_risk, risks_url
from tests.factories.training import add_person, add_record, create_course, require
from tests.scenarios.risks_setup import registers

pytestmark = pytest.mark.anyio

D = timedelta(days=1)
MANDATORY = [f"D{i}" for i in range(1, 15)]
# Every rule is covered by exactly one test below (checked by the last test).
COVERED: set[str] = set()


def covers(*rule_ids: str) -> Any:
    COVERED.update(rule_ids)
    return lambda fn: fn


async def check(
    client: httpx.AsyncClient, org: OrgFixture, expected: dict[str, list[tuple[str, str | None]]]
) -> dict[str, dict[str, Any]]:
    """Assert each rule's failing objects (type, key), in order; ``[]`` means passed.

    One full evaluation per call (``GET .../readiness``) keeps the file fast."""
    rules = {r["id"]: r for r in (await get_readiness(client, org))["rules"]}
    results = {}
    for rule_id, objects in expected.items():
        result = rules[rule_id]
        # the report lists at most REPORT_FAILING_LIMIT objects; failing_count has them all
        assert named(result) == objects[:REPORT_FAILING_LIMIT], (rule_id, result["failing"])
        assert result["passed"] is (not objects), rule_id
        assert result["failing_count"] == len(objects), rule_id
        results[rule_id] = result
    return results


async def setup(client: httpx.AsyncClient, database: Database) -> tuple[OrgFixture, Seed]:
    org = await first_run(client)
    return org, await Seed.load(database, org)


async def bulk(client: httpx.AsyncClient, org: OrgFixture, changes: list[dict[str, Any]]) -> None:
    r = await client.post(
        f"/api/v1/orgs/{org.slug}/requirements/bulk",
        json={"changes": changes},
        headers=org.admin.headers,
    )
    assert r.status_code == 200, r.text


def utc(day: Any) -> datetime:
    return datetime.combine(day, time(12), tzinfo=UTC)


# --- documented information (RDY-01, 04, 09, 11) -------------------------------------------


@covers("RDY-01", "RDY-04", "RDY-09", "RDY-11")
async def test_documented_information(client: httpx.AsyncClient, database: Database) -> None:
    org, seed = await setup(client, database)
    doc = "documented_information"
    results = await check(
        client,
        org,
        {
            "RDY-01": [(doc, "D1")],
            "RDY-04": [(doc, "D2"), ("requirement", "5.2.2")],
            "RDY-09": [(doc, "D4")],
            "RDY-11": [(doc, key) for key in MANDATORY],
        },
    )
    assert "has no evidence" in results["RDY-01"]["failing"][0]["message"]
    assert results["RDY-01"]["failing"][0]["route"] == "/orgs/acme/evidence?fulfils=D1"
    # the rule endpoint answers the same
    detail = await rule_result(client, org, "RDY-11")
    assert named(detail) == [(doc, key) for key in MANDATORY] and detail["passed"] is False

    # Items that do not fulfil D1: a draft, an expired and an archived approved scope.
    day = today()
    await seed.evidence("Scope of the SMS (draft v3)", "policy", ["4.3"], ["D1"], status="draft")
    await seed.evidence("Scope of the SMS v1", "policy", ["4.3"], ["D1"], valid_until=day - D)
    await seed.evidence("Scope of the SMS v2", "policy", ["4.3"], ["D1"], archived=True)
    # The policy itself, but only a document (not a record) on 5.2.2, and an expired record.
    await seed.evidence(
        "Service management policy", "policy", ["5.2.1", "5.2.2"], ["D2"], top_management=True
    )
    await seed.evidence("Policy communication 2023", "record", ["5.2.2"], valid_until=day - 10 * D)
    results = await check(
        client,
        org,
        {
            "RDY-01": [(doc, "D1")],
            "RDY-04": [("requirement", "5.2.2")],
            "RDY-11": [(doc, key) for key in MANDATORY if key != "D2"],
        },
    )
    assert "not approved or has expired" in results["RDY-01"]["failing"][0]["message"]

    # Fulfil every mandatory document (one approved item each) and record the communication.
    for key in MANDATORY:
        if key != "D2":
            kind = "procedure" if key in ("D6", "D9", "D10", "D11") else "plan"
            await seed.evidence(f"{key} approved", kind, docs=[key], valid_until=day)
    await seed.evidence("Policy communication: all-staff e-mail", "record", ["5.2.2"])
    await check(client, org, {"RDY-01": [], "RDY-04": [], "RDY-09": [], "RDY-11": []})

    # Document control (iso20000.md 6.6): approved items of D5 without an owner, of D6
    # without a file version; D7's only item reviewed yesterday: RDY-11 fails on each.
    d5, d6, d7 = await _only_item(database, seed, "D5", "D6", "D7")
    await seed.update(Evidence, d5, owner_id=None)
    await seed.update(Evidence, d6, current_version=0)
    await seed.update(Evidence, d7, valid_until=day - D)
    results = await check(client, org, {"RDY-11": [(doc, "D5"), (doc, "D6"), (doc, "D7")]})
    messages = [f["message"] for f in results["RDY-11"]["failing"]]
    assert "an owner and a review date" in messages[0] and "an owner" in messages[1]
    assert "not approved or has expired" in messages[2]


async def _only_item(database: Database, seed: Any, *keys: str) -> list[uuid.UUID]:
    """The one evidence item fulfilling each documented-information key."""
    ids = []
    async with database.transaction() as session:
        for key in keys:
            rows = await session.execute(
                select(EvidenceDocument.evidence_id).where(
                    EvidenceDocument.document_id == seed.documents[key],
                    EvidenceDocument.org_id == seed.org_id,
                )
            )
            (only,) = rows.scalars().all()
            ids.append(only)
    return ids


# --- per-requirement evidence (RDY-12, 19, 19-S1, 20) -------------------------------------


@covers("RDY-12", "RDY-19", "RDY-19-S1", "RDY-20")
async def test_requirement_evidence(client: httpx.AsyncClient, database: Database) -> None:
    org, seed = await setup(client, database)
    leaves = list(seed.leaves)
    clause8 = seed.under("8")
    assert len(leaves) == 57 and len(clause8) == 30
    req = "requirement"
    await check(
        client,
        org,
        {
            "RDY-12": [(req, ref) for ref in clause8],
            "RDY-19-S1": [(req, ref) for ref in leaves],
            "RDY-19": [(req, ref) for ref in leaves],
            "RDY-20": [(req, ref) for ref in [*clause8, "9.4"]],
        },
    )

    day = today()
    gaps = {"8.3.4.2", "8.7.2", "10.2"}
    # One approved SMS manual linked to every leaf but three.
    await seed.evidence("SMS manual", "procedure", [r for r in leaves if r not in gaps])
    # 8.7.2: only an operating record, no process description.
    await seed.evidence("Continuity test log", "ticket_export", ["8.7.2"], effective=day - 5 * D)
    # 8.3.4.2: no internal suppliers, flagged "not occurring" with an approved statement.
    await bulk(
        client,
        org,
        [
            {
                "ref": "8.3.4.2",
                "not_occurring": True,
                "not_occurring_justification": "No internal suppliers in the SMS scope.",
            }
        ],
    )
    await seed.evidence("Statement: no internal suppliers", "statement", ["8.3.4.2"])
    # 10.2: a draft and an expired procedure only.
    draft, _ = await seed.evidence(
        "Improvement procedure v2", "procedure", ["10.2"], status="draft"
    )
    await seed.evidence("Improvement procedure v1", "procedure", ["10.2"], valid_until=day - D)
    # Operating records: clause 8 but 8.5.3 (in review) and 8.3.4.2; 9.4 only an old one.
    ops = [r for r in clause8 if r not in ("8.5.3", "8.3.4.2", "8.7.2")]
    await seed.evidence("ITSM export last quarter", "ticket_export", ops, effective=day - 20 * D)
    pending, _ = await seed.evidence(
        "Release records", "record", ["8.5.3"], status="in_review", effective=day - 20 * D
    )
    await seed.evidence("Service report Q1", "report", ["9.4"], effective=add_months(day, -4))
    await check(
        client,
        org,
        {
            "RDY-12": [(req, "8.3.4.2"), (req, "8.7.2")],
            "RDY-19-S1": [(req, "8.7.2"), (req, "10.2")],
            "RDY-19": [(req, "10.2")],
            "RDY-20": [(req, "8.5.3"), (req, "9.4")],
        },
    )

    await seed.evidence("Continuity and supplier procedures", "procedure", ["8.3.4.2", "8.7.2"])
    await seed.update(Evidence, draft, status="approved", approved_by=seed.admin_id)
    await seed.update(Evidence, pending, status="approved", approved_by=seed.admin_id)
    await seed.evidence("Service report last month", "report", ["9.4"], effective=day - 10 * D)
    await check(client, org, {"RDY-12": [], "RDY-19-S1": [], "RDY-19": [], "RDY-20": []})


# --- requirement owners and statuses (RDY-05, RDY-IMPL, RDY-IMPL-S1) ----------------------


@covers("RDY-05", "RDY-IMPL", "RDY-IMPL-S1")
async def test_requirement_owners_and_status(client: httpx.AsyncClient, database: Database) -> None:
    org, seed = await setup(client, database)
    req = "requirement"
    documented = seed.under("4.3", "5.2", "6.1", "6.2", "6.3", "7.5.4", "8.2.2", "8.2.4")
    documented += seed.under("8.3.3", "8.3.4.1", "8.3.4.2", "8.5.1.1", "8.7.2", "8.7.3.1")
    documented = [r for r in seed.leaves if r in documented]
    await check(
        client,
        org,
        {
            "RDY-05": [(req, ref) for ref in seed.leaves],
            "RDY-IMPL": [(req, ref) for ref in seed.leaves],
            "RDY-IMPL-S1": [(req, ref) for ref in documented],
        },
    )

    odd = {"4.1": "planned", "8.5.1.2": "in_progress", "8.7.2": "in_progress"}
    await bulk(
        client,
        org,
        [
            {
                "ref": ref,
                "owner_id": None if ref == "8.5.1.2" else org.admin.user_id,
                "status": odd.get(ref, "implemented"),
            }
            for ref in seed.leaves
        ],
    )
    await check(
        client,
        org,
        {
            "RDY-05": [(req, "8.5.1.2")],
            "RDY-IMPL": [(req, "4.1"), (req, "8.5.1.2"), (req, "8.7.2")],
            "RDY-IMPL-S1": [(req, "8.7.2")],
        },
    )

    await bulk(
        client,
        org,
        [{"ref": ref, "owner_id": org.admin.user_id, "status": "implemented"} for ref in odd],
    )
    await check(client, org, {"RDY-05": [], "RDY-IMPL": [], "RDY-IMPL-S1": []})


# --- expiry warnings (RDY-18, RDY-25) ------------------------------------------------------


@covers("RDY-18", "RDY-25")
async def test_expiry_warnings(client: httpx.AsyncClient, database: Database) -> None:
    org, seed = await setup(client, database)
    await check(client, org, {"RDY-18": [], "RDY-25": []})
    day = today()
    policy, policy_key = await seed.evidence(
        "Information security policy", "policy", ["8.7.3.1"], valid_until=day + 10 * D
    )
    report, report_key = await seed.evidence(
        "Availability report", "report", ["8.7.1"], valid_until=day + 20 * D
    )
    plan, plan_key = await seed.evidence(
        "Capacity plan", "plan", ["8.4.3"], valid_until=day + 45 * D
    )
    # Not warned about: already expired, not approved, archived.
    await seed.evidence("Old SLA report", "report", ["9.4"], valid_until=day - D)
    await seed.evidence("Draft procedure", "procedure", ["8.1"], status="draft", valid_until=day)
    await seed.evidence("Old screenshot", "screenshot", ["8.2.6"], archived=True, valid_until=day)
    results = await check(
        client, org, {"RDY-18": [("evidence", policy_key)], "RDY-25": [("evidence", report_key)]}
    )
    assert results["RDY-18"]["severity"] == "warning"
    assert results["RDY-18"]["failing"][0]["route"] == f"/orgs/acme/evidence/{policy}"
    report_body = await get_readiness(client, org)
    assert {"RDY-18", "RDY-25"} <= set(report_body["gates"]["stage1"]["warnings"])
    assert not {"RDY-18", "RDY-25"} & set(report_body["gates"]["stage1"]["blockers"])

    # A wider window (the parameter) also loads the plan due in 45 days.
    r = await client.patch(
        readiness_url(org, "settings"),
        json={"parameters": {"RDY-18": {"days": 60}}},
        headers={**org.admin.headers, "If-Match": '"0"'},
    )
    assert r.status_code == 200, r.text
    await check(client, org, {"RDY-18": [("evidence", policy_key), ("evidence", plan_key)]})

    for item in (policy, report, plan):
        await seed.update(Evidence, item, valid_until=add_months(day, 12))
    await check(client, org, {"RDY-18": [], "RDY-25": []})


# --- objectives (RDY-08, RDY-10) -----------------------------------------------------------


@covers("RDY-08", "RDY-10")
async def test_objectives(client: httpx.AsyncClient, database: Database) -> None:
    org, seed = await setup(client, database)
    await check(client, org, {"RDY-08": [("objective", None)], "RDY-10": [("objective", None)]})

    day = today()
    due = add_months(day, 6).isoformat()
    first = await create_objective(client, org, due_date=due)
    second = await create_objective(client, org, title="Customer satisfaction", metric="Score")
    # The owner left the organisation (membership removal sets the owner to null).
    await seed.update(Objective, uuid.UUID(second["id"]), owner_id=None)
    await measure(client, org, first["id"], 97, (add_months(day, -5)).isoformat())
    results = await check(
        client,
        org,
        {
            "RDY-08": [("objective", second["key"])],
            "RDY-10": [("objective", first["key"]), ("objective", second["key"])],
        },
    )
    assert "lacks: owner, due date" in results["RDY-08"]["failing"][0]["message"]

    r = await client.patch(
        objectives_url(org, second["id"]),
        json={"owner_id": org.admin.user_id, "due_date": due},
        headers={**org.admin.headers, "If-Match": "*"},
    )
    assert r.status_code == 200, r.text
    for objective in (first, second):
        await measure(client, org, objective["id"], 96, (day - 7 * D).isoformat())
    await check(client, org, {"RDY-08": [], "RDY-10": []})


# --- competence and awareness (RDY-14..17) -------------------------------------------------


@covers("RDY-14", "RDY-15", "RDY-16", "RDY-17")
async def test_competence_and_awareness(client: httpx.AsyncClient, database: Database) -> None:
    org, seed = await setup(client, database)
    # The admin holds an SMS role: in scope from the start (iso20000.md 6.6), without any
    # competence evidence (RDY-16 never passes vacuously).
    await check(
        client,
        org,
        {
            "RDY-14": [("role", "admin")],
            "RDY-15": [("course", None)],
            "RDY-16": [("person", "Ada Admin")],
            "RDY-17": [],
        },
    )

    day = today()
    awareness = await create_course(client, org, "SMS awareness", kind="awareness")
    change = await create_course(client, org, "Change management practitioner")
    admin_course = await create_course(client, org, "SMS administration")
    await require(client, org, "admin", admin_course["id"])
    ada = await add_person(client, org, user_id=org.admin.user_id, name=None)
    for course in (awareness, admin_course):
        await add_record(
            client,
            org,
            ada["id"],
            course["id"],
            (day - 10 * D).isoformat(),
            evaluation_method="quiz",
            evaluation_result="passed",
        )
    pat = await add_person(client, org, "Pat Person", role_keys=["change_manager"])
    quinn = await add_person(client, org, "Quinn Query", role_keys=["change_manager"])
    # Out of scope: neither their role nor their missing training counts.
    await add_person(client, org, "Olly Outside", role_keys=["tester"], in_scope=False)
    await add_record(client, org, pat["id"], awareness["id"], (day - 100 * D).isoformat())
    # Quinn's awareness training expired (24 months validity).
    await add_record(client, org, quinn["id"], awareness["id"], add_months(day, -30).isoformat())
    await check(
        client,
        org,
        {
            "RDY-14": [("role", "change_manager")],
            "RDY-15": [("person", "Quinn Query")],
        },
    )

    await require(client, org, "change_manager", change["id"])
    # Pat's role training expired (evaluated back then); Quinn has none.
    await add_record(
        client,
        org,
        pat["id"],
        change["id"],
        add_months(day, -30).isoformat(),
        evaluation_method="quiz",
        evaluation_result="passed",
    )
    results = await check(
        client,
        org,
        {
            "RDY-14": [],
            "RDY-16": [("person", "Pat Person"), ("person", "Quinn Query")],
            "RDY-17": [],
        },
    )
    messages = [f["message"] for f in results["RDY-16"]["failing"]]
    assert "is expired" in messages[0] and "is missing" in messages[1]

    # Pat renews without an evaluation: the newest record is what must be evaluated.
    renewal = await add_record(client, org, pat["id"], change["id"], (day - 20 * D).isoformat())
    await add_record(
        client,
        org,
        quinn["id"],
        change["id"],
        (day - 20 * D).isoformat(),
        evaluation_method="assessment",
        evaluation_result="competent",
    )
    await add_record(client, org, quinn["id"], awareness["id"], (day - 3 * D).isoformat())
    await check(
        client,
        org,
        {"RDY-15": [], "RDY-16": [], "RDY-17": [("person", "Pat Person")]},
    )

    await seed.update(
        TrainingRecord,
        uuid.UUID(renewal["id"]),
        evaluation_method="supervisor_signoff",
        evaluation_result="Signed off by the change manager lead.",
    )
    await check(client, org, {"RDY-14": [], "RDY-15": [], "RDY-16": [], "RDY-17": []})


# --- internal audit (RDY-26..30) -----------------------------------------------------------


@covers("RDY-26", "RDY-27", "RDY-28", "RDY-29", "RDY-30")
async def test_internal_audit(client: httpx.AsyncClient, database: Database) -> None:
    org, seed = await setup(client, database)
    leaves = list(seed.leaves)
    req = "requirement"
    await check(
        client,
        org,
        {
            "RDY-26": [("audit_programme", None)],
            "RDY-27": [("audit", None)],
            "RDY-28": [(req, ref) for ref in leaves],
            "RDY-29": [],
            "RDY-30": [],
        },
    )

    day = today()
    auditor = await add_member(client, org, "auditor")
    auditor_id = uuid.UUID(auditor.user_id)
    programme = await create_programme(client, org)
    programme_id = uuid.UUID(programme["id"])
    clause8 = seed.under("8")
    # A-1 over clause 8 is reporting: no criteria, no report, no distribution yet; the lead
    # auditor (the admin) owns 8.5.1.1, and the auditor who assessed 8.6.1 owns it.
    await set_owner(database, org, "8.5.1.1", org.admin.user_id)
    await set_owner(database, org, "8.6.1", auditor.user_id)
    a1, a1_key = await seed.audit(
        status="reporting",
        programme_id=programme_id,
        lead=seed.admin_id,
        assessed_by=auditor_id,
        lines=dict.fromkeys(clause8, "conforming"),
        criteria="",
        report_summary="",
        distribution=[],
        planned_end=day - 10 * D,
    )
    # Ignored: a cancelled internal audit without criteria, a Stage 1 audit by the owner.
    await seed.audit(
        status="cancelled", lead=seed.admin_id, criteria="", lines={"8.5.1.1": "conforming"}
    )
    await seed.audit(
        type="stage1", lead=seed.admin_id, ended=day - 5 * D, lines={"8.5.1.1": "conforming"}
    )
    results = await check(
        client,
        org,
        {
            "RDY-26": [("audit_programme", None), ("audit", a1_key)],
            "RDY-27": [("audit", None)],
            "RDY-28": [(req, ref) for ref in leaves],
            "RDY-29": [("audit", "8.5.1.1"), ("audit", "8.6.1")],
            "RDY-30": [("audit", a1_key)],
        },
    )
    assert results["RDY-26"]["failing"][0]["id"] == programme["id"]
    assert "lacks: approval" in results["RDY-26"]["failing"][0]["message"]
    assert "no criteria" in results["RDY-26"]["failing"][1]["message"]
    assert {f["id"] for f in results["RDY-29"]["failing"]} == {str(a1)}
    assert "no report or distribution" in results["RDY-30"]["failing"][0]["message"]

    r = await client.post(
        programmes_url(org, programme["id"], "approve"), headers=org.admin.headers
    )
    assert r.status_code == 200, r.text
    # A-1 is reported and closed by an independent lead; the admin now owns 8.6.1 too.
    await seed.update(
        Audit,
        a1,
        status="closed",
        criteria="ISO/IEC 20000-1:2018 clause 8 and the process descriptions.",
        report_summary="Clause 8 conforms; no nonconformities.",
        distribution=["SMS manager", "Executive board"],
        lead_auditor_id=auditor_id,
        actual_end_date=day - 10 * D,
    )
    await set_owner(database, org, "8.6.1", org.admin.user_id)
    # A-4 closed 14 months ago covered everything: too old for RDY-28.
    await seed.audit(
        ended=add_months(day, -14), lead=auditor_id, lines=dict.fromkeys(leaves, "conforming")
    )
    # A-5 over the other clauses, closed last week; 10.2 was not assessed.
    others = {ref: "conforming" for ref in leaves if ref not in clause8}
    others["10.2"] = "not_assessed"
    a5, _ = await seed.audit(ended=day - 7 * D, lead=auditor_id, lines=others)
    await check(
        client,
        org,
        {"RDY-26": [], "RDY-27": [], "RDY-28": [(req, "10.2")], "RDY-29": [], "RDY-30": []},
    )

    async with database.transaction() as session:
        await session.execute(
            update(AuditChecklistLine)
            .where(AuditChecklistLine.audit_id == a5, AuditChecklistLine.ref == "10.2")
            .values(result="nonconforming", assessed_by_id=auditor_id)
        )
    await check(client, org, {"RDY-28": []})


# --- management review (RDY-31, RDY-32) ----------------------------------------------------


@covers("RDY-31", "RDY-32")
async def test_management_review(client: httpx.AsyncClient, database: Database) -> None:
    org, seed = await setup(client, database)
    mr = "management_review"
    await check(client, org, {"RDY-31": [(mr, None)], "RDY-32": [(mr, None)]})

    day = today()
    chair = await top_chair(client, org)
    first = await create_review(client, org, planned_date=(day + 20 * D).isoformat(), **chair)
    results = await check(client, org, {"RDY-31": [(mr, first["key"])], "RDY-32": [(mr, None)]})
    assert results["RDY-31"]["severity"] == "warning"
    assert "No management review held yet" in results["RDY-32"]["failing"][0]["message"]
    gates = (await get_readiness(client, org))["gates"]
    assert "RDY-31" in gates["stage1"]["warnings"] and "RDY-31" not in gates["stage1"]["blockers"]

    # A review planned for a date that passed without being held: a Stage 1 blocker again.
    past = await create_review(client, org, planned_date=(day - 2 * D).isoformat())
    await check(client, org, {"RDY-31": [(mr, first["key"])]})  # the future one still counts
    await seed.update(ManagementReview, uuid.UUID(first["id"]), planned_date=day - D)
    results = await check(client, org, {"RDY-31": [(mr, past["key"]), (mr, first["key"])]})
    assert results["RDY-31"]["severity"] == "blocker"
    assert "never held" in results["RDY-31"]["failing"][0]["message"]
    assert "RDY-31" in (await get_readiness(client, org))["gates"]["stage1"]["blockers"]
    await seed.update(ManagementReview, uuid.UUID(first["id"]), planned_date=day + 20 * D)

    # MR-1 held (every input resolved) but no decision and no approved minutes.
    await resolve_all_inputs(client, org, first)
    await patch_review(client, org, first["id"], held_date=(day - 30 * D).isoformat())
    r = await move_review(client, org, first["id"], "held")
    assert r.status_code == 200, r.text
    results = await check(client, org, {"RDY-31": [], "RDY-32": [(mr, first["key"])]})
    message = results["RDY-32"]["failing"][0]["message"]
    assert "no decisions or actions recorded" in message and "minutes not approved" in message

    # An internal audit closed after MR-1: the review must come after it.
    await seed.audit(ended=day - 10 * D, lines={"9.2": "conforming"})
    results = await check(client, org, {"RDY-32": [(mr, None)]})
    assert "after the internal audit of" in results["RDY-32"]["failing"][0]["message"]

    second = await create_review(client, org, planned_date=(day - 3 * D).isoformat(), **chair)
    await resolve_all_inputs(client, org, second)
    await patch_review(client, org, second["id"], held_date=(day - 3 * D).isoformat())
    assert (await move_review(client, org, second["id"], "held")).status_code == 200
    r = await client.post(
        reviews_url(org, second["id"], "decisions"),
        json={"kind": "improvement", "text": "Automate the monthly SLA report."},
        headers=org.admin.headers,
    )
    assert r.status_code == 201, r.text
    # A topic that lost its resolution (blank reason) counts as not covered.
    topic = second["inputs"][0]["key"]
    async with database.transaction() as session:
        await session.execute(
            update(ManagementReviewInput)
            .where(
                ManagementReviewInput.review_id == uuid.UUID(second["id"]),
                ManagementReviewInput.key == topic,
            )
            .values(covered=False, not_applicable_reason="   ")
        )
    results = await check(client, org, {"RDY-32": [(mr, second["key"])]})
    message = results["RDY-32"]["failing"][0]["message"]
    assert f"inputs not covered: {topic}" in message and "minutes not approved" in message
    # decisions recorded, but 9.3 needs actions too (iso20000.md 6.6)
    assert "no actions recorded" in message and "decisions" not in message
    decision_id = r.json()["id"]
    r = await client.post(
        reviews_url(org, second["id"], "actions"),
        json={
            "description": "Build the SLA report job.",
            "owner_id": org.admin.user_id,
            "due_date": (day + 30 * D).isoformat(),
            "decision_id": decision_id,
        },
        headers=org.admin.headers,
    )
    assert r.status_code == 201, r.text
    message = (await check(client, org, {"RDY-32": [(mr, second["key"])]}))["RDY-32"]["failing"]
    assert "no actions recorded" not in message[0]["message"]

    async with database.transaction() as session:
        await session.execute(
            update(ManagementReviewInput)
            .where(ManagementReviewInput.review_id == uuid.UUID(second["id"]))
            .where(ManagementReviewInput.key == topic)
            .values(covered=True, not_applicable_reason=None)
        )
    approver = await add_member(client, org, "sms_manager")
    minutes = await approved_evidence(client, org, approver)
    await patch_review(client, org, second["id"], minutes_evidence_id=minutes)
    r = await move_review(client, org, second["id"], "minutes_approved")
    assert r.status_code == 200, r.text
    await check(client, org, {"RDY-31": [], "RDY-32": []})

    # The audits completing the RDY-28 coverage ended before the review; a small follow-up
    # audit after it does not force a new review (iso20000.md 6.6).
    await seed.audit(ended=day - 4 * D, lines=dict.fromkeys(seed.leaves, "conforming"))
    await seed.audit(ended=day - D, lines={"9.2": "conforming"})
    await check(client, org, {"RDY-28": [], "RDY-32": []})


# --- nonconformity, corrective action, improvement (RDY-33..36) ----------------------------


@covers("RDY-33", "RDY-34", "RDY-35", "RDY-36")
async def test_corrective_action(client: httpx.AsyncClient, database: Database) -> None:
    org, seed = await setup(client, database)
    await check(
        client,
        org,
        {"RDY-33": [], "RDY-34": [], "RDY-35": [], "RDY-36": [("finding", None)]},
    )

    day = today()
    audit, _ = await seed.audit(ended=day - 20 * D, lines={"8.5.1.2": "nonconforming"})
    f1, k1 = await seed.finding("minor_nc", audit_id=audit)  # no measure
    f2, k2 = await seed.finding("major_nc", audit_id=audit)  # measure without root cause
    m1, _ = await seed.measure("analysed", [f2], root_cause="")
    f3, k3 = await seed.finding("minor_nc", "action_planned", audit_id=audit)
    await seed.measure("cancelled", [f3], cancel_reason="Duplicate of another measure.")
    # One overdue measure serving two findings is named once.
    f4, _ = await seed.finding("minor_nc", "action_planned", audit_id=audit)
    f5, _ = await seed.finding("minor_nc", "action_planned", audit_id=audit, ref="8.5.1.3")
    m3, k_m3 = await seed.measure("planned", [f4, f5], due=day - 3 * D)
    # Past its due date but already implemented: not overdue.
    await seed.measure("implemented", [f4], due=day - 10 * D)
    # Closed without an effectiveness review.
    m5, k_m5 = await seed.measure("closed", [f5], due=day - 15 * D)
    # Not internal-audit nonconformities: a complaint, and a closed internal NC.
    await seed.finding("minor_nc", source="complaint")
    await seed.finding("minor_nc", "closed", audit_id=audit)
    # RDY-34 (iso20000.md 6.6): an open major blocks whatever raised it, here a complaint;
    # RDY-33 stays about internal-audit nonconformities.
    f6, k6 = await seed.finding("major_nc", source="complaint")
    # Improvement register: one accepted without a target date, one open.
    ofi, k_ofi = await seed.finding("ofi", "action_planned", ref="9.4", audit_id=audit)
    await seed.finding("ofi", ref=None, source="management_review")
    results = await check(
        client,
        org,
        {
            "RDY-33": [("finding", k1), ("finding", k2), ("finding", k3)],
            "RDY-34": [("finding", k2), ("finding", k6), ("corrective_measure", k_m3)],
            "RDY-35": [("corrective_measure", k_m5)],
            "RDY-36": [("finding", k_ofi)],
        },
    )
    messages = [f["message"] for f in results["RDY-33"]["failing"]]
    assert "no corrective measure recorded" in messages[0]
    assert "lacks a root cause" in messages[1]
    assert "no corrective measure recorded" in messages[2]
    assert "major nonconformity is open" in results["RDY-34"]["failing"][0]["message"]
    assert "major nonconformity is open" in results["RDY-34"]["failing"][1]["message"]
    assert results["RDY-34"]["failing"][2]["route"] == f"/orgs/acme/corrective-measures/{m3}"

    await seed.measure("planned", [f1, f3])
    await seed.update(
        CorrectiveMeasure, m1, root_cause="No peer check of emergency changes.", status="closed"
    )
    await seed.update(CorrectiveMeasure, m1, review_result="effective", review_date=day)
    await seed.update(Finding, f2, status="closed")
    await seed.update(Finding, f6, status="closed")
    await seed.update(CorrectiveMeasure, m3, due_date=day + 14 * D)
    await seed.update(CorrectiveMeasure, m5, review_result="effective", review_date=day - D)
    await seed.update(Finding, ofi, due_date=day + 60 * D)
    await check(client, org, {"RDY-33": [], "RDY-34": [], "RDY-35": [], "RDY-36": []})


# --- certification decision (RDY-38..40) ---------------------------------------------------


@covers("RDY-38", "RDY-39", "RDY-40")
async def test_certification_decision(client: httpx.AsyncClient, database: Database) -> None:
    org, seed = await setup(client, database)
    assert (await get_readiness(client, org))["gates"]["certification"]["applicable"] is False
    await check(client, org, {"RDY-38": [], "RDY-39": [], "RDY-40": []})

    day = today()
    last_day = add_months(day, -8)
    stage2, _ = await seed.audit(type="stage2", ended=last_day, lines={"8.5.1.2": "conforming"})
    cb: dict[str, Any] = {"source": "certification_audit", "audit_id": stage2}
    f1, k1 = await seed.finding("major_nc", **cb)  # nothing submitted
    f2, k2 = await seed.finding("major_nc", "action_planned", **cb)  # not verified
    # Closed, but verified a month after the 6-month deadline.
    f3, k3 = await seed.finding(
        "major_nc", "closed", cb_verified_at=utc(add_months(last_day, 7)), **cb
    )
    await seed.finding("major_nc", "closed", cb_verified_at=utc(add_months(last_day, 2)), **cb)
    f5, k5 = await seed.finding("minor_nc", "action_planned", **cb)  # plan not accepted
    await seed.finding("minor_nc", "closed", cb_plan_accepted_at=utc(last_day + D), **cb)
    # An internal audit finding is not a Stage 2 finding.
    await seed.finding("major_nc", "closed")
    results = await check(
        client,
        org,
        {
            "RDY-38": [("finding", k1), ("finding", k2)],
            "RDY-39": [("finding", k1), ("finding", k2), ("finding", k3)],
            "RDY-40": [("finding", k5)],
        },
    )
    assert "no correction and corrective action" in results["RDY-38"]["failing"][0]["message"]
    assert "verification not recorded" in results["RDY-38"]["failing"][1]["message"]
    assert "Stage 2 must be repeated" in results["RDY-39"]["failing"][2]["message"]
    certification = (await get_readiness(client, org))["gates"]["certification"]
    assert certification["applicable"] is True and certification["ready"] is False
    assert {"RDY-38", "RDY-39", "RDY-40"} <= set(certification["blockers"])

    in_time = utc(add_months(last_day, 3))
    await seed.update(Finding, f1, status="closed", cb_verified_at=in_time)
    await seed.update(Finding, f2, status="closed", cb_verified_at=in_time)
    await seed.update(Finding, f3, cb_verified_at=utc(add_months(last_day, 5)))
    await seed.update(Finding, f5, cb_plan_accepted_at=utc(last_day + 3 * D))
    await check(client, org, {"RDY-38": [], "RDY-39": [], "RDY-40": []})


# --- maintenance (RDY-41, RDY-42) ----------------------------------------------------------


async def _decided(client: httpx.AsyncClient, org: OrgFixture, decision: Any) -> None:
    r = await client.patch(
        f"/api/v1/orgs/{org.slug}",
        json={"certification_decision_date": decision.isoformat()},
        headers={**org.admin.headers, "If-Match": "*"},
    )
    assert r.status_code == 200, r.text


@covers("RDY-41", "RDY-42")
async def test_maintenance(client: httpx.AsyncClient, database: Database) -> None:
    org, seed = await setup(client, database)
    assert (await get_readiness(client, org))["gates"]["maintenance"]["applicable"] is False
    await check(client, org, {"RDY-41": [], "RDY-42": []})

    day = today()
    decision = add_months(day, -2)
    await _decided(client, org, decision)
    # Too late, cancelled, and a recertification that ends after the expiry.
    await seed.audit(type="surveillance", status="planned", planned_end=add_months(decision, 13))
    await seed.audit(type="surveillance", status="cancelled", planned_end=add_months(decision, 10))
    late_recert, _ = await seed.audit(
        type="recertification", status="planned", planned_end=add_months(decision, 37)
    )
    results = await check(client, org, {"RDY-41": [("audit", None)], "RDY-42": [("audit", None)]})
    due = add_months(decision, 12).isoformat()
    assert f"No surveillance audit scheduled by {due}" in results["RDY-41"]["failing"][0]["message"]
    maintenance = (await get_readiness(client, org))["gates"]["maintenance"]
    assert maintenance["applicable"] is True
    assert maintenance["blockers"] == ["RDY-41", "RDY-42"]

    first, _ = await seed.audit(
        type="surveillance", status="planned", planned_end=add_months(decision, 11)
    )
    await seed.update(Audit, late_recert, planned_end_date=add_months(decision, 35))
    await check(client, org, {"RDY-41": [], "RDY-42": []})

    # Two years on: the first surveillance took place; the next calendar year needs one.
    earlier = add_months(day, -14)
    await _decided(client, org, earlier)
    held = add_months(earlier, 10)
    await seed.update(Audit, first, status="closed", actual_end_date=held, planned_end_date=held)
    async with database.transaction() as session:
        await session.execute(
            update(Audit)
            .where(Audit.org_id == seed.org_id, Audit.type == "surveillance", Audit.id != first)
            .values(status="cancelled")
        )
    results = await check(client, org, {"RDY-41": [("audit", None)], "RDY-42": [("audit", None)]})
    assert f"in {held.year + 1}" in results["RDY-41"]["failing"][0]["message"]
    await seed.audit(type="surveillance", status="planned", planned_end=add_months(held, 12))
    await seed.update(Audit, late_recert, planned_end_date=add_months(earlier, 35))
    await check(client, org, {"RDY-41": [], "RDY-42": []})


@covers("RDY-03", "RDY-07", "RDY-37", "RDY-43")
async def test_registers_and_cb_follow_up(client: httpx.AsyncClient, database: Database) -> None:
    org, seed = await setup(client, database)
    method = ("risk_method", None)
    ctx = ("context", "context")
    await check(
        client,
        org,
        {
            "RDY-03": [ctx],
            "RDY-07": [method, ("risk", None)],
            "RDY-37": [],
            "RDY-43": [],
        },
    )
    await create_method(client, org, acceptance_criteria="")
    owned = await create_risk(client, org, owner_id=org.admin.user_id)
    loose = await create_risk(client, org, treatment=None)
    closed = await create_risk(client, org, treatment=None)
    r = await client.patch(
        risks_url(org, closed["id"]),
        json={"status": "closed"},
        headers={**org.admin.headers, "If-Match": '"1"'},
    )
    assert r.status_code == 200, r.text
    results = await check(client, org, {"RDY-07": [method, method, ("risk", loose["key"])]})
    assert "no owner and no treatment decision" in results["RDY-07"]["failing"][2]["message"]
    assert results["RDY-07"]["failing"][2]["route"] == f"/orgs/acme/risks/{loose['id']}"
    etag = (await client.get(risks_url(org, "method"), headers=org.admin.headers)).headers["etag"]
    r = await client.patch(
        risks_url(org, "method"),
        json={"acceptance_criteria": "Low risks may be accepted."},
        headers={**org.admin.headers, "If-Match": etag},
    )
    assert r.status_code == 200, r.text
    await approve_method(client, org, today().isoformat())
    await check(client, org, {"RDY-07": [("risk", loose["key"])]})
    etag = (await client.get(risks_url(org, loose["id"]), headers=org.admin.headers)).headers[
        "etag"
    ]
    r = await client.patch(
        risks_url(org, loose["id"]),
        json={"treatment": "accept", "owner_id": org.admin.user_id},
        headers={**org.admin.headers, "If-Match": etag},
    )
    assert r.status_code == 200 and owned["key"] == "RSK-1"
    # the context record: each missing part named, then approved and reviewed too long ago
    await registers(client, org, (today() - 400 * D).isoformat(), risks=False)
    results = await check(client, org, {"RDY-03": [ctx], "RDY-07": []})
    assert "more than 12 months ago" in results["RDY-03"]["failing"][0]["message"]
    url = f"/api/v1/orgs/{org.slug}/context"
    etag = (await client.get(url, headers=org.admin.headers)).headers["etag"]
    r = await client.patch(
        url,
        json={"reviewed_on": (today() - 10 * D).isoformat(), "climate_change_relevant": None},
        headers={**org.admin.headers, "If-Match": etag},
    )
    assert r.status_code == 200, r.text
    results = await check(client, org, {"RDY-03": [ctx]})
    assert "climate change" in results["RDY-03"]["failing"][0]["message"]
    r = await client.patch(
        url,
        json={"climate_change_relevant": True},
        headers={**org.admin.headers, "If-Match": r.headers["etag"]},
    )
    await check(client, org, {"RDY-03": []})
    # Stage 1 areas of concern: open fails, CB-agreed or closed passes; others are not concerns
    stage1, _ = await seed.audit(type="stage1", status="closed", ended=today() - 30 * D)
    open_concern = await seed.finding(
        "area_of_concern", source="certification_audit", ref=None, audit_id=stage1
    )
    await seed.finding(
        "area_of_concern",
        source="certification_audit",
        ref=None,
        audit_id=stage1,
        cb_plan_accepted_at=utc(today()),
    )
    await seed.finding(
        "area_of_concern", "closed", source="certification_audit", ref=None, audit_id=stage1
    )
    await seed.finding("observation", source="certification_audit", ref=None, audit_id=stage1)
    await check(client, org, {"RDY-37": [("finding", open_concern[1])]})
    # RDY-43: minors of the LAST CB audit without an effective measure
    old, _ = await seed.audit(type="stage2", status="closed", ended=today() - 300 * D)
    last, last_key = await seed.audit(type="surveillance", status="closed", ended=today() - 20 * D)
    await seed.audit(type="surveillance", status="planned", planned_end=today() + 200 * D)
    await seed.finding("minor_nc", source="certification_audit", audit_id=old)
    lacking = await seed.finding("minor_nc", source="certification_audit", audit_id=last)
    fixed = await seed.finding("minor_nc", source="certification_audit", audit_id=last)
    await seed.measure("closed", [fixed[0]], review_result="effective")
    await seed.measure("closed", [lacking[0]], review_result="not_effective")
    results = await check(client, org, {"RDY-43": [("finding", lacking[1])]})
    message = results["RDY-43"]["failing"][0]["message"]
    assert last_key in message and "before the surveillance on" in message


# Rules whose pass and fail cases through the API live with their register's tests.
ELSEWHERE = {
    "RDY-02": "tests/services/test_readiness.py",
    "RDY-06": "tests/suppliers/test_parts.py",
    "RDY-13": "tests/agreements/test_api.py",
    "RDY-21": "tests/readiness/test_operations.py",
    "RDY-22": "tests/configuration/test_readiness.py",
    "RDY-23": "tests/services/test_readiness.py",
    "RDY-24": "tests/readiness/test_operations.py",
}


def test_every_implemented_rule_is_covered() -> None:
    root = Path(__file__).resolve().parents[2]
    for rule_id, path in ELSEWHERE.items():
        assert f'"{rule_id}"' in (root / path).read_text(encoding="utf-8"), (rule_id, path)
    assert set(RULES) == COVERED | set(ELSEWHERE)
