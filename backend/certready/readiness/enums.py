from enum import StrEnum


class Gate(StrEnum):
    """When a rule must pass (iso20000.md section 6): S1 < S2 < CERT; MAINT separate."""

    stage1 = "stage1"
    stage2 = "stage2"
    certification = "certification"
    maintenance = "maintenance"


# The ordered gates; maintenance is evaluated on its own.
GATE_ORDER: tuple[Gate, ...] = (Gate.stage1, Gate.stage2, Gate.certification)


class Severity(StrEnum):
    blocker = "blocker"  # a failure makes the gate not ready
    warning = "warning"  # shown, never flips readiness


class SnapshotTrigger(StrEnum):
    manual = "manual"
    daily = "daily"
