from enum import StrEnum


class Severity(StrEnum):
    BLOCKER = "blocker"
    WARNING = "warning"

    def __str__(self) -> str:
        return str(self.value)
