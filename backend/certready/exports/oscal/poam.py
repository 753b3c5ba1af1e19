"""The corrective measures as an OSCAL plan of action and milestones (POA&M).

Per corrective measure: a ``poam-item`` (key, status, owner, due date as props) related to
the ``findings`` it acts on (the same UUIDs as in the audits' assessment results) and to one
``risk`` (the nonconformity left untreated: root cause as the statement, the due date as the
deadline, its status from the measure's) whose ``remediation`` is the measure (correction,
lifecycle planned or completed) with the planned actions as tasks: a ``milestone`` on its due
date, or an ``action`` when it has none. The system is the organisation's service
management system (``system-id``: we produce no SSP to import).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from certready.corrective_measures.enums import MeasureStatus
from certready.corrective_measures.models import CorrectiveAction, CorrectiveMeasure
from certready.exports.oscal.assessment import finding_target, finding_uuid
from certready.exports.oscal.ids import (
    OSCAL_VERSION,
    clean,
    organisation_party,
    prop,
    stable_uuid,
    timestamp,
)
from certready.findings.models import Finding
from certready.orgs.models import Organisation

RISK_STATUS = {
    MeasureStatus.open: "open",
    MeasureStatus.contained: "investigating",
    MeasureStatus.analysed: "investigating",
    MeasureStatus.planned: "remediating",
    MeasureStatus.implemented: "remediating",
    MeasureStatus.effectiveness_review: "remediating",
    MeasureStatus.closed: "closed",
    MeasureStatus.cancelled: "closed",
}
COMPLETED = frozenset({MeasureStatus.implemented, MeasureStatus.effectiveness_review})


def _task(action: CorrectiveAction, n: int) -> dict[str, Any]:
    task: dict[str, Any] = {
        "uuid": stable_uuid("corrective-action", action.id),
        "type": "milestone" if action.due_date else "action",
        "title": f"Action {n}: {' '.join(action.description.split())[:120]}",
        "description": action.description,
        "props": [prop("done", str(action.done).lower())],
    }
    if action.due_date:
        task["timing"] = {"on-date": {"date": timestamp(action.due_date)}}
    return task


def _finding(finding: Finding, audit_number: int | None) -> dict[str, Any]:
    key = f"F-{finding.number}"
    props = [prop("key", key), prop("grade", finding.grade), prop("status", finding.status)]
    props.append(prop("source", finding.source))
    if audit_number is not None:
        props.append(prop("audit", f"A-{audit_number}"))
    if finding.requirement_ref:
        props.append(prop("clause", finding.requirement_ref))
    return {
        "uuid": finding_uuid(finding.id),
        "title": f"{key} ({str(finding.grade).replace('_', ' ')})",
        "description": finding.statement,
        "props": props,
        "target": finding_target(finding.grade, finding.requirement_ref),
    }


def _measure(
    measure: CorrectiveMeasure,
    owner: str | None,
    findings: Sequence[Finding],
    actions: Sequence[CorrectiveAction],
) -> tuple[dict[str, Any], dict[str, Any]]:
    key = f"CM-{measure.number}"
    status = MeasureStatus(measure.status)
    addressed = ", ".join(f"F-{f.number}" for f in findings) or "no finding"
    risk_uuid = stable_uuid("risk", measure.id)
    risk = {
        "uuid": risk_uuid,
        "title": f"{key}: {measure.title}",
        "description": measure.description
        or f"The nonconformity of {addressed} recurs unless its cause is removed.",
        "statement": measure.root_cause or f"Root cause of {addressed} not analysed yet.",
        "status": RISK_STATUS[status],
        "props": [prop("measure-status", status.value)],
        "deadline": timestamp(measure.due_date) if measure.due_date else None,
        "remediations": [
            {
                "uuid": stable_uuid("remediation", measure.id),
                "lifecycle": "completed"
                if status in COMPLETED or status == MeasureStatus.closed
                else "planned",
                "title": f"{key}: {measure.title}",
                "description": measure.correction or measure.description or measure.title,
                "props": [prop("correction-date", measure.correction_date)]
                if measure.correction_date
                else [],
                "tasks": [_task(a, n) for n, a in enumerate(actions, start=1)],
            }
        ],
    }
    props = [prop("key", key), prop("status", status.value)]
    if owner:
        props.append(prop("owner", owner))
    if measure.due_date:
        props.append(prop("due-date", measure.due_date.isoformat()))
    if measure.closed_on:
        props.append(prop("closed-on", measure.closed_on.isoformat()))
    if measure.review_result:
        props.append(prop("effectiveness", measure.review_result))
    item = {
        "uuid": stable_uuid("poam-item", measure.id),
        "title": f"{key}: {measure.title}",
        "description": measure.description or f"Corrective measure on {addressed}.",
        "props": props,
        "related-findings": [{"finding-uuid": finding_uuid(f.id)} for f in findings],
        "related-risks": [{"risk-uuid": risk_uuid}],
    }
    return item, risk


def build(
    org: Organisation,
    measures: Sequence[Any],
    links: Sequence[Any],
    actions: Sequence[CorrectiveAction],
    *,
    last_modified: datetime,
) -> dict[str, Any]:
    """The document (rows as the repository returns them)."""
    by_measure: dict[Any, list[Finding]] = {}
    findings: dict[Any, dict[str, Any]] = {}
    for measure_id, finding, audit_number in links:
        by_measure.setdefault(measure_id, []).append(finding)
        findings.setdefault(finding.id, _finding(finding, audit_number))
    planned: dict[Any, list[CorrectiveAction]] = {}
    for action in actions:
        planned.setdefault(action.measure_id, []).append(action)
    items, risks = [], []
    for measure, owner in measures:
        item, risk = _measure(
            measure, owner, by_measure.get(measure.id, []), planned.get(measure.id, [])
        )
        items.append(item)
        risks.append(risk)
    party = organisation_party(org.id, org.name, org.slug)
    document = {
        "plan-of-action-and-milestones": {
            "uuid": stable_uuid("poam", org.id),
            "metadata": {
                "title": f"{org.name}: corrective measures (plan of action and milestones)",
                "last-modified": timestamp(last_modified),
                "version": "",  # set by the service: a digest of the content
                "oscal-version": OSCAL_VERSION,
                "roles": [{"id": "prepared-for", "title": "Organisation"}],
                "parties": [party],
                "responsible-parties": [
                    {"role-id": "prepared-for", "party-uuids": [party["uuid"]]}
                ],
            },
            "system-id": {
                "identifier-type": "https://ietf.org/rfc/rfc4122",
                "id": stable_uuid("sms", org.id),
            },
            "risks": risks,
            "findings": list(findings.values()),
            "poam-items": items,
        }
    }
    return dict(clean(document))
