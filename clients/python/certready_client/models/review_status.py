from enum import StrEnum


class ReviewStatus(StrEnum):
    CANCELLED = "cancelled"
    HELD = "held"
    MINUTES_APPROVED = "minutes_approved"
    PLANNED = "planned"

    def __str__(self) -> str:
        return str(self.value)
