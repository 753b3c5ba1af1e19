"""Start-up recovery after a crash: sweep dead temp files, free dead reservations."""

from __future__ import annotations

import logging

import anyio
from sqlalchemy.exc import SQLAlchemyError

from certready.config import Settings
from certready.db.session import Database
from certready.evidence.idempotency import release_dead_owners
from certready.evidence.storage import EvidenceStore, current_process_identity

log = logging.getLogger("certready.evidence")


async def recover_uploads(settings: Settings, db: Database) -> None:
    """An upload cut off by a crash leaves a temp file and an in-flight reservation,
    never a version row: remove the first, release the second so a retry proceeds."""
    store = EvidenceStore(settings.evidence_dir)
    removed = await anyio.to_thread.run_sync(store.sweep_temp)
    try:
        released = await release_dead_owners(db, current_process_identity())
    except SQLAlchemyError as exc:  # a database not migrated yet must not stop the server
        log.warning("could not release upload reservations: %s", exc)
        released = 0
    if removed or released:
        log.warning(
            "upload recovery: %d temp file(s) removed, %d reservation(s) released",
            removed,
            released,
        )
