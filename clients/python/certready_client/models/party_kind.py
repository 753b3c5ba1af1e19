from enum import StrEnum


class PartyKind(StrEnum):
    CUSTOMER = "customer"
    OTHER = "other"
    OWNER = "owner"
    REGULATOR = "regulator"
    STAFF = "staff"
    SUPPLIER = "supplier"
    USER = "user"

    def __str__(self) -> str:
        return str(self.value)
