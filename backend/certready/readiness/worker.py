"""The daily readiness snapshot: a small asyncio task started in the app lifespan.

On by default (``CERTREADY_WORKER=false`` turns it off); the test settings turn it off,
and tests call ``snapshot_all_orgs`` directly, so no test depends on timing.
Every ``interval`` seconds it snapshots each organisation that has no snapshot for today
(``service.snapshot_all_orgs``), so restarts never create duplicates, and refreshes
SQLite's planner statistics (``Database.refresh_statistics``).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator

from certready.db.session import Database
from certready.readiness.service import snapshot_all_orgs

log = logging.getLogger("certready.readiness.worker")
CHECK_INTERVAL_SECONDS = 3600


async def _loop(db: Database, interval: float) -> None:
    while True:
        try:
            made = await snapshot_all_orgs(db)
            if made:
                log.info("daily readiness snapshots written: %d", made)
            await db.refresh_statistics()  # the data grew: keep SQLite's planner informed
        except Exception:  # the worker must outlive a bad night
            log.exception("daily readiness snapshot run failed")
        await asyncio.sleep(interval)


@contextlib.asynccontextmanager
async def daily_snapshots(
    db: Database, enabled: bool, interval: float = CHECK_INTERVAL_SECONDS
) -> AsyncIterator[None]:
    """Run the worker for the lifetime of the app (cancelled on shutdown)."""
    if not enabled:
        yield
        return
    task = asyncio.create_task(_loop(db, interval), name="readiness-daily-snapshots")
    try:
        yield
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
