"""The context record (ISO/IEC 20000-1 4.1, 4.2; iso20000.md RDY-03).

One record per organisation holds its internal and external issues, the statement
whether climate change is a relevant issue (with the reasoning), and the interested
parties with their requirements. Issues and parties are parts of the record: changing
one moves the record's version and is logged on it.
"""

from __future__ import annotations

import uuid

from sqlalchemy.ext.asyncio import AsyncSession

from certready.activity.service import record, snapshot
from certready.context import OrgContext
from certready.core.changes import (
    ChangeSpec,
    add_part,
    check_version,
    requested,
    update_object,
    update_part,
)
from certready.core.clock import today
from certready.core.problems import Conflict, NotFound, Unprocessable
from certready.db.base import columns
from certready.sms_context.models import ContextIssue, ContextRecord, InterestedParty
from certready.sms_context.repository import ContextRepository, IssueRepository, PartyRepository
from certready.sms_context.schemas import (
    ContextCreate,
    ContextRead,
    ContextUpdate,
    IssueCreate,
    IssueRead,
    IssueUpdate,
    PartyCreate,
    PartyRead,
    PartyUpdate,
)

CONTEXT_FIELDS = [
    "summary",
    "climate_change_relevant",
    "climate_change_reasoning",
    "approved_on",
    "approved_by_id",
    "reviewed_on",
]
ISSUE_FIELDS = ["kind", "description", "active"]
PARTY_FIELDS = ["name", "kind", "requirements", "relevant"]

CONTEXT_CHANGES = ChangeSpec(
    object_type="context_record",
    fields=CONTEXT_FIELDS,
    label=lambda r: "Context record",
    blank={"summary": "", "climate_change_reasoning": ""},
)
ISSUE_CHANGES = ChangeSpec(
    object_type="context_record.issue",
    fields=ISSUE_FIELDS,
    label=lambda i: "issue",
    required=frozenset({"kind", "description", "active"}),
)
PARTY_CHANGES = ChangeSpec(
    object_type="context_record.party",
    fields=PARTY_FIELDS,
    label=lambda p: "interested party",
    required=frozenset({"name", "kind", "relevant"}),
    blank={"requirements": ""},
)


async def context_read(session: AsyncSession, rec: ContextRecord) -> ContextRead:
    """The record with its issues and parties (three statements)."""
    repo = ContextRepository(session, rec.org_id)
    return ContextRead.model_validate(
        {
            **columns(rec),
            "approved": rec.approved_on is not None,
            "issues": [IssueRead.model_validate(i) for i in await repo.issues(rec.id)],
            "parties": [PartyRead.model_validate(p) for p in await repo.parties(rec.id)],
        }
    )


async def get_context(session: AsyncSession, org_id: uuid.UUID) -> ContextRecord:
    """The organisation's context record, or 404 before it is recorded."""
    rec = await ContextRepository(session, org_id).current(lock=True)
    if rec is None:
        raise NotFound("No context record yet.")
    return rec


async def create_context(
    session: AsyncSession, ctx: OrgContext, data: ContextCreate
) -> ContextRecord:
    """Start the organisation's context record (once)."""
    repo = ContextRepository(session, ctx.org_id)
    await repo.lock_organisation()
    if await repo.current() is not None:
        raise Conflict("The organisation has a context record already: change it with PATCH.")
    rec = repo.add(ContextRecord(org_id=ctx.org_id, **data.model_dump()))
    await session.flush()
    record(
        session,
        org_id=ctx.org_id,
        actor=ctx.actor,
        action="context_record.create",
        object_type="context_record",
        object_id=rec.id,
        summary="Context record started",
        after=snapshot(rec, CONTEXT_FIELDS),
    )
    await session.flush()
    return rec


def _past(value: object, field: str) -> None:
    if value is not None and value > today():  # type: ignore[operator]
        raise Unprocessable(f"{field} cannot be in the future.", loc=["body", field])


async def update_context(
    session: AsyncSession,
    ctx: OrgContext,
    rec: ContextRecord,
    data: ContextUpdate,
    if_match: str | None,
) -> ContextRecord:
    """Change, approve (``approved_on``: by you) or mark reviewed (``reviewed_on``)."""
    check_version(rec, if_match, CONTEXT_CHANGES)
    values = requested(data, CONTEXT_CHANGES)
    _past(values.get("approved_on"), "approved_on")
    _past(values.get("reviewed_on"), "reviewed_on")
    if "approved_on" in values:
        values["approved_by_id"] = ctx.user_id if values["approved_on"] is not None else None
    await update_object(session, ctx, rec, values, CONTEXT_CHANGES, if_match=if_match)
    return rec


async def add_issue(
    session: AsyncSession, ctx: OrgContext, rec: ContextRecord, data: IssueCreate
) -> ContextIssue:
    """Add an internal or external issue (the record's version moves)."""
    issue = IssueRepository(session, ctx.org_id).add(
        ContextIssue(org_id=ctx.org_id, record_id=rec.id, **data.model_dump())
    )
    await add_part(
        session,
        ctx,
        rec,
        issue,
        ISSUE_CHANGES,
        parent_spec=CONTEXT_CHANGES,
        summary=f"Context: {data.kind.value} issue added",
        id_key="issue_id",
    )
    return issue


async def update_issue(
    session: AsyncSession,
    ctx: OrgContext,
    rec: ContextRecord,
    issue_id: uuid.UUID,
    data: IssueUpdate,
) -> ContextIssue:
    """Change an issue (``active: false`` retires it); logged on the record."""
    issue = await ContextRepository(session, ctx.org_id).issue(rec.id, issue_id)
    if issue is None:
        raise NotFound()
    values = requested(data, ISSUE_CHANGES)
    await update_part(
        session,
        ctx,
        rec,
        issue,
        values,
        ISSUE_CHANGES,
        parent_spec=CONTEXT_CHANGES,
        label="Context issue",
        id_key="issue_id",
    )
    return issue


async def add_party(
    session: AsyncSession, ctx: OrgContext, rec: ContextRecord, data: PartyCreate
) -> InterestedParty:
    """Add an interested party with its requirements (the record's version moves)."""
    party = PartyRepository(session, ctx.org_id).add(
        InterestedParty(org_id=ctx.org_id, record_id=rec.id, **data.model_dump())
    )
    await add_part(
        session,
        ctx,
        rec,
        party,
        PARTY_CHANGES,
        parent_spec=CONTEXT_CHANGES,
        summary=f"Context: interested party '{data.name}' added",
        id_key="party_id",
    )
    return party


async def update_party(
    session: AsyncSession,
    ctx: OrgContext,
    rec: ContextRecord,
    party_id: uuid.UUID,
    data: PartyUpdate,
) -> InterestedParty:
    """Change an interested party; logged on the record."""
    party = await ContextRepository(session, ctx.org_id).party(rec.id, party_id)
    if party is None:
        raise NotFound()
    values = requested(data, PARTY_CHANGES)
    await update_part(
        session,
        ctx,
        rec,
        party,
        values,
        PARTY_CHANGES,
        parent_spec=CONTEXT_CHANGES,
        label=f"Interested party '{party.name}'",
        id_key="party_id",
    )
    return party
