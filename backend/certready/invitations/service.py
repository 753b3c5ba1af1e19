"""Invitations (issue 11): adding a member is an offer the invited person accepts.

* The inviting organisation learns nothing about the address: creating an invitation never
  looks at accounts (only at this organisation's own members), so the answer is the same
  whether the address has an account elsewhere or none.
* The token is one-time, expiring and stored as its SHA-256 only; a new invitation for the
  same address supersedes the open one. Every unusable token (forged, expired, used,
  revoked, superseded) gets the same problem.
* An existing account accepts signed in as that address; a new address sets its own name
  and password. Public endpoints are throttled per client.
"""

from __future__ import annotations

import uuid
from datetime import timedelta

import anyio
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from certready.activity.service import record
from certready.auth import throttle
from certready.auth.models import User
from certready.config import Settings
from certready.context import Actor, OrgContext, Principal
from certready.core.clock import utcnow
from certready.core.pagination import PageParams, paginate
from certready.core.problems import Conflict, Forbidden, NotFound, TooManyRequests, Unprocessable
from certready.core.security import hash_password, new_opaque_token, password_problems, token_hash
from certready.db.session import Database
from certready.invitations.enums import Delivery, InvitationStatus
from certready.invitations.models import Invitation
from certready.invitations.repository import InvitationRepository, by_token
from certready.invitations.schemas import (
    InvitationAccepted,
    InvitationCreate,
    InvitationCreated,
    InvitationPreview,
    InvitationRead,
    InvitationRegister,
)
from certready.mail import service as mail
from certready.orgs.enums import Role
from certready.orgs.models import Membership, Organisation
from certready.orgs.repository import MembershipRepository, user_by_email

INVITATION_PREFIX = "cri_"


class InvitationNotValid(NotFound):
    slug = "invitation-not-valid"

    def __init__(self) -> None:
        super().__init__(
            "This invitation link cannot be used: it was mistyped, has expired, was already "
            "used, or was withdrawn or replaced. Ask the organisation's admin for a new one."
        )


def _read(invitation: Invitation) -> InvitationRead:
    return InvitationRead.model_validate(invitation)


def accept_url(base_url: str, token: str) -> str:
    return f"{base_url.rstrip('/')}/invite/{token}"


async def create_invitation(
    session: AsyncSession,
    settings: Settings,
    ctx: OrgContext,
    data: InvitationCreate,
    base_url: str,
) -> InvitationCreated:
    """Invite an address with a role; supersedes its open invitation (409 for a member).

    With mail configured the invitation mail is queued in this transaction (sent after the
    commit, retried by the mail worker); without, the link is returned this once."""
    email = str(data.email).lower()
    repo = InvitationRepository(session, ctx.org_id)
    await repo.lock_organisation()  # serialise invitations (supersede, then insert)
    members = MembershipRepository(session, ctx.org_id)
    if await members.member_with_email(email) is not None:
        raise Conflict(f"{email} is already a member.", extra={"field": "email"})
    now = utcnow()
    await repo.supersede(email, now)
    token, digest = new_opaque_token(INVITATION_PREFIX)
    invitation = repo.add(
        Invitation(
            org_id=ctx.org_id,
            email=email,
            role=data.role,
            token_hash=digest,
            invited_by=ctx.user_id,
            created_at=now,
            expires_at=now + timedelta(days=settings.invitation_days),
        )
    )
    await session.flush()
    record(
        session,
        org_id=ctx.org_id,
        actor=ctx.actor,
        action="invitation.create",
        object_type="invitation",
        object_id=invitation.id,
        summary=f"{email} invited as {data.role.value}",
        after={"email": email, "role": data.role.value},
    )
    link = accept_url(base_url, token)
    delivery = Delivery.email if mail.enabled(settings) else Delivery.link
    if delivery == Delivery.email:
        mail.queue(
            session,
            settings,
            to=email,
            template="invitation",
            context={
                "inviter": ctx.actor.name,
                "org_name": ctx.org.name,
                "role": data.role.value.replace("_", " "),
                "link": link,
                "expires_at": f"{invitation.expires_at:%Y-%m-%d %H:%M}",
            },
        )
    return InvitationCreated(
        **_read(invitation).model_dump(),
        delivery=delivery,
        accept_url=link if delivery == Delivery.link else None,
    )


async def list_invitations(
    session: AsyncSession, ctx: OrgContext, page: PageParams
) -> tuple[list[InvitationRead], str | None, int]:
    """Open invitations, newest first."""
    stmt = InvitationRepository(session, ctx.org_id).pending(utcnow())
    rows, next_cursor, total = await paginate(
        session,
        stmt,
        keys=[col(Invitation.created_at), col(Invitation.id)],
        params=page,
        descending=True,
    )
    return [_read(i) for i in rows], next_cursor, total


async def revoke_invitation(
    session: AsyncSession, ctx: OrgContext, invitation_id: uuid.UUID
) -> None:
    """Withdraw an open invitation: its link stops working (409 once it is closed)."""
    invitation = await InvitationRepository(session, ctx.org_id).get_or_404(invitation_id)
    if invitation.status != InvitationStatus.pending:
        raise Conflict(f"This invitation is already {invitation.status}.")
    invitation.status = InvitationStatus.revoked
    invitation.closed_at = utcnow()
    record(
        session,
        org_id=ctx.org_id,
        actor=ctx.actor,
        action="invitation.revoke",
        object_type="invitation",
        object_id=invitation.id,
        summary=f"Invitation of {invitation.email} withdrawn",
        before={"status": InvitationStatus.pending.value},
        after={"status": InvitationStatus.revoked.value},
    )
    await session.flush()


async def throttle_client(db: Database, settings: Settings, client: str) -> None:
    """Count one public attempt for this client (own transaction: failures count too)."""
    now = utcnow()
    window = settings.invitation_client_window_seconds
    async with db.transaction() as session:
        count, since = await throttle.take(session, f"invite:{client[:64]}", window, now)
    if count > settings.invitation_client_attempts:
        raise TooManyRequests(throttle.retry_after(since, window, now))


async def _open(session: AsyncSession, token: str) -> tuple[Invitation, Organisation]:
    """The pending, unexpired invitation of this token; the same 404 for anything else."""
    found = await by_token(session, token_hash(token))
    if found is None:
        raise InvitationNotValid()
    invitation, org = found
    if invitation.status != InvitationStatus.pending or invitation.expires_at <= utcnow():
        raise InvitationNotValid()
    return invitation, org


async def preview(session: AsyncSession, token: str) -> InvitationPreview:
    invitation, org = await _open(session, token)
    return InvitationPreview(
        organisation_name=org.name,
        email=invitation.email,
        role=Role(invitation.role),
        expires_at=invitation.expires_at,
    )


async def _join(
    session: AsyncSession, invitation: Invitation, org: Organisation, user: User
) -> InvitationAccepted:
    """The membership with the invited role; the invitation is used up (one entry)."""
    if await MembershipRepository(session, org.id).get(user.id) is not None:
        raise Conflict(f"{user.email} is already a member of {org.name}.")
    now = utcnow()
    role = Role(invitation.role)
    session.add(Membership(org_id=org.id, user_id=user.id, role=role, created_at=now))
    invitation.status = InvitationStatus.accepted
    invitation.closed_at = now
    invitation.accepted_by = user.id
    record(
        session,
        org_id=org.id,
        actor=Actor(id=user.id, name=user.full_name or user.email),
        action="invitation.accept",
        object_type="invitation",
        object_id=invitation.id,
        summary=f"{user.email} joined as {role.value}",
        before={"status": InvitationStatus.pending.value},
        after={"status": InvitationStatus.accepted.value, "email": user.email, "role": role.value},
    )
    await session.flush()
    return InvitationAccepted(org_slug=org.slug, org_name=org.name, role=role, email=user.email)


async def accept(session: AsyncSession, principal: Principal, token: str) -> InvitationAccepted:
    """An existing account accepts, signed in as the invited address."""
    if principal.token_org_id is not None:
        raise Forbidden("API tokens cannot accept invitations.")
    invitation, org = await _open(session, token)
    if principal.user.email.lower() != invitation.email:
        raise Forbidden("This invitation is for another e-mail address: sign in with that address.")
    return await _join(session, invitation, org, principal.user)


async def register(
    session: AsyncSession, settings: Settings, data: InvitationRegister
) -> InvitationAccepted:
    """A new address accepts by choosing a name and password (then logs in)."""
    invitation, org = await _open(session, data.token)
    if await user_by_email(session, invitation.email) is not None:
        raise Conflict(
            "An account with this address exists: sign in with it and open the link again.",
            extra={"field": "email"},
        )
    problems = password_problems(data.password, invitation.email, data.full_name)
    if problems:
        raise Unprocessable(" ".join(problems), loc=["body", "password"])
    pw_hash = await anyio.to_thread.run_sync(hash_password, settings, data.password)
    user = User(email=invitation.email, full_name=data.full_name, password_hash=pw_hash)
    session.add(user)
    await session.flush()
    return await _join(session, invitation, org, user)
