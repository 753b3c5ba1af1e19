"""Other parties: clauses 4 and 5 stay the organisation's own (RDY-06); every service
relationship is agreed in writing (RDY-13)."""

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


# Supplier kinds whose absence needs an approved "none exist" statement (iso20000.md 6.6).
STATED_WHEN_EMPTY = ("internal", "customer_as_supplier")
_KIND_LABEL = {
    "external": "external supplier",
    "internal": "internal supplier",
    "customer_as_supplier": "customer acting as a supplier",
}


def _pair_failures(facts: Facts) -> list[Failure]:
    return [
        Failure(
            "service",
            f"SVC-{p.service_number} {p.service_name} for CUS-{p.customer_number} "
            f"{p.customer_name} has no SLA in force.",
            facts.route(f"/agreements?service={p.service_id}&customer={p.customer_id}"),
            id=str(p.service_id),
            key=f"SVC-{p.service_number}/CUS-{p.customer_number}",
        )
        for p in facts.sla_pairs
        if p.slas == 0
    ]


def _supplier_failures(facts: Facts) -> list[Failure]:
    failures = []
    for s in facts.scope_suppliers:
        external = s.kind == "external"
        if (s.contracts if external else s.agreements) > 0:
            continue
        need = "a contract" if external else "a documented agreement"
        failures.append(
            Failure(
                "supplier",
                f"SUP-{s.number} {s.name} ({_KIND_LABEL.get(s.kind, s.kind)}) has no "
                f"{need[2:]} in force.",
                facts.route(f"/suppliers/{s.id}"),
                id=str(s.id),
                key=f"SUP-{s.number}",
            )
        )
    return failures


def _statement_failures(facts: Facts) -> list[Failure]:
    present = {s.kind for s in facts.scope_suppliers}
    failures = []
    for kind in STATED_WHEN_EMPTY:
        label = _KIND_LABEL[kind]
        if kind not in present and kind not in facts.none_exist:
            message = f"No {label} in scope, and no approved statement that none exists."
        elif kind in present and kind in facts.none_exist:
            message = f"The approved statement says no {label} exists, but one is in scope."
        else:
            continue
        failures.append(Failure("supplier_statement", message, facts.route("/suppliers"), key=kind))
    return failures


@rule(
    "RDY-13",
    "SLAs, supplier contracts and agreements for every pair",
    ["8.3.3", "8.3.4.1", "8.3.4.2"],
    Gate.stage1,
    Severity.blocker,
)
def agreements_in_place(facts: Facts, params: Params) -> Outcome:
    """Every (service, customer) pair in scope (a live or retiring service in scope) has an
    SLA in force; every active external supplier in scope has a contract in force, every
    internal supplier and customer acting as a supplier a documented agreement (contract or
    OLA); a kind with none in scope has an approved "none exist" statement (internal
    suppliers, customers acting as suppliers), which must not contradict the register."""
    failures = _pair_failures(facts) + _supplier_failures(facts) + _statement_failures(facts)
    return Outcome(failures)


RULES: list[Rule] = [own_context_and_leadership, agreements_in_place]
