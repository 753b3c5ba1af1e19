"""RDY-13 over hand-built facts: pairs, suppliers by kind, "none exist" statements."""

from __future__ import annotations

import uuid

from certready.readiness.facts import ScopeSupplier, SlaPair

from tests.factories.readiness import good_facts, keys, run


def pair(slas: int, s: int = 1, c: int = 1) -> SlaPair:
    return SlaPair(uuid.uuid4(), s, f"Service {s}", uuid.uuid4(), c, f"Customer {c}", slas)


def supplier(n: int, kind: str, contracts: int = 0, agreements: int = 0) -> ScopeSupplier:
    return ScopeSupplier(uuid.uuid4(), n, f"Supplier {n}", kind, contracts, agreements)


def test_rdy13_passes_with_agreements_and_statements() -> None:
    facts = good_facts(
        sla_pairs=[pair(1), pair(2, c=2)],
        scope_suppliers=[supplier(1, "external", contracts=1, agreements=1)],
    )
    assert run("RDY-13", facts).passed


def test_rdy13_fails_naming_each_gap() -> None:
    facts = good_facts(
        sla_pairs=[pair(1, 1, 1), pair(0, 2, 3)],
        scope_suppliers=[
            supplier(1, "external", contracts=0, agreements=1),  # an OLA is not a contract
            supplier(2, "internal", agreements=1),
            supplier(3, "customer_as_supplier"),
        ],
        none_exist=frozenset({"internal"}),
    )
    outcome = run("RDY-13", facts)
    assert not outcome.passed
    assert keys(outcome) == ["SVC-2/CUS-3", "SUP-1", "SUP-3", "internal"]
    assert "contract" in outcome.failures[1].message
    assert outcome.failures[0].route.startswith("/orgs/acme/agreements?service=")
    assert "but one is in scope" in outcome.failures[3].message


def test_rdy13_empty_kinds_need_an_approved_statement() -> None:
    outcome = run("RDY-13", good_facts(none_exist=frozenset()))
    assert keys(outcome) == ["internal", "customer_as_supplier"]
    assert run("RDY-13", good_facts()).passed  # both stated, nothing else in scope
