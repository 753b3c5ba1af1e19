"""Configuration items, their CSV import and CMDB verifications (8.2.6; RDY-22)."""

from __future__ import annotations

import uuid
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
    CiUpdate,
    VerificationCreate,
    VerificationUpdate,
)
from certready.context import OrgContext
from certready.core.changes import ChangeSpec, check_version, requested, update_object
from certready.core.clock import today, utcnow
from certready.core.pagination import PageParams, paginate
from certready.core.problems import Conflict, Unprocessable
from certready.db.base import new_id
from certready.db.repository import next_number
from certready.evidence.service import ensure_evidence_in_org
from certready.orgs.repository import MembershipRepository

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


async def _free_key(session: AsyncSession, repo: ConfigurationItemRepository) -> str:
    """The next CI-<n> no item carries (a user may have taken one by hand)."""
    while True:
        key = f"CI-{await next_number(session, repo.org_id, 'configuration_item')}"
        if not await repo.key_taken(key):
            return key


async def list_items(
    session: AsyncSession, org_id: uuid.UUID, filters: CiFilters, page: PageParams
) -> tuple[list[ConfigurationItem], str | None, int]:
    """One page of items by key, matching the filters (two statements)."""
    stmt = ConfigurationItemRepository(session, org_id).filtered(filters)
    return await paginate(session, stmt, keys=[col(ConfigurationItem.key)], params=page)


async def create_item(session: AsyncSession, ctx: OrgContext, data: CiCreate) -> ConfigurationItem:
    """Record a configuration item; its key is unique in the organisation (409)."""
    repo = ConfigurationItemRepository(session, ctx.org_id)
    await repo.lock_organisation()  # keys: two creators never take the same one
    await check_owner(session, ctx.org_id, data.owner_id)
    if data.key is not None and await repo.key_taken(data.key):
        raise Conflict(f"A configuration item {data.key} exists already.")
    key = data.key or await _free_key(session, repo)
    item = repo.add(
        ConfigurationItem(org_id=ctx.org_id, **data.model_dump(exclude={"key"}), key=key)
    )
    await session.flush()
    record(
        session,
        org_id=ctx.org_id,
        actor=ctx.actor,
        action="configuration_item.create",
        object_type="configuration_item",
        object_id=item.id,
        summary=f"{item.key} '{item.name}' recorded",
        after=snapshot(item, CI_FIELDS),
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
    if "owner_id" in values:
        await check_owner(session, ctx.org_id, values["owner_id"])
    if values.get("key", item.key) != item.key:
        repo = ConfigurationItemRepository(session, ctx.org_id)
        await repo.lock_organisation()
        if await repo.key_taken(values["key"]):
            raise Conflict(f"A configuration item {values['key']} exists already.")
    await update_object(session, ctx, item, values, CI_CHANGES, if_match=if_match)
    return item


async def delete_item(session: AsyncSession, ctx: OrgContext, item: ConfigurationItem) -> None:
    """Delete an item recorded by mistake (retire it to keep its history)."""
    record(
        session,
        org_id=ctx.org_id,
        actor=ctx.actor,
        action="configuration_item.delete",
        object_type="configuration_item",
        object_id=item.id,
        summary=f"{item.key} '{item.name}' deleted",
        before=snapshot(item, CI_FIELDS),
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
    ones updated, in two bulk statements; one activity entry describes the import."""
    rows = importer.parse(text)
    repo = ConfigurationItemRepository(session, ctx.org_id)
    await repo.lock_organisation()
    members = await repo.member_ids_by_email()
    errors = [
        importer.row_error(r.line, "owner", "Not a member's e-mail address.")
        for r in rows
        if r.owner is not None and r.owner not in members
    ]
    if errors:
        raise importer.refuse(errors)
    existing = await repo.by_keys([r.key for r in rows])
    now = utcnow()
    inserts, updates = [], []
    for row in rows:
        old = existing.get(row.key)
        values = _import_values(row, members.get(row.owner) if row.owner else None, old)
        if old is None:
            inserts.append(
                {
                    **values,
                    "id": new_id(),
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
    record(
        session,
        org_id=ctx.org_id,
        actor=ctx.actor,
        action="configuration_item.import",
        object_type="configuration_item",
        object_id=ctx.org_id,
        summary=f"{len(inserts)} configuration item(s) created and {len(updates)} updated "
        "from a CSV file",
        after={"created": len(inserts), "updated": len(updates), "rows": len(rows)},
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
