"""Requirement coverage: evidence for every leaf, operating records, implementation status.

ISO/IEC 20000-1 has no exclusions: a leaf with no instances (no internal suppliers ...) is
satisfied by ``not_occurring`` plus an approved statement-kind evidence item, never "N/A".
"""

from __future__ import annotations

from datetime import date, timedelta

from certready.core.clock import add_months
from certready.readiness.enums import Gate, Severity
from certready.readiness.facts import Facts, Leaf
from certready.readiness.rules.base import Failure, Outcome, Param, Params, Rule, preview, rule
from certready.readiness.rules.services import RETIRED
from certready.readiness.rules.services import _failure as service_failure
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


def _itsm_span(facts: Facts, ref: str) -> tuple[date | None, date | None]:
    """The oldest and the newest ITSM record day of the process ``ref`` is, lies in, or
    contains."""
    clauses = {
        clause
        for clause in facts.itsm_latest.keys() | facts.itsm_oldest.keys()
        if ref == clause or ref.startswith(clause + ".") or clause.startswith(ref + ".")
    }
    oldest = min((facts.itsm_oldest[c] for c in clauses if c in facts.itsm_oldest), default=None)
    latest = max((facts.itsm_latest[c] for c in clauses if c in facts.itsm_latest), default=None)
    return oldest, latest


def _itsm_gap(oldest: date | None, latest: date | None, since: date, recent: date) -> str | None:
    """Why the ITSM records of a process do not cover the period (None: they do)."""
    if oldest is None or latest is None:
        return None if oldest is latest is None else "ITSM records without dates"
    if oldest > since:
        return f"ITSM records only since {oldest.isoformat()}"
    if latest < recent:
        return f"no ITSM record since {latest.isoformat()}"
    return None


@rule(
    "RDY-20",
    "Processes have been operating",
    ["8", "9.4"],
    Gate.stage2,
    Severity.blocker,
    params=[
        Param("months", 3, 1, 24, "The minimum operating period, counted back from today."),
        Param(
            "recent_days",
            31,
            1,
            366,
            "ITSM records cover the period when the oldest is from its start or before and "
            "the newest at most this many days old (the process still operates).",
        ),
    ],
)
def operating_records(facts: Facts, params: Params) -> Outcome:
    """Every clause-8 leaf and 9.4 has operational records covering the last {months}
    months: an approved record-kind item (record, report, ticket export, screenshot: one
    item stands for the period it reports on) with an effective date in that period; or
    ITSM records of its process received from an integration that span it (one record is
    one moment of the process: the oldest opened at the period's start or before, the
    newest at most {recent_days} days old); or an approved "not occurring" statement.

    Per service (issue 15): once the organisation's tools map records to services, every
    in-scope service that is not retired has ITSM records spanning the period the same way:
    the services the operation never touched are named."""
    since = add_months(facts.today, -params["months"])
    recent = facts.today - timedelta(days=params["recent_days"])
    failures = []
    for leaf in facts.leaves_under("8", "9.4"):
        if _not_occurring(facts, leaf):
            continue
        record_day = facts.evidence_for(leaf).latest_record_date
        if record_day is not None and record_day >= since:
            continue
        oldest, latest = _itsm_span(facts, leaf.ref)
        gap = _itsm_gap(oldest, latest, since, recent)
        if oldest is not None and latest is not None and gap is None:
            continue
        failures.append(
            Failure(
                "requirement",
                f"{leaf.ref}: no records covering the period since {since.isoformat()}"
                + (f" ({gap})." if gap else "."),
                facts.route(f"/requirements/{leaf.ref}"),
                id=str(leaf.id),
                key=leaf.ref,
            )
        )
    services = _services_without_records(facts, since, recent)
    refs = [f.key or "" for f in failures]
    parts = []
    if failures:
        parts.append(
            f"{len(failures)} requirement(s) without records covering the last "
            f"{params['months']} months (since {since.isoformat()}): {preview(refs)}."
        )
    if services:
        parts.append(
            f"{len(services)} service(s) in scope without ITSM records covering the period: "
            f"{preview([f.key or '' for f in services])}."
        )
    return Outcome(failures + services, message=" ".join(parts))


def _services_without_records(facts: Facts, since: date, recent: date) -> list[Failure]:
    """RDY-20 per service: only once some record names a service (an organisation whose tool
    has no service mapping proves its operation per process, above)."""
    if not facts.itsm_by_service:
        return []
    failures = []
    for service in facts.services:
        if not service.in_scope or service.status == RETIRED:
            continue
        oldest, latest = facts.itsm_by_service.get(service.key, (None, None))
        if oldest is None and latest is None:
            text = f"no ITSM records since {since.isoformat()}."
        else:
            gap = _itsm_gap(oldest, latest, since, recent)
            if gap is None:
                continue
            text = f"ITSM records do not cover the period since {since.isoformat()} ({gap})."
        failures.append(service_failure(facts, service, text))
    return failures


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
