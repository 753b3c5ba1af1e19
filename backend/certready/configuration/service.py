"""Configuration items, their CSV import and CMDB verifications (8.2.6; RDY-22)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from certready.activity.service import record, snapshot
from certready.configuration import importer
from certready.configuration.enums import CiStatus
from certready.configuration.models import CmdbVerification, ConfigurationItem
from certready.configuration.repository import (
    ConfigurationItemRepository,
    VerificationRepository,
)
from certready.configuration.schemas import (
    CiCreate,
    CiFilters,
    CiImportResult,
    CiRead,
    CiUpdate,
    VerificationCreate,
    VerificationUpdate,
)
from certready.context import OrgContext
from certready.core.changes import ChangeSpec, check_version, requested, update_object
from certready.core.clock import today, utcnow
from certready.core.pagination import PageParams, paginate
from certready.core.problems import Conflict, Unprocessable
from certready.db.base import columns, new_id
from certready.db.repository import next_number
from certready.evidence.service import ensure_evidence_in_org
from certready.orgs.repository import MembershipRepository
from certready.services.service import ensure_services_in_org

CI_FIELDS = ["key", "name", "type", "status", "owner_id", "last_verified", "description"]
CI_CHANGES = ChangeSpec(
    object_type="configuration_item",
    fields=CI_FIELDS,
    label=lambda ci: ci.key,
    required=frozenset({"key", "name", "type", "status"}),
    blank={"description": ""},
)
VERIFICATION_FIELDS = ["verified_on", "sample_size", "result", "notes", "evidence_item_id"]


def verification_key(v: CmdbVerification) -> str:
    return f"CV-{v.number}"


VERIFICATION_CHANGES = ChangeSpec(
    object_type="cmdb_verification",
    fields=VERIFICATION_FIELDS,
    label=verification_key,
    required=frozenset({"verified_on", "sample_size", "result"}),
    blank={"notes": ""},
)


async def check_owner(session: AsyncSession, org_id: uuid.UUID, owner_id: Any) -> None:
    """422 unless ``owner_id`` (when given) is a member of the organisation."""
    if owner_id is not None and await MembershipRepository(session, org_id).get(owner_id) is None:
        raise Unprocessable("The owner must be a member.", loc=["body", "owner_id"])


async def check_record(
    session: AsyncSession, org_id: uuid.UUID, values: dict[str, Any], day_field: str
) -> None:
    """A record of something that happened: its day not in the future, its evidence item
    (when given) in the organisation (shared by continuity tests and service reports)."""
    if values.get(day_field) is not None and values[day_field] > today():
        raise Unprocessable("This cannot be in the future.", loc=["body", day_field])
    if values.get("evidence_item_id") is not None:
        await ensure_evidence_in_org(
            session, org_id, [values["evidence_item_id"]], ["body", "evidence_item_id"]
        )


def item_read(item: ConfigurationItem, service_ids: Sequence[uuid.UUID]) -> CiRead:
    """An item as read, with the services it supports."""
    return CiRead.model_validate({**columns(item), "service_ids": list(service_ids)})


async def read_item(session: AsyncSession, item: ConfigurationItem) -> CiRead:
    """``item_read`` of one item (one statement for its services)."""
    links = await ConfigurationItemRepository(session, item.org_id).service_ids([item.id])
    return item_read(item, links[item.id])


async def _free_key(session: AsyncSession, repo: ConfigurationItemRepository) -> str:
    """The next CI-<n> no item carries (a user may have taken one by hand)."""
    while True:
        key = f"CI-{await next_number(session, repo.org_id, 'configuration_item')}"
        if not await repo.key_taken(key):
            return key


async def list_items(
    session: AsyncSession, org_id: uuid.UUID, filters: CiFilters, page: PageParams
) -> tuple[list[CiRead], str | None, int]:
    """One page of items by key, matching the filters, with their services (three
    statements: count, page, links; no N+1)."""
    repo = ConfigurationItemRepository(session, org_id)
    rows, next_cursor, total = await paginate(
        session, repo.filtered(filters), keys=[col(ConfigurationItem.key)], params=page
    )
    links = await repo.service_ids([i.id for i in rows])
    return [item_read(i, links[i.id]) for i in rows], next_cursor, total


async def create_item(session: AsyncSession, ctx: OrgContext, data: CiCreate) -> ConfigurationItem:
    """Record a configuration item; its key is unique in the organisation (409)."""
    repo = ConfigurationItemRepository(session, ctx.org_id)
    await repo.lock_organisation()  # keys: two creators never take the same one
    await check_owner(session, ctx.org_id, data.owner_id)
    service_ids = await ensure_services_in_org(session, ctx.org_id, data.service_ids)
    if data.key is not None and await repo.key_taken(data.key):
        raise Conflict(f"A configuration item {data.key} exists already.")
    key = data.key or await _free_key(session, repo)
    item = repo.add(
        ConfigurationItem(
            org_id=ctx.org_id, **data.model_dump(exclude={"key", "service_ids"}), key=key
        )
    )
    await session.flush()
    await repo.replace_services({item.id: service_ids}, new=True)
    record(
        session,
        org_id=ctx.org_id,
        actor=ctx.actor,
        action="configuration_item.create",
        object_type="configuration_item",
        object_id=item.id,
        summary=f"{item.key} '{item.name}' recorded",
        after={**snapshot(item, CI_FIELDS), "service_ids": sorted(str(s) for s in service_ids)},
    )
    await session.flush()
    return item


async def update_item(
    session: AsyncSession,
    ctx: OrgContext,
    item: ConfigurationItem,
    data: CiUpdate,
    if_match: str | None,
) -> ConfigurationItem:
    """Change an item (send ``If-Match``); a new key must be free."""
    check_version(item, if_match, CI_CHANGES)
    values = requested(data, CI_CHANGES)
    repo = ConfigurationItemRepository(session, ctx.org_id)
    if "owner_id" in values:
        await check_owner(session, ctx.org_id, values["owner_id"])
    if values.get("key", item.key) != item.key:
        await repo.lock_organisation()
        if await repo.key_taken(values["key"]):
            raise Conflict(f"A configuration item {values['key']} exists already.")
    extra_before: dict[str, Any] = {}
    extra_after: dict[str, Any] = {}
    if "service_ids" in values:
        wanted = values.pop("service_ids")
        if wanted is None:
            raise Unprocessable(
                "service_ids cannot be null; send [] for none.", loc=["body", "service_ids"]
            )
        service_ids = await ensure_services_in_org(session, ctx.org_id, wanted)
        before = (await repo.service_ids([item.id]))[item.id]
        if sorted(before) != sorted(service_ids):
            extra_before = {"service_ids": sorted(str(s) for s in before)}
            extra_after = {"service_ids": sorted(str(s) for s in service_ids)}
            await repo.replace_services({item.id: service_ids})
    await update_object(
        session,
        ctx,
        item,
        values,
        CI_CHANGES,
        if_match=if_match,
        extra_before=extra_before,
        extra_after=extra_after,
    )
    return item


async def delete_item(session: AsyncSession, ctx: OrgContext, item: ConfigurationItem) -> None:
    """Delete an item recorded by mistake (retire it to keep its history); its service
    links go with it."""
    links = await ConfigurationItemRepository(session, ctx.org_id).service_ids([item.id])
    record(
        session,
        org_id=ctx.org_id,
        actor=ctx.actor,
        action="configuration_item.delete",
        object_type="configuration_item",
        object_id=item.id,
        summary=f"{item.key} '{item.name}' deleted",
        before={
            **snapshot(item, CI_FIELDS),
            "service_ids": sorted(str(s) for s in links[item.id]),
        },
    )
    await session.delete(item)
    await session.flush()


def _import_values(
    row: importer.CiRow, owner_id: uuid.UUID | None, old: ConfigurationItem | None
) -> dict[str, Any]:
    """The columns a row sets; an empty optional cell keeps what is stored."""
    status = row.status or (CiStatus(old.status) if old else CiStatus.active)
    return {
        "key": row.key,
        "name": row.name,
        "type": row.type,
        "status": status.value,
        "owner_id": owner_id or (old.owner_id if old else None),
        "last_verified": row.last_verified or (old.last_verified if old else None),
    }


async def import_items(session: AsyncSession, ctx: OrgContext, text: str) -> CiImportResult:
    """All-or-nothing CSV import, idempotent on the key: new keys are inserted and known
    ones updated, in two bulk statements; a filled ``service`` cell replaces the item's
    services (one DELETE, one bulk INSERT); one activity entry describes the import."""
    rows = importer.parse(text)
    repo = ConfigurationItemRepository(session, ctx.org_id)
    await repo.lock_organisation()
    members = await repo.member_ids_by_email()
    errors = [
        importer.row_error(r.line, "owner", "Not a member's e-mail address.")
        for r in rows
        if r.owner is not None and r.owner not in members
    ]
    services = await repo.service_ids_by_key() if any(r.services for r in rows) else {}
    errors += [
        importer.row_error(r.line, "service", f"No service {key} in this organisation.")
        for r in rows
        for key in r.services or ()
        if key not in services
    ]
    if errors:
        raise importer.refuse(sorted(errors, key=lambda e: e["loc"][1]))
    existing = await repo.by_keys([r.key for r in rows])
    now = utcnow()
    inserts, updates = [], []
    links: dict[uuid.UUID, list[uuid.UUID]] = {}
    for row in rows:
        old = existing.get(row.key)
        values = _import_values(row, members.get(row.owner) if row.owner else None, old)
        item_id = old.id if old is not None else new_id()
        if row.services is not None:
            links[item_id] = [services[key] for key in row.services]
        if old is None:
            inserts.append(
                {
                    **values,
                    "id": item_id,
                    "org_id": ctx.org_id,
                    "description": row.description or "",
                    "version": 1,
                    "created_at": now,
                    "updated_at": now,
                }
            )
        else:
            updates.append(
                {"b_id": old.id, "b_updated_at": now, **{f"b_{k}": v for k, v in values.items()}}
            )
    await repo.insert_many(inserts)
    await repo.update_many(updates)
    await repo.replace_services(links)
    record(
        session,
        org_id=ctx.org_id,
        actor=ctx.actor,
        action="configuration_item.import",
        object_type="configuration_item",
        object_id=ctx.org_id,
        summary=f"{len(inserts)} configuration item(s) created and {len(updates)} updated "
        "from a CSV file",
        after={
            "created": len(inserts),
            "updated": len(updates),
            "rows": len(rows),
            **({"services_set": len(links)} if links else {}),
        },
    )
    await session.flush()
    return CiImportResult(created=len(inserts), updated=len(updates), rows=len(rows))


async def list_verifications(
    session: AsyncSession, org_id: uuid.UUID, page: PageParams
) -> tuple[list[CmdbVerification], str | None, int]:
    """One page of CMDB verifications, newest first."""
    stmt = VerificationRepository(session, org_id).listed()
    keys = [col(CmdbVerification.verified_on), col(CmdbVerification.number)]
    return await paginate(session, stmt, keys=keys, params=page, descending=True)


async def create_verification(
    session: AsyncSession, ctx: OrgContext, data: VerificationCreate
) -> CmdbVerification:
    """Record an audit of the configuration records (the date it happened)."""
    values = data.model_dump()
    await check_record(session, ctx.org_id, values, "verified_on")
    repo = VerificationRepository(session, ctx.org_id)
    verification = repo.add(
        CmdbVerification(
            org_id=ctx.org_id,
            number=await next_number(session, ctx.org_id, "cmdb_verification"),
            recorded_by_id=ctx.user_id,
            **values,
        )
    )
    await session.flush()
    record(
        session,
        org_id=ctx.org_id,
        actor=ctx.actor,
        action="cmdb_verification.create",
        object_type="cmdb_verification",
        object_id=verification.id,
        summary=f"{verification_key(verification)}: CMDB verified on "
        f"{verification.verified_on.isoformat()} ({verification.result})",
        after=snapshot(verification, VERIFICATION_FIELDS),
    )
    await session.flush()
    return verification


async def update_verification(
    session: AsyncSession,
    ctx: OrgContext,
    verification: CmdbVerification,
    data: VerificationUpdate,
    if_match: str | None,
) -> CmdbVerification:
    """Change a verification record (send ``If-Match``)."""
    check_version(verification, if_match, VERIFICATION_CHANGES)
    values = requested(data, VERIFICATION_CHANGES)
    await check_record(session, ctx.org_id, values, "verified_on")
    await update_object(session, ctx, verification, values, VERIFICATION_CHANGES, if_match=if_match)
    return verification
