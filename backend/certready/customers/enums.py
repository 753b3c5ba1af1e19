from enum import StrEnum


class CustomerKind(StrEnum):
    internal = "internal"
    external = "external"
