from enum import StrEnum


class Delivery(StrEnum):
    EMAIL = "email"
    LINK = "link"

    def __str__(self) -> str:
        return str(self.value)
