"""The requirement catalogue and each organisation's implementation status.

Rules enforced here (DESIGN.md "Requirement status", iso20000.md section 0):
- ISO/IEC 20000-1 allows no exclusions: nothing is "not applicable"; a requirement
  without instances in scope is ``not_occurring`` with a justification.
- The ownership rule (``orgs.permissions.OWN_ONLY``): a process owner
  (``requirements:edit_own``) edits only the requirements they own and cannot hand them
  to someone else; ``requirements:edit`` edits everything.
- Every change writes an activity entry (object ``requirement``, id = ref) in the same
  transaction, with before/after of the changed fields.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from certready.activity.schemas import ActivityRead
from certready.context import OrgContext
from certready.core.changes import (
    ANY_VERSION,
    ChangeSpec,
    check_version,
    requested,
    update_object,
)
from certready.core.clock import utcnow
from certready.core.http import etag_for
from certready.core.pagination import PageParams, paginate
from certready.core.problems import Forbidden, NotFound, PreconditionFailed, Unprocessable
from certready.orgs.models import Organisation
from certready.orgs.permissions import Action
from certready.requirements.enums import CatalogueView, ImplementationStatus
from certready.requirements.models import (
    DocumentedInformation,
    Framework,
    Requirement,
    RequirementStatus,
)
from certready.requirements.repository import (
    CatalogueRepository,
    RequirementStatusRepository,
    StatusRow,
)
from certready.requirements.schemas import (
    DocumentedInformationCatalogue,
    DocumentedInformationRead,
    FrameworkRead,
    RequirementBulkResult,
    RequirementBulkUpdate,
    RequirementCatalogue,
    RequirementClauseSummary,
    RequirementDetailRead,
    RequirementFilters,
    RequirementNodeRead,
    RequirementOwner,
    RequirementRead,
    RequirementStatusCounts,
    RequirementSummaryRead,
    RequirementUpdate,
    row_label,
)

STATUS_FIELDS = [
    "status",
    "owner_id",
    "target_date",
    "notes",
    "not_occurring",
    "not_occurring_justification",
]
HISTORY_LIMIT = 50
_COUNTS = ["total", *[s.value for s in ImplementationStatus], "not_occurring"]
# The ownership rule (orgs.permissions.OWN_ONLY): process owners edit only their requirements.
OWNED = Action.requirements_edit_own
KEPT = "requirements (and cannot hand them to someone else) that"
REQUIREMENT_CHANGES = ChangeSpec(
    object_type="requirement",
    fields=STATUS_FIELDS,
    label=lambda _status: "Requirement",  # per row: _changes(ref)
    required=frozenset({"status", "not_occurring"}),
    blank={"notes": "", "not_occurring_justification": ""},
)


def _changes(ref: str) -> ChangeSpec:
    # A status row knows its requirement by id; the log and the summary name it by ref.
    return replace(REQUIREMENT_CHANGES, label=lambda _status: f"Requirement {ref}")


# --- catalogue ------------------------------------------------------------------------------


async def list_frameworks(
    session: AsyncSession, page: PageParams
) -> tuple[list[Framework], str | None, int]:
    """One page of the frameworks, by code."""
    stmt = CatalogueRepository(session).frameworks()
    return await paginate(session, stmt, keys=[Framework.code], params=page)


async def get_framework(session: AsyncSession, code: str) -> Framework:
    """The framework with this code (404 otherwise)."""
    framework = await CatalogueRepository(session).framework_by_code(code)
    if framework is None:
        raise NotFound()
    return framework


def _ancestors(ref: str) -> list[str]:
    """``8.5.1.2`` -> ``8``, ``8.5``, ``8.5.1``, ``8.5.1.2`` (the loader checks the prefixes)."""
    parts = ref.split(".")
    return [".".join(parts[: i + 1]) for i in range(len(parts))]


def _documented_information_by_ref(
    items: Iterable[DocumentedInformation],
) -> dict[str, list[DocumentedInformation]]:
    by_ref: dict[str, list[DocumentedInformation]] = defaultdict(list)
    for item in items:
        for ref in item.clause_refs:
            by_ref[ref].append(item)
    return by_ref


def _asked_for(
    ref: str, by_ref: dict[str, list[DocumentedInformation]]
) -> list[DocumentedInformation]:
    # What a clause asks for is asked of every requirement below it (6.2 -> 6.2.1, 6.2.2).
    seen: dict[str, DocumentedInformation] = {}
    for ancestor in _ancestors(ref):
        for item in by_ref.get(ancestor, []):
            seen.setdefault(item.key, item)
    return sorted(seen.values(), key=lambda i: (i.kind, i.sort_key))


async def list_framework_requirements(
    session: AsyncSession, framework: Framework, view: CatalogueView
) -> RequirementCatalogue:
    """The catalogue, flat or as a tree, each node with the documented information it asks."""
    repo = CatalogueRepository(session)
    requirements = await repo.requirements(framework.id)
    by_ref = _documented_information_by_ref(await repo.documented_information(framework.id))
    nodes = {
        r.ref: RequirementNodeRead(
            ref=r.ref,
            title=r.title,
            parent_ref=r.parent_ref,
            depth=r.depth,
            assessable=r.assessable,
            guidance=r.guidance,
            documented_information_keys=[i.key for i in _asked_for(r.ref, by_ref)],
        )
        for r in requirements
    }
    items = list(nodes.values())
    if view == CatalogueView.tree:
        for node in items:  # sorted by sort key, so children keep their order
            if node.parent_ref is not None:
                nodes[node.parent_ref].children.append(node)
        items = [n for n in items if n.parent_ref is None]
    return RequirementCatalogue(
        framework=FrameworkRead.model_validate(framework),
        view=view,
        total=len(nodes),
        items=items,
    )


async def list_documented_information(
    session: AsyncSession, framework: Framework
) -> DocumentedInformationCatalogue:
    """The documents and records the framework asks for."""
    rows = await CatalogueRepository(session).documented_information(framework.id)
    return DocumentedInformationCatalogue(
        framework=framework.code,
        total=len(rows),
        items=[DocumentedInformationRead.model_validate(r) for r in rows],
    )


# --- organisation statuses ------------------------------------------------------------------


async def initialise_requirement_statuses(session: AsyncSession, org: Organisation) -> None:
    """A new organisation starts with a ``not_started`` status for every assessable requirement."""
    await RequirementStatusRepository(session, org.id).create_missing(utcnow())


def _read(row: StatusRow) -> RequirementRead:
    requirement, status, owner_name, owner_email = row
    owner = None
    if status is not None and status.owner_id is not None:
        owner = RequirementOwner(id=status.owner_id, name=owner_name or owner_email or "")
    return RequirementRead(
        ref=requirement.ref,
        title=requirement.title,
        depth=requirement.depth,
        parent_ref=requirement.parent_ref,
        assessable=requirement.assessable,
        status=ImplementationStatus(status.status) if status else None,
        owner_id=status.owner_id if status else None,
        owner=owner,
        target_date=status.target_date if status else None,
        notes=status.notes if status else None,
        not_occurring=status.not_occurring if status else None,
        not_occurring_justification=status.not_occurring_justification if status else None,
        version=status.version if status else None,
        updated_at=status.updated_at if status else None,
        updated_by=status.updated_by if status else None,
    )


async def list_requirements(
    session: AsyncSession,
    org_id: uuid.UUID,
    framework: Framework,
    filters: RequirementFilters,
    page: PageParams,
) -> tuple[list[RequirementRead], str | None, int]:
    """One page of the organisation's requirements with their statuses, in clause order."""
    stmt = RequirementStatusRepository(session, org_id).filtered(framework.id, filters)
    rows, next_cursor, total = await paginate(
        session,
        stmt,
        keys=[Requirement.sort_key, Requirement.id],
        params=page,
        rows_as_tuples=True,
    )
    return [_read((r[0], r[1], r[2], r[3])) for r in rows], next_cursor, total


async def summarize_requirements(
    session: AsyncSession, org_id: uuid.UUID, framework: Framework
) -> RequirementSummaryRead:
    """Counts per top-level clause: one GROUP BY plus the clause titles (two statements)."""
    rows = await RequirementStatusRepository(session, org_id).status_counts(framework.id)
    roots = await CatalogueRepository(session).top_level(framework.id)
    clauses = {r.ref: {"ref": r.ref, "title": r.title, **dict.fromkeys(_COUNTS, 0)} for r in roots}
    overall = dict.fromkeys(_COUNTS, 0)
    for root_ref, status, not_occurring, count in rows:
        for bucket in (clauses[root_ref], overall):
            bucket["total"] += count
            bucket[str(status)] += count
            if not_occurring:
                bucket["not_occurring"] += count
    return RequirementSummaryRead(
        framework=framework.code,
        overall=RequirementStatusCounts(**overall),
        clauses=[RequirementClauseSummary(**c) for c in clauses.values()],
    )


async def get_requirement(
    session: AsyncSession, org_id: uuid.UUID, framework: Framework, ref: str
) -> RequirementDetailRead:
    """One requirement: status, guidance, documented information asked for and history."""
    repo = RequirementStatusRepository(session, org_id)
    rows = await repo.rows_for_refs(framework.id, [ref])
    if not rows:
        raise NotFound()
    base = _read(rows[0])
    by_ref = _documented_information_by_ref(
        await CatalogueRepository(session).documented_information(framework.id)
    )
    history = await repo.history(ref, HISTORY_LIMIT)
    return RequirementDetailRead(
        **base.model_dump(),
        guidance=rows[0][0].guidance,
        documented_information=[
            DocumentedInformationRead.model_validate(i) for i in _asked_for(ref, by_ref)
        ],
        history=[ActivityRead.model_validate(h) for h in history],
    )


@dataclass
class _Plan:
    """The outcome of checking one change before anything is written."""

    index: int | None
    ref: str
    values: dict[str, Any] = field(default_factory=dict)
    errors: list[tuple[str, str]] = field(default_factory=list)
    forbidden: str | None = None


def _ensure_owns(ctx: OrgContext, plan: _Plan, status: RequirementStatus, owner_after: Any) -> None:
    """The ownership rule, kept on the plan: a bulk refusal lists every row it refuses."""
    try:
        ctx.ensure_owns(OWNED, [status.owner_id], "requirements")
        ctx.ensure_owns(OWNED, [owner_after], KEPT)
    except Forbidden as refused:
        plan.forbidden = refused.detail


def _plan_change(
    index: int | None,
    status: RequirementStatus,
    requirement: Requirement,
    data: RequirementUpdate,
    ctx: OrgContext,
    members: set[uuid.UUID],
) -> _Plan:
    plan = _Plan(index=index, ref=requirement.ref)
    given = {k: v for k, v in requested(data, REQUIREMENT_CHANGES).items() if k in STATUS_FIELDS}
    for text_field in ("notes", "not_occurring_justification"):
        if text_field in given:
            given[text_field] = given[text_field].strip()
    new = {f: getattr(status, f) for f in STATUS_FIELDS} | given
    _ensure_owns(ctx, plan, status, new["owner_id"])
    owner_id = given.get("owner_id")
    if owner_id is not None and owner_id != status.owner_id and owner_id not in members:
        plan.errors.append(("owner_id", "The owner must be a member of this organisation."))
    if new["not_occurring"]:
        if not new["not_occurring_justification"]:
            plan.errors.append(
                (
                    "not_occurring_justification",
                    "A requirement that does not occur in your scope needs a justification, "
                    "for example the approved statement that there are no internal suppliers.",
                )
            )
    elif given.get("not_occurring_justification"):
        plan.errors.append(
            (
                "not_occurring_justification",
                "A justification is only kept while not_occurring is true.",
            )
        )
    else:
        new["not_occurring_justification"] = ""
    plan.values = {f: new[f] for f in STATUS_FIELDS if new[f] != getattr(status, f)}
    return plan


async def _apply(
    session: AsyncSession,
    ctx: OrgContext,
    status: RequirementStatus,
    plan: _Plan,
    if_match: str | None,
) -> bool:
    """Write one checked change (``plan.values`` holds only what differs) and log it."""
    if plan.values:
        status.updated_by = ctx.user_id
    change = await update_object(
        session,
        ctx,
        status,
        plan.values,
        _changes(plan.ref),
        if_match=if_match,
        object_id=plan.ref,
    )
    return bool(change)


def _loc(plan: _Plan, field_name: str) -> list[str | int]:
    if plan.index is None:
        return ["body", field_name]
    return ["body", "changes", plan.index, field_name]


def _errors(plans: Sequence[_Plan]) -> list[dict[str, Any]]:
    out = []
    for plan in plans:
        for field_name, msg in plan.errors:
            text = msg if plan.index is None else f"{row_label(plan.index, plan.ref)}: {msg}"
            out.append({"loc": _loc(plan, field_name), "msg": text, "type": "value_error"})
    return out


def _raise_for(plans: Sequence[_Plan]) -> None:
    forbidden = [p for p in plans if p.forbidden]
    if forbidden:
        first = forbidden[0]
        detail = first.forbidden or ""
        if first.index is not None:
            detail = f"{row_label(first.index, first.ref)}: {detail}"
        raise Forbidden(
            detail,
            extra={
                "errors": [
                    {
                        "loc": ["body"] if p.index is None else ["body", "changes", p.index],
                        "msg": f"{row_label(p.index, p.ref)}: {p.forbidden}"
                        if p.index is not None
                        else p.forbidden,
                        "type": "forbidden",
                    }
                    for p in forbidden
                ]
            },
        )


def _raise_unprocessable(plans: Sequence[_Plan]) -> None:
    errors = _errors(plans)
    if errors:
        raise Unprocessable(errors[0]["msg"], errors=errors)


async def update_requirement(
    session: AsyncSession,
    ctx: OrgContext,
    framework: Framework,
    ref: str,
    data: RequirementUpdate,
    if_match: str | None,
) -> RequirementDetailRead:
    """Change one requirement's status row (``If-Match``); process owners only their own."""
    repo = RequirementStatusRepository(session, ctx.org_id)
    found = await repo.for_update(framework.id, [ref])
    if not found:
        raise NotFound()
    status, requirement = found[0]
    owner_id = data.owner_id if "owner_id" in data.model_fields_set else None
    members = await repo.member_ids([owner_id] if owner_id else [])
    plan = _plan_change(None, status, requirement, data, ctx, members)
    _raise_for([plan])
    check_version(status, if_match, REQUIREMENT_CHANGES)
    _raise_unprocessable([plan])
    await _apply(session, ctx, status, plan, if_match)
    return await get_requirement(session, ctx.org_id, framework, ref)


async def bulk_update_requirements(
    session: AsyncSession, ctx: OrgContext, framework: Framework, data: RequirementBulkUpdate
) -> RequirementBulkResult:
    """All or nothing: every row is checked before the first one is written."""
    repo = RequirementStatusRepository(session, ctx.org_id)
    refs = [c.ref for c in data.changes]
    found = {req.ref: (status, req) for status, req in await repo.for_update(framework.id, refs)}
    owners = {c.owner_id for c in data.changes if "owner_id" in c.model_fields_set and c.owner_id}
    members = await repo.member_ids(sorted(owners))
    plans: list[_Plan] = []
    seen: dict[str, int] = {}
    for index, change in enumerate(data.changes):
        if change.ref in seen:
            plans.append(
                _Plan(
                    index,
                    change.ref,
                    errors=[("ref", f"Duplicate of changes[{seen[change.ref]}].")],
                )
            )
            continue
        seen[change.ref] = index
        if change.ref not in found:
            plans.append(
                _Plan(
                    index,
                    change.ref,
                    errors=[
                        ("ref", f"No assessable requirement {change.ref} in {framework.code}.")
                    ],
                )
            )
            continue
        status, requirement = found[change.ref]
        plans.append(_plan_change(index, status, requirement, change, ctx, members))
    _raise_for(plans)
    stale = [
        (i, c)
        for i, c in enumerate(data.changes)
        if c.version is not None and c.ref in found and found[c.ref][0].version != c.version
    ]
    if stale:
        raise PreconditionFailed(
            "Some requirements were changed by someone else. Reload them and try again.",
            extra={
                "errors": [
                    {
                        "loc": ["body", "changes", i, "version"],
                        "msg": f"{row_label(i, c.ref)}: current version is "
                        f"{found[c.ref][0].version} (ETag {etag_for(found[c.ref][0].version)}).",
                        "type": "stale",
                    }
                    for i, c in stale
                ]
            },
        )
    _raise_unprocessable(plans)
    changed = 0
    for plan in plans:  # the rows' versions were checked above, together
        changed += await _apply(session, ctx, found[plan.ref][0], plan, ANY_VERSION)
    rows = {r[0].ref: r for r in await repo.rows_for_refs(framework.id, refs)}
    return RequirementBulkResult(changed=changed, items=[_read(rows[ref]) for ref in refs])
