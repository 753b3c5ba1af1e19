from enum import StrEnum


class RecordPriority(StrEnum):
    CRITICAL = "critical"
    HIGH = "high"
    LOW = "low"
    MEDIUM = "medium"
    VERY_LOW = "very_low"

    def __str__(self) -> str:
        return str(self.value)
