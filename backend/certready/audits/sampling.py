"""Audit populations: a reproducible sample of ITSM records drawn on a checklist line.

The population is the organisation's ITSM records of the line's clause (``rules.itsm_clauses``)
that the filters hold, ordered by id; a ``random.Random(seed)`` draws the sample from it. The
seed and the filters are stored on the line, so the same seed and filters over the same
population draw the same records again. Drawing again replaces the sample (one activity entry).
"""

from __future__ import annotations

import random
import secrets
import uuid
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from certready.audits.checklist import _auditors
from certready.audits.enums import AuditStatus
from certready.audits.models import Audit, AuditChecklistLine
from certready.audits.repository import AuditRepository
from certready.audits.rules import audit_key, ensure_may_conduct, itsm_clauses
from certready.audits.schemas import SampleDraw, SampleFilters, SamplePopulation, SampleRead
from certready.context import OrgContext
from certready.core.changes import ANY_VERSION, ChangeSpec, check_version, update_object
from certready.core.clock import utcnow
from certready.core.problems import Conflict, Unprocessable
from certready.core.types import INT32_MAX
from certready.integrations.enums import KIND_CLAUSES
from certready.integrations.repository import RecordRepository
from certready.integrations.schemas import RecordFilters, RecordRead

SAMPLE_CHANGES = ChangeSpec(
    object_type="audit_checklist_line",
    fields=["sample_seed", "sample_filters", "sample_population"],
    label=lambda line: str(line.ref),
)
FILTER_FIELDS = list(SampleFilters.model_fields)


def suggested_size(population: int) -> int:
    """The commonly used table: up to 50 records -> 5, up to 250 -> 10, more -> 25; never
    more than the population."""
    size = 5 if population <= 50 else 10 if population <= 250 else 25
    return min(size, population)


def draw(population: list[uuid.UUID], size: int, seed: int) -> list[uuid.UUID]:
    """``size`` ids drawn with ``seed`` from the population in id order (reproducible)."""
    # reproducible by design (the seed is stored), not a secret:
    return random.Random(seed).sample(sorted(population), size)  # noqa: S311


async def _line(repo: AuditRepository, audit: Audit, ref: str) -> Any:
    row = await repo.line_by_ref(audit.id, ref)
    if row is None:
        raise Unprocessable(f"{ref} is not in this audit's checklist.", loc=["path", "ref"])
    return row


def _record_filters(ref: str, filters: SampleFilters) -> RecordFilters:
    """The line's clauses and the filters as a records query; 422 for filters that cannot
    hold any of the line's records."""
    clauses = itsm_clauses(ref)
    if not clauses:
        raise Unprocessable(
            f"No kind of ITSM record is evidence for {ref}: nothing to sample.",
            loc=["path", "ref"],
        )
    if filters.kind is not None and KIND_CLAUSES[filters.kind] not in clauses:
        raise Unprocessable(
            f"{filters.kind.value} records are evidence for {KIND_CLAUSES[filters.kind]}, "
            f"not for {ref}.",
            loc=["body", "kind"],
        )
    if filters.opened_from and filters.opened_to and filters.opened_from > filters.opened_to:
        raise Unprocessable("The period ends before it starts.", loc=["body", "opened_to"])
    return RecordFilters(clauses=clauses, **filters.model_dump())


async def population(
    session: AsyncSession, audit: Audit, ref: str, filters: SampleFilters
) -> SamplePopulation:
    """How many records the filters hold on the line, and the suggested sample size."""
    row = await _line(AuditRepository(session, audit.org_id), audit, ref)
    query = _record_filters(row[0].ref, filters)
    ids = await RecordRepository(session, audit.org_id).population(query)
    return SamplePopulation(
        clauses=query.clauses or [],
        filters=filters,
        population=len(ids),
        suggested_size=suggested_size(len(ids)),
    )


async def _read(session: AsyncSession, audit: Audit, line: AuditChecklistLine) -> SampleRead:
    repo = AuditRepository(session, audit.org_id)
    ids = await repo.sample_record_ids(line.id)
    records = await RecordRepository(session, audit.org_id).by_ids(ids)
    stored = line.sample_population
    return SampleRead(
        line_id=line.id,
        ref=line.ref,
        clauses=itsm_clauses(line.ref),
        filters=SampleFilters.model_validate(line.sample_filters or {}),
        population=stored or 0,
        suggested_size=suggested_size(stored or 0),
        seed=line.sample_seed,
        size=len(ids),
        drawn_at=line.sample_drawn_at,
        drawn_by_id=line.sample_drawn_by_id,
        records=[RecordRead.model_validate(records[i]) for i in ids if i in records],
        version=line.version,
    )


async def get_sample(session: AsyncSession, audit: Audit, ref: str) -> SampleRead:
    """The line's sample as drawn (no seed and no records before the first draw)."""
    row = await _line(AuditRepository(session, audit.org_id), audit, ref)
    return await _read(session, audit, row[0])


async def draw_sample(
    session: AsyncSession,
    ctx: OrgContext,
    audit: Audit,
    ref: str,
    data: SampleDraw,
    if_match: str | None,
) -> SampleRead:
    """Draw the line's sample (replacing the previous one); ``If-Match`` optional."""
    ensure_may_conduct(ctx, audit)
    if audit.status not in (AuditStatus.in_progress, AuditStatus.reporting):
        raise Conflict(
            f"The audit is {audit.status}: samples are drawn while it is in_progress or reporting."
        )
    repo = AuditRepository(session, audit.org_id)
    line: AuditChecklistLine = (await _line(repo, audit, ref))[0]
    version = if_match or ANY_VERSION
    check_version(line, version, SAMPLE_CHANGES)
    await _auditors(ctx, repo, audit)
    filters = SampleFilters.model_validate(data.model_dump(include=set(FILTER_FIELDS)))
    ids = await RecordRepository(session, audit.org_id).population(
        _record_filters(line.ref, filters)
    )
    size = suggested_size(len(ids)) if data.size is None else data.size
    if not ids:
        raise Unprocessable("No record matches these filters: nothing to sample.", loc=["body"])
    if size > len(ids):
        raise Unprocessable(
            f"The population holds {len(ids)} record{'' if len(ids) == 1 else 's'}: "
            "the sample cannot be larger.",
            loc=["body", "size"],
        )
    seed = secrets.randbelow(INT32_MAX + 1) if data.seed is None else data.seed
    drawn = draw(ids, size, seed)
    before = await repo.sample_record_ids(line.id)
    change = await update_object(
        session,
        ctx,
        line,
        {
            "sample_seed": seed,
            "sample_filters": filters.model_dump(mode="json", exclude_none=True),
            "sample_population": len(ids),
        },
        SAMPLE_CHANGES,
        if_match=version,
        extra_before={"sample": [str(i) for i in before]},
        extra_after={"sample": [str(i) for i in drawn]},
        action="audit.checklist.sample",
        summary=f"{audit_key(audit)} {line.ref}: {size} of {len(ids)} ITSM records sampled "
        f"(seed {seed})",
        identity={"audit_id": audit.id, "ref": line.ref},
    )
    if change:
        await repo.replace_sample(line.id, drawn)
        line.sample_drawn_at = utcnow()
        line.sample_drawn_by_id = ctx.user_id
        await session.flush()
    return await _read(session, audit, line)
