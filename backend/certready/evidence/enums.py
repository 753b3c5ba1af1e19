from enum import StrEnum


class EvidenceKind(StrEnum):
    policy = "policy"
    procedure = "procedure"
    plan = "plan"
    record = "record"
    report = "report"
    ticket_export = "ticket_export"
    screenshot = "screenshot"
    statement = "statement"
    other = "other"


class EvidenceStatus(StrEnum):
    """Document control (ISO/IEC 20000-1 7.5.4): approved before it counts as evidence."""

    draft = "draft"
    in_review = "in_review"
    approved = "approved"
    rejected = "rejected"


class IntegrityStatus(StrEnum):
    ok = "ok"
    mismatch = "mismatch"
    missing = "missing"


class IdempotencyStatus(StrEnum):
    in_flight = "in_flight"
    complete = "complete"


# ``source`` is ``ui``, ``api``, ``cli`` or ``integration:<name>``.
SOURCE_PATTERN = r"^(ui|api|cli|integration:[a-z0-9][a-z0-9_.-]{0,47})$"
