from enum import StrEnum


class CiStatus(StrEnum):
    planned = "planned"
    active = "active"
    maintenance = "maintenance"
    retired = "retired"


# A retired item no longer records the configuration of a live service (RDY-22).
RECORDED_STATUSES = frozenset({CiStatus.planned, CiStatus.active, CiStatus.maintenance})


class VerificationResult(StrEnum):
    passed = "pass"
    failed = "fail"
    partial = "partial"
