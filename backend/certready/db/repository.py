"""Repositories own all SQL; ``OrgScopedRepository.base_statement()`` is the
only place that filters domain rows by organisation (SECURITY.md API1).

Concurrency (one mechanism for every write): in a write session, loading the object a
request changes (``get_or_404``, ``lock``) locks its row on PostgreSQL, so the If-Match
check and the workflow check see the committed state and exactly one of N concurrent
writers wins (SQLite's write transactions are serial already, ``BEGIN IMMEDIATE``). Every
versioned table is also mapped with a version counter (``db.base.Versioned``): an UPDATE
from a stale read matches no row and fails instead of overwriting.
"""

from __future__ import annotations

import uuid
from typing import Any, ClassVar, Generic, TypeVar

from sqlalchemy import ColumnElement, Delete, Update, and_
from sqlalchemy import delete as sa_delete
from sqlalchemy import update as sa_update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import SQLModel, col, select
from sqlmodel.sql.expression import SelectOfScalar

from certready.core.problems import NotFound
from certready.db.session import is_write_session
from certready.orgs.models import Organisation, OrgCounter

M = TypeVar("M", bound=SQLModel)


def of_org(entity: Any, org: Any) -> ColumnElement[bool]:
    """``entity.org_id = org``: the one place an organisation filter is written.

    ``entity`` is a model or an alias of one; ``org`` an id or a bound parameter (the
    readiness statements are built once with ``:org_id``). Nothing else in the code base
    compares ``org_id`` (the architecture test checks it).
    """
    clause: ColumnElement[bool] = col(entity.org_id) == org
    return clause


class OrgScopedRepository(Generic[M]):
    """All SQL of one domain for one organisation (SECURITY.md API1).

    Queries start from ``base_statement()``, or filter every org-owned table they read
    with ``self.of_org(...)``; ``self.update``/``self.delete`` are pre-filtered.
    """

    model: ClassVar[type[Any]]

    def __init__(self, session: AsyncSession, org_id: uuid.UUID) -> None:
        self.session = session
        self.org_id = org_id

    def base_statement(self) -> SelectOfScalar[M]:
        return select(self.model).where(of_org(self.model, self.org_id))

    def of_org(self, *entities: Any) -> ColumnElement[bool]:
        """Each entity (model or alias) belongs to this repository's organisation."""
        return and_(*(of_org(e, self.org_id) for e in entities))

    def update(self, model: Any) -> Update:
        """``UPDATE model ... WHERE org_id = :org`` (add the other criteria)."""
        return sa_update(model).where(of_org(model, self.org_id))

    def delete(self, model: Any) -> Delete:
        """``DELETE FROM model WHERE org_id = :org`` (add the other criteria)."""
        return sa_delete(model).where(of_org(model, self.org_id))

    async def get(self, id_: uuid.UUID) -> M | None:
        stmt = self.base_statement().where(col(self.model.id) == id_)
        return (await self.session.execute(stmt)).scalars().first()

    def for_change(self, stmt: SelectOfScalar[M]) -> SelectOfScalar[M]:
        """Lock the selected rows when the session writes (PostgreSQL ``FOR UPDATE``)."""
        return stmt.with_for_update() if is_write_session(self.session) else stmt

    async def lock_organisation(self) -> None:
        """Serialise writers of the organisation (creating a per-organisation singleton row)."""
        if is_write_session(self.session):
            stmt = select(Organisation.id).where(col(Organisation.id) == self.org_id)
            await self.session.execute(stmt.with_for_update())

    async def get_or_404(self, id_: uuid.UUID) -> M:
        """The object a request addresses: locked in a write request, the same 404 otherwise."""
        stmt = self.for_change(self.base_statement().where(col(self.model.id) == id_))
        obj = (await self.session.execute(stmt)).scalars().first()
        if obj is None:
            raise NotFound()
        return obj

    def add(self, obj: M) -> M:
        if obj.org_id != self.org_id:  # type: ignore[attr-defined]
            raise ValueError("object belongs to another organisation")
        self.session.add(obj)
        return obj


async def next_number(session: AsyncSession, org_id: uuid.UUID, name: str) -> int:
    """Next value of a per-organisation counter (human keys such as F-12).

    One atomic ``UPDATE ... RETURNING`` so two writers never get the same number.
    """
    stmt = (
        sa_update(OrgCounter)
        .where(of_org(OrgCounter, org_id), col(OrgCounter.name) == name)
        .values(value=OrgCounter.value + 1)
        .returning(col(OrgCounter.value))
    )
    value = (await session.execute(stmt)).scalar_one_or_none()
    if value is None:
        session.add(OrgCounter(org_id=org_id, name=name, value=1))
        await session.flush()
        return 1
    return int(value)
