"""Organisations and their members: the tenant boundary of every other domain."""

from __future__ import annotations

import uuid

from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from certready.activity.service import record, snapshot
from certready.auth.models import User
from certready.context import Actor, OrgContext
from certready.core.changes import ANY_VERSION, ChangeSpec, requested, update_object
from certready.core.clock import utcnow
from certready.core.http import check_if_match
from certready.core.pagination import PageParams, paginate
from certready.core.problems import Conflict, Forbidden
from certready.mfa.repository import MfaRepository, confirmed_factor
from certready.orgs.enums import Role
from certready.orgs.models import Membership, Organisation
from certready.orgs.permissions import Action, roles_allowing
from certready.orgs.repository import MembershipRepository, OrganisationRepository
from certready.orgs.schemas import MemberRead, MemberUpdate, OrgCreate, OrgUpdate
from certready.requirements.repository import RequirementStatusRepository

ORG_FIELDS = [
    "name",
    "slug",
    "sms_scope",
    "target_certification_date",
    "certification_body",
    "certification_decision_date",
    "require_mfa",
]


async def create_organisation(
    session: AsyncSession, data: OrgCreate, owner: User, actor: Actor
) -> Organisation:
    if await OrganisationRepository(session).slug_taken(data.slug):
        raise Conflict(f"The slug '{data.slug}' is already taken.", extra={"field": "slug"})
    org = Organisation(name=data.name, slug=data.slug)
    session.add(org)
    await session.flush()
    session.add(Membership(org_id=org.id, user_id=owner.id, role=Role.admin, created_at=utcnow()))
    record(
        session,
        org_id=org.id,
        actor=actor,
        action="org.create",
        object_type="organisation",
        object_id=org.id,
        summary=f"Organisation '{org.name}' created",
        after=snapshot(org, ORG_FIELDS),
    )
    record(
        session,
        org_id=org.id,
        actor=actor,
        action="member.add",
        object_type="member",
        object_id=owner.id,
        summary=f"{owner.email} joined as admin",
        after={"email": owner.email, "role": Role.admin.value},
    )
    # a new organisation is complete from its first request: one status per requirement
    await RequirementStatusRepository(session, org.id).create_missing(utcnow())
    await session.flush()
    return org


async def list_organisations(
    session: AsyncSession, user_id: uuid.UUID, page: PageParams
) -> tuple[list[Organisation], str | None, int]:
    stmt = OrganisationRepository(session).for_user(user_id)
    return await paginate(session, stmt, keys=[col(Organisation.slug)], params=page)


ORG_CHANGES = ChangeSpec(
    object_type="organisation",
    fields=[f for f in ORG_FIELDS if f != "slug"],
    label=lambda org: "Organisation settings",
    required=frozenset({"name", "require_mfa"}),
    blank={"sms_scope": "", "certification_body": ""},
)


async def update_organisation(
    session: AsyncSession, ctx: OrgContext, data: OrgUpdate, if_match: str | None
) -> Organisation:
    """Change the organisation's settings (If-Match against its ETag)."""
    org = ctx.org
    # Lock and re-read the row so two writers with the same ETag cannot both win (C1);
    # on SQLite the write transaction (BEGIN IMMEDIATE) already serialises them.
    await session.refresh(org, with_for_update=True)
    values = requested(data, ORG_CHANGES)
    if values.get("require_mfa") and not org.require_mfa:
        has_factor = (
            ctx.user_id is not None
            and (await MfaRepository(session, ctx.user_id).sign_in_state())[0]
        )
        if not has_factor:
            # the admin would be made to enrol at their next sign-in: set it up first
            raise Conflict(
                "Set up your own second factor before requiring one of the members.",
                extra={"field": "require_mfa"},
            )
    await update_object(
        session,
        ctx,
        org,
        values,
        ORG_CHANGES,
        if_match=if_match,
        action="org.update",
    )
    return org


def member_read(membership: Membership, user: User, mfa_enabled: bool) -> MemberRead:
    return MemberRead(
        user_id=user.id,
        email=user.email,
        full_name=user.full_name,
        role=Role(membership.role),
        top_management=membership.top_management,
        is_active=user.is_active,
        mfa_enabled=mfa_enabled,
        created_at=membership.created_at,
        version=membership.version,
    )


async def list_members(
    session: AsyncSession, org_id: uuid.UUID, page: PageParams, can: Action | None = None
) -> tuple[list[MemberRead], str | None, int]:
    """Members by e-mail; with ``can``, only those whose role allows that action."""
    roles = roles_allowing(can) if can is not None else None
    stmt = MembershipRepository(session, org_id).members(roles).add_columns(confirmed_factor())
    rows, next_cursor, total = await paginate(
        session, stmt, keys=[col(User.email), col(Membership.id)], params=page, rows_as_tuples=True
    )
    return [member_read(m, u, bool(mfa)) for m, u, mfa in rows], next_cursor, total


MEMBER_CHANGES = ChangeSpec(
    object_type="member",
    fields=["role", "top_management"],
    label=lambda membership: "Member",
    required=frozenset({"role", "top_management"}),
)


async def _keep_an_admin(repo: MembershipRepository, membership: Membership) -> None:
    if membership.role == Role.admin and await repo.count_admins() <= 1:
        raise Conflict("An organisation needs at least one admin.")


async def update_member(
    session: AsyncSession,
    ctx: OrgContext,
    user_id: uuid.UUID,
    data: MemberUpdate,
    if_match: str | None = None,
) -> MemberRead:
    """Change a member's role (their sessions end in this organisation only) and/or their
    top management designation (If-Match: the membership's version)."""
    repo = MembershipRepository(session, ctx.org_id)
    membership, user = await repo.for_change_of(user_id)
    values = requested(data, MEMBER_CHANGES)
    if "top_management" in values:
        check_if_match(if_match, membership.version)
    if values.get("role") == membership.role:
        del values["role"]
    if values.get("top_management") == membership.top_management:
        del values["top_management"]
    mfa_enabled, _ = await MfaRepository(session, user.id).sign_in_state()
    if not values:
        return member_read(membership, user, mfa_enabled)
    parts = []
    if "role" in values:
        if user.id == ctx.user_id:
            raise Forbidden("You cannot change your own role.")
        if values["role"] != Role.admin:
            await _keep_an_admin(repo, membership)
        parts.append(f"role {Role(membership.role).value} -> {values['role'].value}")
        # Takes effect at once in this organisation: access tokens issued before now stop
        # working here (401, the client refreshes); the person's other organisations are
        # untouched.
        membership.sessions_since = utcnow()
    if "top_management" in values:
        parts.append(
            "designated top management"
            if values["top_management"]
            else "top management designation removed"
        )
    # Serialised by the row lock; the designation also checks the client's ETag.
    await update_object(
        session,
        ctx,
        membership,
        values,
        MEMBER_CHANGES,
        if_match=if_match or ANY_VERSION,
        summary=f"{user.email}: " + "; ".join(parts),
    )
    return member_read(membership, user, mfa_enabled)


async def remove_member(session: AsyncSession, ctx: OrgContext, user_id: uuid.UUID) -> None:
    """End a membership of this organisation only: the person's other memberships and
    sessions are untouched; their access to this organisation ends with the row (404)."""
    repo = MembershipRepository(session, ctx.org_id)
    membership, user = await repo.for_change_of(user_id)
    await _keep_an_admin(repo, membership)
    await session.delete(membership)
    # the person's API tokens for this organisation end with the membership
    await repo.revoke_api_tokens(user.id, ctx.user_id)
    record(
        session,
        org_id=ctx.org_id,
        actor=ctx.actor,
        action="member.remove",
        object_type="member",
        object_id=membership.id,
        summary=f"{user.email} removed",
        before={"email": user.email, "role": str(membership.role)},
    )
    await session.flush()
