from enum import StrEnum


class SupplierKind(StrEnum):
    external = "external"
    internal = "internal"
    customer_as_supplier = "customer_as_supplier"


class SupplierStatus(StrEnum):
    active = "active"
    inactive = "inactive"
