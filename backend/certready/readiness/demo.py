"""The demo organisation: a realistic ISO/IEC 20000-1 adopter part-way to Stage 2.

``certready demo [--today YYYY-MM-DD]`` and ``POST /api/v1/demo`` (first run only: no user
exists yet; creates the demo organisation and its admin and returns the admin password
once) both call :func:`build_demo`.

Deterministic: every date is relative to ``today`` (default: the real today) and every
name is fixed. Idempotent: when the organisation ``demo`` exists nothing is written.

The story (what the readiness engine says about it, asserted in tests/readiness):

* every leaf has an owner and approved evidence; every clause-8 process has a procedure
  and recent records, except service continuity (8.7.2): no continuity plan (D8, the one
  missing mandatory document) and no continuity test record;
* five requirements are still ``in_progress``;
* internal audit A-1 over clauses 4-9 is closed with two minor nonconformities (F-1,
  F-2), each with a corrective measure (CM-1 is overdue) and one improvement (F-3);
* training: 8 of 10 people in scope have current awareness training (80 %);
* three objectives, measurements for two;
* management review MR-1 planned (with agenda) but not held;
* one policy due for review and one record expiring within 30 days (warnings).

Built by direct inserts, with one activity entry per created object, because several
domain services need a request context (roles, uploads) the demo does not have.
"""

from __future__ import annotations

import secrets
import uuid
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import anyio
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import SQLModel, col, select

from certready.activity.service import record
from certready.audits.enums import AuditStatus, AuditType, ChecklistResult
from certready.audits.models import Audit, AuditChecklistLine, AuditProgramme, AuditTeamMember
from certready.auth.models import User
from certready.auth.service import claim_first_run
from certready.config import Settings
from certready.context import Actor
from certready.core.clock import add_months, utcnow
from certready.core.problems import Conflict
from certready.core.security import hash_password
from certready.corrective_measures.enums import MeasureStatus, RootCauseMethod
from certready.corrective_measures.models import CorrectiveMeasure, CorrectiveMeasureFinding
from certready.db.repository import next_number
from certready.evidence.enums import EvidenceKind, EvidenceStatus
from certready.evidence.models import Evidence, EvidenceDocument, EvidenceRequirement
from certready.findings.enums import FindingGrade, FindingSource, FindingStatus
from certready.findings.models import Finding
from certready.management_reviews.enums import ReviewStatus
from certready.management_reviews.models import ManagementReview
from certready.objectives.enums import Direction, Frequency
from certready.objectives.models import Objective, ObjectiveMeasurement
from certready.orgs.enums import Role
from certready.orgs.models import Membership, Organisation
from certready.orgs.schemas import OrgCreate
from certready.orgs.service import create_organisation
from certready.readiness.schemas import DemoResult
from certready.requirements.catalogue.loader import DEFAULT_FRAMEWORK
from certready.requirements.enums import ImplementationStatus
from certready.requirements.models import (
    DocumentedInformation,
    Framework,
    Requirement,
    RequirementStatus,
)
from certready.training.enums import CourseKind, EvaluationMethod
from certready.training.models import (
    CompetenceRequirement,
    TrainingCourse,
    TrainingPerson,
    TrainingRecord,
)

DEMO_SLUG = "demo"
DEMO_NAME = "Demo Service Desk Ltd"
DEMO_ADMIN_EMAIL = "admin@demo.example"
MISSING_DOCUMENT = "D8"
IN_PROGRESS = ("8.5.3", "8.7.1", "8.7.2", "9.3", "10.2")
NONCONFORMING = ("7.5.3", "8.6.3")
# (email, full name, org role, SMS role key)
STAFF = (
    ("sam.manager@demo.example", "Sam Manager", Role.sms_manager, "sms_manager"),
    ("olivia.owner@demo.example", "Olivia Owner", Role.process_owner, "process_owner"),
    ("peter.process@demo.example", "Peter Process", Role.process_owner, "process_owner"),
    ("dana.desk@demo.example", "Dana Desk", Role.process_owner, "service_desk"),
    ("ian.auditor@demo.example", "Ian Auditor", Role.auditor, "internal_auditor"),
)
EXTRA_PEOPLE = ("Alex Agent", "Bea Agent", "Chris Agent", "Dee Agent", "Eli Agent")


@dataclass
class DemoOutcome:
    org: Organisation
    created: bool
    admin_email: str
    admin_password: str | None


class _Builder:
    def __init__(self, session: AsyncSession, org: Organisation, actor: Actor, today: date) -> None:
        self.session = session
        self.org = org
        self.actor = actor
        self.today = today

    def days(self, n: int) -> date:
        return self.today + timedelta(days=n)

    def add(self, obj: SQLModel, kind: str, object_id: Any, summary: str) -> None:
        self.session.add(obj)
        record(
            self.session,
            org_id=self.org.id,
            actor=self.actor,
            action=f"{kind}.create",
            object_type=kind,
            object_id=object_id,
            summary=f"Demo: {summary}",
        )

    async def evidence(
        self,
        title: str,
        kind: EvidenceKind,
        leaves: list[uuid.UUID],
        owner: uuid.UUID,
        *,
        documents: list[uuid.UUID] | None = None,
        effective: date | None = None,
        valid_until: date | None = None,
    ) -> Evidence:
        number = await next_number(self.session, self.org.id, "evidence")
        item = Evidence(
            org_id=self.org.id,
            number=number,
            title=title,
            kind=kind,
            source="cli",
            owner_id=owner,
            effective_date=effective or self.days(-60),
            valid_until=valid_until if valid_until is not None else add_months(self.today, 12),
            status=EvidenceStatus.approved,
            approved_by=self.actor.id,
            approved_at=utcnow(),
            created_by=self.actor.id,
        )
        self.add(item, "evidence", item.id, f"E-{number} {title}")
        await self.session.flush()
        for leaf in dict.fromkeys(leaves):
            self.session.add(
                EvidenceRequirement(
                    evidence_id=item.id,
                    requirement_id=leaf,
                    org_id=self.org.id,
                    created_at=utcnow(),
                )
            )
        for doc in documents or []:
            self.session.add(
                EvidenceDocument(
                    evidence_id=item.id, document_id=doc, org_id=self.org.id, created_at=utcnow()
                )
            )
        return item


async def _user(session: AsyncSession, email: str, name: str, password_hash: str) -> User:
    user = (await session.execute(select(User).where(col(User.email) == email))).scalars().first()
    if user is None:
        user = User(email=email, full_name=name, password_hash=password_hash)
        session.add(user)
        await session.flush()
    return user


async def build_demo(
    session: AsyncSession,
    settings: Settings,
    today: date | None = None,
    admin_email: str = DEMO_ADMIN_EMAIL,
) -> DemoOutcome:
    """Create the demo organisation (and its people) unless it exists."""
    today = today or utcnow().date()
    existing = (
        (await session.execute(select(Organisation).where(col(Organisation.slug) == DEMO_SLUG)))
        .scalars()
        .first()
    )
    if existing is not None:
        return DemoOutcome(existing, False, admin_email, None)

    password = secrets.token_urlsafe(12)
    admin_hash = await anyio.to_thread.run_sync(hash_password, settings, password)
    # Staff accounts get an unguessable password nobody knows (an admin can reset it).
    staff_hash = await anyio.to_thread.run_sync(hash_password, settings, secrets.token_urlsafe(24))
    admin = await _user(session, admin_email, "Ada Demo-Admin", admin_hash)
    actor = Actor(id=admin.id, name=admin.full_name)
    org = await create_organisation(
        session, OrgCreate(name=DEMO_NAME, slug=DEMO_SLUG), admin, actor
    )
    org.sms_scope = (
        "IT service management of the Service Desk, Workplace and Hosting services delivered "
        "by Demo Service Desk Ltd to its internal and external customers."
    )
    org.target_certification_date = add_months(today, 4)
    org.certification_body = "Example Certification Ltd"
    b = _Builder(session, org, actor, today)

    staff: dict[str, User] = {}
    for email, name, role, _ in STAFF:
        user = await _user(session, email, name, staff_hash)
        staff[email] = user
        session.add(Membership(org_id=org.id, user_id=user.id, role=role, created_at=utcnow()))
    manager, olivia, peter, dana, auditor = (staff[s[0]] for s in STAFF)
    await session.flush()

    # --- requirements: owners and statuses --------------------------------------------
    framework_id = (
        await session.execute(select(Framework.id).where(col(Framework.code) == DEFAULT_FRAMEWORK))
    ).scalar_one()
    leaves = list(
        (
            await session.execute(
                select(Requirement)
                .where(col(Requirement.framework_id) == framework_id, col(Requirement.assessable))
                .order_by(col(Requirement.sort_key))
            )
        )
        .scalars()
        .all()
    )
    statuses = {
        s.requirement_id: s
        for s in (
            await session.execute(
                select(RequirementStatus).where(col(RequirementStatus.org_id) == org.id)
            )
        )
        .scalars()
        .all()
    }

    def owner_for(ref: str) -> User:
        if ref.startswith(("4", "5", "6", "9", "10")):
            return manager
        if ref.startswith("7"):
            return olivia
        if ref.startswith(("8.6", "8.3")):
            return dana
        return peter

    for leaf in leaves:
        status = statuses[leaf.id]
        status.owner_id = owner_for(leaf.ref).id
        status.status = (
            ImplementationStatus.in_progress
            if leaf.ref in IN_PROGRESS
            else ImplementationStatus.implemented
        )
        status.updated_by = admin.id
    record(
        session,
        org_id=org.id,
        actor=actor,
        action="requirement.bulk_update",
        object_type="requirement",
        object_id=org.id,
        summary=f"Demo: owners and statuses set for {len(leaves)} requirements",
    )

    # --- evidence ---------------------------------------------------------------------
    by_ref = {leaf.ref: leaf.id for leaf in leaves}
    docs = list(
        (
            await session.execute(
                select(DocumentedInformation)
                .where(col(DocumentedInformation.framework_id) == framework_id)
                .order_by(col(DocumentedInformation.sort_key))
            )
        )
        .scalars()
        .all()
    )

    def leaves_under(*refs: str) -> list[uuid.UUID]:
        return [
            leaf.id
            for leaf in leaves
            if any(leaf.ref == r or leaf.ref.startswith(r + ".") for r in refs)
        ]

    documented: set[uuid.UUID] = set()
    for doc in docs:
        if doc.kind != "document" or not doc.mandatory or doc.key == MISSING_DOCUMENT:
            continue
        kind = EvidenceKind.policy if "policy" in doc.title.lower() else EvidenceKind.plan
        if doc.key in ("D9", "D10", "D11", "D12", "D13", "D14"):
            kind = EvidenceKind.procedure if doc.key == "D9" else EvidenceKind.other
        targets = leaves_under(*[r for r in doc.clause_refs if r != "7.5.4"])
        # D7 (information security policy) is due for review soon: an RDY-18 warning.
        valid = b.days(20) if doc.key == "D7" else None
        await b.evidence(
            f"{doc.title} ({doc.key})",
            kind,
            targets,
            manager.id,
            documents=[doc.id],
            valid_until=valid,
        )
        if kind in (EvidenceKind.policy, EvidenceKind.plan, EvidenceKind.procedure):
            documented.update(targets)
    for leaf in leaves:
        if leaf.id in documented:
            continue
        await b.evidence(
            f"Procedure {leaf.ref} {leaf.title}",
            EvidenceKind.procedure,
            [leaf.id],
            owner_for(leaf.ref).id,
        )
    # Operating records for clause 8 and 9.4, except the continuity test (8.7.2).
    for leaf in leaves:
        if (leaf.ref.startswith("8.") or leaf.ref == "9.4") and leaf.ref != "8.7.2":
            await b.evidence(
                f"Records {leaf.ref} {leaf.title} (last quarter)",
                EvidenceKind.ticket_export,
                [leaf.id],
                owner_for(leaf.ref).id,
                effective=b.days(-14),
                # the availability report expires soon: an RDY-25 warning
                valid_until=b.days(25) if leaf.ref == "8.7.1" else None,
            )
    await b.evidence(
        "Policy communication: all-staff e-mail and intranet post",
        EvidenceKind.record,
        [by_ref["5.2.2"]],
        manager.id,
        effective=b.days(-120),
    )

    # --- internal audit over clauses 4-9 ----------------------------------------------
    programme = AuditProgramme(
        org_id=org.id,
        title=f"Internal audit programme {today.year}",
        period_label=str(today.year),
        period_start=date(today.year, 1, 1),
        period_end=date(today.year, 12, 31),
        objectives="Cover every clause of ISO/IEC 20000-1 once per year before certification.",
        method="Risk-based sampling per ISO 19011; checklists per clause; report to the SMS board.",
        risk_basis="Clause 8 processes audited first; new processes get extra sampling.",
        approved_by_id=manager.id,
        approved_at=utcnow(),
    )
    b.add(programme, "audit_programme", programme.id, programme.title)
    await session.flush()
    audit = Audit(
        org_id=org.id,
        number=await next_number(session, org.id, "audit"),
        programme_id=programme.id,
        framework_id=framework_id,
        type=AuditType.internal,
        status=AuditStatus.closed,
        title="Internal audit: clauses 4-9",
        scope=["4", "5", "6", "7", "8", "9"],
        criteria="ISO/IEC 20000-1:2018 clauses 4-9 and the SMS documentation.",
        planned_start_date=b.days(-45),
        planned_end_date=b.days(-40),
        actual_start_date=b.days(-45),
        actual_end_date=b.days(-40),
        lead_auditor_id=auditor.id,
        report_summary="The SMS is largely implemented; two minor nonconformities raised.",
        distribution=["Sam Manager (SMS manager)", "Executive board"],
        closed_at=utcnow(),
    )
    b.add(audit, "audit", audit.id, f"A-{audit.number} {audit.title}")
    await session.flush()
    session.add(AuditTeamMember(audit_id=audit.id, user_id=auditor.id, org_id=org.id))
    lines: dict[str, AuditChecklistLine] = {}
    for leaf in leaves:
        if leaf.root_ref == "10":
            continue
        line = AuditChecklistLine(
            org_id=org.id,
            audit_id=audit.id,
            requirement_id=leaf.id,
            ref=leaf.ref,
            sort_key=leaf.sort_key,
            result=ChecklistResult.nonconforming
            if leaf.ref in NONCONFORMING
            else ChecklistResult.conforming,
            auditor_id=auditor.id,
            assessed_by_id=auditor.id,
            assessed_at=utcnow(),
        )
        session.add(line)
        lines[leaf.ref] = line
    await session.flush()

    # --- findings and corrective measures ---------------------------------------------
    findings = []
    for ref, statement in (
        ("7.5.3", "Two procedures in use were older than the approved versions."),
        ("8.6.3", "Known errors are not reviewed for workarounds after problem closure."),
    ):
        finding = Finding(
            org_id=org.id,
            number=await next_number(session, org.id, "finding"),
            grade=FindingGrade.minor_nc,
            status=FindingStatus.action_planned,
            source=FindingSource.internal_audit,
            statement=statement,
            requirement_id=by_ref[ref],
            requirement_ref=ref,
            audit_id=audit.id,
            checklist_line_id=lines[ref].id,
            raised_by_id=auditor.id,
            raised_at=utcnow(),
            due_date=b.days(-5) if ref == "7.5.3" else b.days(30),
        )
        b.add(finding, "finding", finding.id, f"F-{finding.number} minor NC on {ref}")
        findings.append(finding)
    ofi = Finding(
        org_id=org.id,
        number=await next_number(session, org.id, "finding"),
        grade=FindingGrade.ofi,
        status=FindingStatus.open,
        source=FindingSource.internal_audit,
        statement="Automate the monthly SLA report from the ticketing tool.",
        requirement_id=by_ref["9.4"],
        requirement_ref="9.4",
        audit_id=audit.id,
        raised_by_id=auditor.id,
        raised_at=utcnow(),
    )
    b.add(ofi, "finding", ofi.id, f"F-{ofi.number} improvement on 9.4")
    await session.flush()
    for finding in findings:
        measure = CorrectiveMeasure(
            org_id=org.id,
            number=await next_number(session, org.id, "corrective_measure"),
            title=f"Correct {finding.requirement_ref}: {finding.statement[:80]}",
            status=MeasureStatus.planned,
            owner_id=owner_for(finding.requirement_ref or "").id,
            due_date=finding.due_date,
            root_cause_method=RootCauseMethod.five_whys,
            root_cause="No periodic check was assigned to anyone.",
        )
        b.add(measure, "corrective_measure", measure.id, f"CM-{measure.number} {measure.title}")
        await session.flush()
        session.add(
            CorrectiveMeasureFinding(measure_id=measure.id, finding_id=finding.id, org_id=org.id)
        )

    # --- training: 8 of 10 people with current awareness -------------------------------
    awareness = TrainingCourse(
        org_id=org.id, title="SMS awareness", kind=CourseKind.awareness, validity_months=24
    )
    role_courses = {
        key: TrainingCourse(org_id=org.id, title=title, kind=CourseKind.role, validity_months=36)
        for key, title in (
            ("sms_manager", "ISO/IEC 20000 foundation"),
            ("process_owner", "Process ownership"),
            ("service_desk", "Incident and request handling"),
            ("internal_auditor", "Internal auditor (ISO 19011)"),
        )
    }
    for course in (awareness, *role_courses.values()):
        b.add(course, "training_course", course.id, course.title)
    await session.flush()
    for key, course in role_courses.items():
        session.add(CompetenceRequirement(org_id=org.id, role_key=key, course_id=course.id))
    people: list[tuple[TrainingPerson, str]] = []
    for email, name, _, staff_role in STAFF:
        people.append(
            (
                TrainingPerson(
                    org_id=org.id,
                    user_id=staff[email].id,
                    full_name=name,
                    email=email,
                    role_keys=[staff_role],
                ),
                staff_role,
            )
        )
    for name in EXTRA_PEOPLE:
        people.append(
            (
                TrainingPerson(
                    org_id=org.id,
                    full_name=name,
                    email=name.lower().replace(" ", ".") + "@demo.example",
                    role_keys=["service_desk"],
                ),
                "service_desk",
            )
        )
    for person, _ in people:
        b.add(person, "training_person", person.id, person.full_name)
    await session.flush()
    for i, (person, role_key) in enumerate(people):
        if i < 8:  # the last two agents have not done the awareness course yet
            completed = b.days(-90)
            session.add(
                TrainingRecord(
                    org_id=org.id,
                    person_id=person.id,
                    course_id=awareness.id,
                    completed_on=completed,
                    expires_on=add_months(completed, 24) - timedelta(days=1),
                    evaluation_method=EvaluationMethod.quiz,
                    evaluation_result="passed",
                    recorded_by_id=admin.id,
                )
            )
        if role_key:
            completed = b.days(-200)
            session.add(
                TrainingRecord(
                    org_id=org.id,
                    person_id=person.id,
                    course_id=role_courses[role_key].id,
                    completed_on=completed,
                    expires_on=add_months(completed, 36) - timedelta(days=1),
                    evaluation_method=EvaluationMethod.assessment,
                    evaluation_result="competent",
                    recorded_by_id=admin.id,
                )
            )

    # --- objectives: three, measured for two ---------------------------------------------
    for title, metric, target, direction, measured in (
        (
            "Incidents resolved within SLA",
            "% of incidents resolved within SLA",
            95.0,
            Direction.at_least,
            True,
        ),
        ("Customer satisfaction", "Average survey score (1-5)", 4.2, Direction.at_least, True),
        (
            "Changes causing incidents",
            "% of changes causing an incident",
            5.0,
            Direction.at_most,
            False,
        ),
    ):
        objective = Objective(
            org_id=org.id,
            number=await next_number(session, org.id, "objective"),
            title=title,
            requirement_refs=["6.2.1"],
            metric=metric,
            unit="%" if metric.startswith("%") else "",
            target=target,
            direction=direction,
            owner_id=manager.id,
            due_date=add_months(today, 6),
            frequency=Frequency.monthly,
        )
        b.add(objective, "objective", objective.id, f"O-{objective.number} {title}")
        await session.flush()
        if measured:
            for months_back in (3, 2, 1):
                start = add_months(today.replace(day=1), -months_back)
                session.add(
                    ObjectiveMeasurement(
                        org_id=org.id,
                        objective_id=objective.id,
                        period_start=start,
                        period_end=add_months(start, 1) - timedelta(days=1),
                        value=target + (1 if direction == Direction.at_least else -1),
                        source="Monthly service report",
                        recorded_by_id=manager.id,
                    )
                )

    # --- management review planned, not held ----------------------------------------------
    review = ManagementReview(
        org_id=org.id,
        number=await next_number(session, org.id, "management_review"),
        title="Management review before Stage 1",
        status=ReviewStatus.planned,
        planned_date=b.days(21),
        chair_id=manager.id,
        agenda="Inputs of 9.3: audit results, objectives, customer feedback, improvement.",
        snapshot_at=utcnow(),
    )
    b.add(review, "management_review", review.id, f"MR-{review.number} {review.title}")
    await session.flush()
    return DemoOutcome(org, True, admin_email, password)


async def create_demo_first_run(session: AsyncSession, settings: Settings) -> DemoResult:
    """``POST /api/v1/demo``: only while no user exists (the first-run screen)."""
    try:
        await claim_first_run(session, "demo")
    except Conflict as exc:
        raise Conflict(
            "Certready is already set up: the demo can only be loaded on first run."
        ) from exc
    outcome = await build_demo(session, settings)
    return DemoResult(
        organisation_slug=outcome.org.slug,
        organisation_name=outcome.org.name,
        admin_email=outcome.admin_email,
        admin_password=outcome.admin_password or "",
    )
