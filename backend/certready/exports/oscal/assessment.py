"""One audit as OSCAL assessment-results.

The audit is the one ``result`` (start and end from its actual, else planned dates; type,
status and key as props); its checklist lines are the reviewed controls and, once assessed,
one ``observation`` each (result, auditor, day, notes, the sampled evidence keys as
relevant evidence); every finding raised on it (major and minor nonconformities,
observations, opportunities for improvement, areas of concern) is a ``finding`` targeting
its clause's assessment objective in our OSCAL catalog, ``not-satisfied`` for a
nonconformity or an area of concern and ``satisfied`` otherwise, related to the observation
of its clause's line. The data is the audit report the SPA and the PDF show.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, time
from typing import Any

from certready.audits.enums import ChecklistResult
from certready.audits.models import Audit
from certready.audits.schemas import AuditReportRead, ReportFinding, ReportLine
from certready.exports.oscal.ids import (
    CONTROL_PREFIX,
    OSCAL_VERSION,
    clean,
    control_id,
    objective_id,
    organisation_party,
    person_party,
    prop,
    stable_uuid,
    timestamp,
)
from certready.findings.enums import NONCONFORMITY_GRADES, FindingGrade
from certready.orgs.models import Organisation

# a finding raised without a clause targets the SMS as a whole
NO_CLAUSE_OBJECTIVE = CONTROL_PREFIX + "sms_obj"
NOT_SATISFIED = NONCONFORMITY_GRADES | {FindingGrade.area_of_concern}


def finding_uuid(finding_id: object) -> str:
    """A finding's UUID: the same in the assessment results and in the POA&M."""
    return stable_uuid("finding", finding_id)


def finding_target(grade: str, ref: str | None) -> dict[str, Any]:
    state = "not-satisfied" if FindingGrade(grade) in NOT_SATISFIED else "satisfied"
    return {
        "type": "objective-id",
        "target-id": objective_id(ref) if ref else NO_CLAUSE_OBJECTIVE,
        "status": {"state": state},
    }


def _end_of(day: date) -> datetime:
    return datetime.combine(day, time(23, 59, 59), tzinfo=UTC)


def _observation(audit: Audit, line: ReportLine, collected: str) -> dict[str, Any]:
    props = [prop("checklist-result", line.result.value), prop("clause", line.ref)]
    if line.auditor:
        props.append(prop("auditor", line.auditor))
    return {
        "uuid": stable_uuid("observation", audit.id, line.ref),
        "title": f"Checklist line {line.ref}: {line.result.value.replace('_', ' ')}",
        "description": line.notes or f"Assessed {line.result.value.replace('_', ' ')}; no notes.",
        "props": props,
        "methods": ["EXAMINE"] if line.sampled_evidence else ["UNKNOWN"],
        "types": ["control-objective"],
        "collected": timestamp(line.assessed_on) if line.assessed_on else collected,
        "relevant-evidence": [
            {"description": f"Evidence item {key}", "props": [prop("evidence", key)]}
            for key in line.sampled_evidence
        ],
    }


def _finding(finding: ReportFinding, observation: str | None) -> dict[str, Any]:
    props = [
        prop("key", finding.key),
        prop("grade", finding.grade),
        prop("status", finding.status),
        *(prop("objective-evidence", key) for key in finding.objective_evidence),
    ]
    if finding.requirement_ref:
        props.append(prop("clause", finding.requirement_ref))
    return {
        "uuid": finding_uuid(finding.id),
        "title": f"{finding.key} ({finding.grade.replace('_', ' ')})",
        "description": finding.statement,
        "props": props,
        "target": finding_target(finding.grade, finding.requirement_ref),
        "related-observations": [{"observation-uuid": observation}] if observation else [],
    }


def _metadata(
    org: Organisation, audit: Audit, report: AuditReportRead, last_modified: datetime
) -> dict[str, Any]:
    """Title, dates, the organisation and the audit team (lead, members, external auditors)."""
    org_party = organisation_party(org.id, org.name, org.slug)
    people = [person_party(m.user_id, m.name) for m in report.team]
    people += [person_party(f"{audit.id}:{name}", name) for name in report.external_auditors]
    lead = [person_party(m.user_id, m.name)["uuid"] for m in report.team if m.role == "lead"]
    return {
        "title": f"{report.key} {report.title}: assessment results",
        "last-modified": timestamp(last_modified),
        "version": "",  # set by the service: a digest of the content
        "oscal-version": OSCAL_VERSION,
        "roles": [
            {"id": "prepared-for", "title": "Organisation"},
            {"id": "lead-auditor", "title": "Lead auditor"},
            {"id": "assessor", "title": "Auditor"},
        ],
        "parties": [org_party, *people],
        "responsible-parties": [
            {"role-id": "prepared-for", "party-uuids": [org_party["uuid"]]},
            {"role-id": "lead-auditor", "party-uuids": lead},
            {"role-id": "assessor", "party-uuids": [p["uuid"] for p in people]},
        ],
    }


def build(
    org: Organisation,
    audit: Audit,
    report: AuditReportRead,
    *,
    last_modified: datetime,
    scope_leaves: Sequence[str],
) -> dict[str, Any]:
    """The document (``scope_leaves``: the leaves in scope, used while there is no checklist)."""
    start_day = report.actual_start_date or report.planned_start_date
    start = timestamp(start_day) if start_day else timestamp(audit.created_at)
    end_day = report.actual_end_date or report.closed_on
    observations: dict[str, dict[str, Any]] = {}
    for line in report.lines:
        if line.result != ChecklistResult.not_assessed:
            observations[line.ref] = _observation(audit, line, start)
    related = {ref: o["uuid"] for ref, o in observations.items()}
    findings = [_finding(f, related.get(f.requirement_ref or "")) for f in report.findings]
    refs = [line.ref for line in report.lines] or list(scope_leaves)
    scope = ", ".join(report.scope) or "none given"
    document = {
        "assessment-results": {
            "uuid": stable_uuid("assessment-results", audit.id),
            "metadata": _metadata(org, audit, report, last_modified),
            "import-ap": {
                "href": f"/api/v1/orgs/{org.slug}/audits/{audit.id}",
                "remarks": "The audit in Certready: its programme, scope, criteria and team "
                "are the assessment plan.",
            },
            "results": [
                {
                    "uuid": stable_uuid("result", audit.id),
                    "title": f"{report.key} {report.title}",
                    "description": f"{report.type.value.replace('_', ' ').capitalize()} audit. "
                    f"Scope: {scope}. Criteria: {report.criteria or 'none given'}.",
                    "start": start,
                    "end": timestamp(_end_of(end_day)) if end_day else None,
                    "props": [
                        prop("audit", report.key),
                        prop("audit-type", report.type.value),
                        prop("audit-status", report.status.value),
                    ],
                    "reviewed-controls": {
                        "description": "The audit's checklist: one line per requirement in "
                        "its scope.",
                        "control-selections": [
                            {"include-controls": [{"control-id": control_id(r)} for r in refs]}
                        ],
                    },
                    "observations": list(observations.values()),
                    "findings": findings,
                    "remarks": report.conclusions,
                }
            ],
        }
    }
    return dict(clean(document))
