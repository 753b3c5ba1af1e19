"""The internal audit report (PDF) of one audit, in the order ISO 19011 (6.5) lists a report's
contents: objectives, scope, criteria, the audit team, dates, the checklist results with the
auditors' notes, every finding (observations and opportunities for improvement included)
with its grade, clause and objective evidence, the conclusions with the degree to which the
criteria are fulfilled, the distribution and the sign-off.

The data is the audit report the SPA shows (``audits.report``: team, results by clause), the
audit's programme for its objectives, and the compliance matrix's Checklist lines and
Findings statements narrowed to this audit: a fixed number of statements.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from certready.audits.models import Audit, AuditProgramme
from certready.audits.report import audit_report
from certready.audits.repository import AuditRepository
from certready.audits.schemas import AuditReportRead
from certready.context import OrgContext
from certready.exports.reports.document import Cover, Story
from certready.exports.reports.readiness import findings_table
from certready.exports.reports.repository import ReportRepository

EXPORT = "Internal audit report"
STEM = "audit-report"


@dataclass
class AuditData:
    audit: Audit
    report: AuditReportRead
    programme: AuditProgramme | None
    lines: list[dict[str, Any]]
    findings: list[dict[str, Any]]


async def load(session: AsyncSession, ctx: OrgContext, audit: Audit) -> AuditData:
    """The audit's report, programme, checklist lines and findings."""
    report = await audit_report(session, audit)
    programme = await AuditRepository(session, ctx.org_id).programme_of(audit)
    repo = ReportRepository(session, ctx.org_id, audit.framework_id)
    return AuditData(
        audit=audit,
        report=report,
        programme=programme,
        lines=await repo.audit_lines(audit.id),
        findings=await repo.audit_findings(audit.id),
    )


def _dates(report: AuditReportRead) -> str:
    def span(start: Any, end: Any) -> str:
        if start is None and end is None:
            return "not set"
        return f"{start or '?'} to {end or '?'}"

    return (
        f"planned {span(report.planned_start_date, report.planned_end_date)}; "
        f"conducted {span(report.actual_start_date, report.actual_end_date)}"
    )


def _fulfilment(report: AuditReportRead) -> str:
    counts = report.results
    assessed = counts.total - counts.not_assessed
    return (
        f"{assessed} of {counts.total} checklist lines assessed: {counts.conforming} "
        f"conforming, {counts.nonconforming} nonconforming, {counts.observation} with an "
        f"observation, {counts.ofi} with an opportunity for improvement; "
        f"{counts.not_assessed} not assessed."
    )


def _about(story: Story, data: AuditData) -> None:
    report, programme = data.report, data.programme
    story.heading("1. Objectives")
    if programme is not None and programme.objectives.strip():
        story.para(programme.objectives, section="objectives")
        story.note(f"From the audit programme \u201c{programme.title}\u201d.")
    else:
        story.para(
            "No objectives recorded: the audit is not part of an audit programme with objectives.",
            section="objectives",
        )
    story.heading("2. Scope and criteria")
    story.facts(
        "scope",
        [
            ("Audit", f"{report.key} {report.title}"),
            ("Type", str(report.type)),
            ("Status", str(report.status)),
            ("Scope", ", ".join(report.scope) or "whole framework"),
            ("Criteria", report.criteria or "not stated"),
            ("Audit method", programme.method if programme and programme.method else "not stated"),
        ],
    )
    story.heading("3. Audit team and dates")
    story.table(
        "team",
        ["Name", "Role"],
        [[m.name, "lead auditor" if m.role == "lead" else "auditor"] for m in report.team]
        + [[name, "external auditor"] for name in report.external_auditors],
        widths=[3, 2],
        empty="No auditor recorded.",
    )
    story.space(2)
    story.facts("dates", [("Dates", _dates(report))])


def _results(story: Story, data: AuditData) -> None:
    report = data.report
    story.heading("4. Results by clause")
    story.table(
        "results by clause",
        [
            "Clause",
            "Title",
            "Lines",
            "Conforming",
            "Nonconforming",
            "Observation",
            "OFI",
            "Not assessed",
        ],
        [
            [
                c.ref,
                c.title,
                c.total,
                c.conforming,
                c.nonconforming,
                c.observation,
                c.ofi,
                c.not_assessed,
            ]
            for c in report.results_by_clause
        ],
        widths=[0.8, 3, 0.8, 1.1, 1.3, 1.1, 0.7, 1.1],
    )
    story.heading("5. Checklist")
    columns = ("Clause", "Result", "Auditor", "Assessed on", "Notes", "Sampled evidence")
    story.table(
        "checklist",
        columns,
        [[line[c] for c in columns] for line in data.lines],
        widths=[0.8, 1.3, 1.4, 1.1, 4.4, 1.3],
        badges=[1],
        empty="No checklist lines: the audit has not started.",
    )


def _findings(story: Story, data: AuditData) -> None:
    story.heading(f"6. Findings ({len(data.findings)})")
    findings_table(story, "findings", data.findings)
    for finding in data.findings:
        measures = finding["Corrective measures"]
        if not (finding["Root cause"] or finding["Correction"] or measures):
            continue
        story.heading(f"{finding['Key']}: corrective action", level=3)
        story.facts(
            f"{finding['Key']} action",
            [
                ("Corrective measures", measures),
                ("Root cause", finding["Root cause"]),
                ("Correction", finding["Correction"]),
                ("Owner", finding["Measure owner"]),
                ("Due", finding["Measures due"]),
                ("Effectiveness", finding["Effectiveness result"]),
            ],
        )


def _conclusions(story: Story, data: AuditData) -> None:
    report, audit = data.report, data.audit
    story.heading("7. Conclusions")
    story.para(report.conclusions or "No conclusions recorded yet.", section="conclusions")
    story.space(2)
    story.facts("fulfilment", [("Degree of fulfilment", _fulfilment(report))])
    story.heading("8. Distribution")
    story.table(
        "distribution",
        ["Recipient"],
        [[name] for name in report.distribution],
        widths=[1],
        empty="No distribution recorded.",
    )
    lead = next((m.name for m in report.team if m.role == "lead"), "")
    story.heading("9. Sign-off")
    story.facts(
        "sign-off",
        [
            ("Lead auditor", lead or "none"),
            (
                "Report closed on",
                str(audit.closed_on) if audit.closed_on else f"not closed ({report.status})",
            ),
        ],
    )


def build(data: AuditData, report_id: str) -> tuple[Cover, Story]:
    """The cover and the body of the report."""
    story = Story()
    _about(story, data)
    _results(story, data)
    _findings(story, data)
    _conclusions(story, data)
    report = data.report
    cover = Cover(
        title=EXPORT if report.type == "internal" else "Audit report",
        subject=f"{report.key} {report.title}",
        report_id=report_id,
        facts=[
            ("Audit", report.key),
            ("Type", str(report.type)),
            ("Status", str(report.status)),
            ("Dates", _dates(report)),
            ("Findings", str(len(data.findings))),
        ],
    )
    return cover, story
