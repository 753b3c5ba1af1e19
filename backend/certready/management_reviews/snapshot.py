"""The pre-filled inputs of a review (iso20000.md 4.2): the organisation's data, once.

A review keeps this snapshot as it was when the review was created (never recomputed).
"""

from __future__ import annotations

import uuid
from collections import Counter, defaultdict
from datetime import UTC, date, datetime, time
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from certready.audits.service import audit_key
from certready.core.clock import today
from certready.corrective_measures.enums import FINAL_MEASURE_STATUSES
from certready.findings.enums import FindingStatus
from certready.management_reviews.base import is_overdue
from certready.management_reviews.enums import ActionStatus
from certready.management_reviews.repository import ReviewRepository
from certready.objectives.service import cutoffs, objective_key
from certready.training.service import training_matrix

# Expiring-soon horizon for the training coverage figure in the snapshot.
TRAINING_HORIZON_DAYS = 30
# Longest lists kept in the snapshot (the counts always cover everything).
SNAPSHOT_LIST_LIMIT = 200


def _start_of(day: date | None) -> datetime | None:
    return datetime.combine(day, time.min, tzinfo=UTC) if day else None


async def build_snapshot(
    session: AsyncSession, org_id: uuid.UUID, since: date | None
) -> dict[str, Any]:
    """The data a review looks at, computed once (iso20000.md 4.2 inputs 1, 3, 4, 7, 10).

    A constant number of statements whatever the data size: earlier actions (1),
    findings grouped by grade x status (1), corrective measures grouped by status (1),
    audits closed since and their checklist results (2), objectives with their computed
    status (1), training matrix (4).
    """
    repo = ReviewRepository(session, org_id)
    now = today()
    since_at = _start_of(since)
    return {
        "as_of": now.isoformat(),
        "since": since.isoformat() if since else None,
        "previous_actions": await _previous_actions(repo, now),
        "findings": await _findings(repo, since_at),
        "corrective_measures": await _measures(repo, since_at, now),
        "audits": await _audits(repo, since_at),
        "objectives": await _objectives(repo),
        "training": await _training(session, org_id),
    }


async def _previous_actions(repo: ReviewRepository, now: date) -> dict[str, Any]:
    rows = await repo.earlier_actions()
    counts = {"total": len(rows), "open": 0, "done": 0, "overdue": 0}
    items = []
    for action, number in rows:
        overdue = is_overdue(action, now)
        counts[ActionStatus(action.status).value] += 1
        counts["overdue"] += overdue
        items.append(
            {
                "id": str(action.id),
                "review_key": f"MR-{number}",
                "description": action.description,
                "owner_id": str(action.owner_id) if action.owner_id else None,
                "due_date": action.due_date.isoformat() if action.due_date else None,
                "status": ActionStatus(action.status).value,
                "overdue": overdue,
            }
        )
    # open ones first: they are what the review has to chase
    items.sort(key=lambda i: i["status"] != ActionStatus.open.value)
    return {**counts, "items": items[:SNAPSHOT_LIST_LIMIT]}


async def _findings(repo: ReviewRepository, since: datetime | None) -> dict[str, Any]:
    by_grade: dict[str, dict[str, int]] = defaultdict(
        lambda: {"total": 0, "open": 0, "raised_since": 0, "closed_since": 0}
    )
    by_status: Counter[str] = Counter()
    for grade, status, n, raised, closed in await repo.finding_counts(since):
        entry = by_grade[grade]
        entry["total"] += n
        entry["open"] += n if status != FindingStatus.closed else 0
        entry["raised_since"] += raised
        entry["closed_since"] += closed
        by_status[status] += n
    totals = {
        k: sum(g[k] for g in by_grade.values())
        for k in ("total", "open", "raised_since", "closed_since")
    }
    return {
        **totals,
        # the trend since the last review: positive means the backlog grew
        "net_change_since": totals["raised_since"] - totals["closed_since"],
        "by_grade": dict(sorted(by_grade.items())),
        "by_status": dict(sorted(by_status.items())),
    }


async def _measures(repo: ReviewRepository, since: datetime | None, now: date) -> dict[str, Any]:
    rows = await repo.measure_counts(since, now)
    by_status = {status: n for status, n, *_ in rows}
    return {
        "total": sum(by_status.values()),
        "open": sum(n for s, n in by_status.items() if s not in FINAL_MEASURE_STATUSES),
        "overdue": sum(r[4] for r in rows),
        "opened_since": sum(r[2] for r in rows),
        "closed_since": sum(r[3] for r in rows),
        "by_status": dict(sorted(by_status.items())),
    }


async def _audits(repo: ReviewRepository, since: datetime | None) -> dict[str, Any]:
    audits = await repo.audits_closed_since(since)
    per_audit: dict[uuid.UUID, dict[str, int]] = defaultdict(dict)
    totals: Counter[str] = Counter()
    for audit_id, result, n in await repo.audit_result_counts([a.id for a in audits]):
        per_audit[audit_id][result] = n
        totals[result] += n
    return {
        "closed_since": len(audits),
        "results": dict(sorted(totals.items())),
        "items": [
            {
                "id": str(a.id),
                "key": audit_key(a),
                "title": a.title,
                "type": str(a.type),
                "closed_at": a.closed_at.isoformat() if a.closed_at else None,
                "closed_on": a.closed_on.isoformat() if a.closed_on else None,
                "results": dict(sorted(per_audit.get(a.id, {}).items())),
            }
            for a in audits[:SNAPSHOT_LIST_LIMIT]
        ],
    }


async def _objectives(repo: ReviewRepository) -> dict[str, Any]:
    rows = await repo.objectives_with_status(cutoffs())
    counts = Counter(status for *_, status in rows)
    return {
        "total": len(rows),
        "on_target": counts["on_target"],
        "off_target": counts["off_target"],
        "no_recent_data": counts["no_recent_data"],
        "items": [
            {
                "id": str(o.id),
                "key": objective_key(o),
                "title": o.title,
                "target": o.target,
                "direction": str(o.direction),
                "unit": o.unit,
                "latest_value": value,
                "latest_period_end": end.isoformat() if end else None,
                "status": status,
            }
            for o, value, end, status in rows[:SNAPSHOT_LIST_LIMIT]
        ],
    }


async def _training(session: AsyncSession, org_id: uuid.UUID) -> dict[str, Any]:
    matrix = await training_matrix(session, org_id, None, TRAINING_HORIZON_DAYS)
    return {
        "people_in_scope": len(matrix.rows),
        "overall": matrix.coverage.overall.model_dump(mode="json"),
        "awareness": matrix.coverage.awareness.model_dump(mode="json"),
    }
