"""Time in one place: UTC, timezone-aware, second precision where stored."""

from __future__ import annotations

import calendar
from datetime import UTC, date, datetime


def utcnow() -> datetime:
    return datetime.now(UTC)


def today() -> date:
    return utcnow().date()


def add_months(start: date, months: int) -> date:
    """Calendar months (negative goes back), clamped to the month's last day."""
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))
