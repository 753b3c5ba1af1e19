"""The corrective-measure lifecycle (iso20000.md section 5, ISO/IEC 20000-1 10.1).

open -> contained -> analysed -> planned -> implemented -> effectiveness_review -> closed;
effectiveness_review -> analysed when the review found the action not effective;
open, contained, analysed and planned may be cancelled with a reason.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from certready.core.workflow import Workflow
from certready.corrective_measures.enums import EffectivenessResult, MeasureStatus
from certready.corrective_measures.models import CorrectiveAction, CorrectiveMeasure

S = MeasureStatus


@dataclass
class MeasureMove:
    measure: CorrectiveMeasure
    actions: Sequence[CorrectiveAction]
    note: str


def _root_cause(move: MeasureMove) -> str | None:
    m = move.measure
    if m.root_cause_method is None or not m.root_cause.strip():
        return "Record the root-cause method and result before the measure is analysed."
    return None


def _planned(move: MeasureMove) -> str | None:
    if not move.actions:
        return "Plan at least one action before the measure is planned."
    if any(a.owner_id is None or a.due_date is None for a in move.actions):
        return "Every planned action needs an owner and a due date."
    return None


def _implemented(move: MeasureMove) -> str | None:
    open_actions = sum(1 for a in move.actions if not a.done)
    if open_actions:
        return f"{open_actions} action(s) are not done yet."
    return None


def _not_effective(move: MeasureMove) -> str | None:
    if move.measure.review_result != EffectivenessResult.not_effective:
        return "The measure returns to analysis only after a not-effective review."
    return None


def _effective(move: MeasureMove) -> str | None:
    m = move.measure
    if m.review_by_id is None or m.review_result is None:
        return "Record the effectiveness review before closing the measure."
    # Independence: whoever owns the measure does not judge its effectiveness.
    if m.owner_id is not None and m.review_by_id == m.owner_id:
        return "The effectiveness review must be recorded by someone other than the owner."
    if m.review_result != EffectivenessResult.effective:
        return "The effectiveness review did not find the measure effective."
    if not m.review_method.strip() or m.review_date is None or m.review_evidence_id is None:
        return "The effectiveness review needs a method, a date and an evidence id."
    return None


def _reason(move: MeasureMove) -> str | None:
    if not move.note.strip():
        return "Cancelling a corrective measure needs a reason (the note)."
    return None


MEASURE_WORKFLOW: Workflow[MeasureStatus, MeasureMove] = Workflow.build(
    {
        S.open: {S.contained, S.cancelled},
        S.contained: {S.analysed, S.cancelled},
        S.analysed: {S.planned, S.cancelled},
        S.planned: {S.implemented, S.cancelled},
        S.implemented: {S.effectiveness_review},
        S.effectiveness_review: {S.closed, S.analysed},
        S.closed: set(),
        S.cancelled: set(),
    },
    guards={
        (S.contained, S.analysed): _root_cause,
        (S.effectiveness_review, S.analysed): _not_effective,
        (None, S.planned): _planned,
        (None, S.implemented): _implemented,
        (None, S.closed): _effective,
        (None, S.cancelled): _reason,
    },
)
