from enum import StrEnum


class SnapshotTrigger(StrEnum):
    DAILY = "daily"
    MANUAL = "manual"

    def __str__(self) -> str:
        return str(self.value)
