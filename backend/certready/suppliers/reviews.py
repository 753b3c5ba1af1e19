"""Parts of a supplier: performance reviews (8.3.3, 8.3.4) and the evidence the supplier owns
or provides (RDY-06). Parts have no ETag: each change moves the supplier's version."""

from __future__ import annotations

import uuid

from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from certready.activity.service import record
from certready.context import OrgContext
from certready.core.changes import ChangeSpec, add_part, requested, update_part
from certready.core.clock import today, utcnow
from certready.core.pagination import PageParams, paginate
from certready.core.problems import Conflict, NotFound, Unprocessable
from certready.evidence.repository import EvidenceRepository
from certready.suppliers.models import Supplier, SupplierEvidence, SupplierReview
from certready.suppliers.repository import ReviewRepository, SupplierEvidenceRepository
from certready.suppliers.schemas import (
    ReviewCreate,
    ReviewUpdate,
    SupplierEvidenceCreate,
    SupplierEvidenceRead,
)
from certready.suppliers.service import SUPPLIER_CHANGES, supplier_key

REVIEW_FIELDS = ["reviewed_on", "result", "summary", "evidence_id"]
REVIEW_CHANGES = ChangeSpec(
    object_type="supplier.review",
    fields=REVIEW_FIELDS,
    label=lambda r: f"review {r.reviewed_on}",
    required=frozenset({"reviewed_on", "result"}),
    blank={"summary": ""},
)


async def check_evidence(
    session: AsyncSession, ctx: OrgContext, evidence_id: uuid.UUID, loc: list[str]
) -> None:
    """422 unless ``evidence_id`` is an evidence item of the organisation."""
    item = await EvidenceRepository(session, ctx.org_id).get(evidence_id)
    if item is None:
        raise Unprocessable("No such evidence item.", loc=loc)


def _check_date(reviewed_on: object) -> None:
    if isinstance(reviewed_on, type(today())) and reviewed_on > today():
        raise Unprocessable("A review cannot be dated in the future.", loc=["body", "reviewed_on"])


async def list_reviews(
    session: AsyncSession, supplier: Supplier, page: PageParams
) -> tuple[list[SupplierReview], str | None, int]:
    """One page of the supplier's reviews, latest first."""
    stmt = ReviewRepository(session, supplier.org_id).for_supplier(supplier.id)
    keys = [col(SupplierReview.reviewed_on), col(SupplierReview.id)]
    return await paginate(session, stmt, keys=keys, params=page, descending=True)


async def add_review(
    session: AsyncSession, ctx: OrgContext, supplier: Supplier, data: ReviewCreate
) -> SupplierReview:
    """Record a performance review (a date not in the future, a result, its evidence)."""
    _check_date(data.reviewed_on)
    if data.evidence_id is not None:
        await check_evidence(session, ctx, data.evidence_id, ["body", "evidence_id"])
    review = ReviewRepository(session, ctx.org_id).add(
        SupplierReview(
            org_id=ctx.org_id,
            supplier_id=supplier.id,
            **data.model_dump(),
            recorded_by_id=ctx.actor.id,
        )
    )
    await add_part(
        session,
        ctx,
        supplier,
        review,
        REVIEW_CHANGES,
        parent_spec=SUPPLIER_CHANGES,
        summary=f"{supplier_key(supplier)}: review of {data.reviewed_on} ({data.result.value})",
        id_key="review_id",
    )
    return review


async def update_review(
    session: AsyncSession,
    ctx: OrgContext,
    supplier: Supplier,
    review_id: uuid.UUID,
    data: ReviewUpdate,
    if_match: str | None,
) -> SupplierReview:
    """Change a review; the supplier's ETag guards it (If-Match)."""
    review = await ReviewRepository(session, ctx.org_id).part(supplier.id, review_id)
    values = requested(data, REVIEW_CHANGES)
    _check_date(values.get("reviewed_on"))
    if values.get("evidence_id") is not None:
        await check_evidence(session, ctx, values["evidence_id"], ["body", "evidence_id"])
    await update_part(
        session,
        ctx,
        supplier,
        review,
        values,
        REVIEW_CHANGES,
        parent_spec=SUPPLIER_CHANGES,
        label=f"{supplier_key(supplier)} review of {review.reviewed_on}",
        id_key="review_id",
        if_match=if_match,
    )
    return review


async def list_evidence(
    session: AsyncSession, supplier: Supplier, page: PageParams
) -> tuple[list[SupplierEvidenceRead], str | None, int]:
    """One page of the evidence items the supplier owns or provides."""
    stmt = SupplierEvidenceRepository(session, supplier.org_id).for_supplier(supplier.id)
    rows, next_cursor, total = await paginate(
        session, stmt, keys=[col(SupplierEvidence.evidence_id)], params=page, rows_as_tuples=True
    )
    items = [
        SupplierEvidenceRead(
            evidence_id=e, evidence_key=f"E-{n}", title=t, supplier_id=s, created_at=c
        )
        for e, n, t, s, c in rows
    ]
    return items, next_cursor, total


async def add_evidence(
    session: AsyncSession, ctx: OrgContext, supplier: Supplier, data: SupplierEvidenceCreate
) -> SupplierEvidence:
    """Record that an evidence item is owned or provided by this supplier (one per item)."""
    await check_evidence(session, ctx, data.evidence_id, ["body", "evidence_id"])
    repo = SupplierEvidenceRepository(session, ctx.org_id)
    existing = await repo.of_item(data.evidence_id)
    if existing is not None:
        raise Conflict("The evidence item is already recorded as another party's.")
    link = repo.add(
        SupplierEvidence(
            evidence_id=data.evidence_id,
            supplier_id=supplier.id,
            org_id=ctx.org_id,
            created_at=utcnow(),
        )
    )
    await _log_link(
        session,
        ctx,
        supplier,
        "supplier.evidence.create",
        f"{supplier_key(supplier)} owns or provides evidence {data.evidence_id}",
        after={"evidence_id": str(data.evidence_id)},
    )
    return link


async def remove_evidence(
    session: AsyncSession, ctx: OrgContext, supplier: Supplier, evidence_id: uuid.UUID
) -> None:
    """The item is no longer recorded as the supplier's (404 when it was not)."""
    repo = SupplierEvidenceRepository(session, ctx.org_id)
    link = await repo.of_item(evidence_id)
    if link is None or link.supplier_id != supplier.id:
        raise NotFound("The evidence item is not recorded as this supplier's.")
    await session.delete(link)
    await _log_link(
        session,
        ctx,
        supplier,
        "supplier.evidence.delete",
        f"{supplier_key(supplier)} no longer owns evidence {evidence_id}",
        before={"evidence_id": str(evidence_id)},
    )


async def _log_link(
    session: AsyncSession,
    ctx: OrgContext,
    supplier: Supplier,
    action: str,
    summary: str,
    *,
    before: dict[str, str] | None = None,
    after: dict[str, str] | None = None,
) -> None:
    """A link of the supplier changed: its version moves and one entry is logged on it."""
    supplier.version += 1
    supplier.updated_at = utcnow()
    record(
        session,
        org_id=ctx.org_id,
        actor=ctx.actor,
        action=action,
        object_type="supplier",
        object_id=supplier.id,
        summary=summary,
        before=before,
        after=after,
    )
    await session.flush()
