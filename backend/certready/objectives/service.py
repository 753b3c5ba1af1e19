"""Objectives and measurements (ISO/IEC 20000-1 6.2, 9.1; iso20000.md RDY-08, RDY-10).

The status is computed, never stored: ``no_recent_data`` when no measurement's
period ended within the objective's frequency window counted back from today
(monthly 1 month, quarterly 3, semiannual 6, annual 12 months); otherwise the
latest measurement (largest period end) against the target: ``on_target`` when
``value >= target`` (``at_least``) or ``value <= target`` (``at_most``), else
``off_target``.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from certready.activity.service import record, snapshot
from certready.context import OrgContext
from certready.core.changes import ChangeSpec, check_version, requested, update_object
from certready.core.clock import add_months, today
from certready.core.pagination import PageParams, paginate
from certready.core.problems import Conflict, Unprocessable
from certready.db.base import columns
from certready.db.repository import next_number
from certready.objectives.enums import FREQUENCY_MONTHS, Frequency, ObjectiveStatus
from certready.objectives.models import Objective, ObjectiveMeasurement
from certready.objectives.repository import (
    MeasurementRepository,
    ObjectiveRepository,
    ObjectiveRow,
)
from certready.objectives.schemas import (
    MeasurementCreate,
    ObjectiveCreate,
    ObjectiveFilters,
    ObjectiveRead,
    ObjectiveUpdate,
)
from certready.orgs.permissions import Action
from certready.orgs.repository import MembershipRepository
from certready.requirements.catalogue.loader import DEFAULT_FRAMEWORK

OBJECTIVE_FIELDS = [
    "title",
    "description",
    "requirement_refs",
    "metric",
    "unit",
    "target",
    "direction",
    "owner_id",
    "due_date",
    "frequency",
]
REQUIRED_FIELDS = {"title", "metric", "target", "direction", "frequency", "requirement_refs"}
# The ownership rule (orgs.permissions.OWN_ONLY): process owners write only their objectives.
OWNED = Action.objectives_write
KEPT = "objectives (and cannot hand them to someone else) that"


def objective_key(objective: Objective) -> str:
    """The human key, ``O-3``."""
    return f"O-{objective.number}"


OBJECTIVE_CHANGES = ChangeSpec(
    object_type="objective",
    fields=OBJECTIVE_FIELDS,
    label=objective_key,
    required=frozenset({*REQUIRED_FIELDS, "owner_id"}),
    blank={"description": "", "unit": ""},
)


def cutoffs() -> dict[Frequency, date]:
    """Per frequency, the earliest period end that still counts as recent (today's window)."""
    now = today()
    return {f: add_months(now, -months) for f, months in FREQUENCY_MONTHS.items()}


def objective_read(row: ObjectiveRow) -> ObjectiveRead:
    """An objective as read, with its key and computed status."""
    objective, value, period_end, status = row
    return ObjectiveRead.model_validate(
        {
            **columns(objective),
            "key": objective_key(objective),
            "requirement_refs": list(objective.requirement_refs or []),
            "status": ObjectiveStatus(status),
            "latest_value": value,
            "latest_period_end": period_end,
        }
    )


async def read_objective(session: AsyncSession, objective: Objective) -> ObjectiveRead:
    """``objective_read`` of one objective, its status computed now."""
    repo = ObjectiveRepository(session, objective.org_id)
    return objective_read(await repo.row(objective.id, cutoffs()))


async def list_objectives(
    session: AsyncSession, org_id: uuid.UUID, filters: ObjectiveFilters, page: PageParams
) -> tuple[list[ObjectiveRead], str | None, int]:
    """One page with statuses in two statements (count and page), whatever the size."""
    stmt = ObjectiveRepository(session, org_id).filtered(filters, cutoffs())
    rows, next_cursor, total = await paginate(
        session, stmt, keys=[col(Objective.number)], params=page, rows_as_tuples=True
    )
    return [objective_read((o, v, e, s)) for o, v, e, s in rows], next_cursor, total


async def _check_refs(repo: ObjectiveRepository, refs: Sequence[str]) -> list[str]:
    unique = list(dict.fromkeys(refs))
    if not unique:
        return unique
    known = await repo.known_refs(DEFAULT_FRAMEWORK, unique)
    unknown = [r for r in unique if r not in known]
    if unknown:
        raise Unprocessable(
            f"No requirement {', '.join(unknown)} in the catalogue.",
            loc=["body", "requirement_refs"],
        )
    return unique


async def _check_owner(session: AsyncSession, ctx: OrgContext, owner_id: uuid.UUID) -> None:
    member = await MembershipRepository(session, ctx.org_id).get(owner_id)
    if member is None:
        raise Unprocessable("The owner must be a member.", loc=["body", "owner_id"])
    ctx.ensure_owns(OWNED, [owner_id], KEPT)


async def create_objective(
    session: AsyncSession, ctx: OrgContext, data: ObjectiveCreate
) -> Objective:
    """RDY-08: an objective is measurable: metric, target, direction, owner, frequency."""
    repo = ObjectiveRepository(session, ctx.org_id)
    # Whoever creates an objective without naming its owner owns it.
    owner_id = ctx.default_owner(OWNED, data.owner_id) or ctx.user_id
    if owner_id is None:
        raise Unprocessable("Give the owner.", loc=["body", "owner_id"])
    await _check_owner(session, ctx, owner_id)
    refs = await _check_refs(repo, data.requirement_refs)
    objective = repo.add(
        Objective(
            org_id=ctx.org_id,
            number=await next_number(session, ctx.org_id, "objective"),
            **data.model_dump(exclude={"owner_id", "requirement_refs"}),
            owner_id=owner_id,
            requirement_refs=refs,
        )
    )
    await session.flush()
    record(
        session,
        org_id=ctx.org_id,
        actor=ctx.actor,
        action="objective.create",
        object_type="objective",
        object_id=objective.id,
        summary=f"{objective_key(objective)} '{objective.title}' created",
        after=snapshot(objective, OBJECTIVE_FIELDS),
    )
    await session.flush()
    return objective


async def update_objective(
    session: AsyncSession,
    ctx: OrgContext,
    objective: Objective,
    data: ObjectiveUpdate,
    if_match: str | None,
) -> Objective:
    """Change an objective; process owners change only theirs, and keep them."""
    check_version(objective, if_match, OBJECTIVE_CHANGES)
    ctx.ensure_owns(OWNED, [objective.owner_id], "objectives")
    values = requested(data, OBJECTIVE_CHANGES)
    if "owner_id" in values:
        await _check_owner(session, ctx, values["owner_id"])
    if "requirement_refs" in values:
        repo = ObjectiveRepository(session, ctx.org_id)
        values["requirement_refs"] = await _check_refs(repo, values["requirement_refs"])
    await update_object(session, ctx, objective, values, OBJECTIVE_CHANGES, if_match=if_match)
    return objective


async def delete_objective(session: AsyncSession, ctx: OrgContext, objective: Objective) -> None:
    """Delete an objective without measurements (409: they are kept as evidence)."""
    ctx.ensure_owns(OWNED, [objective.owner_id], "objectives")
    if await ObjectiveRepository(session, ctx.org_id).has_measurements(objective.id):
        raise Conflict("The objective has measurements; they are kept as evidence (9.1).")
    record(
        session,
        org_id=ctx.org_id,
        actor=ctx.actor,
        action="objective.delete",
        object_type="objective",
        object_id=objective.id,
        summary=f"{objective_key(objective)} '{objective.title}' deleted",
        before=snapshot(objective, OBJECTIVE_FIELDS),
    )
    await session.delete(objective)
    await session.flush()


async def list_measurements(
    session: AsyncSession, objective: Objective, page: PageParams
) -> tuple[list[ObjectiveMeasurement], str | None, int]:
    """One page of an objective's measurements, latest period first."""
    stmt = MeasurementRepository(session, objective.org_id).for_objective(objective.id)
    keys = [col(ObjectiveMeasurement.period_end), col(ObjectiveMeasurement.id)]
    return await paginate(session, stmt, keys=keys, params=page, descending=True)


async def create_measurement(
    session: AsyncSession, ctx: OrgContext, objective: Objective, data: MeasurementCreate
) -> ObjectiveMeasurement:
    """Record a value for a period that has ended (on the caller's own objectives)."""
    ctx.ensure_owns(OWNED, [objective.owner_id], "objectives")
    start = data.period_start or data.period_date
    end = data.period_end or data.period_date
    assert start is not None and end is not None  # the schema guarantees a period
    if end > today():
        loc = "period_date" if data.period_date else "period_end"
        raise Unprocessable("A period cannot end in the future.", loc=["body", loc])
    repo = MeasurementRepository(session, ctx.org_id)
    measurement = repo.add(
        ObjectiveMeasurement(
            org_id=ctx.org_id,
            objective_id=objective.id,
            period_start=start,
            period_end=end,
            value=data.value,
            source=data.source,
            note=data.note,
            recorded_by_id=ctx.actor.id,
        )
    )
    await session.flush()
    record(
        session,
        org_id=ctx.org_id,
        actor=ctx.actor,
        action="objective.measurement.create",
        object_type="objective_measurement",
        object_id=measurement.id,
        summary=f"{objective_key(objective)}: {data.value:g} {objective.unit} measured for "
        f"{start.isoformat()}..{end.isoformat()}",
        after={
            "objective_id": objective.id,
            "period_start": start,
            "period_end": end,
            "value": data.value,
            "source": data.source,
        },
    )
    await session.flush()
    return measurement
