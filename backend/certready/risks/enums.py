from enum import StrEnum


class Treatment(StrEnum):
    """The treatment decision for a risk (6.1)."""

    accept = "accept"
    treat = "treat"
    transfer = "transfer"
    avoid = "avoid"


class RiskStatus(StrEnum):
    open = "open"
    closed = "closed"
