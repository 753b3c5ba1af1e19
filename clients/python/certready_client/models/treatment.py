from enum import StrEnum


class Treatment(StrEnum):
    ACCEPT = "accept"
    AVOID = "avoid"
    TRANSFER = "transfer"
    TREAT = "treat"

    def __str__(self) -> str:
        return str(self.value)
