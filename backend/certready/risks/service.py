"""The risk method and the risk register (ISO/IEC 20000-1 6.1; iso20000.md RDY-07).

A risk's level is never stored: it is read from the organisation's method,
``matrix[likelihood - 1][impact - 1]``, so changing the method re-levels every risk.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

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
from certready.core.pagination import PageParams, paginate
from certready.core.problems import Conflict, NotFound, Unprocessable
from certready.db.base import columns
from certready.db.repository import next_number
from certready.orgs.permissions import Action
from certready.risks.enums import RiskStatus
from certready.risks.models import Risk, RiskAction, RiskMethod
from certready.risks.repository import RiskMethodRepository, RiskRepository
from certready.risks.schemas import (
    RiskActionCreate,
    RiskActionRead,
    RiskActionUpdate,
    RiskCell,
    RiskCreate,
    RiskFilters,
    RiskHeatMap,
    RiskMethodRead,
    RiskMethodUpdate,
    RiskMethodWrite,
    RiskRead,
    RiskUpdate,
)
from certready.services.service import ensure_services_in_org

METHOD_SHAPE = [
    "likelihood_scale",
    "impact_scale",
    "levels",
    "matrix",
    "acceptance_criteria",
    "acceptable_levels",
]
METHOD_FIELDS = [*METHOD_SHAPE, "approved_on", "approved_by_id"]
RISK_FIELDS = [
    "title",
    "description",
    "owner_id",
    "likelihood",
    "impact",
    "treatment",
    "treatment_note",
    "review_date",
    "status",
]
ACTION_FIELDS = ["description", "owner_id", "due_date", "done"]
# The ownership rule (orgs.permissions.OWN_ONLY): process owners write only their risks.
OWNED = Action.risks_write
KEPT = "risks (and cannot hand them to someone else) that"

METHOD_CHANGES = ChangeSpec(
    object_type="risk_method",
    fields=METHOD_FIELDS,
    label=lambda m: "Risk method",
    required=frozenset(METHOD_SHAPE) - {"acceptance_criteria"},
    blank={"acceptance_criteria": ""},
)


def risk_key(risk: Risk) -> str:
    """The human key, ``RSK-3``."""
    return f"RSK-{risk.number}"


RISK_CHANGES = ChangeSpec(
    object_type="risk",
    fields=RISK_FIELDS,
    label=risk_key,
    required=frozenset({"title", "likelihood", "impact", "status"}),
    blank={"description": "", "treatment_note": ""},
)
ACTION_CHANGES = ChangeSpec(
    object_type="risk.action",
    fields=ACTION_FIELDS,
    label=lambda a: "action",
    required=frozenset({"description", "done"}),
)


# --- the method -----------------------------------------------------------------------------
def method_read(method: RiskMethod) -> RiskMethodRead:
    return RiskMethodRead.model_validate(
        {**columns(method), "approved": method.approved_on is not None}
    )


def _check_shape(shape: Mapping[str, Any]) -> None:
    """The matrix has one row per likelihood point and one level per impact point."""
    levels = shape["levels"]
    if len(set(levels)) != len(levels):
        raise Unprocessable("Level names must differ.", loc=["body", "levels"])
    matrix = shape["matrix"]
    if len(matrix) != len(shape["likelihood_scale"]):
        raise Unprocessable(
            "The matrix needs one row per likelihood point.", loc=["body", "matrix"]
        )
    for i, row in enumerate(matrix):
        if len(row) != len(shape["impact_scale"]):
            raise Unprocessable(
                "Each matrix row needs one level per impact point.", loc=["body", "matrix", i]
            )
        for j, cell in enumerate(row):
            if cell not in levels:
                raise Unprocessable(f"'{cell}' is not a level.", loc=["body", "matrix", i, j])
    for i, level in enumerate(shape["acceptable_levels"]):
        if level not in levels:
            raise Unprocessable(f"'{level}' is not a level.", loc=["body", "acceptable_levels", i])


async def get_method(session: AsyncSession, org_id: uuid.UUID) -> RiskMethod:
    """The organisation's method, or 404 when it has none yet."""
    method = await RiskMethodRepository(session, org_id).current(lock=True)
    if method is None:
        raise NotFound("No risk method recorded yet.")
    return method


async def create_method(
    session: AsyncSession, ctx: OrgContext, data: RiskMethodWrite
) -> RiskMethod:
    """Record the organisation's method (once; then it is changed with PATCH)."""
    repo = RiskMethodRepository(session, ctx.org_id)
    await repo.lock_organisation()
    if await repo.current() is not None:
        raise Conflict("The organisation has a risk method already: change it with PATCH.")
    shape = data.model_dump()
    _check_shape(shape)
    method = repo.add(RiskMethod(org_id=ctx.org_id, **shape))
    await session.flush()
    record(
        session,
        org_id=ctx.org_id,
        actor=ctx.actor,
        action="risk_method.create",
        object_type="risk_method",
        object_id=method.id,
        summary="Risk method recorded",
        after=snapshot(method, METHOD_FIELDS),
    )
    await session.flush()
    return method


async def update_method(
    session: AsyncSession,
    ctx: OrgContext,
    method: RiskMethod,
    data: RiskMethodUpdate,
    if_match: str | None,
) -> RiskMethod:
    """Change the method; ``approved_on`` approves it, any other change withdraws approval."""
    check_version(method, if_match, METHOD_CHANGES)
    values = requested(data, METHOD_CHANGES)
    shape = {k: values.get(k, getattr(method, k)) for k in METHOD_SHAPE}
    _check_shape(shape)
    used_l, used_i = await RiskRepository(session, ctx.org_id).max_points()
    if used_l > len(shape["likelihood_scale"]) or used_i > len(shape["impact_scale"]):
        raise Conflict(
            f"Risks use likelihood up to {used_l} and impact up to {used_i}: "
            "re-assess them before shortening a scale."
        )
    reshaped = any(values[k] != getattr(method, k) for k in METHOD_SHAPE if k in values)
    if values.get("approved_on") is not None:
        if values["approved_on"] > today():
            raise Unprocessable("An approval cannot be in the future.", loc=["body", "approved_on"])
        values["approved_by_id"] = ctx.user_id
    elif "approved_on" in values or reshaped:
        values["approved_on"] = None
        values["approved_by_id"] = None
    await update_object(session, ctx, method, values, METHOD_CHANGES, if_match=if_match)
    return method


# --- risks ----------------------------------------------------------------------------------
def level_of(method: RiskMethod | None, likelihood: int, impact: int) -> str | None:
    """The matrix level of a cell; None without a method or outside its scales."""
    if method is None or not 1 <= likelihood <= len(method.matrix):
        return None
    row = method.matrix[likelihood - 1]
    return row[impact - 1] if 1 <= impact <= len(row) else None


def _risk_read(
    risk: Risk,
    method: RiskMethod | None,
    actions: Sequence[RiskAction],
    service_ids: Sequence[uuid.UUID],
) -> RiskRead:
    overdue = (
        risk.status == RiskStatus.open
        and risk.review_date is not None
        and risk.review_date < today()
    )
    return RiskRead.model_validate(
        {
            **columns(risk),
            "key": risk_key(risk),
            "level": level_of(method, risk.likelihood, risk.impact),
            "review_overdue": overdue,
            "service_ids": list(service_ids),
            "actions": [RiskActionRead.model_validate(a) for a in actions],
        }
    )


async def risk_reads(session: AsyncSession, risks: Sequence[Risk]) -> list[RiskRead]:
    """The reads of ``risks`` (one organisation) in three statements (method, actions,
    services), whatever their number."""
    if not risks:
        return []
    org_id = risks[0].org_id
    method = await RiskMethodRepository(session, org_id).current()
    repo = RiskRepository(session, org_id)
    ids = [r.id for r in risks]
    actions = await repo.actions(ids)
    services = await repo.service_ids(ids)
    return [_risk_read(r, method, actions.get(r.id, []), services[r.id]) for r in risks]


async def read_risk(session: AsyncSession, risk: Risk) -> RiskRead:
    return (await risk_reads(session, [risk]))[0]


async def list_risks(
    session: AsyncSession, org_id: uuid.UUID, filters: RiskFilters, page: PageParams
) -> tuple[list[RiskRead], str | None, int]:
    """One page of the register (RSK-1 first) in a constant number of statements."""
    method = await RiskMethodRepository(session, org_id).current()
    stmt = RiskRepository(session, org_id).filtered(filters, method, today())
    rows, next_cursor, total = await paginate(session, stmt, keys=[col(Risk.number)], params=page)
    return await risk_reads(session, rows), next_cursor, total


async def heat_map(session: AsyncSession, org_id: uuid.UUID) -> RiskHeatMap:
    """Open risks per cell of the method's matrix (every cell, zero included)."""
    method = await RiskMethodRepository(session, org_id).current()
    counts = {(li, ii): n for li, ii, n in await RiskRepository(session, org_id).heat_map()}
    cells = []
    if method is not None:
        for li in range(1, len(method.likelihood_scale) + 1):
            for ii in range(1, len(method.impact_scale) + 1):
                n = counts.pop((li, ii), 0)
                cells.append(
                    RiskCell(likelihood=li, impact=ii, level=level_of(method, li, ii), count=n)
                )
    # risks outside the scales (none while the method guards its scales) still count
    cells.extend(
        RiskCell(likelihood=li, impact=ii, level=None, count=n) for (li, ii), n in counts.items()
    )
    return RiskHeatMap(cells=cells, total=sum(c.count for c in cells))


async def _check_member(
    repo: RiskRepository, user_id: uuid.UUID | None, loc: list[str | int]
) -> None:
    if user_id is not None and not await repo.is_member(user_id):
        raise Unprocessable("Not a member of this organisation.", loc=loc)


def _check_points(method: RiskMethod, likelihood: int, impact: int) -> None:
    if likelihood > len(method.likelihood_scale):
        raise Unprocessable(
            f"The likelihood scale has {len(method.likelihood_scale)} points.",
            loc=["body", "likelihood"],
        )
    if impact > len(method.impact_scale):
        raise Unprocessable(
            f"The impact scale has {len(method.impact_scale)} points.", loc=["body", "impact"]
        )


async def _method_for_risks(session: AsyncSession, org_id: uuid.UUID) -> RiskMethod:
    method = await RiskMethodRepository(session, org_id).current()
    if method is None:
        raise Conflict("Record the risk method first: risks are assessed on its scales.")
    return method


async def create_risk(session: AsyncSession, ctx: OrgContext, data: RiskCreate) -> Risk:
    """Register a risk (RSK-<n>) assessed on the method's scales."""
    repo = RiskRepository(session, ctx.org_id)
    method = await _method_for_risks(session, ctx.org_id)
    _check_points(method, data.likelihood, data.impact)
    owner_id = ctx.default_owner(OWNED, data.owner_id)
    await _check_member(repo, owner_id, ["body", "owner_id"])
    ctx.ensure_owns(OWNED, [owner_id], KEPT)
    service_ids = await ensure_services_in_org(session, ctx.org_id, data.service_ids)
    risk = repo.add(
        Risk(
            org_id=ctx.org_id,
            number=await next_number(session, ctx.org_id, "risk"),
            **data.model_dump(exclude={"owner_id", "service_ids"}),
            owner_id=owner_id,
        )
    )
    await session.flush()
    await repo.set_services(risk.id, service_ids, new=True)
    record(
        session,
        org_id=ctx.org_id,
        actor=ctx.actor,
        action="risk.create",
        object_type="risk",
        object_id=risk.id,
        summary=f"{risk_key(risk)} '{risk.title}' registered",
        after={**snapshot(risk, RISK_FIELDS), "service_ids": sorted(str(s) for s in service_ids)},
    )
    await session.flush()
    return risk


async def update_risk(
    session: AsyncSession, ctx: OrgContext, risk: Risk, data: RiskUpdate, if_match: str | None
) -> Risk:
    """Change a risk; process owners change only theirs, and keep them."""
    check_version(risk, if_match, RISK_CHANGES)
    ctx.ensure_owns(OWNED, [risk.owner_id], "risks")
    values = requested(data, RISK_CHANGES)
    repo = RiskRepository(session, ctx.org_id)
    if "owner_id" in values:
        await _check_member(repo, values["owner_id"], ["body", "owner_id"])
        ctx.ensure_owns(OWNED, [values["owner_id"]], KEPT)
    if "likelihood" in values or "impact" in values:
        method = await _method_for_risks(session, ctx.org_id)
        _check_points(
            method, values.get("likelihood", risk.likelihood), values.get("impact", risk.impact)
        )
    extra_before: dict[str, Any] = {}
    extra_after: dict[str, Any] = {}
    if "service_ids" in values:
        wanted = values.pop("service_ids")
        if wanted is None:
            raise Unprocessable(
                "service_ids cannot be null; send [] for none.", loc=["body", "service_ids"]
            )
        service_ids = await ensure_services_in_org(session, ctx.org_id, wanted)
        before = (await repo.service_ids([risk.id]))[risk.id]
        if sorted(before) != sorted(service_ids):
            extra_before = {"service_ids": sorted(str(s) for s in before)}
            extra_after = {"service_ids": sorted(str(s) for s in service_ids)}
            await repo.set_services(risk.id, service_ids)
    await update_object(
        session,
        ctx,
        risk,
        values,
        RISK_CHANGES,
        if_match=if_match,
        extra_before=extra_before,
        extra_after=extra_after,
    )
    return risk


async def delete_risk(session: AsyncSession, ctx: OrgContext, risk: Risk) -> None:
    """Remove a risk registered by mistake (close it instead once it has been treated)."""
    ctx.ensure_owns(OWNED, [risk.owner_id], "risks")
    record(
        session,
        org_id=ctx.org_id,
        actor=ctx.actor,
        action="risk.delete",
        object_type="risk",
        object_id=risk.id,
        summary=f"{risk_key(risk)} '{risk.title}' deleted",
        before=snapshot(risk, RISK_FIELDS),
    )
    await session.delete(risk)
    await session.flush()


async def add_action(
    session: AsyncSession, ctx: OrgContext, risk: Risk, data: RiskActionCreate
) -> RiskAction:
    """Add a treatment action to a risk (the risk's version moves)."""
    ctx.ensure_owns(OWNED, [risk.owner_id], "risks")
    repo = RiskRepository(session, ctx.org_id)
    await _check_member(repo, data.owner_id, ["body", "owner_id"])
    action = repo.add_action(RiskAction(org_id=ctx.org_id, risk_id=risk.id, **data.model_dump()))
    await add_part(
        session,
        ctx,
        risk,
        action,
        ACTION_CHANGES,
        parent_spec=RISK_CHANGES,
        summary=f"{risk_key(risk)}: treatment action added",
        id_key="action_id",
    )
    return action


async def update_action(
    session: AsyncSession,
    ctx: OrgContext,
    risk: Risk,
    action_id: uuid.UUID,
    data: RiskActionUpdate,
) -> RiskAction:
    """Change a treatment action (logged on the risk, whose version moves)."""
    ctx.ensure_owns(OWNED, [risk.owner_id], "risks")
    repo = RiskRepository(session, ctx.org_id)
    action = await repo.action(risk.id, action_id)
    if action is None:
        raise NotFound()
    values = requested(data, ACTION_CHANGES)
    if "owner_id" in values:
        await _check_member(repo, values["owner_id"], ["body", "owner_id"])
    await update_part(
        session,
        ctx,
        risk,
        action,
        values,
        ACTION_CHANGES,
        parent_spec=RISK_CHANGES,
        label=f"{risk_key(risk)} treatment action",
        id_key="action_id",
    )
    return action
