from enum import StrEnum


class SupplierKind(StrEnum):
    external = "external"
    internal = "internal"
    customer_as_supplier = "customer_as_supplier"


class SupplierStatus(StrEnum):
    active = "active"
    inactive = "inactive"


class ReviewResult(StrEnum):
    satisfactory = "satisfactory"
    needs_improvement = "needs_improvement"
    unsatisfactory = "unsatisfactory"


class StatementStatus(StrEnum):
    draft = "draft"
    approved = "approved"
