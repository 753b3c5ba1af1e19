"""The rule catalogue: one module per rule family, plus the rules we cannot check yet."""

from __future__ import annotations

from certready.readiness.enums import Gate, Severity
from certready.readiness.rules import (
    audits,
    certification,
    competence,
    corrective,
    coverage,
    documents,
    operations,
    planning,
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
)


def _order(rule_id: str) -> tuple[int, str]:
    number = rule_id.split("-")[1]
    return (int(number), rule_id) if number.isdigit() else (1000, rule_id)


RULES: dict[str, Rule] = {
    r.id: r for r in sorted((r for f in _FAMILIES for r in f.RULES), key=lambda r: _order(r.id))
}

_NO_SERVICES = "The product has no service, customer or catalogue records yet."
_NO_SUPPLIERS = "The product has no supplier or other-party records yet."

# iso20000.md section 6 rules that need data the product does not hold. Listed, not faked:
# the API returns them as not implemented so nobody mistakes silence for a pass.
NOT_IMPLEMENTED: dict[str, NotImplementedRule] = {
    n.id: n
    for n in (
        NotImplementedRule(
            "RDY-03",
            "Context and interested parties reviewed",
            ("4.1", "4.2"),
            Gate.stage1,
            Severity.blocker,
            "No context / interested-party register with review dates and the "
            "climate-change decision is modelled yet.",
        ),
        NotImplementedRule(
            "RDY-07",
            "Risk register with owners and treatments",
            ("6.1",),
            Gate.stage1,
            Severity.blocker,
            "The product has no risk register yet.",
        ),
        NotImplementedRule(
            "RDY-22",
            "Configuration records verified",
            ("8.2.6",),
            Gate.stage2,
            Severity.blocker,
            "The product has no CMDB / configuration items yet.",
        ),
        NotImplementedRule(
            "RDY-37",
            "Stage 1 areas of concern resolved",
            (),
            Gate.stage2,
            Severity.blocker,
            "Stage 1 areas of concern are not recorded separately from findings yet.",
        ),
        NotImplementedRule(
            "RDY-43",
            "CB minors effective before next surveillance",
            (),
            Gate.maintenance,
            Severity.warning,
            "Effectiveness evidence per CB finding is not recorded yet.",
        ),
    )
}

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
