"""The audit lifecycle: planned -> in_progress -> reporting -> closed (or cancelled).

Guards see an :class:`AuditMove`: the audit plus the facts the service loaded for the
move (checklist lines not assessed, nonconforming lines without a finding), so that
``AUDIT_WORKFLOW.check`` stays the one place where the rules are decided.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from certready.audits.enums import AuditStatus
from certready.audits.models import Audit
from certready.core.workflow import Workflow

S = AuditStatus


@dataclass
class AuditMove:
    audit: Audit
    unassessed_refs: list[str] = field(default_factory=list)
    unlinked_nonconforming_refs: list[str] = field(default_factory=list)


def _can_start(move: AuditMove) -> str | None:
    if move.audit.lead_auditor_id is None:
        return "An audit needs a lead auditor before it starts."
    if not move.audit.scope:
        return "An audit needs a scope before it starts."
    return None


def _preview(refs: list[str], limit: int = 20) -> str:
    more = f" and {len(refs) - limit} more" if len(refs) > limit else ""
    return ", ".join(refs[:limit]) + more


def _can_close(move: AuditMove) -> str | None:
    # ISO/IEC 20000-1 9.2: results reported to relevant management, documented information kept.
    reasons = []
    if move.unassessed_refs:
        reasons.append(
            f"{len(move.unassessed_refs)} checklist line(s) are not assessed: "
            + _preview(move.unassessed_refs)
        )
    if not move.audit.report_summary.strip():
        reasons.append("the report summary (conclusions) is missing")
    if not move.audit.distribution:
        reasons.append("the report has no distribution list")
    if move.unlinked_nonconforming_refs:
        reasons.append(
            "nonconforming line(s) without a finding: " + _preview(move.unlinked_nonconforming_refs)
        )
    if reasons:
        return "The audit cannot be closed: " + "; ".join(reasons) + "."
    return None


AUDIT_WORKFLOW: Workflow[AuditStatus, AuditMove] = Workflow.build(
    {
        S.planned: {S.in_progress, S.cancelled},
        S.in_progress: {S.reporting, S.cancelled},
        S.reporting: {S.closed},
        S.closed: set(),
        S.cancelled: set(),
    },
    guards={
        (S.planned, S.in_progress): _can_start,
        (S.reporting, S.closed): _can_close,
    },
)
