"""Occurred dates: the day a user says something happened, beside the recorded timestamp.

An organisation adopting Certready mid-way records last spring's audit and last month's
review. Every claim of a past event is validated the same way: not after today (the
deployment's day, ``core.clock.today``) and not before the record it depends on (a finding
is not raised before its audit started, a closure is not before the raising). A refusal is
a 422 problem raised before anything changes.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from certready.core.clock import today
from certready.core.problems import Unprocessable

# (the earliest allowed day or None, what it is: "the audit's start")
Bound = tuple[date | None, str]


def occurred_on(
    value: date | None,
    field: str,
    *,
    not_before: Iterable[Bound] = (),
    default: date | None = None,
    where: str = "body",
) -> date:
    """``value`` (or ``default``, or today) checked: not in the future, not before a bound."""
    now = today()
    day = value or default or now
    loc = [where, field]
    if day > now:
        raise Unprocessable(
            f"{field} cannot be in the future (today is {now.isoformat()}).",
            loc=loc,
            extra={"today": now.isoformat()},
        )
    for bound, what in not_before:
        if bound is not None and day < bound:
            raise Unprocessable(
                f"{field} ({day.isoformat()}) is before {what} ({bound.isoformat()}).",
                loc=loc,
                extra={"not_before": bound.isoformat()},
            )
    return day


def not_in_future(value: date | None, field: str, *, where: str = "body") -> None:
    """422 when a date that claims a past event (``actual_end_date``) is after today."""
    if value is not None:
        occurred_on(value, field, where=where)
