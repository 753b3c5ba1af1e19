from enum import StrEnum


class MeasureStatus(StrEnum):
    open = "open"
    contained = "contained"
    analysed = "analysed"
    planned = "planned"
    implemented = "implemented"
    effectiveness_review = "effectiveness_review"
    closed = "closed"
    cancelled = "cancelled"


# A measure in one of these states no longer holds its findings open.
FINAL_MEASURE_STATUSES = frozenset({MeasureStatus.closed, MeasureStatus.cancelled})
# Past implementation the due date no longer makes a measure overdue.
NOT_OVERDUE_STATUSES = FINAL_MEASURE_STATUSES | {
    MeasureStatus.implemented,
    MeasureStatus.effectiveness_review,
}
# Actions are planned and carried out up to the planned state (then they are frozen).
ACTIONS_EDITABLE = frozenset(
    {MeasureStatus.open, MeasureStatus.contained, MeasureStatus.analysed, MeasureStatus.planned}
)


class RootCauseMethod(StrEnum):
    five_whys = "five_whys"
    fishbone = "fishbone"
    other = "other"


class EffectivenessResult(StrEnum):
    effective = "effective"
    not_effective = "not_effective"
