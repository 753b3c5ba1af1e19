from enum import StrEnum


class AuditType(StrEnum):
    internal = "internal"
    stage1 = "stage1"
    stage2 = "stage2"
    surveillance = "surveillance"
    recertification = "recertification"


# Audits run by the certification body (iso20000.md section 3), not by the organisation.
CERTIFICATION_BODY_TYPES = frozenset(
    {AuditType.stage1, AuditType.stage2, AuditType.surveillance, AuditType.recertification}
)


class AuditStatus(StrEnum):
    planned = "planned"
    in_progress = "in_progress"
    reporting = "reporting"
    closed = "closed"
    cancelled = "cancelled"


# A closed or cancelled audit is a record: read-only.
FINAL_AUDIT_STATUSES = frozenset({AuditStatus.closed, AuditStatus.cancelled})


class ChecklistResult(StrEnum):
    not_assessed = "not_assessed"
    conforming = "conforming"
    nonconforming = "nonconforming"
    observation = "observation"
    ofi = "ofi"
