from enum import StrEnum


class AuditStatus(StrEnum):
    CANCELLED = "cancelled"
    CLOSED = "closed"
    IN_PROGRESS = "in_progress"
    PLANNED = "planned"
    REPORTING = "reporting"

    def __str__(self) -> str:
        return str(self.value)
