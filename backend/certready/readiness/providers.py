"""Facts from packages the readiness engine does not own (yet): an interface to implement.

Management reviews (9.3, RDY-31/32) live in their own package, which registers ONE
loader here at import time, the same way the requirements package registers its
organisation initialiser::

    # certready/management_reviews/service.py
    from certready.readiness.providers import register_review_provider

    async def readiness_reviews(session, org_id, today) -> list[ReviewFacts]:
        ...  # ONE statement for the whole organisation (the query-count test counts it)

    register_review_provider(readiness_reviews)

Contract for a provider:

* one SQL statement per call, whatever the data size (aggregate in SQL);
* only rows of ``org_id``;
* returns plain :mod:`certready.readiness.facts` dataclasses (``ReviewFacts``), never ORM
  objects.

While no provider is registered the engine passes ``None`` to the rules: RDY-31/32 then
fail with "No management review recorded". (Corrective measures are read by the
readiness repository itself: RDY-33..35 are filtered and counted in SQL.)
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable, Sequence
from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession

from certready.readiness.facts import ReviewFacts

ReviewProvider = Callable[[AsyncSession, uuid.UUID, date], Awaitable[Sequence[ReviewFacts]]]

_REVIEW_PROVIDERS: list[ReviewProvider] = []


def register_review_provider(provider: ReviewProvider) -> None:
    """Called once by the management-reviews package (idempotent)."""
    if provider not in _REVIEW_PROVIDERS:
        _REVIEW_PROVIDERS.append(provider)


async def load_reviews(
    session: AsyncSession, org_id: uuid.UUID, today: date
) -> list[ReviewFacts] | None:
    if not _REVIEW_PROVIDERS:
        return None
    out: list[ReviewFacts] = []
    for provider in _REVIEW_PROVIDERS:
        out.extend(await provider(session, org_id, today))
    return out
