from enum import StrEnum


class ReportFrequency(StrEnum):
    weekly = "weekly"
    monthly = "monthly"
    quarterly = "quarterly"
    half_yearly = "half_yearly"
    yearly = "yearly"
    # produced when asked: no agreed frequency, so nothing is expected (RDY-24)
    on_request = "on_request"


# Months per period of the calendar frequencies (weekly periods are ISO weeks).
FREQUENCY_MONTHS = {
    ReportFrequency.monthly: 1,
    ReportFrequency.quarterly: 3,
    ReportFrequency.half_yearly: 6,
    ReportFrequency.yearly: 12,
}
