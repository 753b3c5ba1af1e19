"""Audit programmes and audits created through the real API."""

from __future__ import annotations

import uuid
from typing import Any

import httpx
from certready.audits.models import (
    Audit,
    AuditChecklistEvidence,
    AuditChecklistLine,
    AuditTeamMember,
)
from certready.db.session import Database
from certready.findings.models import Finding, FindingEvidence
from certready.requirements.models import Framework, Requirement, RequirementStatus
from sqlalchemy import delete, insert, select, update

from tests.factories.auth import OrgFixture
from tests.factories.requirements import drop_framework


def audits_url(org: OrgFixture, *parts: object) -> str:
    return "/".join([f"/api/v1/orgs/{org.slug}/audits", *(str(p) for p in parts)])


def programmes_url(org: OrgFixture, *parts: object) -> str:
    return "/".join([f"/api/v1/orgs/{org.slug}/audit-programmes", *(str(p) for p in parts)])


async def create_programme(
    client: httpx.AsyncClient, org: OrgFixture, headers: dict[str, str] | None = None, **fields: Any
) -> dict[str, Any]:
    body = {
        "title": "Internal audit programme 2026",
        "period_label": "2026",
        "objectives": "Cover every clause of ISO/IEC 20000-1 once a year.",
        "method": "Document review and interviews; sampling of records; report to management.",
        **fields,
    }
    r = await client.post(programmes_url(org), json=body, headers=headers or org.admin.headers)
    assert r.status_code == 201, r.text
    return dict(r.json())


async def create_audit(
    client: httpx.AsyncClient,
    org: OrgFixture,
    *,
    scope: list[str] | None = None,
    type: str = "internal",
    lead: str | None = None,
    team: list[str] | None = None,
    programme_id: str | None = None,
    headers: dict[str, str] | None = None,
    expect: int = 201,
    **fields: Any,
) -> dict[str, Any]:
    if type == "internal" and programme_id is None:
        programme_id = (await create_programme(client, org))["id"]
    body: dict[str, Any] = {
        "type": type,
        "title": f"{type} audit",
        "scope": scope if scope is not None else ["8.5"],
        "criteria": "ISO/IEC 20000-1:2018 and the SMS plan",
        "team_member_ids": team or [],
        **fields,
    }
    if programme_id is not None:
        body["programme_id"] = programme_id
    if lead is not None:
        body["lead_auditor_id"] = lead
    r = await client.post(audits_url(org), json=body, headers=headers or org.admin.headers)
    assert r.status_code == expect, r.text
    return dict(r.json())


async def transition(
    client: httpx.AsyncClient,
    org: OrgFixture,
    audit_id: str,
    to: str,
    headers: dict[str, str] | None = None,
    note: str = "",
) -> httpx.Response:
    return await client.post(
        audits_url(org, audit_id, "transitions"),
        json={"to": to, "note": note},
        headers=headers or org.admin.headers,
    )


async def patch_audit(
    client: httpx.AsyncClient,
    org: OrgFixture,
    audit_id: str,
    body: dict[str, Any],
    headers: dict[str, str] | None = None,
) -> httpx.Response:
    headers = headers or org.admin.headers
    current = await client.get(audits_url(org, audit_id), headers=headers)
    return await client.patch(
        audits_url(org, audit_id),
        json=body,
        headers={**headers, "If-Match": current.headers["etag"]},
    )


async def assess(
    client: httpx.AsyncClient,
    org: OrgFixture,
    audit_id: str,
    ref: str,
    headers: dict[str, str],
    result: str | None = "conforming",
    **fields: Any,
) -> httpx.Response:
    body = {**fields}
    if result is not None:
        body["result"] = result
    return await client.patch(
        audits_url(org, audit_id, "checklist", ref), json=body, headers=headers
    )


async def assess_all(
    client: httpx.AsyncClient,
    org: OrgFixture,
    audit_id: str,
    headers: dict[str, str],
    result: str = "conforming",
) -> list[dict[str, Any]]:
    lines = (await client.get(audits_url(org, audit_id, "checklist"), headers=headers)).json()
    for line in lines["items"]:
        r = await assess(client, org, audit_id, line["ref"], headers, result)
        assert r.status_code == 200, r.text
    return list(lines["items"])


async def set_owner(
    database: Database, org: OrgFixture, ref: str, user_id: str | None, framework: str | None = None
) -> None:
    """Make a member the owner of a requirement (the requirements API's job; direct here so
    these tests do not depend on its rules)."""
    code = framework or "iso20000-1:2018"
    async with database.transaction() as session:
        req_id = (
            await session.execute(
                select(Requirement.id)
                .join(Framework, Framework.id == Requirement.framework_id)
                .where(Framework.code == code, Requirement.ref == ref)
            )
        ).scalar_one()
        owner = uuid.UUID(user_id) if user_id else None
        result = await session.execute(
            update(RequirementStatus)
            .where(
                RequirementStatus.org_id == uuid.UUID(org.id),
                RequirementStatus.requirement_id == req_id,
            )
            .values(owner_id=owner)
        )
        if result.rowcount == 0:  # type: ignore[attr-defined]
            await session.execute(
                insert(RequirementStatus).values(
                    org_id=uuid.UUID(org.id),
                    requirement_id=req_id,
                    status="not_started",
                    owner_id=owner,
                    notes="",
                    not_occurring=False,
                    not_occurring_justification="",
                    version=1,
                )
            )


async def drop_framework_with_audits(database: Database, code: str) -> None:
    """Remove a generated framework and the audits and findings that point at it."""
    async with database.transaction() as session:
        framework_id = (
            await session.execute(select(Framework.id).where(Framework.code == code))
        ).scalar_one_or_none()
        if framework_id is not None:
            audit_ids = select(Audit.id).where(Audit.framework_id == framework_id)
            line_ids = select(AuditChecklistLine.id).where(
                AuditChecklistLine.audit_id.in_(audit_ids)
            )
            finding_ids = select(Finding.id).where(Finding.audit_id.in_(audit_ids))
            await session.execute(
                delete(FindingEvidence).where(FindingEvidence.finding_id.in_(finding_ids))
            )
            await session.execute(delete(Finding).where(Finding.audit_id.in_(audit_ids)))
            await session.execute(
                delete(AuditChecklistEvidence).where(AuditChecklistEvidence.line_id.in_(line_ids))
            )
            await session.execute(
                delete(AuditChecklistLine).where(AuditChecklistLine.audit_id.in_(audit_ids))
            )
            await session.execute(
                delete(AuditTeamMember).where(AuditTeamMember.audit_id.in_(audit_ids))
            )
            await session.execute(delete(Audit).where(Audit.framework_id == framework_id))
    await drop_framework(database, code)
