"""Every implemented rule: one passing and one failing case, failing objects named.

Rules are pure functions over ``Facts``; the SQL that fills ``Facts`` is covered on both
databases by test_api.py (demo organisation, query counts).
"""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import timedelta

from certready.readiness.facts import (
    FAILING_LIMIT,
    AuditFacts,
    Capped,
    CourseFacts,
    DocumentFacts,
    Expiring,
    ExpiringItem,
    FindingFacts,
    ImprovementFacts,
    IndependenceConflict,
    LeafEvidence,
    ObjectiveFacts,
    ObjectRef,
    PersonFacts,
    ProgrammeFacts,
    RecordFacts,
    ReviewFacts,
)
from certready.readiness.rules import NOT_IMPLEMENTED, RULES

from tests.factories.readiness import TODAY, good_facts, keys, leaf_id, run

D = timedelta(days=1)


def audit(n: int = 1, type_: str = "internal", status: str = "closed", **kw: object) -> AuditFacts:
    base = dict(
        id=uuid.uuid5(uuid.NAMESPACE_URL, f"audit:{n}"),
        number=n,
        type=type_,
        status=status,
        title=f"Audit {n}",
        programme_id=None,
        has_scope=True,
        has_criteria=True,
        has_report=True,
        has_distribution=True,
        planned_start_date=TODAY - 30 * D,
        planned_end_date=TODAY - 28 * D,
        actual_end_date=TODAY - 28 * D,
    )
    base.update(kw)
    return AuditFacts(**base)  # type: ignore[arg-type]


def finding(n: int, grade: str = "minor_nc", status: str = "open", **kw: object) -> FindingFacts:
    base = dict(
        id=uuid.uuid5(uuid.NAMESPACE_URL, f"finding:{n}"),
        number=n,
        grade=grade,
        status=status,
        source="internal_audit",
        audit_id=None,
        requirement_ref=None,
        due_date=None,
        cb_plan_accepted=False,
        cb_verified_on=None,
    )
    base.update(kw)
    return FindingFacts(**base)  # type: ignore[arg-type]


def ref(n: int, due_in_days: int | None = None) -> ObjectRef:
    due = None if due_in_days is None else TODAY + due_in_days * D
    return ObjectRef(uuid.uuid5(uuid.NAMESPACE_URL, f"object:{n}"), n, due)


def test_every_section6_rule_is_implemented_or_listed() -> None:
    ids = {r.split("-S1")[0] for r in RULES if r.startswith("RDY-") and r[4:6].isdigit()}
    numbers = {int(r[4:6]) for r in ids} | {int(r[4:6]) for r in NOT_IMPLEMENTED}
    assert numbers == set(range(1, 44))
    assert not set(RULES) & set(NOT_IMPLEMENTED)


# --- documents ----------------------------------------------------------------------------


def test_rdy01_scope_passes_and_fails_naming_d1() -> None:
    assert run("RDY-01", good_facts()).passed
    facts = good_facts()
    facts.documents["D1"] = replace(facts.documents["D1"], current=0)
    out = run("RDY-01", facts)
    assert keys(out) == ["D1"]
    assert out.failures[0].route == "/orgs/acme/evidence?fulfils=D1"
    assert "not approved or has expired" in out.failures[0].message


def test_rdy04_needs_policy_and_communication_record() -> None:
    assert run("RDY-04", good_facts()).passed
    facts = good_facts()
    facts.leaf_evidence[leaf_id("5.2.2")] = LeafEvidence(current=1, current_documents=1)
    out = run("RDY-04", facts)
    assert keys(out) == ["5.2.2"]
    assert out.failures[0].route == "/orgs/acme/requirements/5.2.2"


def test_rdy04_needs_the_policy_approved_by_top_management() -> None:
    facts = good_facts()
    facts.documents["D2"] = replace(facts.documents["D2"], top_approved=0)
    out = run("RDY-04", facts)
    assert keys(out) == ["D2"]
    assert "top management" in out.failures[0].message
    # not approved at all: the ordinary D2 failure, not the designation one
    facts.documents["D2"] = replace(facts.documents["D2"], current=0, top_approved=0)
    out = run("RDY-04", facts)
    assert keys(out) == ["D2"] and "top management" not in out.failures[0].message


def test_rdy09_plan() -> None:
    assert run("RDY-09", good_facts()).passed
    facts = good_facts()
    facts.documents["D4"] = replace(facts.documents["D4"], items=0, current=0)
    assert keys(run("RDY-09", facts)) == ["D4"]


def test_rdy11_every_mandatory_document() -> None:
    assert run("RDY-11", good_facts()).passed
    facts = good_facts()
    facts.documents["D8"] = replace(facts.documents["D8"], items=0, current=0)
    facts.documents["R6"] = DocumentFacts(
        uuid.uuid4(), "R6", "record", "Incidents", (), True, 0, 0, 0
    )
    out = run("RDY-11", facts)
    assert keys(out) == ["D8"]  # records are not documents
    assert out.failures[0].message == "D8 Doc D8 has no evidence."


def test_rdy11_needs_document_control() -> None:
    """iso20000.md 6.6: approved is not enough; a version, an owner and a review date too."""
    facts = good_facts()
    facts.documents["D4"] = replace(facts.documents["D4"], controlled=0)
    out = run("RDY-11", facts)
    assert keys(out) == ["D4"]
    assert "file version, an owner and a review date" in out.failures[0].message


def test_rdy12_process_description_for_clause8() -> None:
    assert run("RDY-12", good_facts()).passed
    facts = good_facts()
    facts.leaf_evidence[leaf_id("8.6.1")] = LeafEvidence(current=1, current_records=1)
    facts.leaf_evidence[leaf_id("9.2")] = LeafEvidence()  # not clause 8: irrelevant here
    assert keys(run("RDY-12", facts)) == ["8.6.1"]


def test_rdy18_and_rdy25_expiring_split_by_kind() -> None:
    assert run("RDY-18", good_facts()).passed and run("RDY-25", good_facts()).passed
    policy = ExpiringItem(uuid.uuid4(), 7, "Policy", "policy", TODAY + 10 * D)
    report = ExpiringItem(uuid.uuid4(), 9, "Report", "report", TODAY + 20 * D)
    far = ExpiringItem(uuid.uuid4(), 11, "Far", "report", TODAY + 60 * D)
    facts = good_facts(
        expiring_documents=Expiring((policy,), 1), expiring_evidence=Expiring((report,), 1)
    )
    assert keys(run("RDY-18", facts)) == ["E-7"]
    assert keys(run("RDY-25", facts)) == ["E-9"]
    # the repository loads each rule's window; counts beyond the listed items are kept
    wide = good_facts(expiring_evidence=Expiring((report, far), 140))
    out = run("RDY-25", wide, days=90)
    assert keys(out) == ["E-9", "E-11"] and out.failing_count == 140


# --- planning -----------------------------------------------------------------------------


def _objective(n: int, **kw: object) -> ObjectiveFacts:
    base = dict(
        id=uuid.uuid4(),
        number=n,
        title=f"Objective {n}",
        has_metric=True,
        has_owner=True,
        has_due_date=True,
        recent_measurements=1,
    )
    base.update(kw)
    return ObjectiveFacts(**base)  # type: ignore[arg-type]


def test_rdy05_owner_on_every_leaf() -> None:
    assert run("RDY-05", good_facts()).passed
    facts = good_facts()
    facts.leaves = [
        replace(lf, owner_id=None) if lf.ref in ("5.3", "8.6.1") else lf for lf in facts.leaves
    ]
    out = run("RDY-05", facts)
    assert keys(out) == ["5.3", "8.6.1"]
    assert out.message == "No owner for 5.3, 8.6.1."


def test_rdy08_objectives_measurable() -> None:
    assert run("RDY-08", good_facts(objectives=[_objective(1)])).passed
    assert [f.type for f in run("RDY-08", good_facts()).failures] == ["objective"]
    out = run(
        "RDY-08",
        good_facts(objectives=[_objective(1), _objective(2, has_owner=False, has_due_date=False)]),
    )
    assert keys(out) == ["O-2"]
    assert "owner, due date" in out.failures[0].message


def test_rdy10_objectives_measured() -> None:
    assert run("RDY-10", good_facts(objectives=[_objective(1)])).passed
    out = run(
        "RDY-10", good_facts(objectives=[_objective(1), _objective(2, recent_measurements=0)])
    )
    assert keys(out) == ["O-2"]
    assert keys(run("RDY-10", good_facts(objectives=[_objective(1)]), measurements=2)) == ["O-1"]


# --- competence ---------------------------------------------------------------------------

AWARE = uuid.uuid4()
ROLE = uuid.uuid4()


def _training(**kw: object) -> dict[str, object]:
    ann, bob = uuid.uuid4(), uuid.uuid4()
    data: dict[str, object] = dict(
        people=[PersonFacts(ann, "Ann", ("desk",)), PersonFacts(bob, "Bob", ("desk",))],
        courses={
            AWARE: CourseFacts(AWARE, "Awareness", "awareness"),
            ROLE: CourseFacts(ROLE, "Desk", "role"),
        },
        competence={"desk": {ROLE}},
        records={
            (p, c): RecordFacts(TODAY - 30 * D, TODAY + 300 * D, True)
            for p in (ann, bob)
            for c in (AWARE, ROLE)
        },
    )
    data.update(kw)
    return data


def test_rdy14_competence_defined_per_role() -> None:
    assert run("RDY-14", good_facts(**_training())).passed
    assert [f.type for f in run("RDY-14", good_facts()).failures] == ["role"]
    data = _training()
    data["people"] = [*data["people"], PersonFacts(uuid.uuid4(), "Cy", ("auditor",))]  # type: ignore[misc]
    assert keys(run("RDY-14", good_facts(**data))) == ["auditor"]


def test_rdy15_awareness_for_everyone() -> None:
    data = _training()
    assert run("RDY-15", good_facts(**data)).passed
    bob = data["people"][1].id  # type: ignore[index]
    records = dict(data["records"])  # type: ignore[call-overload]
    records[(bob, AWARE)] = RecordFacts(TODAY - 30 * D, TODAY - D, True)  # expired
    out = run("RDY-15", good_facts(**{**data, "records": records}))
    assert keys(out) == ["Bob"]
    assert out.message == "1 of 2 people in scope have current awareness training."


def test_rdy16_role_courses_current() -> None:
    data = _training()
    assert run("RDY-16", good_facts(**data)).passed
    ann = data["people"][0].id  # type: ignore[index]
    records = dict(data["records"])  # type: ignore[call-overload]
    del records[(ann, ROLE)]
    out = run("RDY-16", good_facts(**{**data, "records": records}))
    assert keys(out) == ["Ann"] and "missing" in out.failures[0].message


def test_rdy17_role_training_evaluated() -> None:
    data = _training()
    assert run("RDY-17", good_facts(**data)).passed
    bob = data["people"][1].id  # type: ignore[index]
    records = dict(data["records"])  # type: ignore[call-overload]
    records[(bob, ROLE)] = RecordFacts(TODAY - 30 * D, None, False)
    assert keys(run("RDY-17", good_facts(**{**data, "records": records}))) == ["Bob"]


# --- coverage -----------------------------------------------------------------------------


def test_rdy19_evidence_or_not_occurring_statement() -> None:
    assert run("RDY-19", good_facts()).passed
    facts = good_facts()
    facts.leaf_evidence[leaf_id("8.6.1")] = LeafEvidence()
    facts.leaf_evidence[leaf_id("9.4")] = LeafEvidence(current=1, current_statements=1)
    facts.leaves = [
        replace(lf, not_occurring=True) if lf.ref == "9.4" else lf for lf in facts.leaves
    ]
    # 9.4 is "not occurring" with an approved statement: satisfied
    assert keys(run("RDY-19", facts)) == ["8.6.1"]


def test_rdy19_s1_needs_documents() -> None:
    assert run("RDY-19-S1", good_facts()).passed
    facts = good_facts()
    facts.leaf_evidence[leaf_id("9.2")] = LeafEvidence(current=3, current_records=3)
    out = run("RDY-19-S1", facts)
    # a Stage 1 blocker (iso20000.md 6.6), not a warning
    assert keys(out) == ["9.2"] and RULES["RDY-19-S1"].severity == "blocker"


def test_rdy20_recent_records_for_clause8_and_94() -> None:
    assert run("RDY-20", good_facts()).passed
    facts = good_facts()
    old = TODAY - 120 * D
    facts.leaf_evidence[leaf_id("8.7.2")] = LeafEvidence(current=1, latest_record_date=old)
    facts.leaf_evidence[leaf_id("9.4")] = LeafEvidence(current=1)
    facts.leaf_evidence[leaf_id("9.2")] = LeafEvidence()  # not in scope of RDY-20
    assert keys(run("RDY-20", facts)) == ["8.7.2", "9.4"]
    assert keys(run("RDY-20", facts, months=6)) == ["9.4"]


def test_rdy_impl_and_stage1_variant() -> None:
    assert run("RDY-IMPL", good_facts()).passed and run("RDY-IMPL-S1", good_facts()).passed
    facts = good_facts()
    facts.leaves = [
        replace(lf, status="in_progress") if lf.ref in ("8.7.2", "9.2") else lf
        for lf in facts.leaves
    ]
    assert keys(run("RDY-IMPL", facts)) == ["8.7.2", "9.2"]
    assert keys(run("RDY-IMPL-S1", facts)) == ["8.7.2"]  # D8 lives on 8.7.2


# --- audits -------------------------------------------------------------------------------


def test_rdy26_programme_approved_with_method() -> None:
    good = ProgrammeFacts(uuid.uuid4(), "Programme", True, True)
    assert run("RDY-26", good_facts(programmes=[good], audits=[audit()])).passed
    assert [f.type for f in run("RDY-26", good_facts()).failures] == ["audit_programme"]
    bad = ProgrammeFacts(uuid.uuid4(), "Draft", False, True)
    out = run("RDY-26", good_facts(programmes=[bad], audits=[audit(2, has_criteria=False)]))
    assert [f.type for f in out.failures] == ["audit_programme", "audit"]
    assert keys(out) == [None, "A-2"] and "approval" in out.failures[0].message


def test_rdy27_audit_performed() -> None:
    assert run("RDY-27", good_facts(audits=[audit()])).passed
    out = run("RDY-27", good_facts(audits=[audit(status="reporting"), audit(2, "stage1")]))
    assert [f.type for f in out.failures] == ["audit"]


def test_rdy28_coverage_within_window() -> None:
    facts = good_facts()
    facts.audited_on = {leaf.id: TODAY - 40 * D for leaf in facts.leaves}
    assert run("RDY-28", facts).passed
    facts.audited_on[leaf_id("10.1")] = TODAY - 400 * D
    del facts.audited_on[leaf_id("4.3")]
    assert keys(run("RDY-28", facts)) == ["4.3", "10.1"]


def test_rdy29_independence() -> None:
    assert run("RDY-29", good_facts()).passed
    conflict = IndependenceConflict(uuid.uuid4(), 3, "8.6.1", uuid.uuid4())
    out = run("RDY-29", good_facts(conflicts=[conflict]))
    assert keys(out) == ["8.6.1"] and out.failures[0].message.startswith("A-3")


def test_rdy30_reports_distributed() -> None:
    assert run(
        "RDY-30", good_facts(audits=[audit(), audit(2, status="planned", has_report=False)])
    ).passed
    out = run("RDY-30", good_facts(audits=[audit(4, has_distribution=False)]))
    assert keys(out) == ["A-4"] and "distribution" in out.failures[0].message


# --- management review ----------------------------------------------------------------------


def review(n: int = 1, **kw: object) -> ReviewFacts:
    base = dict(
        id=uuid.uuid4(),
        key=f"MR-{n}",
        held_on=TODAY - 10 * D,
        scheduled_for=None,
        has_agenda=True,
        missing_inputs=(),
        decisions_recorded=True,
        actions_recorded=True,
        minutes_approved=True,
    )
    base.update(kw)
    return ReviewFacts(**base)  # type: ignore[arg-type]


def test_rdy31_without_provider_fails_no_review_recorded() -> None:
    out = run("RDY-31", good_facts())  # reviews None: no management-reviews provider
    assert [f.message for f in out.failures] == ["No management review recorded."]
    assert out.severity is None  # a blocker


def test_rdy31_held_passes_scheduled_is_warning() -> None:
    assert run("RDY-31", good_facts(reviews=[review()])).passed
    out = run("RDY-31", good_facts(reviews=[review(2, held_on=None, scheduled_for=TODAY + 5 * D)]))
    assert keys(out) == ["MR-2"] and out.severity == "warning"
    # scheduled today still counts as scheduled
    out = run("RDY-31", good_facts(reviews=[review(2, held_on=None, scheduled_for=TODAY)]))
    assert out.severity == "warning"


def test_rdy31_planned_date_passed_never_held_blocks() -> None:
    """iso20000.md 6.6: a review whose date passed unheld is neither held nor scheduled."""
    lapsed = review(3, held_on=None, scheduled_for=TODAY - D)
    out = run("RDY-31", good_facts(reviews=[lapsed]))
    assert keys(out) == ["MR-3"] and out.severity is None  # a blocker
    assert "never held" in out.failures[0].message
    # a future one with an agenda beside it is still only a warning
    later = review(4, held_on=None, scheduled_for=TODAY + 9 * D)
    out = run("RDY-31", good_facts(reviews=[lapsed, later]))
    assert keys(out) == ["MR-4"] and out.severity == "warning"


def test_rdy32_after_audit_with_inputs_and_minutes() -> None:
    audits = [audit(actual_end_date=TODAY - 20 * D)]
    assert run("RDY-32", good_facts(audits=audits, reviews=[review()])).passed
    assert [f.message for f in run("RDY-32", good_facts()).failures] == [
        "No management review recorded."
    ]
    before_audit = review(held_on=TODAY - 30 * D)
    out = run("RDY-32", good_facts(audits=audits, reviews=[before_audit]))
    assert "after the internal audit" in out.failures[0].message
    gaps = review(3, missing_inputs=("objectives",), minutes_approved=False)
    out = run("RDY-32", good_facts(audits=audits, reviews=[gaps]))
    assert keys(out) == ["MR-3"] and "objectives" in out.failures[0].message


def test_rdy32_needs_decisions_and_actions() -> None:
    """iso20000.md 6.6: decisions AND actions recorded; either alone fails."""
    audits = [audit(actual_end_date=TODAY - 20 * D)]
    for kw, gap in (
        ({"actions_recorded": False}, "no actions recorded"),
        ({"decisions_recorded": False}, "no decisions recorded"),
        ({"actions_recorded": False, "decisions_recorded": False}, "no decisions or actions"),
    ):
        out = run("RDY-32", good_facts(audits=audits, reviews=[review(4, **kw)]))
        assert keys(out) == ["MR-4"] and gap in out.failures[0].message, kw


def test_rdy32_compares_with_the_audits_completing_the_coverage() -> None:
    """A small follow-up audit after the review does not force a new review (6.6)."""
    main = audit(1, actual_end_date=TODAY - 40 * D)
    follow_up = audit(2, actual_end_date=TODAY - 5 * D)
    facts = good_facts(audits=[main, follow_up], reviews=[review(held_on=TODAY - 20 * D)])
    facts.first_audited_in_window = {leaf.id: TODAY - 40 * D for leaf in facts.leaves}
    facts.audited_on = {leaf.id: TODAY - 40 * D for leaf in facts.leaves}
    facts.audited_on[facts.leaves[0].id] = TODAY - 5 * D  # re-audited by the follow-up
    assert run("RDY-32", facts).passed
    # the coverage completed only with the later audit: the review must follow that one
    facts.first_audited_in_window[facts.leaves[0].id] = TODAY - 5 * D
    out = run("RDY-32", facts)
    assert "after the internal audit of" in out.failures[0].message
    assert (TODAY - 5 * D).isoformat() in out.failures[0].message
    # incomplete coverage: the newest closed internal audit counts, as before
    del facts.first_audited_in_window[facts.leaves[0].id]
    assert (TODAY - 5 * D).isoformat() in run("RDY-32", facts).failures[0].message


# --- corrective action ------------------------------------------------------------------------


def test_rdy33_every_internal_nc_has_a_measure() -> None:
    assert run("RDY-33", good_facts()).passed
    imp = ImprovementFacts(
        nc_without_measure=Capped.of(ref(2)), nc_incomplete_measure=Capped.of(ref(1))
    )
    out = run("RDY-33", good_facts(improvement=imp))
    assert keys(out) == ["F-1", "F-2"]
    assert (
        "root cause" in out.failures[0].message
        and "no corrective measure" in out.failures[1].message
    )
    assert out.failures[0].route == f"/orgs/acme/findings/{ref(1).id}"


def test_rdy33_counts_beyond_the_listed_objects() -> None:
    """The SQL lists the first 50 of each kind and counts them all: the outcome keeps the
    total, the engine shows it as failing_count."""
    many = Capped(tuple(ref(n) for n in range(1, FAILING_LIMIT + 1)), 700)
    out = run("RDY-33", good_facts(improvement=ImprovementFacts(nc_without_measure=many)))
    assert len(out.failures) == FAILING_LIMIT and out.failing_count == 700
    assert Capped.of(*(ref(n) for n in range(80, 0, -1))).items[0].number == 1
    assert Capped.of(*(ref(n) for n in range(80))).total == 80


def test_rdy34_open_major_and_overdue_measure() -> None:
    assert run("RDY-34", good_facts()).passed
    imp = ImprovementFacts(open_majors=Capped.of(ref(2)), overdue_measures=Capped.of(ref(1, -1)))
    out = run("RDY-34", good_facts(improvement=imp))
    assert keys(out) == ["F-2", "CM-1"]
    assert out.failures[1].message == f"CM-1: overdue since {(TODAY - D).isoformat()}."
    assert out.failures[1].type == "corrective_measure"


def test_rdy35_closed_measures_reviewed() -> None:
    assert run("RDY-35", good_facts()).passed
    imp = ImprovementFacts(closed_unreviewed=Capped.of(ref(2)))
    out = run("RDY-35", good_facts(improvement=imp))
    assert keys(out) == ["CM-2"]


def test_rdy36_improvement_register() -> None:
    assert run("RDY-36", good_facts(improvement=ImprovementFacts(ofis=Capped.of(ref(5))))).passed
    assert [f.type for f in run("RDY-36", good_facts()).failures] == ["finding"]
    imp = ImprovementFacts(ofis=Capped.of(ref(5)), ofi_undated=Capped.of(ref(5)))
    out = run("RDY-36", good_facts(improvement=imp))
    assert keys(out) == ["F-5"]


# --- certification and maintenance -------------------------------------------------------------

S2 = audit(9, "stage2", actual_end_date=TODAY - 60 * D)


def test_rdy38_stage2_majors_verified() -> None:
    ok = finding(
        1, "major_nc", "closed", source="certification_audit", audit_id=S2.id, cb_verified_on=TODAY
    )
    assert run("RDY-38", good_facts(audits=[S2], findings=[ok])).passed
    unverified = replace(ok, status="action_planned", cb_verified_on=None)
    assert keys(run("RDY-38", good_facts(audits=[S2], findings=[unverified]))) == ["F-1"]


def test_rdy39_majors_verified_within_six_months() -> None:
    pending = finding(1, "major_nc", "action_planned", audit_id=S2.id)
    assert run("RDY-39", good_facts(audits=[S2], findings=[pending])).passed  # still in time
    late_facts = good_facts(audits=[S2], findings=[pending], today=TODAY + 200 * D)
    out = run("RDY-39", late_facts)
    assert keys(out) == ["F-1"] and "repeated" in out.failures[0].message


def test_rdy40_minor_plans_accepted() -> None:
    ok = finding(1, "minor_nc", audit_id=S2.id, cb_plan_accepted=True)
    assert run("RDY-40", good_facts(audits=[S2], findings=[ok])).passed
    out = run(
        "RDY-40", good_facts(audits=[S2], findings=[ok, finding(2, "minor_nc", audit_id=S2.id)])
    )
    assert keys(out) == ["F-2"]


def test_rdy41_surveillance_scheduled() -> None:
    decision = TODAY - 30 * D
    surv = audit(
        5, "surveillance", "planned", actual_end_date=None, planned_end_date=decision + 300 * D
    )
    assert run("RDY-41", good_facts(certification_decision_date=decision, audits=[surv])).passed
    out = run("RDY-41", good_facts(certification_decision_date=decision))
    assert [f.type for f in out.failures] == ["audit"] and "surveillance" in out.failures[0].message


def test_rdy42_recertification_before_expiry() -> None:
    decision = TODAY - 30 * D
    recert = audit(
        6, "recertification", "planned", actual_end_date=None, planned_end_date=decision + 1000 * D
    )
    assert run("RDY-42", good_facts(certification_decision_date=decision, audits=[recert])).passed
    assert len(run("RDY-42", good_facts(certification_decision_date=decision)).failures) == 1
