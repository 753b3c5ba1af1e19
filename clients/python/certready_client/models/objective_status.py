from enum import StrEnum


class ObjectiveStatus(StrEnum):
    NO_RECENT_DATA = "no_recent_data"
    OFF_TARGET = "off_target"
    ON_TARGET = "on_target"

    def __str__(self) -> str:
        return str(self.value)
