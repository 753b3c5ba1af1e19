"""Verdict logic: gate ordering, applicability, score and next steps."""

from __future__ import annotations

from dataclasses import replace

from certready.readiness.engine import evaluate
from certready.readiness.facts import LeafEvidence

from tests.factories.readiness import TODAY, good_facts, leaf_id
from tests.readiness.test_rules import S2, audit


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
    facts.leaf_evidence[leaf_id("9.2")] = LeafEvidence(current=1, current_records=1)
    report = evaluate(facts, {})
    assert "RDY-19-S1" in report.gates.stage1.warnings
    assert "RDY-19-S1" not in report.gates.stage1.blockers


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
