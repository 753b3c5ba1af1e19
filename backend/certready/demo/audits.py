"""The internal audit over clauses 4-9 (planned, conducted, reported, closed through the
audit workflow), its two minor nonconformities with corrective measures and one OFI."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date

from certready.audits.checklist import assess_line, get_checklist
from certready.audits.enums import AuditStatus, AuditType, ChecklistResult
from certready.audits.models import Audit
from certready.audits.programmes import approve_programme, create_programme
from certready.audits.schemas import (
    AuditCreate,
    AuditProgrammeCreate,
    AuditTransition,
    AuditUpdate,
    ChecklistLineUpdate,
)
from certready.audits.service import create_audit, transition_audit, update_audit
from certready.corrective_measures.enums import MeasureStatus, RootCauseMethod
from certready.corrective_measures.schemas import (
    CorrectiveActionCreate,
    CorrectiveMeasureCreate,
    CorrectiveMeasureTransition,
    CorrectiveMeasureUpdate,
)
from certready.corrective_measures.service import (
    add_action,
    create_measure,
    transition_measure,
    update_measure,
)
from certready.demo.base import IF_MATCH, NONCONFORMING, Demo
from certready.findings.enums import FindingGrade, FindingStatus
from certready.findings.models import Finding
from certready.findings.schemas import FindingCreate, FindingTransition
from certready.findings.service import create_finding, transition_finding
from certready.orgs.enums import Role

Leaves = Sequence[tuple[str, str]]
NONCONFORMITIES = (
    ("7.5.3", "Two procedures in use were older than the approved versions."),
    ("8.6.3", "Known errors are not reviewed for workarounds after problem closure."),
)


async def _plan_audit(demo: Demo) -> Audit:
    year = demo.today.year
    programme = await create_programme(
        demo.session,
        demo.org.id,
        AuditProgrammeCreate(
            title=f"Internal audit programme {year}",
            period_label=str(year),
            period_start=date(year, 1, 1),
            period_end=date(year, 12, 31),
            objectives="Cover every clause of ISO/IEC 20000-1 once per year before certification.",
            method="Risk-based sampling per ISO 19011; checklists per clause; report to the SMS "
            "board.",
            risk_basis="Clause 8 processes audited first; new processes get extra sampling.",
        ),
        demo.ctx.actor,
    )
    manager = demo.as_member(demo.manager, Role.sms_manager)
    await approve_programme(demo.session, manager, programme)
    return await create_audit(
        demo.session,
        demo.org.id,
        AuditCreate(
            type=AuditType.internal,
            title="Internal audit: clauses 4-9",
            programme_id=programme.id,
            scope=["4", "5", "6", "7", "8", "9"],
            criteria="ISO/IEC 20000-1:2018 clauses 4-9 and the SMS documentation.",
            planned_start_date=demo.days(-45),
            planned_end_date=demo.days(-40),
            actual_start_date=demo.days(-45),
            actual_end_date=demo.days(-40),
            lead_auditor_id=demo.auditor.id,
        ),
        demo.ctx.actor,
    )


async def _conduct(demo: Demo, audit: Audit, leaves: Leaves) -> dict[str, Finding]:
    """The auditor assesses every line and raises the nonconformities and the OFI."""
    auditor = demo.as_member(demo.auditor, Role.auditor)
    await transition_audit(
        demo.session, demo.ctx, audit, AuditTransition(to=AuditStatus.in_progress)
    )
    for ref, _ in leaves:
        if ref.split(".")[0] == "10":
            continue
        result = (
            ChecklistResult.nonconforming if ref in NONCONFORMING else ChecklistResult.conforming
        )
        await assess_line(
            demo.session, auditor, audit, ref, ChecklistLineUpdate(result=result), IF_MATCH
        )
    await transition_audit(demo.session, demo.ctx, audit, AuditTransition(to=AuditStatus.reporting))
    findings: dict[str, Finding] = {}
    for ref, statement in NONCONFORMITIES:
        findings[ref] = await create_finding(
            demo.session,
            auditor,
            FindingCreate(
                grade=FindingGrade.minor_nc,
                statement=statement,
                requirement_ref=ref,
                audit_id=audit.id,
                checklist_line_id=await _line_id(demo, audit, ref),
                due_date=demo.days(-5) if ref == "7.5.3" else demo.days(30),
            ),
        )
    await create_finding(
        demo.session,
        auditor,
        FindingCreate(
            grade=FindingGrade.ofi,
            statement="Automate the monthly SLA report from the ticketing tool.",
            requirement_ref="9.4",
            audit_id=audit.id,
        ),
    )
    return findings


async def _line_id(demo: Demo, audit: Audit, ref: str) -> uuid.UUID:
    checklist = await get_checklist(demo.session, audit)
    return next(line.id for line in checklist.items if line.ref == ref)


async def _close(demo: Demo, audit: Audit) -> None:
    await update_audit(
        demo.session,
        demo.ctx,
        audit,
        AuditUpdate(
            report_summary="The SMS is largely implemented; two minor nonconformities raised.",
            distribution=["Sam Manager (SMS manager)", "Executive board"],
        ),
        IF_MATCH,
    )
    await transition_audit(demo.session, demo.ctx, audit, AuditTransition(to=AuditStatus.closed))


async def _measure(demo: Demo, finding: Finding) -> None:
    """A measure taken through contained and analysed to planned, with an owned, dated
    action; the finding is then action planned."""
    ref = finding.requirement_ref or ""
    owner = demo.owner_for(ref)
    measure = await create_measure(
        demo.session,
        demo.ctx,
        CorrectiveMeasureCreate(
            title=f"Correct {ref}: {finding.statement[:80]}",
            finding_ids=[finding.id],
            owner_id=owner,
            due_date=finding.due_date,
        ),
    )
    await update_measure(
        demo.session,
        demo.ctx,
        measure,
        CorrectiveMeasureUpdate(
            correction="Outdated copies withdrawn; the current versions re-issued.",
            correction_date=demo.days(-30),
            root_cause_method=RootCauseMethod.five_whys,
            root_cause="No periodic check was assigned to anyone.",
        ),
        IF_MATCH,
    )
    for to in (MeasureStatus.contained, MeasureStatus.analysed):
        await transition_measure(
            demo.session, demo.ctx, measure, CorrectiveMeasureTransition(to=to)
        )
    action = CorrectiveActionCreate(
        description="Assign a quarterly check and add it to the SMS calendar.",
        owner_id=owner,
        due_date=finding.due_date,
    )
    await add_action(demo.session, demo.ctx, measure, action)
    await transition_measure(
        demo.session, demo.ctx, measure, CorrectiveMeasureTransition(to=MeasureStatus.planned)
    )
    # opening a measure on it moved the finding to action_planned; move it if not
    if finding.status == FindingStatus.open:
        move = FindingTransition(to=FindingStatus.action_planned)
        await transition_finding(demo.session, demo.ctx, finding, move)


async def add_audit(demo: Demo, leaves: Leaves) -> None:
    """A-1 closed with F-1, F-2 (minor NCs, CM-1 overdue, CM-2) and F-3 (OFI)."""
    audit = await _plan_audit(demo)
    findings = await _conduct(demo, audit, leaves)
    await _close(demo, audit)
    for ref, _ in NONCONFORMITIES:
        await _measure(demo, findings[ref])
