from enum import StrEnum


class MappingState(StrEnum):
    APPLIED = "applied"
    ERROR = "error"
    STALE = "stale"

    def __str__(self) -> str:
        return str(self.value)
