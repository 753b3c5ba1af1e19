from enum import StrEnum


class Operator(StrEnum):
    ORGANISATION = "organisation"
    SUPPLIER = "supplier"

    def __str__(self) -> str:
        return str(self.value)
