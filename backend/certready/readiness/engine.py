"""Evaluate every rule over :class:`Facts` and derive verdicts, score, roll-up, next steps.

Pure Python over already aggregated facts: no I/O here.

Verdict (iso20000.md section 6): a gate is ready when no *blocker* of that gate or an
earlier gate fails (stage1 < stage2 < certification); maintenance is evaluated on its own.
A gate whose blockers all pass but some of whose blocker rules are not evaluated yet
(``NOT_IMPLEMENTED``) reports ``ready: null`` with their ids (iso20000.md 6.6): never true.
``certification`` applies once a Stage 2 audit is recorded (not cancelled);
``maintenance`` once the organisation records its certification decision date. A gate
that does not apply reports ``applicable: false`` and ``ready: false``.

Score (0-100), documented for the README::

    score = round(70 * blocker_share + 30 * implementation_share)

* ``blocker_share``: passed blocker rules / all blocker rules of the applicable gates,
  each rule weighted by its gate: stage1 = 3, stage2 = 2, certification = 1,
  maintenance = 1 (early gates weigh more because everything later builds on them).
  A rule that failed only as a warning this time (RDY-31) counts as half passed.
* ``implementation_share``: leaf requirements weighted by status, implemented = 1,
  in_progress = 0.5, planned / not_started = 0, divided by the number of leaves.

Warnings never change the score.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from certready.core.clock import utcnow
from certready.readiness.enums import GATE_ORDER, Gate, Severity
from certready.readiness.facts import FAILING_LIMIT, REPORT_FAILING_LIMIT, Facts
from certready.readiness.rules import NOT_IMPLEMENTED, RULES, NotImplementedRule, Outcome, Rule
from certready.readiness.schemas import (
    ClauseRead,
    FailingObjectRead,
    GateRead,
    GatesRead,
    NextStepRead,
    ReadinessRead,
    RuleResultRead,
    StatusCounts,
)

GATE_WEIGHT = {Gate.stage1: 3, Gate.stage2: 2, Gate.certification: 1, Gate.maintenance: 1}
STATUS_WEIGHT = {"implemented": 1.0, "in_progress": 0.5}
BLOCKER_POINTS = 70
IMPLEMENTATION_POINTS = 30


@dataclass(frozen=True)
class Evaluated:
    rule: Rule
    outcome: Outcome
    params: Mapping[str, int]

    @property
    def severity(self) -> Severity:
        return self.outcome.severity or self.rule.severity

    @property
    def blocking(self) -> bool:
        return not self.outcome.passed and self.severity == Severity.blocker


def effective_params(overrides: Mapping[str, Mapping[str, int]], rule: Rule) -> dict[str, int]:
    values = rule.defaults()
    for name, value in overrides.get(rule.id, {}).items():
        if name in values:
            values[name] = value
    return values


def evaluate_rules(facts: Facts, overrides: Mapping[str, Mapping[str, int]]) -> list[Evaluated]:
    out = []
    for rule in RULES.values():
        params = effective_params(overrides, rule)
        out.append(Evaluated(rule, rule.evaluate(facts, params), params))
    return out


def _message(e: Evaluated) -> str:
    if e.outcome.passed:
        return "Passed."
    if e.outcome.message:
        return e.outcome.message
    first = e.outcome.failures[0].message
    n = e.outcome.failing_count
    return first if n == 1 else f"{first} (+{n - 1} more)"


def rule_result(e: Evaluated, limit: int = FAILING_LIMIT) -> RuleResultRead:
    return RuleResultRead(
        id=e.rule.id,
        title=e.rule.title,
        description=e.rule.description,
        clause_refs=list(e.rule.clause_refs),
        gate=e.rule.gate,
        severity=e.severity,
        implemented=True,
        passed=e.outcome.passed,
        message=_message(e),
        failing_count=e.outcome.failing_count,
        failing=[
            FailingObjectRead(type=f.type, id=f.id, key=f.key, message=f.message, route=f.route)
            for f in e.outcome.failures[:limit]
        ],
        parameters=dict(e.params),
    )


def not_implemented_result(n: NotImplementedRule) -> RuleResultRead:
    return RuleResultRead(
        id=n.id,
        title=n.title,
        description="",
        clause_refs=list(n.clause_refs),
        gate=n.gate,
        severity=n.severity,
        implemented=False,
        passed=None,
        message=f"Not implemented: {n.reason}",
        failing_count=0,
        failing=[],
        parameters={},
        not_implemented_reason=n.reason,
    )


def gate_applicability(facts: Facts) -> dict[Gate, bool]:
    from certready.audits.enums import AuditStatus, AuditType

    stage2 = any(
        a.type == AuditType.stage2 and a.status != AuditStatus.cancelled for a in facts.audits
    )
    return {
        Gate.stage1: True,
        Gate.stage2: True,
        Gate.certification: stage2,
        Gate.maintenance: facts.certification_decision_date is not None,
    }


def verdicts(
    evaluated: list[Evaluated],
    applicable: Mapping[Gate, bool],
    not_implemented: Mapping[str, NotImplementedRule] = NOT_IMPLEMENTED,
) -> GatesRead:
    """Each gate's verdict: false on a failing blocker, null while blockers go unevaluated."""

    def gates_up_to(gate: Gate) -> set[Gate]:
        if gate == Gate.maintenance:
            return {Gate.maintenance}
        return set(GATE_ORDER[: GATE_ORDER.index(gate) + 1])

    out = {}
    for gate in Gate:
        scope = gates_up_to(gate)
        blockers = [e.rule.id for e in evaluated if e.rule.gate in scope and e.blocking]
        warnings = [
            e.rule.id
            for e in evaluated
            if e.rule.gate in scope and not e.outcome.passed and not e.blocking
        ]
        unevaluated = [
            n.id
            for n in not_implemented.values()
            if n.gate in scope and n.severity == Severity.blocker
        ]
        ready: bool | None = applicable[gate] and not blockers
        reason = None
        if ready and unevaluated:
            ready = None
            reason = (
                f"Cannot be confirmed: {len(unevaluated)} blocker "
                f"{'rule is' if len(unevaluated) == 1 else 'rules are'} not evaluated yet "
                f"({', '.join(unevaluated)})."
            )
        out[gate.value] = GateRead(
            ready=ready,
            applicable=applicable[gate],
            blockers=blockers,
            warnings=warnings,
            unevaluated=unevaluated,
            reason=reason,
        )
    return GatesRead(**out)


def score(facts: Facts, evaluated: list[Evaluated], applicable: Mapping[Gate, bool]) -> int:
    total = earned = 0.0
    for e in evaluated:
        if e.rule.severity != Severity.blocker or not applicable[e.rule.gate]:
            continue
        weight = GATE_WEIGHT[e.rule.gate]
        total += weight
        if e.outcome.passed:
            earned += weight
        elif not e.blocking:
            earned += weight / 2
    blocker_share = earned / total if total else 1.0
    leaves = facts.leaves
    impl = sum(STATUS_WEIGHT.get(leaf.status or "", 0.0) for leaf in leaves)
    impl_share = impl / len(leaves) if leaves else 0.0
    return round(BLOCKER_POINTS * blocker_share + IMPLEMENTATION_POINTS * impl_share)


def _rule_roots(rule: Rule) -> set[str]:
    return {ref.split(".")[0] for ref in rule.clause_refs}


def clauses(facts: Facts, evaluated: list[Evaluated]) -> list[ClauseRead]:
    roots: dict[str, ClauseRead] = {}
    order: dict[str, str] = {}
    for leaf in facts.leaves:
        clause = roots.get(leaf.root_ref)
        if clause is None:
            clause = roots[leaf.root_ref] = ClauseRead(
                ref=leaf.root_ref,
                title=facts.clause_titles.get(leaf.root_ref, leaf.root_ref),
                requirements=0,
                statuses=StatusCounts(),
                evidence_links=0,
                current_evidence_links=0,
                open_findings=facts.open_findings_by_root.get(leaf.root_ref, 0),
                failing_rules=[],
            )
            order[leaf.root_ref] = leaf.sort_key
        clause.requirements += 1
        status = leaf.status or "not_started"
        setattr(clause.statuses, status, getattr(clause.statuses, status, 0) + 1)
        ev = facts.evidence_for(leaf)
        clause.evidence_links += ev.links
        clause.current_evidence_links += ev.current
    for e in evaluated:
        if e.outcome.passed:
            continue
        failing_refs = {f.key for f in e.outcome.failures if f.type == "requirement" and f.key}
        for root, clause in roots.items():
            hit = (
                root in _rule_roots(e.rule)
                if not failing_refs
                else any(ref == root or ref.startswith(root + ".") for ref in failing_refs)
            )
            if hit:
                clause.failing_rules.append(e.rule.id)
    return [roots[r] for r in sorted(roots, key=lambda r: order[r])]


def next_steps(evaluated: list[Evaluated], applicable: Mapping[Gate, bool]) -> list[NextStepRead]:
    """Failing blockers, ordered by gate, then by how many objects each one blocks."""
    gate_rank = {g: i for i, g in enumerate((*GATE_ORDER, Gate.maintenance))}
    failing = [e for e in evaluated if e.blocking and applicable[e.rule.gate]]
    failing.sort(key=lambda e: (gate_rank[e.rule.gate], -e.outcome.failing_count, e.rule.id))
    return [
        NextStepRead(
            rule_id=e.rule.id,
            title=e.rule.title,
            gate=e.rule.gate,
            failing_count=e.outcome.failing_count,
            message=_message(e),
            route=e.outcome.failures[0].route if e.outcome.failures else None,
        )
        for e in failing
    ]


def evaluate(
    facts: Facts,
    overrides: Mapping[str, Mapping[str, int]],
    failing_limit: int = REPORT_FAILING_LIMIT,
) -> ReadinessRead:
    evaluated = evaluate_rules(facts, overrides)
    applicable = gate_applicability(facts)
    return ReadinessRead(
        framework=facts.framework_code,
        today=facts.today,
        evaluated_at=utcnow(),
        score=score(facts, evaluated, applicable),
        gates=verdicts(evaluated, applicable),
        clauses=clauses(facts, evaluated),
        rules=[rule_result(e, failing_limit) for e in evaluated],
        not_implemented=[not_implemented_result(n) for n in NOT_IMPLEMENTED.values()],
        next_steps=next_steps(evaluated, applicable),
    )
