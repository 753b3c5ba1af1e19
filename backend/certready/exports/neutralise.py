"""Formula-injection neutralisation for every cell that leaves as CSV or XLSX.

A spreadsheet treats a cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return as a formula (OWASP "CSV injection", SECURITY.md I4, ASVS 1.2.10):
such text is prefixed with ``'`` so it reads back as the same text. Numbers, booleans
and dates stay what they are (a negative number is a number, not a formula).
"""

from __future__ import annotations

import enum
import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
PREFIX = "'"

Cell = str | int | float | bool | date | datetime | Decimal | None


def formula_like(text: str) -> bool:
    """Would a spreadsheet read ``text`` as a formula (XLSX marks such cells quote-prefixed)?"""
    return text.startswith(FORMULA_STARTS)


def neutralise_text(text: str) -> str:
    """``text`` with a ``'`` in front when a spreadsheet would read it as a formula."""
    return PREFIX + text if formula_like(text) else text


def neutralise(value: Any) -> Cell:
    """A value safe for a cell: text neutralised, numbers and dates kept, the rest as text."""
    if value is None or isinstance(value, bool | int | float | Decimal | date):
        return value  # datetime is a date
    if isinstance(value, enum.Enum):
        value = value.value
        if not isinstance(value, str):
            return neutralise(value)
    if isinstance(value, uuid.UUID):
        return str(value)
    return neutralise_text(str(value))


def cell_text(value: Any) -> str:
    """One value as CSV text: ISO-8601 dates, ``true``/``false``, neutralised text."""
    safe = neutralise(value)
    if safe is None:
        return ""
    if isinstance(safe, bool):
        return "true" if safe else "false"
    if isinstance(safe, datetime | date):
        return safe.isoformat()
    return str(safe)
