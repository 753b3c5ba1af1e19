"""Facts of the certification-audit rules (RDY-38..42): nonconformities raised in a (not
cancelled) Stage 2 audit. Part of the lists statement (``loaders.lists``)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select as sa_select
from sqlmodel import col

from certready.audits.enums import AuditStatus, AuditType
from certready.audits.models import Audit
from certready.db.repository import of_org
from certready.findings.enums import NONCONFORMITY_GRADES
from certready.findings.models import Finding
from certready.readiness.facts import Facts, FindingFacts
from certready.readiness.loaders.base import P_ORG, as_date, as_uuid, utc_date


def _stage2_findings() -> Any:
    return (
        sa_select(
            col(Finding.id),
            col(Finding.number),
            col(Finding.grade),
            col(Finding.status),
            col(Finding.source),
            col(Finding.audit_id),
            col(Finding.requirement_ref),
            col(Finding.due_date),
            col(Finding.cb_plan_accepted_at).is_not(None),
            col(Finding.cb_verified_at),
        )
        .join(Audit, col(Audit.id) == Finding.audit_id)
        .where(
            of_org(Finding, P_ORG),
            col(Finding.grade).in_(NONCONFORMITY_GRADES),
            col(Audit.type) == AuditType.stage2,
            col(Audit.status) != AuditStatus.cancelled,
        )
    )


def list_queries() -> dict[str, Any]:
    """This family's part of the lists statement (see ``loaders.lists``)."""
    return {"stage2": _stage2_findings()}


def read_lists(facts: Facts, rows: dict[str, list[Any]]) -> None:
    facts.findings = [
        FindingFacts(
            id=as_uuid(r[0]),
            number=r[1],
            grade=r[2],
            status=r[3],
            source=r[4],
            audit_id=as_uuid(r[5]) if r[5] else None,
            requirement_ref=r[6],
            due_date=as_date(r[7]),
            cb_plan_accepted=bool(r[8]),
            cb_verified_on=utc_date(r[9]),
        )
        for r in sorted(rows["stage2"], key=lambda r: r[1])
    ]
