from enum import StrEnum


class ReviewStatus(StrEnum):
    planned = "planned"
    held = "held"
    minutes_approved = "minutes_approved"
    cancelled = "cancelled"


# A review with approved minutes (or a cancelled one) is a record: read-only.
FINAL_REVIEW_STATUSES = frozenset({ReviewStatus.minutes_approved, ReviewStatus.cancelled})
# Reviews that took place: their held date starts the next review's "since" window.
HELD_STATUSES = frozenset({ReviewStatus.held, ReviewStatus.minutes_approved})


class DecisionKind(StrEnum):
    """Outputs of 9.3 (iso20000.md 4.2): improvement, changes to the SMS and services, resources."""

    improvement = "improvement"
    sms_change = "sms_change"
    service_change = "service_change"
    resource_need = "resource_need"
    other = "other"


class ActionStatus(StrEnum):
    open = "open"
    done = "done"


class LinkType(StrEnum):
    """What an input topic may point at."""

    evidence = "evidence"
    finding = "finding"
    objective = "objective"
    audit = "audit"
