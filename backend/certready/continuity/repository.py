from __future__ import annotations

import uuid

from sqlmodel import col
from sqlmodel.sql.expression import SelectOfScalar

from certready.continuity.models import ContinuityPlan, ContinuityTest
from certready.db.repository import OrgScopedRepository


class PlanRepository(OrgScopedRepository[ContinuityPlan]):
    model = ContinuityPlan

    def listed(self) -> SelectOfScalar[ContinuityPlan]:
        return self.base_statement()


class TestRepository(OrgScopedRepository[ContinuityTest]):
    model = ContinuityTest

    def of_plan(self, plan_id: uuid.UUID) -> SelectOfScalar[ContinuityTest]:
        return self.base_statement().where(col(ContinuityTest.plan_id) == plan_id)
