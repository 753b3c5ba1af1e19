"""Whole organisations for the readiness scenario suite (tests/scenarios), through the API only.

Every write goes through the public HTTP API with real tokens: no direct database writes.
The building blocks compose into the shared base states the scenarios start from:

* :func:`documents_only`: the 14 mandatory documents D1-D14 approved, with an owner and a
  review date a year ahead, and nothing else;
* :func:`stage1_complete`: everything Certready evaluates for Stage 1 *and* Stage 2 except
  the management review: owners and ``implemented`` on every leaf, D1-D14, the SMS manual
  and recent operating records linked to every leaf, a measured objective, awareness and
  role training for every member holding an SMS role, an approved programme and a closed
  internal audit covering every leaf, one improvement opportunity;
* :func:`hold_review`: a management review held with all 12 inputs covered, decisions and
  actions recorded and approved minutes.

Dates are relative to the real today: the readiness engine evaluates "today".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import httpx
from certready.core.clock import add_months, today

from tests.factories.audits import (
    assess_all,
    create_audit,
    create_programme,
    patch_audit,
    programmes_url,
    transition,
)
from tests.factories.auth import (
    OrgFixture,
    Session,
    add_member,
    designate_top_management,
    first_run,
)
from tests.factories.evidence import create_statement, evidence_url, pdf_bytes, upload_version
from tests.factories.findings import raise_finding
from tests.factories.management_reviews import (
    create_review,
    move_review,
    patch_review,
    reviews_url,
)
from tests.factories.objectives import create_objective, measure
from tests.factories.readiness import FRESH, readiness_url
from tests.factories.requirements import list_all, requirements_url
from tests.factories.training import add_person, add_record, create_course, require
from tests.scenarios import suppliers_setup
from tests.scenarios.operations_setup import operations_ready
from tests.scenarios.risks_setup import registers

CLAUSES = ("4", "5", "6", "7", "8", "9", "10")
# The SMS roles of iso20000.md 6.6 ("people in scope"): competence is defined for each.
SMS_ROLES = ("admin", "sms_manager", "process_owner", "auditor")
MANDATORY = {
    "D1": ("Scope of the SMS", "policy"),
    "D2": ("Service management policy", "policy"),
    "D3": ("Service management objectives", "plan"),
    "D4": ("Service management plan", "plan"),
    "D5": ("Risk management approach and risk register", "procedure"),
    "D6": ("Change management policy", "policy"),
    "D7": ("Information security policy", "policy"),
    "D8": ("Service continuity plan", "plan"),
    "D9": ("SMS process descriptions", "procedure"),
    "D10": ("Service requirements", "other"),
    "D11": ("Service catalogue", "other"),
    "D12": ("Service level agreements", "other"),
    "D13": ("Contracts with external suppliers", "other"),
    "D14": ("Agreements with internal suppliers", "other"),
}


def days(n: int) -> str:
    """The ISO date ``n`` days from today (negative: in the past)."""
    return (today() + timedelta(days=n)).isoformat()


@dataclass
class Built:
    """An organisation under construction: its admin, an SMS manager and an auditor."""

    org: OrgFixture
    manager: Session
    auditor: Session
    leaves: list[str]


async def new_org(client: httpx.AsyncClient, slug: str) -> Built:
    """A fresh installation's first organisation with an SMS manager and an auditor."""
    org = await first_run(client, slug=slug, email=f"admin@{slug}.example")
    manager = await add_member(client, org, "sms_manager", email=f"manager@{slug}.example")
    auditor = await add_member(client, org, "auditor", email=f"auditor@{slug}.example")
    leaves = [r["ref"] for r in await list_all(client, org) if r["assessable"]]
    return Built(org, manager, auditor, leaves)


async def readiness(client: httpx.AsyncClient, built: Built) -> dict[str, Any]:
    r = await client.get(readiness_url(built.org), headers={**built.org.admin.headers, **FRESH})
    assert r.status_code == 200, r.text
    return dict(r.json())


async def approved_item(
    client: httpx.AsyncClient,
    built: Built,
    title: str,
    kind: str,
    *,
    keys: tuple[str, ...] = (),
    refs: list[str] | None = None,
    effective: str | None = None,
    owner: bool = True,
    review_date: bool = True,
) -> str:
    """An item by the admin (its owner), approved by the SMS manager (four eyes), to be
    reviewed in a year (``owner``/``review_date`` False: without one). Documented
    information (``keys``) gets a file version: RDY-11's document control needs one."""
    org = built.org
    item = await create_statement(
        client,
        org,
        title=title,
        kind=kind,
        description=f"{title}: approved by the SMS manager.",
        owner_id=org.admin.user_id if owner else None,
        effective_date=effective or days(-30),
        valid_until=add_months(today(), 12).isoformat() if review_date else None,
        documented_information_keys=list(keys),
        requirement_refs=refs or [],
    )
    if keys:
        await upload_version(
            client, org, item["id"], pdf_bytes(seed=title.encode()), filename="document.pdf"
        )
    for to, who in (("in_review", org.admin), ("approved", built.manager)):
        r = await client.post(
            evidence_url(org, item["id"], "transitions"),
            json={"to": to},
            headers=who.headers,
        )
        assert r.status_code == 200, r.text
    return str(item["id"])


async def documents_only(
    client: httpx.AsyncClient,
    slug: str,
    *,
    no_owner: tuple[str, ...] = (),
    no_review: tuple[str, ...] = (),
    top_management: bool = False,
) -> Built:
    """D1-D14 approved by the SMS manager; the keys in ``no_owner`` / ``no_review`` lack an
    owner / review date. ``top_management``: the SMS manager (a director) is designated top
    management first, so the policy D2 is approved by top management (RDY-04)."""
    built = await new_org(client, slug)
    if top_management:
        await designate_top_management(client, built.org, built.manager.user_id)
    for key, (title, kind) in MANDATORY.items():
        await approved_item(
            client,
            built,
            title,
            kind,
            keys=(key,),
            owner=key not in no_owner,
            review_date=key not in no_review,
        )
    return built


async def _requirements(client: httpx.AsyncClient, built: Built) -> None:
    """Every leaf owned by the SMS manager and implemented (one bulk request)."""
    changes = [
        {"ref": ref, "owner_id": built.manager.user_id, "status": "implemented"}
        for ref in built.leaves
    ]
    r = await client.post(
        requirements_url(built.org) + "/bulk",
        json={"changes": changes},
        headers=built.org.admin.headers,
    )
    assert r.status_code == 200, r.text


async def _evidence(client: httpx.AsyncClient, built: Built) -> None:
    """The SMS manual (a procedure saying how every leaf is met) and an export of the recent
    operating records for every leaf (the clause-5 part is also the policy's communication
    record for 5.2.2)."""
    refs = built.leaves
    await approved_item(client, built, "SMS manual and procedures", "procedure", refs=refs)
    await approved_item(
        client, built, "Operating records export", "record", refs=refs, effective=days(-10)
    )


async def _objective(client: httpx.AsyncClient, built: Built) -> None:
    objective = await create_objective(
        client,
        built.org,
        owner_id=built.manager.user_id,
        due_date=add_months(today(), 6).isoformat(),
    )
    await measure(client, built.org, objective["id"], 96, days(-15))


async def _training(client: httpx.AsyncClient, built: Built) -> None:
    """Awareness and role training, with an effectiveness evaluation, for every member."""
    org = built.org
    awareness = await create_course(
        client, org, title="SMS awareness", kind="awareness", validity_months=24
    )
    role_course = await create_course(client, org, title="SMS role training")
    for role in SMS_ROLES:
        await require(client, org, role, role_course["id"])
    members = (
        (org.admin, "admin"),
        (built.manager, "sms_manager"),
        (built.auditor, "auditor"),
    )
    for who, role in members:
        person = await add_person(client, org, user_id=who.user_id, role_keys=[role], name=None)
        for course in (awareness, role_course):
            await add_record(
                client,
                org,
                person["id"],
                course["id"],
                days(-60),
                evaluation_method="quiz",
                evaluation_result="Passed, 9 of 10.",
            )


async def programme(client: httpx.AsyncClient, built: Built) -> str:
    """An approved internal audit programme with a method."""
    org = built.org
    created = await create_programme(client, org)
    r = await client.post(programmes_url(org, created["id"], "approve"), headers=org.admin.headers)
    assert r.status_code == 200, r.text
    return str(created["id"])


async def internal_audit(
    client: httpx.AsyncClient,
    built: Built,
    start: int = -20,
    end: int = -14,
    *,
    programme_id: str | None = None,
    scope: list[str] | None = None,
) -> dict[str, Any]:
    """A closed internal audit over ``scope`` (default clauses 4-10: every leaf), every line
    assessed conforming by the independent auditor, performed ``start``..``end`` days from
    today; in a new approved programme unless ``programme_id`` is given."""
    org = built.org
    audit = await create_audit(
        client,
        org,
        scope=scope or list(CLAUSES),
        lead=built.auditor.user_id,
        programme_id=programme_id or await programme(client, built),
        actual_start_date=days(start),
        actual_end_date=days(end),
    )
    r = await transition(client, org, audit["id"], "in_progress")
    assert r.status_code == 200, r.text
    await assess_all(client, org, audit["id"], built.auditor.headers)
    r = await transition(client, org, audit["id"], "reporting")
    assert r.status_code == 200, r.text
    r = await patch_audit(
        client,
        org,
        audit["id"],
        {
            "report_summary": "All clauses conforming; no nonconformity.",
            "distribution": ["SMS manager", "Executive board"],
        },
    )
    assert r.status_code == 200, r.text
    r = await transition(client, org, audit["id"], "closed")
    assert r.status_code == 200, r.text
    return dict(r.json())


async def build_services(client: httpx.AsyncClient, built: Built) -> None:
    """The scenarios' service catalogue (tests/scenarios/services_setup.py)."""
    from tests.scenarios.services_setup import build_services as build

    await build(client, built)


async def stage1_complete(
    client: httpx.AsyncClient,
    slug: str,
    *,
    audit_start: int = -20,
    audit_end: int = -14,
) -> Built:
    """Everything but the management review (see the module docstring); the SMS manager is
    designated top management (approves the policy, chairs the review)."""
    built = await documents_only(client, slug, top_management=True)
    await _requirements(client, built)
    await _evidence(client, built)
    await _objective(client, built)
    await _training(client, built)
    await internal_audit(client, built, audit_start, audit_end)
    await build_services(client, built)
    await registers(client, built.org, days(-30))
    await raise_finding(
        client,
        built.org,
        grade="ofi",
        source="self_assessment",
        statement="Automate the monthly SLA report.",
    )
    await operations_ready(client, built.org)
    await suppliers_setup.agreements(client, built)
    return built


async def plan_review(
    client: httpx.AsyncClient, built: Built, planned: str, agenda: str = "", **fields: Any
) -> dict[str, Any]:
    return await create_review(
        client,
        built.org,
        title="Management review",
        planned_date=planned,
        agenda=agenda or "The 12 inputs of 9.3; decisions on improvement and resources.",
        **fields,
    )


async def hold_review(
    client: httpx.AsyncClient, built: Built, held: int, *, action: bool = True
) -> dict[str, Any]:
    """A review held ``held`` days from today (<= 0): every input covered with content,
    a decision and (unless ``action`` is False) an action recorded, the minutes approved;
    chaired by the SMS manager designated top management (6.6)."""
    org = built.org
    review = await plan_review(client, built, days(held), chair_id=built.manager.user_id)
    for item in review["inputs"]:
        r = await client.patch(
            reviews_url(org, review["id"], "inputs", item["key"]),
            json={"covered": True, "notes": f"Discussed: {item['key']}."},
            headers=org.admin.headers,
        )
        assert r.status_code == 200, r.text
    r = await client.post(
        reviews_url(org, review["id"], "decisions"),
        json={"kind": "improvement", "text": "Automate the monthly SLA report."},
        headers=org.admin.headers,
    )
    assert r.status_code == 201, r.text
    if action:
        r = await client.post(
            reviews_url(org, review["id"], "actions"),
            json={
                "description": "Build the SLA report job",
                "owner_id": built.manager.user_id,
                "due_date": days(60),
                "decision_id": r.json()["id"],
            },
            headers=org.admin.headers,
        )
        assert r.status_code == 201, r.text
    await patch_review(client, org, review["id"], held_date=days(held))
    r = await move_review(client, org, review["id"], "held")
    assert r.status_code == 200, r.text
    minutes = await approved_item(client, built, "Minutes of the management review", "record")
    await patch_review(client, org, review["id"], minutes_evidence_id=minutes)
    r = await move_review(client, org, review["id"], "minutes_approved")
    assert r.status_code == 200, r.text
    return dict(r.json())


async def ready(client: httpx.AsyncClient, slug: str) -> Built:
    """Stage 1 complete plus a management review held after the internal audit."""
    built = await stage1_complete(client, slug)
    await hold_review(client, built, held=-7)
    return built


async def set_owner(client: httpx.AsyncClient, built: Built, ref: str, owner: Session) -> None:
    r = await client.post(
        requirements_url(built.org) + "/bulk",
        json={"changes": [{"ref": ref, "owner_id": owner.user_id}]},
        headers=built.org.admin.headers,
    )
    assert r.status_code == 200, r.text
