"""Verdict logic: gate ordering, applicability, score and next steps."""

from __future__ import annotations

import uuid
from dataclasses import replace

from certready.readiness.engine import evaluate, evaluate_rules, verdicts
from certready.readiness.enums import Gate, Severity
from certready.readiness.facts import Expiring, ExpiringItem, LeafEvidence
from certready.readiness.rules import NOT_IMPLEMENTED, NotImplementedRule

from tests.factories.readiness import TODAY, good_facts, leaf_id
from tests.readiness.test_rules import S2, D, audit


def test_stage1_blocker_blocks_every_later_gate() -> None:
    facts = good_facts()
    facts.documents["D1"] = replace(facts.documents["D1"], current=0)
    report = evaluate(facts, {})
    assert "RDY-01" in report.gates.stage1.blockers
    assert "RDY-01" in report.gates.stage2.blockers
    assert not report.gates.stage1.ready and not report.gates.stage2.ready
    assert report.next_steps[0].gate == "stage1"


def test_stage2_blocker_leaves_stage1_ready() -> None:
    facts = good_facts()
    facts.leaf_evidence[leaf_id("8.6.1")] = replace(
        facts.leaf_evidence[leaf_id("8.6.1")], latest_record_date=TODAY.replace(year=2020)
    )
    report = evaluate(facts, {})
    assert "RDY-20" in report.gates.stage2.blockers
    assert "RDY-20" not in report.gates.stage1.blockers


def test_warnings_never_flip_readiness() -> None:
    facts = good_facts()
    facts.expiring_evidence = Expiring(
        (ExpiringItem(uuid.uuid4(), 7, "Supplier contract", "record", TODAY + 5 * D),), 1
    )
    report = evaluate(facts, {})
    assert "RDY-25" in report.gates.stage1.warnings
    assert "RDY-25" not in report.gates.stage1.blockers
    without = evaluate(good_facts(), {}).gates.stage1
    assert report.gates.stage1.ready == without.ready
    assert report.gates.stage1.blockers == without.blockers


def test_stage1_documents_for_every_leaf_block() -> None:
    facts = good_facts()
    facts.leaf_evidence[leaf_id("9.2")] = LeafEvidence(current=1, current_records=1)
    report = evaluate(facts, {})
    assert "RDY-19-S1" in report.gates.stage1.blockers
    assert report.gates.stage1.ready is False


# Synthetic rules the product could not evaluate: the gate logic must keep working for the
# day a new rule of iso20000.md section 6 arrives before its data does.
UNEVALUATED = {
    n.id: n
    for n in (
        NotImplementedRule("RDY-97", "S1 blocker", ("4.3",), Gate.stage1, Severity.blocker, "x"),
        NotImplementedRule("RDY-98", "S2 blocker", ("8.2.6",), Gate.stage2, Severity.blocker, "x"),
        NotImplementedRule("RDY-99", "S2 warning", ("9.4",), Gate.stage2, Severity.warning, "x"),
    )
}


def test_every_rule_is_implemented() -> None:
    """iso20000.md section 6: every readiness rule is evaluated; none is listed as not
    implemented, so no gate stays unconfirmed for want of a check."""
    assert NOT_IMPLEMENTED == {}
    report = evaluate(good_facts(), {})
    assert report.gates.stage1.unevaluated == [] and report.gates.stage2.unevaluated == []
    # a verdict is always true or false, never "cannot be confirmed"
    assert all(getattr(report.gates, g.value).ready is not None for g in Gate)


def test_unevaluated_blockers_make_a_passing_gate_unconfirmed() -> None:
    """iso20000.md 6.6: a gate with unevaluated blocker rules is never ready: true."""
    passing = [e for e in evaluate_rules(good_facts(), {}) if e.outcome.passed]
    applicable = {g: True for g in Gate}
    gates = verdicts(passing, applicable, not_implemented=UNEVALUATED)
    assert gates.stage1.blockers == []
    assert gates.stage1.unevaluated == ["RDY-97"] and gates.stage1.ready is None
    # Stage 2 inherits Stage 1's unevaluated rules and adds its own blockers (not warnings)
    assert sorted(gates.stage2.unevaluated) == ["RDY-97", "RDY-98"]
    assert gates.stage2.ready is None
    assert gates.stage2.reason and "RDY-97" in gates.stage2.reason
    assert "RDY-98" in gates.stage2.reason
    # with every blocker evaluated and passing, the gate is ready
    confirmed = verdicts(passing, applicable, not_implemented={})
    assert confirmed.stage1.ready is True and confirmed.stage1.reason is None
    # a failing blocker makes it false, whatever is not evaluated
    facts = good_facts()
    facts.documents["D1"] = replace(facts.documents["D1"], current=0)
    failed = verdicts(evaluate_rules(facts, {}), applicable, not_implemented=UNEVALUATED).stage1
    assert failed.ready is False and failed.reason is None
    assert failed.unevaluated == ["RDY-97"]


def test_certification_and_maintenance_apply_only_when_recorded() -> None:
    report = evaluate(good_facts(), {})
    assert not report.gates.certification.applicable and not report.gates.certification.ready
    assert not report.gates.maintenance.applicable
    with_stage2 = evaluate(good_facts(audits=[S2], certification_decision_date=TODAY), {})
    assert with_stage2.gates.certification.applicable
    assert with_stage2.gates.maintenance.applicable
    # maintenance is evaluated on its own: no stage1/stage2 rule counts there
    assert set(with_stage2.gates.maintenance.blockers) <= {"RDY-41", "RDY-42"}
    assert "RDY-41" in with_stage2.gates.maintenance.blockers


def test_next_steps_ordered_by_gate_then_objects() -> None:
    facts = good_facts(audits=[audit(status="planned")])
    facts.leaves = [replace(lf, owner_id=None) for lf in facts.leaves]
    report = evaluate(facts, {})
    gates = [s.gate for s in report.next_steps]
    assert gates == sorted(gates, key=["stage1", "stage2", "certification", "maintenance"].index)
    stage1 = [s for s in report.next_steps if s.gate == "stage1"]
    counts = [s.failing_count for s in stage1]
    assert counts == sorted(counts, reverse=True)
    assert stage1[0].rule_id == "RDY-05"


def test_score_weights_blockers_and_implementation() -> None:
    worst = good_facts()
    worst.leaves = [replace(lf, status="not_started", owner_id=None) for lf in worst.leaves]
    low = evaluate(worst, {}).score
    high = evaluate(good_facts(), {}).score
    assert 0 <= low < high <= 100
