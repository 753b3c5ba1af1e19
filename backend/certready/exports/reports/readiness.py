"""The readiness report (PDF): the verdict of each gate, every failing blocker and warning with
every object it names, the clauses as a heat map and the open findings.

The data is the dashboard's evaluation (``evaluate_org``, a fixed number of statements) with
no cut-off on the failing objects, and one statement for the open findings (the compliance
matrix's Findings sheet, narrowed to those not closed).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from reportlab.lib import colors
from sqlalchemy.ext.asyncio import AsyncSession

from certready.context import OrgContext
from certready.core.pagination import PageParams
from certready.core.problems import NotFound
from certready.exports.matrix import ALL_FAILURES
from certready.exports.reports.document import (
    AMBER,
    GREEN,
    LEAD,
    LEAD_SMALL,
    RED,
    Cover,
    Story,
)
from certready.exports.reports.repository import ReportRepository
from certready.readiness.enums import Gate, Severity
from certready.readiness.schemas import (
    ClauseRead,
    GateRead,
    ReadinessRead,
    RuleResultRead,
    SnapshotRead,
)
from certready.readiness.service import evaluate_org, list_history
from certready.requirements.catalogue.loader import DEFAULT_FRAMEWORK
from certready.requirements.repository import CatalogueRepository

EXPORT = "Readiness report"
STEM = "readiness-report"

GATE_NAMES: dict[Gate, str] = {
    Gate.stage1: "Stage 1",
    Gate.stage2: "Stage 2",
    Gate.certification: "Certification",
    Gate.maintenance: "Maintenance",
}
GATE_RANK = {gate: i for i, gate in enumerate(GATE_NAMES)}


# The trend: the newest snapshots (the dashboard's history), oldest first in the chart.
TREND_SNAPSHOTS = 60


@dataclass
class ReadinessData:
    report: ReadinessRead
    open_findings: list[dict[str, Any]]
    history: list[SnapshotRead]
    target_date: date | None


async def load(session: AsyncSession, ctx: OrgContext) -> ReadinessData:
    """The evaluation (every failing object) and the open findings."""
    framework = await CatalogueRepository(session).framework_by_code(DEFAULT_FRAMEWORK)
    if framework is None:
        raise NotFound(f"No framework '{DEFAULT_FRAMEWORK}'.")
    report = await evaluate_org(session, ctx.org, DEFAULT_FRAMEWORK, failing_limit=ALL_FAILURES)
    repo = ReportRepository(session, ctx.org_id, framework.id)
    history, _, _ = await list_history(
        session, ctx.org_id, DEFAULT_FRAMEWORK, PageParams(limit=TREND_SNAPSHOTS)
    )
    return ReadinessData(
        report=report,
        open_findings=await repo.open_findings(),
        history=history,
        target_date=ctx.org.target_certification_date,
    )


def verdict(gate: GateRead) -> str:
    """The gate's verdict in words."""
    if not gate.applicable:
        return "Not applicable"
    if gate.ready is None:
        return "Not determined"
    return "Ready" if gate.ready else "Not ready"


def deadline(target: date | None, today: date) -> str:
    """The target certification date and how far off it is."""
    if target is None:
        return "no target certification date set"
    days = (target - today).days
    if days < 0:
        return f"{target} ({-days} days ago)"
    return f"{target} (in {days} days)"


def _gates(story: Story, report: ReadinessRead, target: date | None) -> None:
    story.heading("1. Verdicts")
    story.para(f"Readiness score {report.score} of 100 for {report.framework}.", section="score")
    story.para(f"Target certification date: {deadline(target, report.today)}.", section="deadline")
    # when it was evaluated is not data (the same data evaluated later has the same digest)
    story.note(f"Evaluated at {report.evaluated_at:%Y-%m-%d %H:%M:%S} UTC.")
    story.space()
    gates = [(g, getattr(report.gates, g.value)) for g in GATE_NAMES]
    story.table(
        "verdicts",
        ["Gate", "Verdict", "Failing blockers", "Warnings", "Not evaluated"],
        [
            [
                GATE_NAMES[gate],
                verdict(read),
                ", ".join(read.blockers) or "none",
                ", ".join(read.warnings) or "none",
                ", ".join(read.unevaluated) or "none",
            ]
            for gate, read in gates
        ],
        widths=[1.1, 1.2, 4, 2, 1.4],
        badges=[1],
    )
    for gate, read in gates:
        if read.reason:
            story.para(f"{GATE_NAMES[gate]}: {read.reason}", section="verdict reasons")
    story.note(
        "A gate is ready when no blocker of it or of an earlier gate fails; while blocker "
        "rules Certready does not evaluate yet remain, a gate with no failure is not determined."
    )


def _ready(value: bool | None) -> str:
    return "ready" if value else "not determined" if value is None else "not ready"


def _trend(story: Story, history: list[SnapshotRead]) -> None:
    story.heading("2. Trend")
    if not history:
        story.para("No readiness snapshots yet (they are taken daily).", section="trend")
        return
    oldest_first = list(reversed(history))
    story.chart(
        [(s.snapshot_date, s.score) for s in oldest_first],
        title="Readiness score by snapshot",
    )
    story.table(
        "trend",
        ["Date", "Taken", "Score", "Stage 1", "Stage 2", "Blockers", "Warnings"],
        [
            [
                s.snapshot_date,
                str(s.trigger),
                s.score,
                _ready(s.stage1_ready),
                _ready(s.stage2_ready),
                s.blockers,
                s.warnings,
            ]
            for s in history
        ],
        widths=[1.2, 1, 0.8, 1.3, 1.3, 1, 1],
    )
    story.note(f"The newest {TREND_SNAPSHOTS} snapshots at most, newest first.")


def _rules(story: Story, rules: list[RuleResultRead], severity: Severity, number: int) -> None:
    failing = sorted(
        (r for r in rules if r.passed is False and r.severity == severity),
        key=lambda r: (GATE_RANK[r.gate], r.id),
    )
    title = "Blockers" if severity == Severity.blocker else "Warnings"
    story.heading(f"{number}. {title} ({len(failing)})")
    if not failing:
        story.para(f"No {title.lower()} fail.", section=title.lower())
        return
    for rule in failing:
        story.heading(f"{rule.id} {rule.title}", level=2)
        clauses = ", ".join(rule.clause_refs) or "none"
        story.para(
            f"{GATE_NAMES[rule.gate]} {rule.severity}; clauses {clauses}; "
            f"{rule.failing_count} object(s) named.",
            section=rule.id,
            style=LEAD_SMALL,
        )
        story.para(rule.message, section=rule.id, style=LEAD)
        story.space(2)
        story.table(
            f"{rule.id} objects",
            ["Type", "Key", "What fails"],
            [[o.type.replace("_", " "), o.key or "", o.message] for o in rule.failing],
            widths=[1.6, 1, 5],
            empty="The rule names no single object.",
        )


def _share(clause: ClauseRead) -> colors.Color | None:
    """A clause coloured by its share of implemented requirements (the heat map)."""
    if not clause.requirements:
        return None
    share = clause.statuses.implemented / clause.requirements
    return GREEN if share >= 0.8 else AMBER if share >= 0.4 else RED


def _clauses(story: Story, clauses: list[ClauseRead], number: int) -> None:
    story.heading(f"{number}. Clauses")
    story.table(
        "clauses",
        [
            "Clause",
            "Title",
            "Implemented",
            "In progress, planned, not started",
            "Current evidence links",
            "Open findings",
            "Failing rules",
        ],
        [
            [
                c.ref,
                c.title,
                f"{c.statuses.implemented} of {c.requirements}",
                f"{c.statuses.in_progress}, {c.statuses.planned}, {c.statuses.not_started}",
                f"{c.current_evidence_links} of {c.evidence_links}",
                c.open_findings,
                ", ".join(c.failing_rules),
            ]
            for c in clauses
        ],
        widths=[0.7, 2.2, 1.2, 1.3, 1.1, 0.9, 3],
        fill=lambda x, y: _share(clauses[y]) if x == 2 else None,
    )
    story.note(
        "Implemented: green when at least 80 % of the clause's requirements are "
        "implemented, amber from 40 %, red below."
    )


def _details(finding: dict[str, Any]) -> str:
    parts = [
        ("Source", finding["Source"]),
        ("Audit", finding["Audit"]),
        ("Objective evidence", finding["Objective evidence"]),
        ("Raised on", finding["Raised on"]),
        ("Due", finding["Due date"]),
        ("Corrective measures", finding["Corrective measures"]),
        ("Closed on", finding["Closed on"]),
    ]
    return "\n".join(f"{label}: {value}" for label, value in parts if value)


def findings_table(story: Story, section: str, findings: list[dict[str, Any]]) -> None:
    """Findings with grade, clause, status, statement, objective evidence and measures."""
    story.table(
        section,
        ["Key", "Clause", "Grade", "Status", "Statement", "Source, evidence, dates"],
        [
            [f["Key"], f["Clause"], f["Grade"], f["Status"], f["Statement"], _details(f)]
            for f in findings
        ],
        widths=[0.7, 0.8, 1.1, 1.2, 4, 2.6],
        badges=[2, 3],
        empty="None.",
    )


def build(data: ReadinessData, report_id: str) -> tuple[Cover, Story]:
    """The cover and the body of the report."""
    report = data.report
    story = Story()
    _gates(story, report, data.target_date)
    _trend(story, data.history)
    _rules(story, report.rules, Severity.blocker, 3)
    _rules(story, report.rules, Severity.warning, 4)
    _clauses(story, report.clauses, 5)
    story.heading(f"6. Open findings ({len(data.open_findings)})")
    findings_table(story, "open findings", data.open_findings)
    if report.not_implemented:
        story.heading("7. Rules not evaluated yet")
        story.table(
            "not evaluated",
            ["Rule", "Title", "Gate", "Severity", "Why not"],
            [
                [r.id, r.title, GATE_NAMES[r.gate], str(r.severity), r.not_implemented_reason]
                for r in report.not_implemented
            ],
            widths=[0.8, 3, 1, 1, 4],
        )
    gates = report.gates
    cover = Cover(
        title=EXPORT,
        subject=f"{report.framework}: readiness for certification",
        report_id=report_id,
        facts=[
            ("Stage 1", verdict(gates.stage1)),
            ("Stage 2", verdict(gates.stage2)),
            ("Certification", verdict(gates.certification)),
            ("Score", f"{report.score} of 100"),
            ("Target certification", deadline(data.target_date, report.today)),
            ("Evaluated at (UTC)", f"{report.evaluated_at:%Y-%m-%d %H:%M:%S}"),
        ],
    )
    return cover, story
