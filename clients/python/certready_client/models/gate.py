from enum import StrEnum


class Gate(StrEnum):
    CERTIFICATION = "certification"
    MAINTENANCE = "maintenance"
    STAGE1 = "stage1"
    STAGE2 = "stage2"

    def __str__(self) -> str:
        return str(self.value)
