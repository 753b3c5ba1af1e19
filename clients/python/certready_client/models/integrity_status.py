from enum import StrEnum


class IntegrityStatus(StrEnum):
    MISMATCH = "mismatch"
    MISSING = "missing"
    OK = "ok"

    def __str__(self) -> str:
        return str(self.value)
