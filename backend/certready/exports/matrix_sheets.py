"""The compliance matrix's sheets: their columns, and the streamed rows folded into cells."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from certready.audits.enums import ChecklistResult
from certready.exports.meta import ExportMeta
from certready.exports.xlsx import Column, choices
from certready.readiness.schemas import RuleResultRead
from certready.requirements.enums import ImplementationStatus

MATRIX = "Compliance matrix"
EXPORT = "Export"
# One cell lists at most this many evidence items (the "Evidence" sheet has them all).
CELL_ITEMS = 100

MATRIX_COLUMNS = (
    Column("Clause", 9),
    Column("Top-level clause", 9),
    Column("Title", 40, wrap=True),
    Column("Owner", 22),
    Column("Implementation status", 18, choices=choices(ImplementationStatus)),
    Column("Not occurring", 10, kind="bool"),
    Column("Not-occurring justification", 40, wrap=True),
    Column("Target date", 12, kind="date"),
    Column("Evidence items", 10, kind="number"),
    Column(
        "Evidence (key, title, version, SHA-256, approval, effective, valid until)", 90, wrap=True
    ),
    Column("Last audit result", 16, choices=choices(ChecklistResult)),
    Column("Last audit date", 12, kind="date"),
    Column("Last audit", 10),
    Column("Open findings", 10, kind="number"),
    Column("Open finding keys", 22, wrap=True),
    Column("Readiness rule failures", 24, wrap=True),
)

EXPORT_COLUMNS = (Column("Field", 24), Column("Value", 90, wrap=True))


@dataclass
class FailingRules:
    """Which failing readiness rules name a requirement: the requirements a rule lists as
    failing objects or, when it lists none, every leaf under one of its clause refs."""

    by_ref: dict[str, list[str]] = field(default_factory=dict)
    by_clause: list[tuple[str, str]] = field(default_factory=list)

    def for_ref(self, ref: str) -> list[str]:
        ids = set(self.by_ref.get(ref, ()))
        ids |= {r for clause, r in self.by_clause if ref == clause or ref.startswith(clause + ".")}
        return sorted(ids, key=_rule_order)


def _rule_order(rule_id: str) -> tuple[int, str]:
    tail = rule_id.rsplit("-", 1)[-1]
    return (int(tail), rule_id) if tail.isdigit() else (10**6, rule_id)


def rules_by_ref(rules: Iterable[RuleResultRead]) -> FailingRules:
    """The failing (implemented) rules of a readiness report, indexed for ``for_ref``."""
    out = FailingRules()
    for rule in rules:
        if not rule.implemented or rule.passed is not False:
            continue
        refs = {f.key for f in rule.failing if f.type == "requirement" and f.key}
        for ref in refs:
            out.by_ref.setdefault(ref, []).append(rule.id)
        if not refs:
            out.by_clause += [(clause, rule.id) for clause in rule.clause_refs]
    return out


def _iso(value: date | None) -> str:
    return value.isoformat() if value else "-"


def evidence_line(row: Any) -> str:
    """One evidence item as a line of the matrix's evidence cell."""
    version = f"v{row.evidence_version}" if row.evidence_version else "no file"
    sha = f"SHA-256 {row.evidence_sha256}" if row.evidence_sha256 else "no SHA-256"
    status = str(getattr(row.evidence_status, "value", row.evidence_status))
    approval = f"approved {_iso(row.evidence_approved_on)}" if status == "approved" else status
    return (
        f"E-{row.evidence_number} {row.evidence_title} | {version} | {sha} | {approval} | "
        f"effective {_iso(row.evidence_effective_date)} | "
        f"valid until {_iso(row.evidence_valid_until)}"
    )


def _finding_keys(numbers: str | None) -> str:
    if not numbers:
        return ""
    return "; ".join(f"F-{n}" for n in sorted({int(n) for n in numbers.split(",") if n}))


def _matrix_row(first: Any, items: Sequence[Any], failing: FailingRules) -> list[Any]:
    listed = [evidence_line(r) for r in items[:CELL_ITEMS]]
    if len(items) > CELL_ITEMS:
        listed.append(f"... and {len(items) - CELL_ITEMS} more (sheet Evidence)")
    return [
        first.ref,
        first.root_ref,
        first.title,
        first.owner,
        first.status or ImplementationStatus.not_started,
        bool(first.not_occurring),
        first.not_occurring_justification or None,
        first.target_date,
        len(items),
        "\n".join(listed),
        first.audit_result,
        first.audit_date,
        f"A-{first.audit_number}" if first.audit_number is not None else None,
        first.open_count or 0,
        _finding_keys(first.finding_numbers),
        ", ".join(failing.for_ref(first.ref)),
    ]


async def matrix_rows(
    batches: AsyncIterator[Sequence[Any]], failing: FailingRules
) -> AsyncIterator[list[list[Any]]]:
    """The matrix statement's rows (one per requirement and evidence item, in clause order)
    folded into one row per requirement; only one requirement's items are held at a time."""
    first: Any = None
    items: list[Any] = []
    for_batch: list[list[Any]] = []
    async for batch in batches:
        for row in batch:
            if first is not None and row.requirement_id != first.requirement_id:
                for_batch.append(_matrix_row(first, items, failing))
                first, items = None, []
            if first is None:
                first = row
            if row.evidence_number is not None:
                items.append(row)
        yield for_batch
        for_batch = []
    if first is not None:
        yield [_matrix_row(first, items, failing)]


def export_rows(meta: ExportMeta) -> list[tuple[str, Any]]:
    """The "Export" sheet: the metadata, with the moment as a real date-time (UTC)."""
    moment: Mapping[str, Any] = {"Generated at": meta.generated_at}
    return [
        ("Generated at (UTC)", moment[label]) if label in moment else (label, value)
        for label, value in meta.rows()
    ]
