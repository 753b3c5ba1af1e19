from enum import StrEnum


class CellState(StrEnum):
    EXPIRED = "expired"
    EXPIRING = "expiring"
    MISSING = "missing"
    OK = "ok"

    def __str__(self) -> str:
        return str(self.value)
