from enum import StrEnum


class IssueKind(StrEnum):
    internal = "internal"
    external = "external"


class PartyKind(StrEnum):
    customer = "customer"
    user = "user"
    supplier = "supplier"
    staff = "staff"
    regulator = "regulator"
    owner = "owner"
    other = "other"
