"""The rule catalogue: one module per rule family, plus the rules we cannot check yet."""

from __future__ import annotations

from certready.readiness.rules import (
    audits,
    certification,
    competence,
    corrective,
    coverage,
    documents,
    operations,
    planning,
    registers,
    reviews,
    services,
    suppliers,
)
from certready.readiness.rules.base import (
    Failure,
    NotImplementedRule,
    Outcome,
    Param,
    Params,
    Rule,
)

_FAMILIES = (
    documents,
    planning,
    competence,
    coverage,
    audits,
    reviews,
    corrective,
    certification,
    operations,
    suppliers,
    services,
    registers,
)


def _order(rule_id: str) -> tuple[int, str]:
    number = rule_id.split("-")[1]
    return (int(number), rule_id) if number.isdigit() else (1000, rule_id)


RULES: dict[str, Rule] = {
    r.id: r for r in sorted((r for f in _FAMILIES for r in f.RULES), key=lambda r: _order(r.id))
}

# iso20000.md section 6 rules that need data the product does not hold. Listed, not faked:
# the API returns them as not implemented so nobody mistakes silence for a pass.
NOT_IMPLEMENTED: dict[str, NotImplementedRule] = {}

__all__ = [
    "NOT_IMPLEMENTED",
    "RULES",
    "Failure",
    "NotImplementedRule",
    "Outcome",
    "Param",
    "Params",
    "Rule",
]
