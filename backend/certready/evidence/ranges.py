"""HTTP ``Range`` requests on downloads (RFC 9110 14): one range, or the whole file."""

from __future__ import annotations

import re

_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")


def parse_range(header: str | None, size: int) -> tuple[int, int] | bool | None:
    """``(start, end)`` inclusive for one satisfiable range; ``None`` to send everything
    (no header, several ranges, or a header we do not understand); ``False`` when
    the range cannot be satisfied (416)."""
    if not header:
        return None
    match = _RANGE.match(header.strip().replace(" ", ""))
    if not match:
        return None
    first, last = match.groups()
    if not first and not last:
        return None
    if not first:  # suffix: the last N bytes
        length = int(last)
        if length == 0:
            return False
        return max(0, size - length), size - 1
    start = int(first)
    end = min(int(last), size - 1) if last else size - 1
    if last and int(last) < start:
        return None
    if start >= size:
        return False
    return start, end


def serves_part(range_header: str | None, if_range: str | None, size: int, sha256: str) -> bool:
    """True when the download answers with a 206 slice (a satisfiable single range whose
    ``If-Range``, if any, names this file), not with the whole file."""
    if if_range is not None and if_range.strip() != f'"{sha256}"':
        return False
    return isinstance(parse_range(range_header, size), tuple)
