from enum import StrEnum


class MeasureStatus(StrEnum):
    ANALYSED = "analysed"
    CANCELLED = "cancelled"
    CLOSED = "closed"
    CONTAINED = "contained"
    EFFECTIVENESS_REVIEW = "effectiveness_review"
    IMPLEMENTED = "implemented"
    OPEN = "open"
    PLANNED = "planned"

    def __str__(self) -> str:
        return str(self.value)
