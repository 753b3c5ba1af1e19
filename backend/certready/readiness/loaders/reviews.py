"""Facts of the management-review rules (RDY-31, RDY-32): one statement, run by the
management-review domain that owns the review tables."""

from __future__ import annotations

from certready.management_reviews.service import readiness_reviews
from certready.readiness.facts import Facts
from certready.readiness.loaders.base import Run


async def load_reviews(run: Run, facts: Facts) -> None:
    facts.reviews = await readiness_reviews(run.session, facts.org_id, facts.today)
