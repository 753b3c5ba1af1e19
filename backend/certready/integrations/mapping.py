"""From a vendor's body to the normalised ITSM record (tolerant: unknown keys, nulls,
string-or-number ids, custom fields). A body that cannot be mapped raises ``MappingError``
with a message the delivery log shows; it never becomes a 5xx."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from certready.integrations.enums import (
    KIND_CLAUSES,
    RecordKind,
    RecordPriority,
    RecordStatus,
    SourceType,
)

P = RecordPriority
S = RecordStatus


class MappingError(ValueError):
    """The body is kept, but no record can be built from it."""


@dataclass
class Normalised:
    external_id: str
    external_key: str | None
    kind_raw: str | None
    title: str
    status: RecordStatus
    status_raw: str | None
    priority: RecordPriority | None = None
    priority_raw: str | None = None
    opened_at: datetime | None = None
    resolved_at: datetime | None = None
    closed_at: datetime | None = None
    assignment_group: str | None = None
    change_counter: int | None = None
    source_updated_at: datetime | None = None
    event: str | None = None
    # raw values the service rules look up, in order (project, category, CI, group)
    service_candidates: list[str] = field(default_factory=list)
    default_kind: RecordKind = RecordKind.other
    kind: RecordKind = RecordKind.other
    clause: str | None = None
    service_key: str | None = None


def text(value: Any) -> str | None:
    """A string-or-number id or label as text (None, "" and objects give None)."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float | str):
        out = str(value).strip()
        return out or None
    return None


def dig(data: Any, *path: str) -> Any:
    for key in path:
        if not isinstance(data, Mapping):
            return None
        data = data.get(key)
    return data


def when(value: Any) -> datetime | None:
    """ISO 8601 with or without offset (naive means UTC), or epoch seconds / milliseconds."""
    if isinstance(value, bool) or value in (None, ""):
        return None
    if isinstance(value, int | float):
        seconds = value / 1000 if value > 10**11 else value
        return datetime.fromtimestamp(seconds, UTC)
    if not isinstance(value, str):
        return None
    try:
        parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError as exc:
        raise MappingError(f"Not a date-time: {value[:60]!r}.") from exc
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)


def counter(value: Any) -> int | None:
    raw = text(value)
    return int(raw) if raw is not None and raw.lstrip("-").isdigit() else None


def _default_kind(raw: str | None) -> RecordKind:
    name = (raw or "").lower()
    for needle, kind in (
        ("known error", RecordKind.known_error),
        ("incident", RecordKind.incident),
        ("service request", RecordKind.service_request),
        ("request", RecordKind.service_request),
        ("problem", RecordKind.problem),
        ("change", RecordKind.change),
        ("release", RecordKind.release),
        ("deployment", RecordKind.release),
    ):
        if needle in name:
            return kind
    return RecordKind.other


def _named_status(name: str | None) -> RecordStatus:
    low = (name or "").lower()
    if any(w in low for w in ("cancel", "declin", "reject", "withdraw", "merged", "removed")):
        return S.cancelled
    if "closed" in low or "done" in low or "complete" in low:
        return S.closed
    if "resolved" in low or "solved" in low:
        return S.resolved
    if low in {"", "new", "open", "to do", "backlog"}:
        return S.open
    return S.in_progress


def _descending(level: int | None) -> RecordPriority | None:
    """1 = highest (Jira, ServiceNow)."""
    scale = {1: P.critical, 2: P.high, 3: P.medium, 4: P.low, 5: P.very_low}
    return scale.get(level) if level is not None else None


def _jira_status(category: str | None, name: str | None) -> RecordStatus:
    """``statusCategory.key`` first (the name is localisable); "done" splits by the name."""
    if category == "new":
        return S.open
    if category == "indeterminate":
        return S.in_progress
    named = _named_status(name)
    if category == "done":
        return named if named in (S.closed, S.cancelled) else S.resolved
    return named


def _jira(body: Mapping[str, Any]) -> Normalised:
    inner = body.get("issue")
    issue: Mapping[str, Any] = inner if isinstance(inner, Mapping) else body
    fields = dig(issue, "fields") or {}
    issue_id, key = text(dig(issue, "id")), text(dig(issue, "key"))
    if issue_id is None and key is None:
        raise MappingError("No issue id or key (issue.id, issue.key).")
    category = text(dig(fields, "status", "statusCategory", "key"))
    status_name = text(dig(fields, "status", "name"))
    status = _jira_status(category, status_name)
    priority_id = counter(dig(fields, "priority", "id"))
    resolved = when(fields.get("resolutiondate"))
    return Normalised(
        external_id=issue_id or key or "",
        external_key=key,
        kind_raw=text(dig(fields, "issuetype", "name")),
        title=text(fields.get("summary")) or "",
        status=status,
        status_raw=status_name,
        priority=_descending(priority_id),
        priority_raw=text(dig(fields, "priority", "name")),
        opened_at=when(fields.get("created")),
        resolved_at=resolved,
        closed_at=resolved if status == S.closed else None,
        change_counter=counter(dig(body, "changelog", "id")),
        source_updated_at=when(fields.get("updated")) or when(body.get("timestamp")),
        event=text(body.get("webhookEvent")) or text(body.get("issue_event_type_name")),
        service_candidates=[
            v
            for v in (text(dig(fields, "project", "key")), text(dig(fields, "project", "name")))
            if v
        ],
    )


def _sn(value: Any) -> tuple[str | None, str | None]:
    """ServiceNow value and display value (raw string, reference, or ``display_value=all``)."""
    if isinstance(value, Mapping):
        raw = text(value.get("value"))
        return raw, text(value.get("display_value")) or raw
    return text(value), text(value)


_SN_INCIDENT = {"1": S.open, "2": S.in_progress, "3": S.in_progress, "6": S.resolved}
_SN_INCIDENT |= {"7": S.closed, "8": S.cancelled}
_SN_CHANGE = {"-5": S.open, "3": S.closed, "4": S.cancelled}


def _sn_status(table: str, value: str | None, display: str | None) -> RecordStatus:
    if table in {"incident", "sc_request", "sc_req_item", "sc_task"} and value in _SN_INCIDENT:
        return _SN_INCIDENT[value]
    if table == "change_request" and value is not None and counter(value) is not None:
        return _SN_CHANGE.get(value, S.in_progress)
    return _named_status(display if display != value else None) if display else S.open


def _servicenow(body: Mapping[str, Any]) -> Normalised:
    result = body.get("result")
    rec: Mapping[str, Any] = result if isinstance(result, Mapping) else body
    sys_id, number = _sn(rec.get("sys_id"))[0], _sn(rec.get("number"))[0]
    if sys_id is None:
        raise MappingError("No sys_id in the record (bare or under result).")
    table = _sn(rec.get("sys_class_name"))[0] or "incident"
    state, state_display = _sn(rec.get("state"))
    priority, priority_display = _sn(rec.get("priority"))
    closed = when(_sn(rec.get("closed_at"))[0])
    group_value, group_display = _sn(rec.get("assignment_group"))
    return Normalised(
        external_id=sys_id,
        external_key=number,
        kind_raw=table,
        title=_sn(rec.get("short_description"))[1] or "",
        status=_sn_status(table, state, state_display),
        status_raw=state_display if state_display != state else state,
        priority=_descending(counter(priority)),
        priority_raw=priority_display,
        opened_at=when(_sn(rec.get("opened_at"))[0]),
        resolved_at=when(_sn(rec.get("resolved_at"))[0]) or closed,
        closed_at=closed,
        assignment_group=group_display,
        change_counter=counter(_sn(rec.get("sys_mod_count"))[0]),
        source_updated_at=when(_sn(rec.get("sys_updated_on"))[0]),
        service_candidates=[
            v
            for v in (
                _sn(rec.get("business_service"))[1],
                _sn(rec.get("business_service"))[0],
                _sn(rec.get("category"))[0],
                _sn(rec.get("cmdb_ci"))[1],
                _sn(rec.get("cmdb_ci"))[0],
                group_display,
                group_value,
            )
            if v
        ],
    )


_GLPI_STATUS = {1: S.open, 5: S.resolved, 6: S.closed, 13: S.cancelled, 14: S.cancelled}


def _ascending(level: int | None) -> RecordPriority | None:
    """GLPI: higher = more urgent (1 very low ... 5 very high, 6 major)."""
    scale = {1: P.very_low, 2: P.low, 3: P.medium, 4: P.high, 5: P.critical, 6: P.critical}
    return scale.get(level) if level is not None else None


def _glpi(body: Mapping[str, Any], itemtype: str) -> Normalised:
    item = body.get("item")
    if not isinstance(item, Mapping) or text(item.get("id")) is None:
        raise MappingError("No item.id in the GLPI body.")
    status_id = counter(
        dig(item, "status", "id") if isinstance(item.get("status"), Mapping) else item.get("status")
    )
    status = _GLPI_STATUS.get(status_id or 0, S.in_progress if status_id else S.open)
    groups = [
        text(t.get("name"))
        for t in item.get("team") or []
        if isinstance(t, Mapping) and text(t.get("type")) == "Group"
    ]
    group = next((g for g in groups if g), None)
    ticket_type = counter(item.get("type"))
    kind_raw = itemtype
    if itemtype.lower() == "ticket" and ticket_type in (1, 2):
        kind_raw = f"Ticket:{'incident' if ticket_type == 1 else 'request'}"
    modified = when(item.get("date_mod"))
    return Normalised(
        external_id=f"{itemtype}:{text(item.get('id'))}",
        external_key=text(item.get("id")),
        kind_raw=kind_raw,
        title=text(item.get("name")) or "",
        status=status,
        status_raw=text(dig(item, "status", "name")) or text(status_id),
        priority=_ascending(counter(item.get("priority"))),
        priority_raw=text(item.get("priority")),
        opened_at=when(item.get("date")) or when(item.get("date_creation")),
        resolved_at=modified if status in (S.resolved, S.closed) else None,
        closed_at=modified if status == S.closed else None,
        assignment_group=group,
        source_updated_at=modified,
        event=text(body.get("event")),
        service_candidates=[
            v
            for v in (text(dig(item, "category", "name")), group, text(dig(item, "entity", "name")))
            if v
        ],
        default_kind=RecordKind.incident if ticket_type == 1 else RecordKind.other,
    )


def _zammad(body: Mapping[str, Any]) -> Normalised:
    ticket = body.get("ticket")
    if not isinstance(ticket, Mapping) or text(ticket.get("id")) is None:
        raise MappingError("No ticket.id in the Zammad body.")

    def name(value: Any) -> str | None:
        return text(value.get("name")) if isinstance(value, Mapping) else text(value)

    state = name(ticket.get("state"))
    status = {"new": S.open, "open": S.in_progress, "closed": S.closed, "merged": S.cancelled}.get(
        (state or "").lower(), _named_status(state)
    )
    priority_raw = name(ticket.get("priority"))
    level = counter((priority_raw or "").split(" ", 1)[0])
    priority = {1: P.low, 2: P.medium, 3: P.high}.get(level or 0)
    group = name(ticket.get("group"))
    closed = when(ticket.get("close_at")) or (
        when(ticket.get("updated_at")) if status == S.closed else None
    )
    return Normalised(
        external_id=text(ticket.get("id")) or "",
        external_key=text(ticket.get("number")),
        kind_raw=name(ticket.get("type")),
        title=text(ticket.get("title")) or "",
        status=status,
        status_raw=state,
        priority=priority,
        priority_raw=priority_raw,
        opened_at=when(ticket.get("created_at")),
        resolved_at=closed,
        closed_at=closed if status == S.closed else None,
        assignment_group=group,
        source_updated_at=when(ticket.get("updated_at")),
        service_candidates=[v for v in (group, name(ticket.get("organization"))) if v],
        default_kind=RecordKind.incident,
    )


def _generic(body: Mapping[str, Any]) -> Normalised:
    """Our documented shape: ``{"type": ..., "data": {id, key, kind, title, status, ...}}``."""
    inner = body.get("data")
    data: Mapping[str, Any] = inner if isinstance(inner, Mapping) else body
    external_id = text(data.get("id"))
    if external_id is None:
        raise MappingError("No data.id in the body.")
    status_raw = text(data.get("status"))
    status = (
        RecordStatus(status_raw) if status_raw in set(RecordStatus) else _named_status(status_raw)
    )
    priority_raw = text(data.get("priority"))
    return Normalised(
        external_id=external_id,
        external_key=text(data.get("key")),
        kind_raw=text(data.get("kind")),
        title=text(data.get("title")) or "",
        status=status,
        status_raw=status_raw,
        priority=RecordPriority(priority_raw) if priority_raw in set(RecordPriority) else None,
        priority_raw=priority_raw,
        opened_at=when(data.get("opened_at")),
        resolved_at=when(data.get("resolved_at")),
        closed_at=when(data.get("closed_at")),
        assignment_group=text(data.get("group")),
        change_counter=counter(data.get("version")),
        source_updated_at=when(data.get("updated_at")),
        event=text(body.get("type")),
        service_candidates=[v for v in (text(data.get("service")), text(data.get("group"))) if v],
    )


_READERS: dict[SourceType, Callable[[Mapping[str, Any]], Normalised]] = {
    SourceType.jira: _jira,
    SourceType.servicenow: _servicenow,
    SourceType.zammad: _zammad,
    SourceType.generic: _generic,
}


def _lookup(rules: Mapping[str, Any], raw: str | None) -> Any:
    if raw is None:
        return None
    folded = {str(k).casefold(): v for k, v in rules.items()}
    return folded.get(raw.casefold())


def normalise(
    source: SourceType, body: Any, rules: Mapping[str, Any], itemtype: str = "Ticket"
) -> Normalised:
    """The record a body describes, with the integration's kind and service rules applied."""
    if not isinstance(body, Mapping):
        raise MappingError("The body is not a JSON object.")
    record = _glpi(body, itemtype) if source == SourceType.glpi else _READERS[source](body)
    if not record.external_id:
        raise MappingError("No external id in the body.")
    ruled = _lookup(rules.get("kinds") or {}, record.kind_raw)
    guessed = _default_kind(record.kind_raw)
    if ruled is not None:
        record.kind = RecordKind(ruled)
    elif guessed != RecordKind.other:
        record.kind = guessed
    else:
        record.kind = RecordKind(rules.get("default_kind") or record.default_kind)
    record.clause = KIND_CLAUSES[record.kind]
    services = rules.get("services") or {}
    record.service_key = next(
        (v for v in (_lookup(services, c) for c in record.service_candidates) if v), None
    )
    record.title = record.title[:1000]
    return record


def dedupe_key(
    source: SourceType, headers: Mapping[str, str], record: Normalised | None, digest: str
) -> str:
    """The vendor's replay handle; the body's SHA-256 where it has none."""
    header = {
        SourceType.jira: "x-atlassian-webhook-identifier",
        SourceType.zammad: "x-zammad-delivery",
        SourceType.generic: "webhook-id",
    }.get(source)
    if header and headers.get(header):
        return f"{header}:{headers[header][:200]}"
    if record is not None and source == SourceType.servicenow and record.change_counter is not None:
        return f"sys_id:{record.external_id}:{record.change_counter}"
    if record is not None and source == SourceType.glpi and record.source_updated_at is not None:
        stamp = record.source_updated_at.isoformat()
        return f"glpi:{record.external_id}:{stamp}:{record.event or ''}"[:300]
    return f"sha256:{digest}"
