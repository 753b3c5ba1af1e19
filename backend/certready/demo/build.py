"""``certready demo [--today YYYY-MM-DD]`` and ``POST /api/v1/demo`` (first run only: no user
exists yet; creates the demo organisation and its admin and returns the admin password
once) both call :func:`build_demo`.

Deterministic: every date is relative to ``today`` (default: the real today) and every
name is fixed. Idempotent: when the organisation ``demo`` exists nothing is written.

Built through the domain services, as the system for the organisation
(``OrgContext.system``) except where the product's rule needs a person (the auditor
assesses the checklist and raises the findings; the SMS manager approves the audit
programme), so every demo object obeys the rules a user's would: each evidence item has
a stored file, values are on their metric's scale, workflows are moved, not set.

The story (what the readiness engine says about it, asserted in tests/readiness):

* every leaf has an owner and approved evidence; every clause-8 process has a procedure
  and recent records, except service continuity (8.7.2): no continuity plan (D8, the one
  missing mandatory document) and no continuity test record;
* five requirements are still ``in_progress``;
* internal audit A-1 over clauses 4-9 is closed with two minor nonconformities (F-1,
  F-2), each with a planned corrective measure (CM-1 is overdue) and one improvement (F-3);
* training: 8 of 10 people in scope have current awareness training (80 %);
* three objectives, measurements for two;
* management review MR-1 planned (with agenda) but not held;
* one policy due for review and one record expiring within 30 days (warnings);
* four services for two customers; SVC-3 Hosting is in scope but the scope statement does not
  name it (RDY-02).
* 40 configuration items and a CMDB verification; continuity plan CP-1 last tested 14
  months ago (RDY-21); the monthly SLA report RD-1 missing for the last month (RDY-24).
* twelve risks on an approved method, RSK-7 without a treatment decision; a context
  record that does not yet state whether climate change is relevant (demo/risks.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col, select

from certready.auth.service import claim_first_run
from certready.config import Settings
from certready.core.clock import utcnow
from certready.core.problems import Conflict
from certready.db.session import Database
from certready.demo.audits import add_audit
from certready.demo.base import DEMO_ADMIN_EMAIL, DEMO_SLUG
from certready.demo.evidence import add_evidence
from certready.demo.operations import add_operations
from certready.demo.org import create_org, own_requirements
from certready.demo.planning import add_objectives, add_review
from certready.demo.risks import add_context, add_risks
from certready.demo.services import add_services
from certready.demo.suppliers import add_suppliers
from certready.demo.training import add_training
from certready.orgs.models import Organisation
from certready.readiness.schemas import DemoResult

__all__ = ["DEMO_ADMIN_EMAIL", "DEMO_SLUG", "DemoOutcome", "build_demo", "create_demo_first_run"]


@dataclass
class DemoOutcome:
    org: Organisation
    created: bool
    admin_email: str
    admin_password: str | None


async def build_demo(
    session: AsyncSession,
    settings: Settings,
    db: Database,
    today: date | None = None,
    admin_email: str = DEMO_ADMIN_EMAIL,
) -> DemoOutcome:
    """Create the demo organisation (and its people) unless it exists."""
    today = today or utcnow().date()
    found = await session.execute(select(Organisation).where(col(Organisation.slug) == DEMO_SLUG))
    existing = found.scalars().first()
    if existing is not None:
        return DemoOutcome(existing, False, admin_email, None)
    demo, password = await create_org(session, settings, db, today, admin_email)
    leaves = await own_requirements(demo)
    await add_evidence(demo, leaves)
    await add_audit(demo, leaves)
    await add_training(demo)
    await add_objectives(demo)
    await add_review(demo)
    await add_services(demo)
    await add_operations(demo)
    await add_suppliers(demo)
    await add_risks(demo)
    await add_context(demo)
    await session.flush()
    return DemoOutcome(demo.org, True, admin_email, password)


async def create_demo_first_run(
    session: AsyncSession, settings: Settings, db: Database
) -> DemoResult:
    """``POST /api/v1/demo``: only while no user exists (the first-run screen)."""
    try:
        await claim_first_run(session, "demo")
    except Conflict as exc:
        raise Conflict(
            "Certready is already set up: the demo can only be loaded on first run."
        ) from exc
    outcome = await build_demo(session, settings, db)
    return DemoResult(
        organisation_slug=outcome.org.slug,
        organisation_name=outcome.org.name,
        admin_email=outcome.admin_email,
        admin_password=outcome.admin_password or "",
    )
