from enum import StrEnum


class Frequency(StrEnum):
    ANNUAL = "annual"
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    SEMIANNUAL = "semiannual"

    def __str__(self) -> str:
        return str(self.value)
