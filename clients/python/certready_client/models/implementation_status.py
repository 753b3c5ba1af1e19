from enum import StrEnum


class ImplementationStatus(StrEnum):
    IMPLEMENTED = "implemented"
    IN_PROGRESS = "in_progress"
    NOT_STARTED = "not_started"
    PLANNED = "planned"

    def __str__(self) -> str:
        return str(self.value)
