"""All readiness SQL: a fixed set of aggregate statements, whatever the data size, one
loader module per rule family (``coverage``, ``documents``, ``corrective``, and the
``audits``, ``certification``, ``competence`` and ``planning`` parts of ``lists``).

``FactsLoader.load()`` issues :data:`FACT_STATEMENTS` statements plus the review facts'
one, and returns small Python structures; the engine does the rest.
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from certready.core.clock import add_months
from certready.orgs.models import Organisation
from certready.readiness.facts import Facts
from certready.readiness.loaders.base import Run
from certready.readiness.loaders.corrective import load_improvement
from certready.readiness.loaders.coverage import load_leaf_evidence, load_requirements
from certready.readiness.loaders.documents import load_documents, load_expiring
from certready.readiness.loaders.lists import load_lists
from certready.readiness.loaders.reviews import load_reviews

# Statements issued by FactsLoader.load() besides the review facts (the query-count test
# pins it): requirements, leaf evidence, documents, expiring, improvement, lists.
FACT_STATEMENTS = 6


class FactsLoader:
    """Loads the facts of one organisation for one framework."""

    def __init__(self, session: AsyncSession, org: Organisation) -> None:
        self.org = org
        self.run = Run(session, org.id)

    async def load(
        self,
        framework_code: str,
        today: date,
        *,
        document_days: int,
        evidence_days: int,
        measurement_months: int,
        coverage_months: int = 12,
    ) -> Facts | None:
        """The facts on ``today`` with the rules' windows; None for an unknown framework."""
        facts = Facts(
            org_id=self.org.id,
            org_slug=self.org.slug,
            today=today,
            framework_code=framework_code,
            certification_decision_date=self.org.certification_decision_date,
        )
        params = self.run.params
        params.update(
            framework_code=framework_code,
            today=today,
            document_until=today + timedelta(days=document_days),
            evidence_until=today + timedelta(days=evidence_days),
            since=add_months(today, -measurement_months),
            coverage_since=add_months(today, -coverage_months),
        )
        framework_id = await load_requirements(self.run, facts)
        if framework_id is None:
            return None
        params["framework_id"] = framework_id
        params["leaf_ids"] = [leaf.id for leaf in facts.leaves]
        for loader in (load_leaf_evidence, load_documents, load_expiring, load_improvement):
            await loader(self.run, facts)
        await load_lists(self.run, facts)
        await load_reviews(self.run, facts)
        return facts


__all__ = ["FACT_STATEMENTS", "FactsLoader"]
