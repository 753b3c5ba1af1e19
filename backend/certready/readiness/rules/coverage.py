"""Requirement coverage: evidence for every leaf, operating records, implementation status.

ISO/IEC 20000-1 has no exclusions: a leaf with no instances (no internal suppliers ...) is
satisfied by ``not_occurring`` plus an approved statement-kind evidence item, never "N/A".
"""

from __future__ import annotations

from datetime import date

from certready.core.clock import add_months
from certready.readiness.enums import Gate, Severity
from certready.readiness.facts import Facts, Leaf
from certready.readiness.rules.base import Failure, Outcome, Param, Params, Rule, preview, rule
from certready.requirements.enums import ImplementationStatus


def _not_occurring(facts: Facts, leaf: Leaf) -> bool:
    return leaf.not_occurring and facts.evidence_for(leaf).current_statements > 0


def _leaf_failures(facts: Facts, leaves: list[Leaf], what: str) -> Outcome:
    failures = [
        Failure(
            "requirement",
            f"{leaf.ref}: {what}.",
            facts.route(f"/requirements/{leaf.ref}"),
            id=str(leaf.id),
            key=leaf.ref,
        )
        for leaf in leaves
    ]
    message = (
        f"{len(leaves)} requirement(s) with {what}: {preview([leaf.ref for leaf in leaves])}."
        if leaves
        else ""
    )
    return Outcome(failures, message=message)


@rule(
    "RDY-19-S1",
    "Documented for every requirement (Stage 1)",
    ["4", "5", "6", "7", "8", "9", "10"],
    Gate.stage1,
    Severity.blocker,
)
def documents_for_every_leaf(facts: Facts, params: Params) -> Outcome:
    """Stage 1 reading of RDY-19 (iso20000.md 6.6), a blocker: every leaf has approved,
    current documented information saying how it is met (a policy, procedure or plan), or
    an approved "not occurring" statement. Operating records alone count at Stage 2."""
    missing = [
        leaf
        for leaf in facts.leaves
        if not facts.evidence_for(leaf).current_documents and not _not_occurring(facts, leaf)
    ]
    return _leaf_failures(facts, missing, "no approved policy, procedure or plan")


@rule(
    "RDY-19",
    "Evidence for every requirement",
    ["4", "5", "6", "7", "8", "9", "10"],
    Gate.stage2,
    Severity.blocker,
)
def evidence_for_every_leaf(facts: Facts, params: Params) -> Outcome:
    """Every leaf has at least one approved, current evidence item, or is marked not
    occurring with an approved statement linked."""
    missing = [
        leaf
        for leaf in facts.leaves
        if not facts.evidence_for(leaf).current and not _not_occurring(facts, leaf)
    ]
    return _leaf_failures(facts, missing, "no approved, current evidence")


def _itsm_latest(facts: Facts, ref: str) -> date | None:
    """The newest ITSM record day of the process ``ref`` is, lies in, or contains."""
    days = [
        day
        for clause, day in facts.itsm_latest.items()
        if ref == clause or ref.startswith(clause + ".") or clause.startswith(ref + ".")
    ]
    return max(days, default=None)


@rule(
    "RDY-20",
    "Processes have been operating",
    ["8", "9.4"],
    Gate.stage2,
    Severity.blocker,
    params=[Param("months", 3, 1, 24, "The minimum operating period, counted back from today.")],
)
def operating_records(facts: Facts, params: Params) -> Outcome:
    """Every clause-8 leaf and 9.4 has an approved record-kind item (record, report, ticket
    export, screenshot) with an effective date in the last {months} months, or ITSM records
    of its process received from an integration that were opened or changed in that period,
    or an approved "not occurring" statement."""
    since = add_months(facts.today, -params["months"])
    missing = []
    for leaf in facts.leaves_under("8", "9.4"):
        dates = [facts.evidence_for(leaf).latest_record_date, _itsm_latest(facts, leaf.ref)]
        latest = max((d for d in dates if d is not None), default=None)
        if (latest is None or latest < since) and not _not_occurring(facts, leaf):
            missing.append(leaf)
    return _leaf_failures(facts, missing, f"no record since {since.isoformat()}")


@rule(
    "RDY-IMPL",
    "Every requirement implemented",
    ["4", "5", "6", "7", "8", "9", "10"],
    Gate.stage2,
    Severity.blocker,
)
def all_implemented(facts: Facts, params: Params) -> Outcome:
    """Certready addition (not in iso20000.md section 6): every leaf's implementation status
    is ``implemented`` before Stage 2, which evaluates conformity to all requirements."""
    missing = [leaf for leaf in facts.leaves if leaf.status != ImplementationStatus.implemented]
    return _leaf_failures(facts, missing, "status not implemented")


@rule(
    "RDY-IMPL-S1",
    "Documented clauses implemented (Stage 1)",
    ["7.5.4"],
    Gate.stage1,
    Severity.warning,
)
def documented_clauses_implemented(facts: Facts, params: Params) -> Outcome:
    """Certready addition: a leaf under a clause that holds a mandatory document (D1-D14
    clause refs, e.g. 4.3, 5.2, 8.7.2) is not yet ``implemented``."""
    refs = sorted(
        {
            ref
            for doc in facts.documents.values()
            if doc.mandatory and doc.kind == "document"
            for ref in doc.clause_refs
        }
    )
    leaves = facts.leaves_under(*refs) if refs else []
    missing = [leaf for leaf in leaves if leaf.status != ImplementationStatus.implemented]
    return _leaf_failures(facts, missing, "status not implemented")


RULES: list[Rule] = [
    documents_for_every_leaf,
    evidence_for_every_leaf,
    operating_records,
    all_implemented,
    documented_clauses_implemented,
]
