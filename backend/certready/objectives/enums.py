from enum import StrEnum


class Direction(StrEnum):
    at_least = "at_least"
    at_most = "at_most"


class Frequency(StrEnum):
    monthly = "monthly"
    quarterly = "quarterly"
    semiannual = "semiannual"
    annual = "annual"


# The measurement window of each frequency: with no measurement whose period ended in
# the last window (counted back from today), an objective has no recent data.
FREQUENCY_MONTHS: dict[Frequency, int] = {
    Frequency.monthly: 1,
    Frequency.quarterly: 3,
    Frequency.semiannual: 6,
    Frequency.annual: 12,
}


class ObjectiveStatus(StrEnum):
    on_target = "on_target"
    off_target = "off_target"
    no_recent_data = "no_recent_data"
