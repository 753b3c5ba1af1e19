from enum import StrEnum


class RecordStatus(StrEnum):
    CANCELLED = "cancelled"
    CLOSED = "closed"
    IN_PROGRESS = "in_progress"
    OPEN = "open"
    RESOLVED = "resolved"

    def __str__(self) -> str:
        return str(self.value)
