"""Rules every part of the audits domain shares: keys, who may conduct, scope expansion."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from certready.audits.enums import CERTIFICATION_BODY_TYPES, FINAL_AUDIT_STATUSES, AuditType
from certready.audits.models import Audit
from certready.context import OrgContext
from certready.core.problems import Conflict, Forbidden
from certready.integrations.enums import KIND_CLAUSES
from certready.orgs.enums import Role

# Roles that may lead or join an audit; certification-body audits also take external auditors.
INTERNAL_AUDITOR_ROLES = frozenset({Role.admin, Role.sms_manager, Role.auditor})


class AuditorNotIndependent(Conflict):
    slug, title = "auditor-not-independent", "Auditor not independent"


def audit_key(audit: Audit) -> str:
    return f"A-{audit.number}"


def is_certification_body(audit: Audit) -> bool:
    return AuditType(audit.type) in CERTIFICATION_BODY_TYPES


def ensure_may_conduct(ctx: OrgContext, audit: Audit) -> None:
    """External auditors conduct and raise findings on certification-body audits only."""
    if ctx.role == Role.external_auditor and not is_certification_body(audit):
        raise Forbidden("External auditors may work only on certification-body audits.")


def ensure_editable(audit: Audit) -> None:
    """409 once the audit is closed or cancelled."""
    if audit.status in FINAL_AUDIT_STATUSES:
        raise Conflict(f"The audit is {audit.status}: it is read-only.")


def _prefixes(ref: str) -> list[str]:
    parts = ref.split(".")
    return [".".join(parts[: i + 1]) for i in range(len(parts))]


def itsm_clauses(ref: str) -> list[str]:
    """The clauses whose ITSM records are evidence for a line: the ref or one it refines
    (a line ``8.5.1.2`` samples change records, clause ``8.5.1``)."""
    mapped = {c for c in KIND_CLAUSES.values() if c is not None}
    return [p for p in _prefixes(ref) if p in mapped]


def expand_scope(scope: Sequence[str], leaves: Sequence[Any]) -> tuple[list[Any], list[str]]:
    """Leaves covered by refs / clause prefixes (``8`` covers ``8.x``, never ``80``), in
    catalogue order and without duplicates; plus the scope items that match nothing."""
    wanted = set(scope)
    matched: set[str] = set()
    rows = []
    for leaf in leaves:
        hits = wanted.intersection(_prefixes(leaf.ref))
        if hits:
            rows.append(leaf)
            matched |= hits
    unknown = [s for s in dict.fromkeys(scope) if s not in matched]
    return rows, unknown


def evidence_json(links: Sequence[tuple[uuid.UUID, int | None]]) -> list[dict[str, Any]]:
    """Evidence links (item, pinned version) as logged in activity entries."""
    return [{"evidence_item_id": str(i), "version_number": n} for i, n in sorted(links)]
