from enum import StrEnum


class CiStatus(StrEnum):
    ACTIVE = "active"
    MAINTENANCE = "maintenance"
    PLANNED = "planned"
    RETIRED = "retired"

    def __str__(self) -> str:
        return str(self.value)
