"""In-process cache of readiness reports ("warm" dashboard, PERFORMANCE.md 4.4).

A report is a pure function of the organisation's data, the rule parameters, the date
and the framework. Every committed change in an organisation bumps its ``data_version``
(``activity.service`` does it for every transaction that records activity, and every
change is in the activity log), so ``(org id, data_version, framework, date, limit)``
identifies a report exactly; a stale entry can never match. The version comes with the
organisation row the request has loaded anyway: a hit costs no statement.

One cache per process (``app.state``), least recently used entries dropped first; a
request with ``Cache-Control: no-cache`` is always computed afresh. The outcome is
reported in an RFC 9211 ``Cache-Status`` header.
"""

from __future__ import annotations

import uuid
from collections import OrderedDict
from datetime import date
from typing import NamedTuple

from certready.readiness.schemas import ReadinessRead

CACHE_NAME = "certready"


class Key(NamedTuple):
    org_id: uuid.UUID
    data_version: int
    framework: str
    today: date
    failing_limit: int


class ReadinessCache:
    def __init__(self, size: int) -> None:
        self.size = size
        self._entries: OrderedDict[Key, ReadinessRead] = OrderedDict()

    def get(self, key: Key) -> ReadinessRead | None:
        report = self._entries.get(key)
        if report is not None:
            self._entries.move_to_end(key)
        return report

    def put(self, key: Key, report: ReadinessRead) -> None:
        if self.size <= 0:
            return
        # older versions of the same organisation and framework can never match again
        for old in [k for k in self._entries if k[0] == key[0] and k[2:] == key[2:]]:
            del self._entries[old]
        self._entries[key] = report
        while len(self._entries) > self.size:
            self._entries.popitem(last=False)

    def __len__(self) -> int:
        return len(self._entries)


def cache_status(outcome: str) -> str:
    """``Cache-Status`` (RFC 9211): ``hit``, or ``fwd=miss`` / ``fwd=request``."""
    return f"{CACHE_NAME}; hit" if outcome == "hit" else f"{CACHE_NAME}; fwd={outcome}"


def no_cache(cache_control: str | None) -> bool:
    """The client asked for a fresh evaluation (``Cache-Control: no-cache``)."""
    if not cache_control:
        return False
    directives = {d.strip().lower().replace(" ", "") for d in cache_control.split(",")}
    return bool(directives & {"no-cache", "no-store", "max-age=0"})
