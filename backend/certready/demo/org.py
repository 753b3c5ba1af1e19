"""The organisation, its admin and staff (orgs and invitations services), and the
requirements' owners and statuses (one all-or-nothing bulk change, as the requirements
page makes it)."""

from __future__ import annotations

import secrets
from datetime import date

import anyio
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col, select

from certready.auth.models import User
from certready.config import Settings
from certready.context import Actor, OrgContext
from certready.core.clock import add_months
from certready.core.security import hash_password
from certready.db.session import Database
from certready.demo.base import DEMO_NAME, DEMO_SLUG, IF_MATCH, IN_PROGRESS, STAFF, Demo
from certready.invitations.schemas import InvitationCreate, InvitationRegister
from certready.invitations.service import create_invitation, register
from certready.orgs.schemas import MemberUpdate, OrgCreate, OrgUpdate
from certready.orgs.service import create_organisation, update_member, update_organisation
from certready.requirements.catalogue.loader import DEFAULT_FRAMEWORK
from certready.requirements.enums import CatalogueView, ImplementationStatus
from certready.requirements.schemas import RequirementBulkUpdate, RequirementChange
from certready.requirements.service import (
    bulk_update_requirements,
    get_framework,
    list_framework_requirements,
)


async def _admin(session: AsyncSession, email: str, password_hash: str) -> User:
    """The demo's admin account (the first user of the installation, as at setup)."""
    user = (await session.execute(select(User).where(col(User.email) == email))).scalars().first()
    if user is None:
        user = User(email=email, full_name="Ada Demo-Admin", password_hash=password_hash)
        session.add(user)
        await session.flush()
    return user


async def create_org(
    session: AsyncSession, settings: Settings, db: Database, today: date, admin_email: str
) -> tuple[Demo, str]:
    """The organisation with its admin and staff; returns the admin's one-time password."""
    password = secrets.token_urlsafe(12)
    admin_hash = await anyio.to_thread.run_sync(hash_password, settings, password)
    admin = await _admin(session, admin_email, admin_hash)
    org = await create_organisation(
        session,
        OrgCreate(name=DEMO_NAME, slug=DEMO_SLUG),
        admin,
        Actor(id=admin.id, name=admin.full_name),
    )
    demo = Demo(session, settings, db, org, today, OrgContext.system(org, "Demo"), admin=admin)
    await update_organisation(
        session,
        demo.ctx,
        OrgUpdate(
            sms_scope=(
                "IT service management of the Service Desk, Workplace and Hosting services "
                "delivered by Demo Service Desk Ltd to its internal and external customers."
            ),
            target_certification_date=add_months(today, 4),
            certification_body="Example Certification Ltd",
        ),
        IF_MATCH,
    )
    await _invite_staff(demo)
    users = await session.execute(select(User).where(col(User.email).in_([s[0] for s in STAFF])))
    demo.staff = {u.email: u for u in users.scalars()}
    # Sam, the SMS manager, is the director designated top management: approves the
    # policy (RDY-04) and chairs the management review.
    await update_member(
        session, demo.ctx, demo.manager.id, MemberUpdate(top_management=True), IF_MATCH
    )
    return demo, password


async def _invite_staff(demo: Demo) -> None:
    """Staff join by invitation, as people do; each registers with an unguessable password
    nobody knows (an admin can reset it). No mail goes to the demo's made-up addresses."""
    quiet = demo.settings.model_copy(update={"smtp_host": ""})
    for email, name, role, _ in STAFF:
        invited = await create_invitation(
            demo.session, quiet, demo.ctx, InvitationCreate(email=email, role=role), "/"
        )
        assert invited.accept_url is not None  # delivered as a link (no mail server)
        token = invited.accept_url.rsplit("/", 1)[1]
        data = InvitationRegister(token=token, full_name=name, password=secrets.token_urlsafe(24))
        await register(demo.session, demo.settings, data)


async def own_requirements(demo: Demo) -> list[tuple[str, str]]:
    """Every leaf owned, five still in progress; returns the leaves' (ref, title)."""
    framework = await get_framework(demo.session, DEFAULT_FRAMEWORK)
    catalogue = await list_framework_requirements(demo.session, framework, CatalogueView.flat)
    leaves = [(n.ref, n.title) for n in catalogue.items if n.assessable]
    changes = [
        RequirementChange(
            ref=ref,
            owner_id=demo.owner_for(ref),
            status=ImplementationStatus.in_progress
            if ref in IN_PROGRESS
            else ImplementationStatus.implemented,
        )
        for ref, _ in leaves
    ]
    await bulk_update_requirements(
        demo.session, demo.ctx, framework, RequirementBulkUpdate(changes=changes)
    )
    return leaves
