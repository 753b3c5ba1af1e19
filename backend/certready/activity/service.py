"""Write activity entries in the same transaction as the change they describe."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import date, datetime
from enum import Enum
from typing import Any

from sqlalchemy import event, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Session
from sqlmodel import col

from certready.activity.models import ActivityEntry
from certready.activity.repository import ActivityRepository
from certready.activity.schemas import ActivityFilters
from certready.context import Actor
from certready.core.clock import utcnow
from certready.core.pagination import PageParams, paginate
from certready.orgs.models import Organisation

# session.info key: the organisations whose data this transaction changed.
_TOUCHED = "certready.touched_orgs"


def jsonable(value: Any) -> Any:
    """``value`` with dates, ids and enums as JSON text (mappings and lists deeply)."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Mapping):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [jsonable(v) for v in value]
    return value


def snapshot(obj: Any, fields: list[str]) -> dict[str, Any]:
    """The named fields of ``obj`` as JSON values (before/after of an entry)."""
    return {f: jsonable(getattr(obj, f)) for f in fields}


def diff(
    before: Mapping[str, Any], after: Mapping[str, Any]
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Only the fields that changed, for compact before/after records."""
    keys = [k for k in after if before.get(k) != after.get(k)]
    return {k: before.get(k) for k in keys}, {k: after.get(k) for k in keys}


def record(
    session: AsyncSession,
    *,
    org_id: uuid.UUID,
    actor: Actor,
    action: str,
    object_type: str,
    object_id: str | uuid.UUID,
    summary: str,
    before: Mapping[str, Any] | None = None,
    after: Mapping[str, Any] | None = None,
    occurred_on: date | None = None,
    changes_data: bool = True,
) -> ActivityEntry:
    """Add one entry to the session (the change's transaction) and note the organisation;
    ``occurred_on`` is the day the user says it happened, when they stated one.

    ``changes_data=False`` records an event that changed nothing (an export was generated):
    the organisation's ``data_version`` is not bumped, so cached readiness stays valid."""
    entry = ActivityEntry(
        org_id=org_id,
        at=utcnow(),
        occurred_on=occurred_on,
        actor_id=actor.id,
        actor_name=actor.name[:200],
        action=action,
        object_type=object_type,
        object_id=str(object_id),
        summary=summary[:500],
        before=jsonable(dict(before)) if before is not None else None,
        after=jsonable(dict(after)) if after is not None else None,
    )
    session.add(entry)
    if changes_data:
        session.info.setdefault(_TOUCHED, set()).add(org_id)
    return entry


@event.listens_for(Session, "before_commit")
def _bump_data_versions(session: Session) -> None:
    """One ``data_version`` bump per organisation and committed transaction, as its last
    statement (on PostgreSQL the row lock is held only while committing; sorted ids keep
    two multi-organisation transactions from deadlocking)."""
    touched = session.info.pop(_TOUCHED, None)
    for org_id in sorted(touched or ()):
        session.execute(
            update(Organisation)
            .where(col(Organisation.id) == org_id)
            .values(data_version=col(Organisation.data_version) + 1)
        )


@event.listens_for(Session, "after_rollback")
def _forget_touched(session: Session) -> None:
    session.info.pop(_TOUCHED, None)


async def list_activity(
    session: AsyncSession, org_id: uuid.UUID, filters: ActivityFilters, page: PageParams
) -> tuple[list[ActivityEntry], str | None, int]:
    """One page of entries, newest first."""
    repo = ActivityRepository(session, org_id)
    stmt = repo.filtered(filters)
    return await paginate(
        session,
        stmt,
        keys=[col(ActivityEntry.at), col(ActivityEntry.id)],
        params=page,
        descending=True,
    )
