from enum import StrEnum


class EvidenceKind(StrEnum):
    OTHER = "other"
    PLAN = "plan"
    POLICY = "policy"
    PROCEDURE = "procedure"
    RECORD = "record"
    REPORT = "report"
    SCREENSHOT = "screenshot"
    STATEMENT = "statement"
    TICKET_EXPORT = "ticket_export"

    def __str__(self) -> str:
        return str(self.value)
