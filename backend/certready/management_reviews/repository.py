from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import and_, case, exists, func
from sqlalchemy import select as sa_select
from sqlalchemy.orm import aliased
from sqlmodel import col, select
from sqlmodel.sql.expression import SelectOfScalar

from certready.audits.enums import AuditStatus
from certready.audits.models import Audit, AuditChecklistLine
from certready.auth.models import User
from certready.corrective_measures.enums import NOT_OVERDUE_STATUSES
from certready.corrective_measures.models import CorrectiveMeasure
from certready.db.repository import OrgScopedRepository
from certready.evidence.enums import EvidenceStatus
from certready.evidence.models import Evidence
from certready.findings.models import Finding
from certready.management_reviews.enums import HELD_STATUSES, LinkType, ReviewStatus
from certready.management_reviews.models import (
    ManagementReview,
    ManagementReviewAction,
    ManagementReviewDecision,
    ManagementReviewInput,
)
from certready.management_reviews.schemas import ReviewFilters
from certready.objectives.models import Objective
from certready.orgs.repository import MembershipRepository

# The table behind each link type; every one carries org_id.
LINK_TABLES: dict[LinkType, Any] = {
    LinkType.evidence: Evidence,
    LinkType.finding: Finding,
    LinkType.objective: Objective,
    LinkType.audit: Audit,
}


class ReviewRepository(OrgScopedRepository[ManagementReview]):
    """Reviews, their parts, and the aggregates their pre-filled inputs are made of."""

    model = ManagementReview

    def filtered(self, filters: ReviewFilters) -> SelectOfScalar[ManagementReview]:
        """The list query: status, and the year held (or planned)."""
        stmt = self.base_statement()
        if filters.status is not None:
            stmt = stmt.where(col(ManagementReview.status) == filters.status)
        if filters.year is not None:
            # the year the review was held, or is planned for
            when = func.coalesce(
                col(ManagementReview.held_date), col(ManagementReview.planned_date)
            )
            stmt = stmt.where(when >= date(filters.year, 1, 1), when <= date(filters.year, 12, 31))
        return stmt

    async def last_held_date(self) -> date | None:
        """The held date of the latest review that took place (the next "since")."""
        stmt = sa_select(func.max(col(ManagementReview.held_date))).where(
            self.of_org(ManagementReview),
            col(ManagementReview.status).in_([s.value for s in HELD_STATUSES]),
        )
        value: date | None = (await self.session.execute(stmt)).scalar_one_or_none()
        return value

    # --- children ---------------------------------------------------------------------------

    async def inputs(self, review_id: uuid.UUID) -> list[ManagementReviewInput]:
        """The review's input topics in their order."""
        stmt = (
            select(ManagementReviewInput)
            .where(
                self.of_org(ManagementReviewInput),
                col(ManagementReviewInput.review_id) == review_id,
            )
            .order_by(col(ManagementReviewInput.position))
        )
        return list((await self.session.execute(stmt)).scalars().all())

    async def input_by_key(self, review_id: uuid.UUID, key: str) -> ManagementReviewInput | None:
        """One input topic of the review by its key."""
        stmt = select(ManagementReviewInput).where(
            self.of_org(ManagementReviewInput),
            col(ManagementReviewInput.review_id) == review_id,
            col(ManagementReviewInput.key) == key,
        )
        return (await self.session.execute(stmt)).scalars().first()

    async def decisions(self, review_id: uuid.UUID) -> list[ManagementReviewDecision]:
        """The review's decisions, oldest first."""
        stmt = (
            select(ManagementReviewDecision)
            .where(
                self.of_org(ManagementReviewDecision),
                col(ManagementReviewDecision.review_id) == review_id,
            )
            .order_by(col(ManagementReviewDecision.created_at), col(ManagementReviewDecision.id))
        )
        return list((await self.session.execute(stmt)).scalars().all())

    async def decision(
        self, review_id: uuid.UUID, decision_id: uuid.UUID
    ) -> ManagementReviewDecision | None:
        """One decision of the review (None: not this review's)."""
        stmt = select(ManagementReviewDecision).where(
            self.of_org(ManagementReviewDecision),
            col(ManagementReviewDecision.review_id) == review_id,
            col(ManagementReviewDecision.id) == decision_id,
        )
        return (await self.session.execute(stmt)).scalars().first()

    async def actions(self, review_id: uuid.UUID) -> list[ManagementReviewAction]:
        """The review's actions, oldest first."""
        stmt = (
            select(ManagementReviewAction)
            .where(
                self.of_org(ManagementReviewAction),
                col(ManagementReviewAction.review_id) == review_id,
            )
            .order_by(col(ManagementReviewAction.created_at), col(ManagementReviewAction.id))
        )
        return list((await self.session.execute(stmt)).scalars().all())

    async def action(
        self, review_id: uuid.UUID, action_id: uuid.UUID
    ) -> ManagementReviewAction | None:
        """One action of the review (None: not this review's)."""
        stmt = select(ManagementReviewAction).where(
            self.of_org(ManagementReviewAction),
            col(ManagementReviewAction.review_id) == review_id,
            col(ManagementReviewAction.id) == action_id,
        )
        return (await self.session.execute(stmt)).scalars().first()

    # --- references -------------------------------------------------------------------------

    async def chair_is_top_management(self, chair_id: uuid.UUID | None) -> bool:
        """Whether the chair is a member designated top management."""
        return await MembershipRepository(self.session, self.org_id).is_top_management(chair_id)

    async def member_names(self, user_ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, str]:
        """Names of the given users that are members of this organisation (one query)."""
        ids = list(set(user_ids))
        if not ids:
            return {}
        stmt = (
            MembershipRepository(self.session, self.org_id).members().where(col(User.id).in_(ids))
        )
        return {
            user.id: user.full_name or user.email
            for _, user in (await self.session.execute(stmt)).all()
        }

    async def existing_links(
        self, wanted: Mapping[LinkType, Sequence[uuid.UUID]]
    ) -> set[tuple[LinkType, uuid.UUID]]:
        """The (type, id) pairs that exist in this organisation: one query per type used."""
        found: set[tuple[LinkType, uuid.UUID]] = set()
        for link_type, ids in wanted.items():
            if not ids:
                continue
            table = LINK_TABLES[link_type]
            stmt = select(table.id).where(self.of_org(table), col(table.id).in_(ids))
            found |= {(link_type, i) for i in (await self.session.execute(stmt)).scalars().all()}
        return found

    async def evidence_status(self, evidence_id: uuid.UUID) -> EvidenceStatus | None:
        """The status of an evidence item of this organisation (None: no such item)."""
        stmt = select(Evidence.status).where(self.of_org(Evidence), col(Evidence.id) == evidence_id)
        value = (await self.session.execute(stmt)).scalar_one_or_none()
        return EvidenceStatus(value) if value is not None else None

    # --- pre-fill aggregates ----------------------------------------------------------------

    async def earlier_actions(self) -> list[tuple[ManagementReviewAction, int]]:
        """Every action of this organisation's reviews, with its review's number."""
        stmt = (
            select(ManagementReviewAction, ManagementReview.number)
            .join(ManagementReview, col(ManagementReview.id) == ManagementReviewAction.review_id)
            .where(self.of_org(ManagementReviewAction))
            .order_by(col(ManagementReview.number), col(ManagementReviewAction.created_at))
        )
        return [(a, n) for a, n in (await self.session.execute(stmt)).all()]

    async def finding_counts(self, since: datetime | None) -> list[tuple[str, str, int, int, int]]:
        """Per grade x status: count, raised since, closed since (one grouped query); the days
        the findings were raised and closed as stated (``raised_on``, ``closed_on``)."""
        day = since.date() if since else None
        raised = col(Finding.raised_on) >= day if day else col(Finding.raised_on).is_not(None)
        closed = col(Finding.closed_on) >= day if day else col(Finding.closed_on).is_not(None)
        stmt = (
            sa_select(
                col(Finding.grade),
                col(Finding.status),
                func.count(),
                func.sum(case((raised, 1), else_=0)),
                func.sum(case((closed, 1), else_=0)),
            )
            .where(self.of_org(Finding))
            .group_by(col(Finding.grade), col(Finding.status))
        )
        return [
            (str(g), str(s), int(n), int(r or 0), int(c or 0))
            for g, s, n, r, c in (await self.session.execute(stmt)).all()
        ]

    async def measure_counts(
        self, since: datetime | None, today: date
    ) -> list[tuple[str, int, int, int, int]]:
        """Per status: count, opened since, closed since, overdue (one grouped query)."""
        m = CorrectiveMeasure
        opened = col(m.created_at) >= since if since else col(m.created_at).is_not(None)
        closed = col(m.closed_on) >= since.date() if since else col(m.closed_on).is_not(None)
        overdue = (
            col(m.due_date).is_not(None)
            & (col(m.due_date) < today)
            & col(m.status).not_in([s.value for s in NOT_OVERDUE_STATUSES])
        )
        stmt = (
            sa_select(
                col(m.status),
                func.count(),
                func.sum(case((opened, 1), else_=0)),
                func.sum(case((closed, 1), else_=0)),
                func.sum(case((overdue, 1), else_=0)),
            )
            .where(self.of_org(m))
            .group_by(col(m.status))
        )
        return [
            (str(s), int(n), int(o or 0), int(c or 0), int(d or 0))
            for s, n, o, c, d in (await self.session.execute(stmt)).all()
        ]

    async def readiness_rows(self) -> list[Any]:
        """Every review that is not cancelled, with its unresolved topics (one statement).

        One row per review x unresolved input topic (a null key when none is left),
        with whether the review has decisions, actions and input topics at all.
        """
        r = ManagementReview
        topic = aliased(ManagementReviewInput)
        has_decision = (
            exists()
            .where(col(ManagementReviewDecision.review_id) == r.id)
            .correlate(r)
            .label("has_decision")
        )
        has_action = (
            exists()
            .where(col(ManagementReviewAction.review_id) == r.id)
            .correlate(r)
            .label("has_action")
        )
        has_topics = (
            exists()
            .where(col(ManagementReviewInput.review_id) == r.id)
            .correlate(r)
            .label("has_topics")
        )
        unresolved = and_(
            col(topic.review_id) == r.id,
            col(topic.covered).is_(False),
            func.coalesce(func.trim(col(topic.not_applicable_reason)), "") == "",
        )
        stmt = (
            sa_select(
                col(r.id),
                col(r.number),
                col(r.status),
                col(r.planned_date),
                col(r.held_date),
                col(r.agenda),
                has_decision,
                has_action,
                has_topics,
                col(topic.key),
            )
            .outerjoin(topic, unresolved)
            .where(self.of_org(r), col(r.status) != ReviewStatus.cancelled.value)
            .order_by(col(r.number), col(topic.position))
        )
        return list((await self.session.execute(stmt)).all())

    async def audits_closed_since(self, since: datetime | None) -> list[Audit]:
        """Closed audits (closed on or after ``since``'s day, as stated), by number."""
        stmt = select(Audit).where(self.of_org(Audit), col(Audit.status) == AuditStatus.closed)
        if since is not None:
            stmt = stmt.where(col(Audit.closed_on) >= since.date())
        return list((await self.session.execute(stmt.order_by(col(Audit.number)))).scalars())

    async def audit_result_counts(
        self, audit_ids: Sequence[uuid.UUID]
    ) -> list[tuple[uuid.UUID, str, int]]:
        """Checklist results per audit (one grouped query)."""
        # runs even for no audits: the pre-fill issues the same statements at every size
        stmt = (
            sa_select(
                col(AuditChecklistLine.audit_id), col(AuditChecklistLine.result), func.count()
            )
            .where(
                self.of_org(AuditChecklistLine),
                col(AuditChecklistLine.audit_id).in_(audit_ids),
            )
            .group_by(col(AuditChecklistLine.audit_id), col(AuditChecklistLine.result))
        )
        return [(a, str(r), int(n)) for a, r, n in (await self.session.execute(stmt)).all()]

    async def objectives_with_status(
        self, cutoffs: Mapping[Any, date]
    ) -> list[tuple[Objective, float | None, date | None, str]]:
        """Objectives with the objectives package's computed status (one statement)."""
        from certready.objectives.repository import ObjectiveRepository

        stmt, _ = ObjectiveRepository(self.session, self.org_id).with_status(cutoffs)
        rows = (await self.session.execute(stmt.order_by(col(Objective.number)))).all()
        return [(o, v, e, str(s)) for o, v, e, s in rows]
