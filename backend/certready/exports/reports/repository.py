"""SQL of the PDF reports: the register sheets' statements narrowed to what a report prints.

The findings (with their objective evidence and measures) and the checklist lines are the
compliance matrix's register statements with one more filter, so a report and the workbook
always agree; each is one statement whatever the organisation's size.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import String, literal, union_all
from sqlalchemy import select as sa_select
from sqlmodel import col

from certready.audits.models import Audit, AuditChecklistLine
from certready.db.repository import OrgScopedRepository
from certready.evidence.models import Evidence
from certready.exports.registers.repository import RegisterRepository, key
from certready.exports.registers.sheets import REGISTERS, Register, tidy
from certready.findings.enums import FindingStatus
from certready.findings.models import Finding
from certready.objectives.models import Objective

FINDINGS: Register = next(r for r in REGISTERS if r.statement == "findings")
LINES: Register = next(r for r in REGISTERS if r.statement == "checklist_lines")

# What a management review input may link to, and the prefix of its keys.
LINKED: dict[str, tuple[Any, str]] = {
    "evidence": (Evidence, "E-"),
    "finding": (Finding, "F-"),
    "objective": (Objective, "O-"),
    "audit": (Audit, "A-"),
}


class ReportRepository(RegisterRepository):
    """The reports' statements; each row comes back as {column header: cell}."""

    async def _rows(self, register: Register, stmt: Any) -> list[dict[str, Any]]:
        headers = [c.header for c in register.columns]
        result = await self.session.execute(stmt)
        return [dict(zip(headers, tidy(tuple(r), register.columns), strict=True)) for r in result]

    async def open_findings(self) -> list[dict[str, Any]]:
        """Findings not closed, by number (the Findings sheet's columns)."""
        stmt = self.findings().where(col(Finding.status) != FindingStatus.closed)
        return await self._rows(FINDINGS, stmt)

    async def audit_findings(self, audit_id: uuid.UUID) -> list[dict[str, Any]]:
        """Every finding raised on one audit, observations and OFIs included."""
        return await self._rows(FINDINGS, self.findings().where(col(Finding.audit_id) == audit_id))

    async def audit_lines(self, audit_id: uuid.UUID) -> list[dict[str, Any]]:
        """One audit's checklist lines in clause order, with notes and sampled evidence."""
        stmt = self.checklist_lines().where(col(AuditChecklistLine.audit_id) == audit_id)
        return await self._rows(LINES, stmt)


class LinkRepository(OrgScopedRepository[Evidence]):
    """The keys of the objects a management review's inputs link to."""

    model = Evidence

    async def link_keys(
        self, wanted: Mapping[str, Sequence[uuid.UUID]]
    ) -> dict[tuple[str, uuid.UUID], str]:
        """Human keys (``E-12``...) of linked objects of this organisation: one statement."""
        parts = [
            sa_select(
                literal(kind, String).label("kind"),
                col(table.id).label("id"),
                key(prefix, table.number).label("key"),
            ).where(self.of_org(table), col(table.id).in_(list(wanted[kind])))
            for kind, (table, prefix) in LINKED.items()
            if wanted.get(kind)
        ]
        if not parts:
            return {}
        result = await self.session.execute(union_all(*parts))
        return {(kind, uuid.UUID(str(id_))): str(k) for kind, id_, k in result}
