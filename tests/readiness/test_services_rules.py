"""RDY-02 and RDY-23 over hand-built Facts (iso20000.md 6.6): pass and fail, services named."""

from __future__ import annotations

import uuid
from dataclasses import replace

from certready.readiness.facts import OtherPartyProcess, ServiceFacts

from tests.factories.readiness import GOOD_SERVICE, good_facts, keys, run


def svc(n: int, **kw: object) -> ServiceFacts:
    return replace(GOOD_SERVICE, id=uuid.uuid4(), number=n, name=f"S{n}", **kw)  # type: ignore[arg-type]


def test_rdy02_passes_when_scope_and_catalogue_agree() -> None:
    facts = good_facts(
        services=[
            svc(1),
            svc(2, in_scope=False, has_reason=True, named_in_scope=False),
            svc(3, status="retired", in_scope=True, named_in_scope=False),
        ]
    )
    assert run("RDY-02", facts).passed


def test_rdy02_fails_both_ways_and_names_the_services() -> None:
    facts = good_facts(
        services=[
            svc(1),
            svc(2, named_in_scope=False),  # in scope, not in the statement
            svc(3, in_scope=False, has_reason=True, named_in_scope=True),  # statement only
            svc(4, in_scope=False, has_reason=False, named_in_scope=False),  # no reason
            svc(5, status="retired", named_in_scope=True),  # retired but named
        ]
    )
    outcome = run("RDY-02", facts)
    assert not outcome.passed
    assert keys(outcome) == ["SVC-2", "SVC-3", "SVC-4", "SVC-5"]
    assert all(f.route.startswith("/orgs/acme/services/") for f in outcome.failures)


def test_rdy02_fails_without_services_in_scope() -> None:
    outcome = run("RDY-02", good_facts(services=[]))
    assert not outcome.passed and outcome.failures[0].route == "/orgs/acme/services"
    out = svc(1, in_scope=False, has_reason=True, named_in_scope=False)
    outcome = run("RDY-02", good_facts(services=[out]))
    assert not outcome.passed and keys(outcome) == [None]


def test_rdy23_passes_with_own_processes_and_controlled_other_parties() -> None:
    one = svc(1)
    facts = good_facts(
        services=[
            one,
            svc(2, in_scope=False, has_reason=True, named_in_scope=False, own_processes=0),
        ],
        other_party_processes=[OtherPartyProcess(one.id, "8.7.1", True, True, True)],
    )
    assert run("RDY-23", facts).passed


def test_rdy23_fails_and_names_the_services() -> None:
    one, two, three = svc(1), svc(2, own_processes=0), svc(3)
    facts = good_facts(
        services=[one, two, three],
        other_party_processes=[
            OtherPartyProcess(two.id, "8.6.1", True, True, True),
            OtherPartyProcess(three.id, "8.7.1", True, False, False),
        ],
    )
    outcome = run("RDY-23", facts)
    assert not outcome.passed
    assert keys(outcome) == ["SVC-2", "SVC-3"]
    assert "no clause-8 process" in outcome.failures[0].message
    assert "internal owner" in outcome.failures[1].message
    assert "monitoring" in outcome.failures[1].message
    assert not run("RDY-23", good_facts(services=[])).passed
