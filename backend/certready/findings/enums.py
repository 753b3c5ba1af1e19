from enum import StrEnum


class FindingGrade(StrEnum):
    major_nc = "major_nc"
    minor_nc = "minor_nc"
    observation = "observation"
    ofi = "ofi"
    # A Stage 1 area of concern from the certification body's report (RDY-37): resolved
    # (closed with a note) or with an action the body agreed (cb_plan_accepted_at).
    area_of_concern = "area_of_concern"


NONCONFORMITY_GRADES = frozenset({FindingGrade.major_nc, FindingGrade.minor_nc})


class FindingStatus(StrEnum):
    open = "open"
    action_planned = "action_planned"
    closed = "closed"


class FindingSource(StrEnum):
    internal_audit = "internal_audit"
    certification_audit = "certification_audit"
    complaint = "complaint"
    incident = "incident"
    management_review = "management_review"
    self_assessment = "self_assessment"
    other = "other"


class FindingClosure(StrEnum):
    """How a finding was closed: corrective action worked, or a correction was enough."""

    corrective_action = "corrective_action"
    correction_only = "correction_only"
