from enum import StrEnum


class ChecklistResult(StrEnum):
    CONFORMING = "conforming"
    NONCONFORMING = "nonconforming"
    NOT_ASSESSED = "not_assessed"
    OBSERVATION = "observation"
    OFI = "ofi"

    def __str__(self) -> str:
        return str(self.value)
