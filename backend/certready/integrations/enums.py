"""Integration sources, delivery outcomes and the normalised ITSM vocabulary (issue 15)."""

from __future__ import annotations

from enum import StrEnum


class SourceType(StrEnum):
    jira = "jira"
    servicenow = "servicenow"
    glpi = "glpi"
    zammad = "zammad"
    generic = "generic"


class RecordKind(StrEnum):
    incident = "incident"
    service_request = "service_request"
    problem = "problem"
    known_error = "known_error"
    change = "change"
    release = "release"
    other = "other"


class RecordStatus(StrEnum):
    open = "open"
    in_progress = "in_progress"
    resolved = "resolved"
    closed = "closed"
    cancelled = "cancelled"


class RecordPriority(StrEnum):
    """One scale for every tool (their own scales differ and some are inverted)."""

    critical = "critical"
    high = "high"
    medium = "medium"
    low = "low"
    very_low = "very_low"


class MappingState(StrEnum):
    """What a verified delivery did to the records."""

    applied = "applied"  # created or moved its record forward
    stale = "stale"  # older than what the record already shows (kept in its history)
    error = "error"  # kept, but no record could be built from it (``mapping_error`` says why)


# The clause-8 process each kind of record is operational evidence for.
KIND_CLAUSES: dict[RecordKind, str | None] = {
    RecordKind.incident: "8.6.1",
    RecordKind.service_request: "8.6.2",
    RecordKind.problem: "8.6.3",
    RecordKind.known_error: "8.6.3",
    RecordKind.change: "8.5.1",
    RecordKind.release: "8.5.3",
    RecordKind.other: None,
}
