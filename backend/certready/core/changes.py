"""One way to change an object and log it: partial updates and workflow moves.

Every PATCH and every status transition of every domain goes through ``update_object`` or
``move_object``; each does, in this order, what used to be copied into every service:

* the optimistic-concurrency check (``If-Match`` against the row, which the request loaded
  locked: see ``db.repository``; the mapper's version counter backs it up),
* the partial update with the schema's null rules (a required field sent as ``null`` is a
  422, an optional text sent as ``null`` is cleared),
* the diff, the version bump, ``updated_at``, and ONE activity entry with before and after,
* the flush, where a stale row (a concurrent writer that did not lock) becomes a 412/409.

The architecture tests prove that every PATCH and transition route reaches these functions.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any, TypeVar

from pydantic import BaseModel
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm.exc import StaleDataError

from certready.activity.service import diff, jsonable, record, snapshot
from certready.context import OrgContext
from certready.core.clock import utcnow
from certready.core.http import check_if_match
from certready.core.problems import IllegalTransition, PreconditionFailed, Unprocessable
from certready.core.workflow import Workflow

S = TypeVar("S", bound=StrEnum)
T = TypeVar("T")

# ``if_match=ANY_VERSION``: a change the system makes on its own (no client ETag to check).
ANY_VERSION = "*"


@dataclass(frozen=True)
class ChangeSpec:
    """How one kind of object is changed: its loggable fields and null rules."""

    object_type: str  # activity object type and action prefix: "finding" -> "finding.update"
    fields: Sequence[str]  # the attributes a partial update may set (snapshotted and diffed)
    label: Callable[[Any], str]  # the human key in summaries ("F-12")
    required: frozenset[str] = frozenset()  # may not be set to null
    blank: Mapping[str, Any] = field(default_factory=dict)  # null clears to this value
    version_attr: str = "version"
    status_attr: str = "status"


@dataclass(frozen=True)
class Change:
    """What an update changed (only the fields that differ), as logged."""

    before: dict[str, Any]
    after: dict[str, Any]

    def __bool__(self) -> bool:
        return bool(self.after)

    def touched(self, *names: str) -> bool:
        return any(n in self.after for n in names)


def requested(data: BaseModel, spec: ChangeSpec, where: str = "body") -> dict[str, Any]:
    """The fields the client sent, with ``spec``'s null rules applied (422 for a required one)."""
    values = data.model_dump(exclude_unset=True)
    for key in sorted(values):
        if values[key] is not None:
            continue
        if key in spec.required:
            raise Unprocessable(f"{key} cannot be null.", loc=[where, key])
        if key in spec.blank:
            values[key] = spec.blank[key]
    return values


def check_version(obj: Any, if_match: str | None, spec: ChangeSpec) -> None:
    """428 without ``If-Match``, 412 when it names another version of ``obj``."""
    if if_match != ANY_VERSION:
        check_if_match(if_match, getattr(obj, spec.version_attr))


async def flush_change(session: AsyncSession, on_stale: Callable[[], Exception]) -> None:
    """Flush; a row changed by someone else meanwhile (version counter) raises ``on_stale()``."""
    try:
        await session.flush()
    except StaleDataError as exc:
        raise on_stale() from exc


def _stale() -> Exception:
    return PreconditionFailed("The resource was changed by someone else. Reload it and try again.")


def _bump(obj: Any, spec: ChangeSpec) -> None:
    setattr(obj, spec.version_attr, getattr(obj, spec.version_attr) + 1)
    if hasattr(obj, "updated_at"):
        obj.updated_at = utcnow()


def _log_change(
    session: AsyncSession,
    ctx: OrgContext,
    change: Change,
    *,
    action: str,
    object_type: str,
    object_id: str | uuid.UUID,
    summary: str,
    identity: Mapping[str, Any],
    occurred_on: date | None = None,
) -> None:
    """ONE activity entry for a diff; ``identity`` is logged as it is on both sides."""
    record(
        session,
        org_id=ctx.org_id,
        actor=ctx.actor,
        action=action,
        object_type=object_type,
        object_id=object_id,
        summary=summary,
        before={**identity, **change.before},
        after={**identity, **change.after},
        occurred_on=occurred_on,
    )


async def update_object(
    session: AsyncSession,
    ctx: OrgContext,
    obj: Any,
    values: Mapping[str, Any],
    spec: ChangeSpec,
    *,
    if_match: str | None,
    extra_before: Mapping[str, Any] | None = None,
    extra_after: Mapping[str, Any] | None = None,
    action: str | None = None,
    summary: str | None = None,
    object_id: str | uuid.UUID | None = None,
    identity: Mapping[str, Any] | None = None,
    occurred_on: date | None = None,
) -> Change:
    """Apply ``values`` (already validated) to ``obj``, bump its version and log the diff.

    ``extra_before``/``extra_after`` describe changes the service made beside the columns
    (links, lists) so they land in the same activity entry. Nothing changed: no version
    bump and no entry (the ETag stays valid). ``object_id`` names the logged object when
    it is not ``obj.id`` (a requirement's status is logged under the requirement's ref).
    ``identity`` (what a part belongs to, such as a checklist line's audit and ref) is
    logged as it is in both before and after. ``occurred_on`` (validated by the caller,
    ``core.occurred``) is the day the change says it happened, logged beside the recording.
    """
    check_version(obj, if_match, spec)
    unknown = sorted(set(values) - set(spec.fields))
    if unknown:
        raise ValueError(f"{spec.object_type}: not updatable: {unknown}")
    before = {**snapshot(obj, list(spec.fields)), **jsonable(dict(extra_before or {}))}
    for key, value in values.items():
        setattr(obj, key, value)
    after = {**snapshot(obj, list(spec.fields)), **jsonable(dict(extra_after or {}))}
    changed_before, changed_after = diff(before, after)
    change = Change(changed_before, changed_after)
    if change:
        _bump(obj, spec)
        _log_change(
            session,
            ctx,
            change,
            action=action or f"{spec.object_type}.update",
            object_type=spec.object_type,
            object_id=obj.id if object_id is None else object_id,
            summary=summary or f"{spec.label(obj)} changed: " + ", ".join(sorted(changed_after)),
            identity=jsonable(dict(identity or {})),
            occurred_on=occurred_on,
        )
    await flush_change(session, _stale)
    return change


async def move_object(
    session: AsyncSession,
    ctx: OrgContext,
    obj: Any,
    workflow: Workflow[S, T],
    move: T,
    to: S,
    spec: ChangeSpec,
    *,
    note: str = "",
    effects: Callable[[], None] | None = None,
    extra_after: Mapping[str, Any] | None = None,
    action: str | None = None,
    occurred_on: date | None = None,
) -> S:
    """Move ``obj`` to ``to`` if the workflow allows it; log it; exactly one concurrent mover wins.

    ``effects`` sets what the move implies (``closed_at``, ...) once the move is allowed.
    ``occurred_on`` is the day the move happened as the user states it (validated by the
    caller), logged beside the recording. Returns the state it left. A concurrent move that
    committed first makes this one a 409 naming the state the object is in now.
    """
    current = type(to)(getattr(obj, spec.status_attr))
    workflow.check(move, current, to)
    setattr(obj, spec.status_attr, to)
    if effects is not None:
        effects()
    _bump(obj, spec)
    record(
        session,
        org_id=ctx.org_id,
        actor=ctx.actor,
        action=action or f"{spec.object_type}.transition",
        object_type=spec.object_type,
        object_id=obj.id,
        summary=f"{spec.label(obj)}: {current.value} -> {to.value}",
        before={"status": current.value},
        after={"status": to.value, "note": note, **jsonable(dict(extra_after or {}))},
        occurred_on=occurred_on,
    )

    def lost() -> Exception:
        # the row is no longer at `current`: someone else's move committed first
        return IllegalTransition(
            current.value,
            to.value,
            [],
            f"Someone else changed this {spec.object_type.replace('_', ' ')} meanwhile "
            f"(it was {current.value}). Reload it and try again.",
        )

    await flush_change(session, lost)
    return current


async def update_part(
    session: AsyncSession,
    ctx: OrgContext,
    parent: Any,
    part: Any,
    values: Mapping[str, Any],
    spec: ChangeSpec,
    *,
    parent_spec: ChangeSpec,
    label: str,
    id_key: str | None = None,
    if_match: str | None = ANY_VERSION,
    action: str | None = None,
) -> Change:
    """Apply ``values`` to ``part``, a piece of ``parent`` without an ETag of its own.

    A review's input, decision or action, a measure's action: the part's fields are diffed
    like an object's, the change moves the parent's version (the ETag clients hold) and is
    logged as ONE entry on the parent (``{id_key: part.id}`` beside the diff). The caller
    loaded the parent locked, so concurrent part changes are serialised on it.
    """
    check_version(parent, if_match, parent_spec)
    unknown = sorted(set(values) - set(spec.fields))
    if unknown:
        raise ValueError(f"{spec.object_type}: not updatable: {unknown}")
    before = snapshot(part, list(spec.fields))
    for key, value in values.items():
        setattr(part, key, value)
    changed_before, changed_after = diff(before, snapshot(part, list(spec.fields)))
    change = Change(changed_before, changed_after)
    if change:
        if hasattr(part, "updated_at"):
            part.updated_at = utcnow()
        _bump(parent, parent_spec)
        _log_change(
            session,
            ctx,
            change,
            action=action or f"{spec.object_type}.update",
            object_type=parent_spec.object_type,
            object_id=parent.id,
            summary=f"{label} changed: " + ", ".join(sorted(changed_after)),
            identity={id_key: str(part.id)} if id_key else {},
        )
    await flush_change(session, _stale)
    return change


async def add_part(
    session: AsyncSession,
    ctx: OrgContext,
    parent: Any,
    part: Any,
    spec: ChangeSpec,
    *,
    parent_spec: ChangeSpec,
    summary: str,
    id_key: str,
    action: str | None = None,
) -> None:
    """Log a new part of ``parent`` (already added to the session): parent's version moves."""
    await session.flush()  # the part has its id and defaults
    _bump(parent, parent_spec)
    record(
        session,
        org_id=ctx.org_id,
        actor=ctx.actor,
        action=action or f"{spec.object_type}.create",
        object_type=parent_spec.object_type,
        object_id=parent.id,
        summary=summary,
        after={id_key: str(part.id), **snapshot(part, list(spec.fields))},
    )
    await flush_change(session, _stale)
