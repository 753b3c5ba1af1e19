from enum import StrEnum


class SupplierKind(StrEnum):
    CUSTOMER_AS_SUPPLIER = "customer_as_supplier"
    EXTERNAL = "external"
    INTERNAL = "internal"

    def __str__(self) -> str:
        return str(self.value)
