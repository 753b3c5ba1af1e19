"""Finding lifecycles, one table per grade family.

Nonconformities: open -> action_planned -> closed; closing needs at least one linked
corrective measure closed as effective, none still open (10.1), and, for a
certification-body major, the body's verification.
Observations and OFIs: open -> closed on a recorded correction-only decision (the note is
its reason). corrective_measures moves NCs on when their measures are planned or close
effective (findings.service.follow_measure).
"""

from __future__ import annotations

from dataclasses import dataclass

from certready.core.workflow import Workflow
from certready.findings.enums import (
    NONCONFORMITY_GRADES,
    FindingClosure,
    FindingGrade,
    FindingStatus,
)
from certready.findings.models import Finding

S = FindingStatus


@dataclass
class FindingMove:
    finding: Finding
    note: str
    open_measures: int
    certification_body: bool
    effective_measures: int = 0
    decision: FindingClosure | None = None


def _nc_can_close(move: FindingMove) -> str | None:
    if move.decision == FindingClosure.correction_only:
        return (
            "A nonconformity does not close on a correction only: it needs corrective action "
            "(a linked measure closed with an effective review)."
        )
    if move.open_measures:
        return (
            f"{move.open_measures} linked corrective measure(s) are still open; "
            "close them before the finding."
        )
    # iso20000.md 3.4: a major NC needs the certification body's verification.
    if (
        move.certification_body
        and move.finding.grade == FindingGrade.major_nc
        and move.finding.cb_verified_at is None
    ):
        return "A certification-body major nonconformity closes only after cb_verified_at is set."
    if not move.effective_measures:
        return (
            "A nonconformity closes only after corrective action: link a corrective measure "
            "and close it with an effectiveness review that found it effective."
        )
    return None


def _note_needed(move: FindingMove) -> str | None:
    if move.decision != FindingClosure.correction_only:
        return (
            "Observations and OFIs have no corrective measures: they close on a "
            "correction-only decision."
        )
    if not move.note.strip():
        return "Closing an observation or OFI needs the reason for the correction-only decision."
    return None


NONCONFORMITY_WORKFLOW: Workflow[FindingStatus, FindingMove] = Workflow.build(
    {S.open: {S.action_planned}, S.action_planned: {S.closed}, S.closed: set()},
    guards={(S.action_planned, S.closed): _nc_can_close},
)
NOTE_WORKFLOW: Workflow[FindingStatus, FindingMove] = Workflow.build(
    {S.open: {S.closed}, S.action_planned: set(), S.closed: set()},
    guards={(S.open, S.closed): _note_needed},
)


def workflow_for(grade: FindingGrade) -> Workflow[FindingStatus, FindingMove]:
    return NONCONFORMITY_WORKFLOW if grade in NONCONFORMITY_GRADES else NOTE_WORKFLOW
