from __future__ import annotations

import uuid

from sqlalchemy import delete
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col, select

from certready.db.repository import of_org
from certready.orgs.models import Membership
from certready.sso.models import OidcIdentity, OrgSso, SsoDomain


class SsoRepository:
    """An organisation's SSO rows, and the two lookups by domain that have to read every
    organisation's (which organisation claims an address; is a domain taken)."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def org_settings(self, org_id: uuid.UUID) -> tuple[OrgSso | None, list[str]]:
        config = await self.session.get(OrgSso, org_id)
        stmt = select(SsoDomain.domain).where(of_org(SsoDomain, org_id))
        rows = await self.session.execute(stmt.order_by(col(SsoDomain.domain)))
        return config, list(rows.scalars())

    async def domain_owners(self, domains: list[str]) -> dict[str, uuid.UUID]:
        stmt = select(SsoDomain.domain, SsoDomain.org_id)  # all organisations: taken domains
        rows = await self.session.execute(stmt.where(col(SsoDomain.domain).in_(domains)))
        return {d: o for d, o in rows.all()}

    async def replace_domains(self, org_id: uuid.UUID, domains: list[str]) -> None:
        await self.session.execute(delete(SsoDomain).where(of_org(SsoDomain, org_id)))
        self.session.add_all(SsoDomain(domain=d, org_id=org_id) for d in domains)

    async def for_domain(self, domain: str) -> OrgSso | None:
        """The SSO settings of the organisation that claims ``domain`` (one statement)."""
        stmt = select(OrgSso).join(  # all organisations: who claims the address
            SsoDomain,
            col(SsoDomain.org_id) == OrgSso.org_id,  # all organisations: the same row's
        )
        row = await self.session.execute(stmt.where(col(SsoDomain.domain) == domain))
        return row.scalars().first()

    async def identity(self, provider_id: str, subject: str) -> OidcIdentity | None:
        row = await self.session.execute(
            select(OidcIdentity).where(
                col(OidcIdentity.provider_id) == provider_id,
                col(OidcIdentity.subject) == subject,
            )
        )
        return row.scalars().first()

    async def is_member(self, org_id: uuid.UUID, user_id: uuid.UUID) -> bool:
        stmt = select(Membership.id).where(of_org(Membership, org_id))
        row = await self.session.execute(stmt.where(col(Membership.user_id) == user_id))
        return row.first() is not None

    async def orgs_of(self, user_id: uuid.UUID) -> list[uuid.UUID]:
        stmt = select(Membership.org_id)  # all organisations: the person's own memberships
        rows = await self.session.execute(stmt.where(col(Membership.user_id) == user_id))
        return list(rows.scalars())
