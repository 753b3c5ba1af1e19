from enum import StrEnum


class ReportFrequency(StrEnum):
    HALF_YEARLY = "half_yearly"
    MONTHLY = "monthly"
    ON_REQUEST = "on_request"
    QUARTERLY = "quarterly"
    WEEKLY = "weekly"
    YEARLY = "yearly"

    def __str__(self) -> str:
        return str(self.value)
