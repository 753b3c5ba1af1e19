from enum import StrEnum


class AssessableFilter(StrEnum):
    ALL = "all"
    FALSE = "false"
    TRUE = "true"

    def __str__(self) -> str:
        return str(self.value)
