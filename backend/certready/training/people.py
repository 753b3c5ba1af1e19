"""People in the SMS scope (ISO/IEC 20000-1 7.2, 7.3).

People in scope are explicit ``training_person`` rows: a member is brought into
scope by ``user_id`` (one at a time or by importing all members), anyone without
an account by name and e-mail. Members are not added automatically because not
every member is in the SMS scope (the certification body's auditor, a viewer from
another department). A member person also holds their organisation role as a role
key, so a requirement on ``process_owner`` applies to every process-owner member.
"""

from __future__ import annotations

import uuid

from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from certready.activity.service import record, snapshot
from certready.context import OrgContext
from certready.core.changes import ChangeSpec, check_version, requested, update_object
from certready.core.pagination import PageParams, paginate
from certready.core.problems import Conflict, Unprocessable
from certready.db.base import columns
from certready.orgs.repository import MembershipRepository
from certready.training.models import TrainingPerson
from certready.training.repository import PersonRepository
from certready.training.schemas import MembersImport, PersonCreate, PersonRead, PersonUpdate

PERSON_FIELDS = ["user_id", "full_name", "email", "role_keys", "in_scope"]
PERSON_CHANGES = ChangeSpec(
    object_type="training_person",
    fields=PERSON_FIELDS,
    label=lambda person: person.full_name,
    required=frozenset({"full_name", "role_keys", "in_scope"}),
)


def effective_roles(person: TrainingPerson, org_role: str | None) -> list[str]:
    """The person's SMS role keys plus their organisation role, each once."""
    keys = list(dict.fromkeys(person.role_keys or []))
    if org_role and org_role not in keys:
        keys.append(org_role)
    return keys


def person_read(person: TrainingPerson, org_role: str | None) -> PersonRead:
    """The person as read, with their organisation role and effective role keys."""
    return PersonRead.model_validate(
        {
            **columns(person),
            "role_keys": list(person.role_keys or []),
            "org_role": org_role,
            "effective_role_keys": effective_roles(person, org_role),
        }
    )


async def list_people(
    session: AsyncSession, org_id: uuid.UUID, in_scope: bool | None, page: PageParams
) -> tuple[list[PersonRead], str | None, int]:
    """One page of people by name, optionally only those in (or out of) scope."""
    stmt = PersonRepository(session, org_id).with_roles()
    if in_scope is not None:
        stmt = stmt.where(col(TrainingPerson.in_scope).is_(in_scope))
    rows, next_cursor, total = await paginate(
        session,
        stmt,
        keys=[col(TrainingPerson.full_name), col(TrainingPerson.id)],
        params=page,
        rows_as_tuples=True,
    )
    return [person_read(p, r) for p, r in rows], next_cursor, total


async def person_row(session: AsyncSession, person: TrainingPerson) -> PersonRead:
    """``person_read`` with the membership role looked up."""
    row = await PersonRepository(session, person.org_id).get_row(person.id)
    return person_read(person, row[1] if row else None)


async def _ensure_email_free(
    repo: PersonRepository, email: str | None, person_id: uuid.UUID | None = None
) -> None:
    if email is None:
        return
    found = await repo.by_email(email)
    if found is not None and found.id != person_id:
        raise Conflict(f"{email} is already in scope.", extra={"field": "email"})


def _person_created(session: AsyncSession, ctx: OrgContext, person: TrainingPerson) -> None:
    record(
        session,
        org_id=ctx.org_id,
        actor=ctx.actor,
        action="training.person.create",
        object_type="training_person",
        object_id=person.id,
        summary=f"{person.full_name} brought into the SMS scope",
        after=snapshot(person, PERSON_FIELDS),
    )


async def create_person(
    session: AsyncSession, ctx: OrgContext, data: PersonCreate
) -> TrainingPerson:
    """Bring a member (name and e-mail from their account) or someone else into scope."""
    repo = PersonRepository(session, ctx.org_id)
    roles = list(dict.fromkeys(data.role_keys))
    email: str | None
    if data.user_id is not None:
        member = await MembershipRepository(session, ctx.org_id).get(data.user_id)
        if member is None:
            raise Unprocessable("No such member.", loc=["body", "user_id"])
        if await repo.by_user(data.user_id) is not None:
            raise Conflict("This member is already in scope.", extra={"field": "user_id"})
        user = member[1]
        # A member's name and e-mail come from their account.
        full_name, email = user.full_name or user.email, str(user.email).lower()
    else:
        full_name, email = str(data.full_name), str(data.email).lower() if data.email else None
    await _ensure_email_free(repo, email)
    person = repo.add(
        TrainingPerson(
            org_id=ctx.org_id,
            user_id=data.user_id,
            full_name=full_name,
            email=email,
            role_keys=roles,
            in_scope=data.in_scope,
        )
    )
    await session.flush()
    _person_created(session, ctx, person)
    await session.flush()
    return person


async def import_members(
    session: AsyncSession, ctx: OrgContext, data: MembersImport
) -> list[PersonRead]:
    """Bring every member not yet in scope into it (idempotent)."""
    repo = PersonRepository(session, ctx.org_id)
    taken = {p.email for p, _ in await repo.all_rows() if p.email}
    added: list[PersonRead] = []
    for membership, user in await repo.members_not_in_scope():
        if membership.role in data.exclude_roles or user.email.lower() in taken:
            continue
        person = repo.add(
            TrainingPerson(
                org_id=ctx.org_id,
                user_id=user.id,
                full_name=user.full_name or user.email,
                email=user.email.lower(),
                role_keys=[],
            )
        )
        await session.flush()
        _person_created(session, ctx, person)
        added.append(person_read(person, str(membership.role)))
    await session.flush()
    return added


async def update_person(
    session: AsyncSession,
    ctx: OrgContext,
    person: TrainingPerson,
    data: PersonUpdate,
    if_match: str | None,
) -> TrainingPerson:
    """Change a person's roles, scope, or (for non-members) name and e-mail."""
    check_version(person, if_match, PERSON_CHANGES)
    sent = data.model_fields_set
    if person.user_id is not None and {"full_name", "email"} & sent:
        raise Unprocessable(
            "A member's name and e-mail come from their account.",
            loc=["body", "full_name" if "full_name" in sent else "email"],
        )
    values = requested(data, PERSON_CHANGES)
    if values.get("email") is not None:
        values["email"] = str(values["email"]).lower()
        await _ensure_email_free(PersonRepository(session, ctx.org_id), values["email"], person.id)
    if "role_keys" in values:
        values["role_keys"] = list(dict.fromkeys(values["role_keys"]))
    await update_object(
        session,
        ctx,
        person,
        values,
        PERSON_CHANGES,
        if_match=if_match,
        action="training.person.update",
    )
    return person


async def delete_person(session: AsyncSession, ctx: OrgContext, person: TrainingPerson) -> None:
    """Remove a person without training records (409: set ``in_scope`` to false instead)."""
    if await PersonRepository(session, ctx.org_id).has_records(person.id):
        raise Conflict(
            "The person has training records; set in_scope to false instead of deleting."
        )
    record(
        session,
        org_id=ctx.org_id,
        actor=ctx.actor,
        action="training.person.delete",
        object_type="training_person",
        object_id=person.id,
        summary=f"{person.full_name} removed from the SMS scope",
        before=snapshot(person, PERSON_FIELDS),
    )
    await session.delete(person)
    await session.flush()
