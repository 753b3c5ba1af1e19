from __future__ import annotations

import uuid

from sqlmodel import col
from sqlmodel.sql.expression import SelectOfScalar

from certready.db.repository import OrgScopedRepository
from certready.service_reports.models import ProducedReport, ReportDefinition


class DefinitionRepository(OrgScopedRepository[ReportDefinition]):
    model = ReportDefinition

    def listed(self) -> SelectOfScalar[ReportDefinition]:
        return self.base_statement()


class ReportRepository(OrgScopedRepository[ProducedReport]):
    model = ProducedReport

    def of_definition(self, definition_id: uuid.UUID) -> SelectOfScalar[ProducedReport]:
        return self.base_statement().where(col(ProducedReport.definition_id) == definition_id)
