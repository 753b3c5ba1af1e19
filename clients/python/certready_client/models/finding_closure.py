from enum import StrEnum


class FindingClosure(StrEnum):
    CORRECTION_ONLY = "correction_only"
    CORRECTIVE_ACTION = "corrective_action"

    def __str__(self) -> str:
        return str(self.value)
