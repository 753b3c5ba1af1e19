"""``Idempotency-Key`` for uploads and creates (SECURITY.md 2.2, IETF httpapi draft).

1. Before the body is read, the key is reserved by inserting an ``in_flight`` row in
   its own short committed transaction; the unique constraint (org, credential,
   endpoint, key) makes two concurrent requests with one key race on the insert.
2. The loser finds the row: ``in_flight`` -> 409 (unless its owner is dead or its
   heartbeat lease ran out: then it takes the reservation over); ``complete`` -> it
   must compare fingerprints, which for uploads include the file's SHA-256 and so
   are only known after the body has streamed: same -> the stored response again
   (``Idempotent-Replayed: true``), different -> 422. Nothing is stored either way.
3. The winner writes its rows and marks the reservation ``complete`` with the
   fingerprint and the response in the *same* transaction as the rows, so a
   committed version always has a completed reservation and vice versa.
4. On any failure the reservation is deleted again, so the client can retry.

Rows are kept (at least 24 h is what clients may rely on); nothing purges them yet.
"""

from __future__ import annotations

import hashlib
import json
import re
import uuid
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import anyio
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from certready.core.clock import utcnow
from certready.core.problems import Conflict, ProblemException, Unprocessable
from certready.db.session import Database
from certready.evidence.enums import IdempotencyStatus
from certready.evidence.models import IdempotencyKey
from certready.evidence.repository import (
    IdempotencyRepository,
    delete_in_flight,
    in_flight_reservations,
)
from certready.evidence.storage import owner_is_dead

KEY_RE = re.compile(r"^[\x21-\x7e]{1,255}$")
# A reservation whose heartbeat is older than this belongs to a request that died.
LEASE = timedelta(seconds=120)
HEARTBEAT_SECONDS = 20.0
REPLAYED_HEADER = "Idempotent-Replayed"


class KeyInFlight(Conflict):
    """409: another request holds the key; retry after ``Retry-After``."""

    slug, title = "idempotency-key-in-flight", "Request in flight"

    def __init__(self) -> None:
        super().__init__(
            "A request with this Idempotency-Key is still being processed. Retry shortly.",
            headers={"Retry-After": "2"},
        )


class KeyReused(Unprocessable):
    """422: the key was completed by a different request (another fingerprint)."""

    def __init__(self) -> None:
        super().__init__(
            "This Idempotency-Key was used for a different request.",
            loc=["header", "idempotency-key"],
        )


def fingerprint(payload: dict[str, Any]) -> str:
    """SHA-256 of canonical JSON (sorted keys, no whitespace, UTF-8)."""
    text = json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()


@dataclass
class Replay:
    """A completed request's response, kept for replays."""

    fingerprint: str | None
    status: int
    body: dict[str, Any]


@dataclass
class Reservation:
    """The caller's hold on a key (``row_id``), or the completed result to replay."""

    key: str | None
    owner: str
    org_id: uuid.UUID
    row_id: uuid.UUID | None = None
    replay: Replay | None = None
    _last_beat: float = 0.0

    @property
    def active(self) -> bool:
        return self.row_id is not None

    def check_replay(self, fp: str) -> Replay | None:
        """The stored response when ``fp`` matches, 422 when it does not."""
        if self.replay is None:
            return None
        if self.replay.fingerprint != fp:
            raise KeyReused()
        return self.replay


async def reserve(
    db: Database,
    *,
    org_id: uuid.UUID,
    principal_id: uuid.UUID,
    endpoint: str,
    key: str | None,
    process: str,
) -> Reservation:
    """Reserve ``key`` for this request; ``process`` is the server's process identity."""
    owner = f"{process}:{uuid.uuid4().hex[:8]}"
    if key is None:
        return Reservation(key=None, owner=owner, org_id=org_id)
    if not KEY_RE.match(key):
        raise Unprocessable(
            "Idempotency-Key must be 1-255 visible ASCII characters.",
            loc=["header", "idempotency-key"],
        )
    for _ in range(3):
        now = utcnow()
        row_id = uuid.uuid4()
        try:
            async with db.transaction() as session:
                IdempotencyRepository(session, org_id).add(
                    IdempotencyKey(
                        id=row_id,
                        org_id=org_id,
                        principal_id=principal_id,
                        endpoint=endpoint,
                        key=key,
                        owner=owner,
                        heartbeat_at=now,
                        created_at=now,
                    )
                )
                await session.flush()
            return Reservation(key, owner, org_id, row_id, _last_beat=anyio.current_time())
        except IntegrityError:
            pass
        async with db.transaction() as session:
            repo = IdempotencyRepository(session, org_id)
            row = await repo.find(principal_id, endpoint, key)
            if row is None:
                continue  # released in between: try the insert again
            if row.status == IdempotencyStatus.complete:
                replay = Replay(
                    row.fingerprint, row.response_status or 200, row.response_body or {}
                )
                return Reservation(key, owner, org_id, replay=replay)
            stale = row.heartbeat_at < now - LEASE or owner_is_dead(row.owner, process)
            if not stale:
                raise KeyInFlight()
            if await repo.take_over(row.id, row.owner, owner, now):
                return Reservation(key, owner, org_id, row.id, _last_beat=anyio.current_time())
    raise KeyInFlight()


async def heartbeat(db: Database, reservation: Reservation) -> None:
    """Keep a long upload's reservation alive (at most every ``HEARTBEAT_SECONDS``)."""
    if reservation.row_id is None:
        return
    now = anyio.current_time()
    if now - reservation._last_beat < HEARTBEAT_SECONDS:
        return
    reservation._last_beat = now
    async with db.transaction() as session:
        repo = IdempotencyRepository(session, reservation.org_id)
        await repo.beat(reservation.row_id, reservation.owner, utcnow())


async def complete(
    session: AsyncSession, reservation: Reservation, fp: str, status: int, body: dict[str, Any]
) -> None:
    """Mark the key done in the request's transaction (with the rows it created)."""
    if reservation.row_id is None:
        return
    done = await IdempotencyRepository(session, reservation.org_id).complete(
        reservation.row_id,
        reservation.owner,
        {
            "fingerprint": fp,
            "response_status": status,
            "response_body": body,
            "completed_at": utcnow(),
        },
    )
    if not done:
        # another request took the reservation over (our lease ran out): it wins
        raise KeyInFlight()


async def release(db: Database, reservation: Reservation) -> None:
    """Delete our in-flight reservation after a failure, so a retry can proceed."""
    if reservation.row_id is None:
        return
    row_id, reservation.row_id = reservation.row_id, None
    with anyio.CancelScope(shield=True):
        async with db.transaction() as session:
            await IdempotencyRepository(session, reservation.org_id).release(
                row_id, reservation.owner
            )


async def release_dead_owners(db: Database, me: str) -> int:
    """Start-up: free reservations held by processes of this host that died."""
    async with db.transaction() as session:
        rows = await in_flight_reservations(session)
        dead = [row_id for row_id, owner in rows if owner_is_dead(owner, me)]
        if dead:
            await delete_in_flight(session, dead)
    return len(dead)


def is_client_error(exc: BaseException) -> bool:
    """A 4xx problem: the client's mistake, not a failure of the upload machinery."""
    return isinstance(exc, ProblemException) and 400 <= exc.status < 500
