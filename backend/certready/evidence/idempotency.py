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
from sqlalchemy import delete, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col, select

from certready.core.clock import utcnow
from certready.core.problems import Conflict, ProblemException, Unprocessable
from certready.db.session import Database
from certready.evidence.enums import IdempotencyStatus
from certready.evidence.models import IdempotencyKey
from certready.evidence.storage import owner_is_dead

KEY_RE = re.compile(r"^[\x21-\x7e]{1,255}$")
# A reservation whose heartbeat is older than this belongs to a request that died.
LEASE = timedelta(seconds=120)
HEARTBEAT_SECONDS = 20.0
REPLAYED_HEADER = "Idempotent-Replayed"


class KeyInFlight(Conflict):
    slug, title = "idempotency-key-in-flight", "Request in flight"

    def __init__(self) -> None:
        super().__init__(
            "A request with this Idempotency-Key is still being processed. Retry shortly.",
            headers={"Retry-After": "2"},
        )


class KeyReused(Unprocessable):
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
    fingerprint: str | None
    status: int
    body: dict[str, Any]


@dataclass
class Reservation:
    """The caller's hold on a key (``row_id``), or the completed result to replay."""

    key: str | None
    owner: str
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
        return Reservation(key=None, owner=owner)
    if not KEY_RE.match(key):
        raise Unprocessable(
            "Idempotency-Key must be 1-255 visible ASCII characters.",
            loc=["header", "idempotency-key"],
        )
    scope = (
        col(IdempotencyKey.org_id) == org_id,
        col(IdempotencyKey.principal_id) == principal_id,
        col(IdempotencyKey.endpoint) == endpoint,
        col(IdempotencyKey.key) == key,
    )
    for _ in range(3):
        now = utcnow()
        row_id = uuid.uuid4()
        try:
            async with db.transaction() as session:
                session.add(
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
            return Reservation(key=key, owner=owner, row_id=row_id, _last_beat=anyio.current_time())
        except IntegrityError:
            pass
        async with db.transaction() as session:
            row = (await session.execute(select(IdempotencyKey).where(*scope))).scalars().first()
            if row is None:
                continue  # released in between: try the insert again
            if row.status == IdempotencyStatus.complete:
                return Reservation(
                    key=key,
                    owner=owner,
                    replay=Replay(
                        row.fingerprint, row.response_status or 200, row.response_body or {}
                    ),
                )
            stale = row.heartbeat_at < now - LEASE or owner_is_dead(row.owner, process)
            if not stale:
                raise KeyInFlight()
            taken = await session.execute(
                update(IdempotencyKey)
                .where(
                    col(IdempotencyKey.id) == row.id,
                    col(IdempotencyKey.owner) == row.owner,
                    col(IdempotencyKey.status) == IdempotencyStatus.in_flight,
                )
                .values(owner=owner, heartbeat_at=now)
            )
            if taken.rowcount == 1:  # type: ignore[attr-defined]
                return Reservation(
                    key=key, owner=owner, row_id=row.id, _last_beat=anyio.current_time()
                )
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
        await session.execute(
            update(IdempotencyKey)
            .where(
                col(IdempotencyKey.id) == reservation.row_id,
                col(IdempotencyKey.owner) == reservation.owner,
            )
            .values(heartbeat_at=utcnow())
        )


async def complete(
    session: AsyncSession, reservation: Reservation, fp: str, status: int, body: dict[str, Any]
) -> None:
    """Mark the key done in the request's transaction (with the rows it created)."""
    if reservation.row_id is None:
        return
    result = await session.execute(
        update(IdempotencyKey)
        .where(
            col(IdempotencyKey.id) == reservation.row_id,
            col(IdempotencyKey.owner) == reservation.owner,
            col(IdempotencyKey.status) == IdempotencyStatus.in_flight,
        )
        .values(
            status=IdempotencyStatus.complete,
            fingerprint=fp,
            response_status=status,
            response_body=body,
            completed_at=utcnow(),
        )
    )
    if result.rowcount != 1:  # type: ignore[attr-defined]
        # another request took the reservation over (our lease ran out): it wins
        raise KeyInFlight()


async def release(db: Database, reservation: Reservation) -> None:
    """Delete our in-flight reservation after a failure, so a retry can proceed."""
    if reservation.row_id is None:
        return
    row_id, reservation.row_id = reservation.row_id, None
    with anyio.CancelScope(shield=True):
        async with db.transaction() as session:
            await session.execute(
                delete(IdempotencyKey).where(
                    col(IdempotencyKey.id) == row_id,
                    col(IdempotencyKey.owner) == reservation.owner,
                    col(IdempotencyKey.status) == IdempotencyStatus.in_flight,
                )
            )


async def release_dead_owners(db: Database, me: str) -> int:
    """Start-up: free reservations held by processes of this host that died."""
    async with db.transaction() as session:
        rows = (
            await session.execute(
                select(IdempotencyKey.id, IdempotencyKey.owner).where(
                    col(IdempotencyKey.status) == IdempotencyStatus.in_flight
                )
            )
        ).all()
        dead = [row_id for row_id, owner in rows if owner_is_dead(owner, me)]
        if dead:
            await session.execute(
                delete(IdempotencyKey).where(
                    col(IdempotencyKey.id).in_(dead),
                    col(IdempotencyKey.status) == IdempotencyStatus.in_flight,
                )
            )
    return len(dead)


def is_client_error(exc: BaseException) -> bool:
    return isinstance(exc, ProblemException) and 400 <= exc.status < 500
