from enum import StrEnum


class PackVersions(StrEnum):
    ALL = "all"
    CURRENT = "current"

    def __str__(self) -> str:
        return str(self.value)
