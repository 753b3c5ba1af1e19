"""Text a client sends must be storable on both databases, identically.

PostgreSQL refuses NUL in text (a 500 if it gets that far) and SQLite stores it
silently; other C0 control characters are never meaningful data either. Tab, LF
and CR are the exceptions (descriptions and notes have lines).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from certready.core.problems import Unprocessable

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
CONTROL_MESSAGE = "Control characters (such as NUL) are not allowed in text."


def has_control(value: str) -> bool:
    """True when ``value`` holds a C0 control character other than tab, LF or CR."""
    return _CONTROL.search(value) is not None


def check_text(value: str, loc: Sequence[str | int]) -> str:
    """``value`` unchanged, or a 422 naming ``loc`` when it holds a control character."""
    if has_control(value):
        raise Unprocessable(CONTROL_MESSAGE, loc=loc)
    return value


def find_control(data: Any, loc: list[str | int]) -> list[str | int] | None:
    """The location of the first string (value or key) with a control character in
    parsed JSON, or None. ``data`` is depth-checked already (the recursion is bounded)."""
    if isinstance(data, str):
        return loc if has_control(data) else None
    if isinstance(data, dict):
        for key, item in data.items():
            if has_control(key):
                return [*loc, key]
            found = find_control(item, [*loc, key])
            if found is not None:
                return found
    elif isinstance(data, list):
        for index, item in enumerate(data):
            found = find_control(item, [*loc, index])
            if found is not None:
                return found
    return None
