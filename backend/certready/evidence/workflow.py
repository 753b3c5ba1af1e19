"""Evidence approval (document control, ISO/IEC 20000-1 7.5.4).

    draft -> in_review -> approved
                       -> rejected -> draft
                       -> draft            (submission withdrawn)
    approved -> draft                      (approval withdrawn for revision)

A new version always puts the item back to ``draft`` (a service rule, not a
transition). ``expired`` (approved and past ``valid_until``) is computed, not a state.
Who may move: ``evidence:write`` for submitting and withdrawing a submission;
``evidence:approve`` for approving, rejecting and withdrawing an approval.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from certready.core.workflow import Workflow
from certready.evidence.enums import EvidenceStatus
from certready.evidence.models import Evidence

S = EvidenceStatus

# Moves that decide on the content: they need Action.evidence_approve.
APPROVER_MOVES = frozenset(
    {(S.in_review, S.approved), (S.in_review, S.rejected), (S.approved, S.draft)}
)


@dataclass
class EvidenceMove:
    evidence: Evidence
    actor_id: uuid.UUID | None
    # Who uploaded the current version (the creator for a file-less statement).
    author_id: uuid.UUID | None


def _has_content(move: EvidenceMove) -> str | None:
    item = move.evidence
    if item.current_version == 0 and not item.description.strip() and not item.external_ref:
        return (
            "There is nothing to review: upload a file, or write the statement in the "
            "description, or give the external reference."
        )
    return None


def _not_own_work(move: EvidenceMove) -> str | None:
    # Approval by someone other than the author (SECURITY.md API6).
    if move.actor_id is not None and move.actor_id == move.author_id:
        what = "the current version" if move.evidence.current_version else "this statement"
        return f"You uploaded {what}; someone else must approve it."
    return None


EVIDENCE_WORKFLOW: Workflow[EvidenceStatus, EvidenceMove] = Workflow.build(
    {
        S.draft: {S.in_review},
        S.in_review: {S.approved, S.rejected, S.draft},
        S.rejected: {S.draft},
        S.approved: {S.draft},
    },
    guards={
        (S.draft, S.in_review): _has_content,
        (S.in_review, S.approved): _not_own_work,
    },
)
