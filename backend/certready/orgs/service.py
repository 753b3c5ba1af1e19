"""Organisations and their members: the tenant boundary of every other domain."""

from __future__ import annotations

import uuid

import anyio
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from certready.activity.service import diff, record, snapshot
from certready.auth.models import User
from certready.config import Settings
from certready.context import Actor
from certready.core.clock import utcnow
from certready.core.http import check_if_match
from certready.core.pagination import PageParams, paginate
from certready.core.problems import Conflict, Forbidden, NotFound, Unprocessable
from certready.core.security import hash_password, password_problems
from certready.orgs.enums import Role
from certready.orgs.models import Membership, Organisation
from certready.orgs.permissions import Action, roles_allowing
from certready.orgs.repository import MembershipRepository, OrganisationRepository
from certready.orgs.schemas import MemberCreate, MemberRead, MemberUpdate, OrgCreate, OrgUpdate
from certready.requirements.repository import RequirementStatusRepository

ORG_FIELDS = [
    "name",
    "slug",
    "sms_scope",
    "target_certification_date",
    "certification_body",
    "certification_decision_date",
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


async def update_organisation(
    session: AsyncSession, org: Organisation, data: OrgUpdate, if_match: str | None, actor: Actor
) -> Organisation:
    # Lock and re-read the row so two writers with the same ETag cannot both win (C1);
    # on SQLite the write transaction (BEGIN IMMEDIATE) already serialises them.
    await session.refresh(org, with_for_update=True)
    check_if_match(if_match, org.version)
    before = snapshot(org, ORG_FIELDS)
    for key, value in data.model_dump(exclude_unset=True).items():
        if key == "name" and value is None:
            raise Unprocessable("The name cannot be empty.", loc=["body", "name"])
        setattr(
            org, key, "" if value is None and key in {"sms_scope", "certification_body"} else value
        )
    changed_before, changed_after = diff(before, snapshot(org, ORG_FIELDS))
    if changed_after:
        org.version += 1
        org.updated_at = utcnow()
        record(
            session,
            org_id=org.id,
            actor=actor,
            action="org.update",
            object_type="organisation",
            object_id=org.id,
            summary="Organisation settings changed: " + ", ".join(sorted(changed_after)),
            before=changed_before,
            after=changed_after,
        )
    await session.flush()
    return org


def member_read(membership: Membership, user: User) -> MemberRead:
    return MemberRead(
        user_id=user.id,
        email=user.email,
        full_name=user.full_name,
        role=Role(membership.role),
        is_active=user.is_active,
        created_at=membership.created_at,
    )


async def list_members(
    session: AsyncSession, org_id: uuid.UUID, page: PageParams, can: Action | None = None
) -> tuple[list[MemberRead], str | None, int]:
    """Members by e-mail; with ``can``, only those whose role allows that action."""
    roles = roles_allowing(can) if can is not None else None
    stmt = MembershipRepository(session, org_id).members(roles)
    rows, next_cursor, total = await paginate(
        session, stmt, keys=[col(User.email), col(Membership.id)], params=page, rows_as_tuples=True
    )
    return [member_read(m, u) for m, u in rows], next_cursor, total


async def add_member(
    session: AsyncSession, settings: Settings, org: Organisation, data: MemberCreate, actor: Actor
) -> MemberRead:
    repo = MembershipRepository(session, org.id)
    email = str(data.email).lower()
    user = await repo.user_by_email(email)
    if user is None:
        if not data.password:
            raise Unprocessable(
                "This person has no account yet: give an initial password.",
                loc=["body", "password"],
            )
        problems = password_problems(data.password, email, data.full_name)
        if problems:
            raise Unprocessable(" ".join(problems), loc=["body", "password"])
        pw_hash = await anyio.to_thread.run_sync(hash_password, settings, data.password)
        user = User(email=email, full_name=data.full_name, password_hash=pw_hash)
        session.add(user)
        await session.flush()
    elif await repo.get(user.id) is not None:
        raise Conflict(f"{email} is already a member.")
    membership = Membership(org_id=org.id, user_id=user.id, role=data.role, created_at=utcnow())
    session.add(membership)
    record(
        session,
        org_id=org.id,
        actor=actor,
        action="member.add",
        object_type="member",
        object_id=user.id,
        summary=f"{email} added as {data.role.value}",
        after={"email": email, "role": data.role.value},
    )
    await session.flush()
    return member_read(membership, user)


async def _load_member(
    session: AsyncSession, org_id: uuid.UUID, user_id: uuid.UUID
) -> tuple[Membership, User]:
    found = await MembershipRepository(session, org_id).get(user_id)
    if found is None:
        raise NotFound()
    return found


async def _keep_an_admin(session: AsyncSession, org_id: uuid.UUID, membership: Membership) -> None:
    if (
        membership.role == Role.admin
        and await MembershipRepository(session, org_id).count_admins() <= 1
    ):
        raise Conflict("An organisation needs at least one admin.")


async def update_member(
    session: AsyncSession,
    org: Organisation,
    user_id: uuid.UUID,
    data: MemberUpdate,
    actor: Actor,
) -> MemberRead:
    membership, user = await _load_member(session, org.id, user_id)
    if user.id == actor.id and data.role != membership.role:
        raise Forbidden("You cannot change your own role.")
    if data.role != membership.role:
        if data.role != Role.admin:
            await _keep_an_admin(session, org.id, membership)
        before = {"role": str(membership.role)}
        membership.role = data.role
        # A role change takes effect at once: outstanding access tokens stop working (J9).
        user.token_version += 1
        record(
            session,
            org_id=org.id,
            actor=actor,
            action="member.update",
            object_type="member",
            object_id=user.id,
            summary=f"{user.email}: role {before['role']} -> {data.role.value}",
            before=before,
            after={"role": data.role.value},
        )
        await session.flush()
    return member_read(membership, user)


async def remove_member(
    session: AsyncSession, org: Organisation, user_id: uuid.UUID, actor: Actor
) -> None:
    membership, user = await _load_member(session, org.id, user_id)
    await _keep_an_admin(session, org.id, membership)
    await session.delete(membership)
    user.token_version += 1
    record(
        session,
        org_id=org.id,
        actor=actor,
        action="member.remove",
        object_type="member",
        object_id=user.id,
        summary=f"{user.email} removed",
        before={"email": user.email, "role": str(membership.role)},
    )
    await session.flush()
