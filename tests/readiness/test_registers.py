"""RDY-03, RDY-07, RDY-37, RDY-43 as pure functions over hand-built facts."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

from certready.readiness.facts import (
    AuditFacts,
    CbFindingFacts,
    ContextFacts,
    Facts,
    RiskGap,
    RiskRegisterFacts,
)
from certready.readiness.rules import RULES

TODAY = date(2026, 12, 2)
D = timedelta(days=1)


def facts(**kw: object) -> Facts:
    f = Facts(org_id=uuid.uuid4(), org_slug="acme", today=TODAY, framework_code="iso20000-1")
    for k, v in kw.items():
        setattr(f, k, v)
    return f


def run(rule_id: str, f: Facts) -> list[str]:
    rule = RULES[rule_id]
    return [x.message for x in rule.evaluate(f, rule.defaults()).failures]


def context(**kw: object) -> ContextFacts:
    base: dict[str, object] = dict(
        id=uuid.uuid4(),
        approved_on=TODAY - 100 * D,
        reviewed_on=TODAY - 10 * D,
        climate_change_relevant=False,
        climate_change_reasoned=True,
        internal_issues=1,
        external_issues=1,
        relevant_parties=2,
    )
    return ContextFacts(**{**base, **kw})  # type: ignore[arg-type]


def test_rdy03() -> None:
    assert run("RDY-03", facts()) == ["No context record (issues and interested parties)."]
    assert run("RDY-03", facts(context=context())) == []
    assert run("RDY-03", facts(context=context(climate_change_relevant=None))) == [
        "Context record: whether climate change is relevant is not stated."
    ]
    assert len(run("RDY-03", facts(context=context(internal_issues=0, relevant_parties=0)))) == 2
    stale = context(approved_on=TODAY - 500 * D, reviewed_on=TODAY - 370 * D)
    assert "more than 12 months ago" in run("RDY-03", facts(context=stale))[0]
    assert run("RDY-03", facts(context=context(approved_on=None, reviewed_on=None))) == [
        "Context record: not approved.",
        "Context record: never reviewed.",
    ]


def test_rdy07() -> None:
    assert run("RDY-07", facts()) == ["No risk method recorded.", "No risk in the register."]
    ok = RiskRegisterFacts(True, True, True, open_risks=3)
    assert run("RDY-07", facts(risk_register=ok)) == []
    gap = RiskGap(uuid.uuid4(), 4, "Outage", has_owner=True, has_treatment=False)
    reg = RiskRegisterFacts(True, False, True, open_risks=3, gaps=(gap,), gap_total=1)
    assert run("RDY-07", facts(risk_register=reg)) == [
        "The risk method is not approved.",
        "RSK-4 Outage has no treatment decision.",
    ]
    capped = RiskRegisterFacts(True, True, True, open_risks=90, gaps=(gap,), gap_total=70)
    outcome = RULES["RDY-07"].evaluate(facts(risk_register=capped), {})
    assert outcome.failing_count == 70


def _audit(type_: str, status: str, end: date | None, number: int) -> AuditFacts:
    return AuditFacts(
        uuid.uuid4(), number, type_, status, "a", None, True, True, True, True, end, end, end
    )


def test_rdy37_and_rdy43() -> None:
    stage1 = _audit("stage1", "closed", TODAY - 40 * D, 1)
    concerns = [
        CbFindingFacts(uuid.uuid4(), 1, "open", stage1.id, cb_agreed=False, effective=False),
        CbFindingFacts(uuid.uuid4(), 2, "open", stage1.id, cb_agreed=True, effective=False),
        CbFindingFacts(uuid.uuid4(), 3, "closed", stage1.id, cb_agreed=False, effective=False),
    ]
    assert [m[:4] for m in run("RDY-37", facts(stage1_concerns=concerns))] == ["F-1:"]
    old = _audit("stage2", "closed", TODAY - 300 * D, 2)
    last = _audit("surveillance", "closed", TODAY - 5 * D, 3)
    nxt = _audit("surveillance", "planned", TODAY + 300 * D, 4)
    minors = [
        CbFindingFacts(uuid.uuid4(), 5, "open", old.id, cb_agreed=True, effective=False),
        CbFindingFacts(uuid.uuid4(), 6, "open", last.id, cb_agreed=True, effective=False),
        CbFindingFacts(uuid.uuid4(), 7, "closed", last.id, cb_agreed=True, effective=True),
    ]
    got = run("RDY-43", facts(audits=[old, last, nxt], cb_minors=minors))
    assert got == [
        f"F-6 (minor, A-3): no effectiveness evidence before the surveillance on "
        f"{(TODAY + 300 * D).isoformat()}."
    ]
    assert run("RDY-43", facts(audits=[nxt], cb_minors=minors)) == []
