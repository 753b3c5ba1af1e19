from enum import StrEnum


class FindingStatus(StrEnum):
    ACTION_PLANNED = "action_planned"
    CLOSED = "closed"
    OPEN = "open"

    def __str__(self) -> str:
        return str(self.value)
