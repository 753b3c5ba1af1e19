"""The "none exist" statement's lifecycle: drafted, approved, withdrawn to draft."""

from __future__ import annotations

from certready.core.workflow import Workflow
from certready.suppliers.enums import StatementStatus
from certready.suppliers.models import SupplierStatement

STATEMENT_WORKFLOW: Workflow[StatementStatus, SupplierStatement] = Workflow.build(
    {
        StatementStatus.draft: {StatementStatus.approved},
        StatementStatus.approved: {StatementStatus.draft},
    }
)
