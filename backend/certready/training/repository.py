"""SQL of the training domain: courses, competence requirements, people, records."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import case, func
from sqlalchemy import select as sa_select
from sqlmodel import col, select
from sqlmodel.sql.expression import SelectOfScalar

from certready.auth.models import User
from certready.db.repository import OrgScopedRepository
from certready.evidence.models import Evidence
from certready.orgs.models import Membership
from certready.orgs.repository import MembershipRepository
from certready.training.models import (
    CompetenceRequirement,
    TrainingCourse,
    TrainingPerson,
    TrainingRecord,
)

# A person in scope with the organisation role of their membership (None for non-members).
PersonRow = tuple[TrainingPerson, str | None]


class CourseRepository(OrgScopedRepository[TrainingCourse]):
    """Training courses of one organisation."""

    model = TrainingCourse

    async def by_title(self, title: str) -> TrainingCourse | None:
        stmt = self.base_statement().where(col(TrainingCourse.title) == title)
        return (await self.session.execute(stmt)).scalars().first()

    async def all(self) -> Sequence[TrainingCourse]:
        stmt = self.base_statement().order_by(col(TrainingCourse.title))
        return (await self.session.execute(stmt)).scalars().all()

    async def has_records(self, course_id: uuid.UUID) -> bool:
        """Whether any completion record names the course (it is then kept)."""
        stmt = select(TrainingRecord.id).where(
            self.of_org(TrainingRecord), col(TrainingRecord.course_id) == course_id
        )
        return (await self.session.execute(stmt.limit(1))).first() is not None


class RequirementRepository(OrgScopedRepository[CompetenceRequirement]):
    """Competence requirements: which role key requires which course."""

    model = CompetenceRequirement

    def filtered(
        self, role_key: str | None, course_id: uuid.UUID | None
    ) -> SelectOfScalar[CompetenceRequirement]:
        """Competence requirements, optionally of one role key and/or one course."""
        stmt = self.base_statement()
        if role_key is not None:
            stmt = stmt.where(col(CompetenceRequirement.role_key) == role_key)
        if course_id is not None:
            stmt = stmt.where(col(CompetenceRequirement.course_id) == course_id)
        return stmt

    async def exists(self, role_key: str, course_id: uuid.UUID) -> bool:
        """Whether the role key already requires the course."""
        stmt = self.filtered(role_key, course_id)
        return (await self.session.execute(stmt.limit(1))).first() is not None

    async def all(self) -> Sequence[CompetenceRequirement]:
        return (await self.session.execute(self.base_statement())).scalars().all()


class PersonRepository(OrgScopedRepository[TrainingPerson]):
    """People in the SMS scope, with the role of their membership."""

    model = TrainingPerson

    def _memberships(self) -> MembershipRepository:
        return MembershipRepository(self.session, self.org_id)

    def with_roles(self) -> Any:
        """People with their membership role (left join: non-members and former members)."""
        roles = (
            self._memberships()
            .members()
            .with_only_columns(col(Membership.user_id), col(Membership.role))
            .subquery("member_role")
        )
        return (
            self.base_statement()
            .add_columns(roles.c.role)
            .outerjoin(roles, roles.c.user_id == col(TrainingPerson.user_id))
        )

    async def get_row(self, person_id: uuid.UUID) -> PersonRow | None:
        """One person with their membership role."""
        stmt = self.with_roles().where(col(TrainingPerson.id) == person_id)
        row = (await self.session.execute(stmt)).first()
        return (row[0], row[1]) if row else None

    async def all_rows(self, in_scope_only: bool = False) -> list[PersonRow]:
        """Every person (or those in scope) with their membership role, by name."""
        stmt = self.with_roles()
        if in_scope_only:
            stmt = stmt.where(col(TrainingPerson.in_scope).is_(True))
        stmt = stmt.order_by(col(TrainingPerson.full_name), col(TrainingPerson.id))
        return [(p, r) for p, r in (await self.session.execute(stmt)).all()]

    async def by_email(self, email: str) -> TrainingPerson | None:
        stmt = self.base_statement().where(col(TrainingPerson.email) == email)
        return (await self.session.execute(stmt)).scalars().first()

    async def by_user(self, user_id: uuid.UUID) -> TrainingPerson | None:
        stmt = self.base_statement().where(col(TrainingPerson.user_id) == user_id)
        return (await self.session.execute(stmt)).scalars().first()

    async def members_not_in_scope(self) -> Sequence[tuple[Membership, User]]:
        """Memberships (with their users) that have no person in scope yet, by e-mail."""
        known = select(TrainingPerson.user_id).where(
            self.of_org(TrainingPerson), col(TrainingPerson.user_id).is_not(None)
        )
        stmt = (
            self._memberships()
            .members()
            .where(col(Membership.user_id).not_in(known))
            .order_by(col(User.email))
        )
        return [(m, u) for m, u in (await self.session.execute(stmt)).all()]

    async def has_records(self, person_id: uuid.UUID) -> bool:
        """Whether the person has completion records (they are then kept)."""
        stmt = select(TrainingRecord.id).where(
            self.of_org(TrainingRecord), col(TrainingRecord.person_id) == person_id
        )
        return (await self.session.execute(stmt.limit(1))).first() is not None


class RecordRepository(OrgScopedRepository[TrainingRecord]):
    """Completion records."""

    model = TrainingRecord

    def filtered(
        self, person_id: uuid.UUID | None, course_id: uuid.UUID | None
    ) -> SelectOfScalar[TrainingRecord]:
        """Records, optionally of one person and/or one course."""
        stmt = self.base_statement()
        if person_id is not None:
            stmt = stmt.where(col(TrainingRecord.person_id) == person_id)
        if course_id is not None:
            stmt = stmt.where(col(TrainingRecord.course_id) == course_id)
        return stmt

    async def for_course(self, course_id: uuid.UUID) -> Sequence[TrainingRecord]:
        return (await self.session.execute(self.filtered(None, course_id))).scalars().all()

    async def existing_keys(self) -> set[tuple[uuid.UUID, uuid.UUID, date]]:
        """(person, course, completed_on) of every record: the import skips duplicates."""
        stmt = sa_select(
            col(TrainingRecord.person_id),
            col(TrainingRecord.course_id),
            col(TrainingRecord.completed_on),
        ).where(self.of_org(TrainingRecord))
        return {(p, c, d) for p, c, d in (await self.session.execute(stmt)).all()}

    async def latest(
        self,
    ) -> dict[tuple[uuid.UUID, uuid.UUID], tuple[date, date | None, bool]]:
        """Per person x course: latest completion, latest expiry, any evaluation (one query).

        Every record of a course carries the same validity, so the latest completion
        also has the latest expiry.
        """
        evaluated = case((col(TrainingRecord.evaluation_method).is_not(None), 1), else_=0)
        stmt = (
            sa_select(
                col(TrainingRecord.person_id),
                col(TrainingRecord.course_id),
                func.max(col(TrainingRecord.completed_on)),
                func.max(col(TrainingRecord.expires_on)),
                func.max(evaluated),
            )
            .where(self.of_org(TrainingRecord))
            .group_by(col(TrainingRecord.person_id), col(TrainingRecord.course_id))
        )
        return {
            (p, c): (done, expires, bool(ev))
            for p, c, done, expires, ev in (await self.session.execute(stmt)).all()
        }

    async def evidence_exists(self, evidence_id: uuid.UUID) -> bool:
        """Whether the evidence item exists in this organisation (a certificate link)."""
        stmt = select(Evidence.id).where(self.of_org(Evidence), col(Evidence.id) == evidence_id)
        return (await self.session.execute(stmt)).first() is not None
