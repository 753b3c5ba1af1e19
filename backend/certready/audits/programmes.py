"""Internal audit programmes: period, objectives, method and their approval (9.2)."""

from __future__ import annotations

import uuid

from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from certready.activity.service import record, snapshot
from certready.audits.models import AuditProgramme
from certready.audits.repository import AuditProgrammeRepository
from certready.audits.schemas import AuditProgrammeCreate, AuditProgrammeRead, AuditProgrammeUpdate
from certready.context import Actor, OrgContext
from certready.core.changes import ANY_VERSION, ChangeSpec, check_version, requested, update_object
from certready.core.clock import utcnow
from certready.core.pagination import PageParams, paginate
from certready.core.problems import Conflict, Unprocessable
from certready.db.base import columns

PROGRAMME_FIELDS = [
    "title",
    "period_label",
    "period_start",
    "period_end",
    "objectives",
    "method",
    "risk_basis",
]
# Substance of an approved programme: changing any of these withdraws the approval.
PROGRAMME_APPROVAL_FIELDS = frozenset(
    {"period_label", "period_start", "period_end", "objectives", "method"}
)


def programme_label(programme: AuditProgramme) -> str:
    return f"Audit programme '{programme.title}'"


PROGRAMME_CHANGES = ChangeSpec(
    object_type="audit_programme",
    fields=PROGRAMME_FIELDS,
    label=programme_label,
    required=frozenset({"title"}),
    blank={"period_label": "", "objectives": "", "method": "", "risk_basis": ""},
)
PROGRAMME_APPROVAL = ChangeSpec(
    object_type="audit_programme",
    fields=["approved_at", "approved_by_id"],
    label=programme_label,
)


def programme_read(p: AuditProgramme) -> AuditProgrammeRead:
    return AuditProgrammeRead.model_validate({**columns(p), "approved": p.approved_at is not None})


async def create_programme(
    session: AsyncSession, org_id: uuid.UUID, data: AuditProgrammeCreate, actor: Actor
) -> AuditProgramme:
    """Create an audit programme (not yet approved) and log it."""
    programme = AuditProgramme(org_id=org_id, **data.model_dump())
    AuditProgrammeRepository(session, org_id).add(programme)
    await session.flush()
    record(
        session,
        org_id=org_id,
        actor=actor,
        action="audit_programme.create",
        object_type="audit_programme",
        object_id=programme.id,
        summary=f"{programme_label(programme)} created",
        after=snapshot(programme, PROGRAMME_FIELDS),
    )
    return programme


async def list_programmes(
    session: AsyncSession, org_id: uuid.UUID, page: PageParams
) -> tuple[list[AuditProgramme], str | None, int]:
    """One page of the organisation's programmes, newest first."""
    stmt = AuditProgrammeRepository(session, org_id).base_statement()
    return await paginate(
        session,
        stmt,
        keys=[col(AuditProgramme.created_at), col(AuditProgramme.id)],
        params=page,
        descending=True,
    )


async def get_programme(
    session: AsyncSession, org_id: uuid.UUID, programme_id: uuid.UUID
) -> AuditProgramme:
    return await AuditProgrammeRepository(session, org_id).get_or_404(programme_id)


async def update_programme(
    session: AsyncSession,
    ctx: OrgContext,
    programme: AuditProgramme,
    data: AuditProgrammeUpdate,
    if_match: str | None,
) -> AuditProgramme:
    """Change a programme; a changed period, objective or method withdraws its approval."""
    check_version(programme, if_match, PROGRAMME_CHANGES)
    values = requested(data, PROGRAMME_CHANGES)
    start = values.get("period_start", programme.period_start)
    end = values.get("period_end", programme.period_end)
    if start and end and end < start:
        raise Unprocessable("period_end must not be before period_start.", loc=["body"])
    withdrawn = {}
    approved_at = programme.approved_at
    if approved_at is not None and any(
        values[k] != getattr(programme, k) for k in PROGRAMME_APPROVAL_FIELDS & set(values)
    ):
        # An approval covers the text that was approved; a new method needs a new approval.
        withdrawn = {"approved_at": approved_at}
        programme.approved_at = None
        programme.approved_by_id = None
    await update_object(
        session,
        ctx,
        programme,
        values,
        PROGRAMME_CHANGES,
        if_match=if_match,
        extra_before=withdrawn,
        extra_after=dict.fromkeys(withdrawn),
    )
    return programme


async def approve_programme(
    session: AsyncSession, ctx: OrgContext, programme: AuditProgramme
) -> AuditProgramme:
    """Approve a programme that describes its method (records who approved it and when)."""
    if programme.approved_at is not None:
        raise Conflict("The programme is already approved.")
    if not programme.method.strip():
        raise Conflict("Describe the audit method before approving the programme.")
    await update_object(
        session,
        ctx,
        programme,
        {"approved_at": utcnow(), "approved_by_id": ctx.actor.id},
        PROGRAMME_APPROVAL,
        if_match=ANY_VERSION,
        action="audit_programme.approve",
        summary=f"{programme_label(programme)} approved",
    )
    return programme
