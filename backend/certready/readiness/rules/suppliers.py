"""Other parties: clauses 4 and 5 stay the organisation's own (RDY-06)."""

from __future__ import annotations

from certready.readiness.enums import Gate, Severity
from certready.readiness.facts import Facts
from certready.readiness.rules.base import Failure, Outcome, Params, Rule, rule


@rule(
    "RDY-06",
    "Clauses 4 and 5 owned by the organisation",
    ["4", "5"],
    Gate.stage1,
    Severity.blocker,
)
def own_context_and_leadership(facts: Facts, params: Params) -> Outcome:
    """No evidence item supporting a clause 4 or 5 requirement is recorded as owned or
    provided by a supplier (another party cannot hold the organisation's context,
    leadership or policy for it)."""
    failures = [
        Failure(
            "evidence",
            f"E-{e.evidence_number} {e.title} supports clause 4/5 but is owned by "
            f"SUP-{e.supplier_number} {e.supplier_name}.",
            facts.route(f"/evidence/{e.evidence_id}"),
            id=str(e.evidence_id),
            key=f"E-{e.evidence_number}",
        )
        for e in facts.other_party_evidence
    ]
    return Outcome(failures)


RULES: list[Rule] = [own_context_and_leadership]
