"""Documented information: scope, policy, plan, the 7.5.4 set, process descriptions, expiry.

"Fulfilled" means: at least one evidence item linked to the documented-information key
(D1 ...) that is approved, not archived and whose ``valid_until`` is not in the past.
"""

from __future__ import annotations

from datetime import timedelta

from certready.readiness.enums import Gate, Severity
from certready.readiness.facts import DocumentFacts, Expiring, Facts
from certready.readiness.rules.base import Failure, Outcome, Param, Params, Rule, preview, rule

WINDOW_DAYS = Param("days", 30, 1, 365, "Warn this many days before the date is reached.")


def _document_failure(facts: Facts, key: str, fallback_title: str) -> Failure | None:
    doc = facts.documents.get(key)
    route = facts.route(f"/evidence?fulfils={key}")
    if doc is None:
        return Failure(
            "documented_information",
            f"{key} {fallback_title} is not in the catalogue.",
            route,
            key=key,
        )
    if doc.current:
        return None
    why = "is not approved or has expired" if doc.items else "has no evidence"
    return Failure(
        "documented_information", f"{key} {doc.title} {why}.", route, id=str(doc.id), key=key
    )


@rule("RDY-01", "Approved, current SMS scope", ["4.3"], Gate.stage1, Severity.blocker)
def scope_document(facts: Facts, params: Params) -> Outcome:
    """D1 (scope of the SMS) is fulfilled by an approved, current evidence item."""
    failure = _document_failure(facts, "D1", "Scope of the SMS")
    return Outcome([failure] if failure else [])


@rule(
    "RDY-04",
    "Service management policy approved and communicated",
    ["5.2.1", "5.2.2"],
    Gate.stage1,
    Severity.blocker,
)
def policy_communicated(facts: Facts, params: Params) -> Outcome:
    """D2 (policy) is fulfilled by an approved, current item approved by a member who was
    designated top management when approving, and a communication record exists: an
    approved, current record-kind evidence item (record, report, ticket export, screenshot)
    linked to requirement 5.2.2 (who was told, when)."""
    failures = []
    failure = _document_failure(facts, "D2", "Service management policy")
    doc = facts.documents.get("D2")
    if failure:
        failures.append(failure)
    elif doc is not None and not doc.top_approved:
        failures.append(
            Failure(
                "documented_information",
                "D2 Service management policy is approved, but not by a member designated "
                "top management (designate one on the members page, then have them approve it).",
                facts.route("/evidence?fulfils=D2"),
                id=str(doc.id),
                key="D2",
            )
        )
    comms = facts.leaves_under("5.2.2")
    if comms and not any(facts.evidence_for(leaf).current_records for leaf in comms):
        failures.append(
            Failure(
                "requirement",
                "No approved record shows that the policy was communicated (link one to 5.2.2).",
                facts.route("/requirements/5.2.2"),
                id=str(comms[0].id),
                key="5.2.2",
            )
        )
    return Outcome(failures)


@rule(
    "RDY-09", "Service management plan approved and current", ["6.3"], Gate.stage1, Severity.blocker
)
def plan_document(facts: Facts, params: Params) -> Outcome:
    """D4 (service management plan) is fulfilled by an approved, current evidence item."""
    failure = _document_failure(facts, "D4", "Service management plan")
    return Outcome([failure] if failure else [])


@rule(
    "RDY-11",
    "Every mandatory document approved and current",
    ["7.5.4", "7.5.2", "7.5.3"],
    Gate.stage1,
    Severity.blocker,
)
def mandatory_documents(facts: Facts, params: Params) -> Outcome:
    """Every mandatory document of the catalogue (D1-D14) is fulfilled by an approved
    evidence item with a file version, an owner and a review date not in the past."""
    failures = []
    for doc in sorted(facts.documents.values(), key=lambda d: _doc_order(d.key)):
        if doc.kind == "document" and doc.mandatory:
            failure = _document_failure(facts, doc.key, doc.title) or _uncontrolled(facts, doc)
            if failure:
                failures.append(failure)
    return Outcome(failures)


def _uncontrolled(facts: Facts, doc: DocumentFacts) -> Failure | None:
    if doc.controlled:
        return None
    return Failure(
        "documented_information",
        f"{doc.key} {doc.title} is approved, but no approved item has a file version, an "
        "owner and a review date.",
        facts.route(f"/evidence?fulfils={doc.key}"),
        id=str(doc.id),
        key=doc.key,
    )


def _doc_order(key: str) -> tuple[str, int]:
    digits = "".join(c for c in key if c.isdigit())
    return key.rstrip("0123456789"), int(digits or 0)


@rule(
    "RDY-12",
    "A process description for every clause-8 requirement",
    ["7.5.4"],
    Gate.stage1,
    Severity.blocker,
)
def process_descriptions(facts: Facts, params: Params) -> Outcome:
    """Every clause-8 leaf has an approved, current document-kind evidence item (policy,
    procedure or plan) linked to it: the documented process description (D9)."""
    missing = [
        leaf for leaf in facts.leaves_under("8") if not facts.evidence_for(leaf).current_documents
    ]
    failures = [
        Failure(
            "requirement",
            f"{leaf.ref}: no approved process description (policy, procedure or plan).",
            facts.route(f"/requirements/{leaf.ref}"),
            id=str(leaf.id),
            key=leaf.ref,
        )
        for leaf in missing
    ]
    message = (
        f"No process description for {preview([leaf.ref for leaf in missing])}." if missing else ""
    )
    return Outcome(failures, message=message)


def _expiring(facts: Facts, params: Params, expiring: Expiring) -> Outcome:
    """The repository loaded the items within this rule's window (``days``) already."""
    horizon = facts.today + timedelta(days=params["days"])
    failures = [
        Failure(
            "evidence",
            f"E-{item.number} {item.title} expires on {item.valid_until.isoformat()}.",
            facts.route(f"/evidence/{item.id}"),
            id=str(item.id),
            key=f"E-{item.number}",
        )
        for item in expiring.items
        if item.valid_until <= horizon
    ]
    return Outcome(failures, total=expiring.total if failures else None)


@rule(
    "RDY-18",
    "Document review date coming up",
    ["7.5.3"],
    Gate.stage1,
    Severity.warning,
    params=[WINDOW_DAYS],
)
def documents_due_for_review(facts: Facts, params: Params) -> Outcome:
    """An approved document (policy, procedure, plan) whose review date (``valid_until``)
    falls within {days} days."""
    return _expiring(facts, params, facts.expiring_documents)


@rule(
    "RDY-25",
    "Evidence expiring soon",
    ["7.5.3"],
    Gate.stage1,
    Severity.warning,
    params=[WINDOW_DAYS],
)
def evidence_expiring(facts: Facts, params: Params) -> Outcome:
    """Any other approved evidence item whose ``valid_until`` falls within {days} days."""
    return _expiring(facts, params, facts.expiring_evidence)


RULES: list[Rule] = [
    scope_document,
    policy_communicated,
    plan_document,
    mandatory_documents,
    process_descriptions,
    documents_due_for_review,
    evidence_expiring,
]
