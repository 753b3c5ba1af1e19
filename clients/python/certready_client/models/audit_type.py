from enum import StrEnum


class AuditType(StrEnum):
    INTERNAL = "internal"
    RECERTIFICATION = "recertification"
    STAGE1 = "stage1"
    STAGE2 = "stage2"
    SURVEILLANCE = "surveillance"

    def __str__(self) -> str:
        return str(self.value)
