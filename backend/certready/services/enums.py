from enum import StrEnum


class ServiceStatus(StrEnum):
    pipeline = "pipeline"
    live = "live"
    retiring = "retiring"
    retired = "retired"


class Criticality(StrEnum):
    low = "low"
    medium = "medium"
    high = "high"
    critical = "critical"


class Operator(StrEnum):
    """Who operates a process for a service (8.2.3): the organisation or another party."""

    organisation = "organisation"
    supplier = "supplier"
