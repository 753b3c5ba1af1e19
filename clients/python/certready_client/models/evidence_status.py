from enum import StrEnum


class EvidenceStatus(StrEnum):
    APPROVED = "approved"
    DRAFT = "draft"
    IN_REVIEW = "in_review"
    REJECTED = "rejected"

    def __str__(self) -> str:
        return str(self.value)
