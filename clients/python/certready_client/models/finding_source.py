from enum import StrEnum


class FindingSource(StrEnum):
    CERTIFICATION_AUDIT = "certification_audit"
    COMPLAINT = "complaint"
    INCIDENT = "incident"
    INTERNAL_AUDIT = "internal_audit"
    MANAGEMENT_REVIEW = "management_review"
    OTHER = "other"
    SELF_ASSESSMENT = "self_assessment"

    def __str__(self) -> str:
        return str(self.value)
