"""SQL of the second factor: one person's TOTP factor and recovery codes (not org-owned)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import CursorResult, Exists, delete, func, or_, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col, select

from certready.auth.models import User
from certready.db.repository import of_org
from certready.mfa.models import RecoveryCode, TotpFactor
from certready.orgs.models import Membership, Organisation


class MfaRepository:
    def __init__(self, session: AsyncSession, user_id: uuid.UUID) -> None:
        self.session = session
        self.user_id = user_id

    async def factor(self, lock: bool = False) -> TotpFactor | None:
        stmt = select(TotpFactor).where(col(TotpFactor.user_id) == self.user_id)
        if lock:
            stmt = stmt.with_for_update()
        return (await self.session.execute(stmt)).scalars().first()

    async def claim_counter(self, counter: int) -> bool:
        """Record ``counter`` as the last accepted step, atomically: a concurrent or later
        use of the same (or an older) code finds nothing to update."""
        result = await self.session.execute(
            update(TotpFactor)
            .where(
                col(TotpFactor.user_id) == self.user_id,
                col(TotpFactor.confirmed_at).is_not(None),
                or_(col(TotpFactor.last_counter).is_(None), col(TotpFactor.last_counter) < counter),
            )
            .values(last_counter=counter)
        )
        return _rowcount(result) == 1

    async def replace_recovery_codes(self, hashes: Sequence[str], now: datetime) -> None:
        await self.session.execute(
            delete(RecoveryCode).where(col(RecoveryCode.user_id) == self.user_id)
        )
        self.session.add_all(
            RecoveryCode(user_id=self.user_id, code_hash=h, created_at=now) for h in hashes
        )
        await self.session.flush()

    async def use_recovery_code(self, code_hash: str, now: datetime) -> bool:
        """Spend one unused code, atomically (single use even under concurrency)."""
        result = await self.session.execute(
            update(RecoveryCode)
            .where(
                col(RecoveryCode.user_id) == self.user_id,
                col(RecoveryCode.code_hash) == code_hash,
                col(RecoveryCode.used_at).is_(None),
            )
            .values(used_at=now)
        )
        return _rowcount(result) == 1

    async def recovery_codes_left(self) -> int:
        stmt = select(func.count(col(RecoveryCode.id))).where(
            col(RecoveryCode.user_id) == self.user_id, col(RecoveryCode.used_at).is_(None)
        )
        return int((await self.session.execute(stmt)).scalar_one())

    async def remove(self) -> bool:
        """Delete the factor and every recovery code; whether there was a factor."""
        await self.session.execute(
            delete(RecoveryCode).where(col(RecoveryCode.user_id) == self.user_id)
        )
        result = await self.session.execute(
            delete(TotpFactor).where(col(TotpFactor.user_id) == self.user_id)
        )
        return _rowcount(result) == 1

    async def requiring_orgs(self) -> list[str]:
        """Slugs of the person's organisations that require a second factor."""
        stmt = (
            select(Organisation.slug)
            .join(Membership, of_org(Membership, Organisation.id))
            .where(col(Membership.user_id) == self.user_id, col(Organisation.require_mfa))
            .order_by(Organisation.slug)
        )
        return list((await self.session.execute(stmt)).scalars().all())

    async def org_ids(self) -> list[uuid.UUID]:
        """Every organisation the person belongs to (their security events go to each)."""
        stmt = select(Membership.org_id).where(  # all organisations: the person's own
            col(Membership.user_id) == self.user_id
        )
        return list((await self.session.execute(stmt)).scalars().all())

    async def sign_in_state(self) -> tuple[bool, bool]:
        """(has a confirmed factor, an organisation of theirs requires one): one statement."""
        confirmed = (
            select(TotpFactor.user_id)
            .where(
                col(TotpFactor.user_id) == self.user_id, col(TotpFactor.confirmed_at).is_not(None)
            )
            .exists()
        )
        required = (
            select(Organisation.id)
            .join(Membership, of_org(Membership, Organisation.id))
            .where(col(Membership.user_id) == self.user_id, col(Organisation.require_mfa))
            .exists()
        )
        row = (await self.session.execute(select(confirmed, required))).one()
        return bool(row[0]), bool(row[1])


def confirmed_factor() -> Exists:
    """Whether the row's user (``User.id``) has a confirmed factor: a correlated EXISTS."""
    return (
        select(TotpFactor.user_id)
        .where(col(TotpFactor.user_id) == User.id, col(TotpFactor.confirmed_at).is_not(None))
        .exists()
    )


def _rowcount(result: object) -> int:
    return int(result.rowcount) if isinstance(result, CursorResult) else 0
