"""Shared table building blocks: naming convention, UTC timestamps, ids."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import DateTime, Dialect
from sqlalchemy.orm import declared_attr
from sqlalchemy.types import TypeDecorator
from sqlmodel import Field, SQLModel

from certready.core.clock import utcnow

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
SQLModel.metadata.naming_convention = NAMING_CONVENTION
metadata = SQLModel.metadata


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC on every database (SQLite stores naive values)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def utc_field(**kwargs: Any) -> Any:
    return Field(sa_type=UTCDateTime, **kwargs)


def new_id() -> uuid.UUID:
    return uuid.uuid4()


class IdMixin(SQLModel):
    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)


class TimestampMixin(SQLModel):
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)


def version_mapper_args(column: str) -> Any:
    """Mapper arguments for optimistic concurrency on ``column`` (SQLAlchemy's version counter).

    Every ORM UPDATE or DELETE of the row then ends in ``AND <column> = <value loaded>``:
    a writer that read a stale row matches nothing and fails, whatever path it took. The
    services bump the counter themselves (``version_id_generator=False``), so an update that
    changes nothing visible keeps the ETag.
    """

    @declared_attr.directive
    def __mapper_args__(cls: Any) -> dict[str, Any]:
        return {"version_id_col": cls.__table__.c[column], "version_id_generator": False}

    return __mapper_args__


class Versioned(SQLModel):
    """The ETag counter of a row clients change with ``If-Match`` (``version_mapper_args``)."""

    version: int = 1
    __mapper_args__ = version_mapper_args("version")


def columns(obj: Any) -> dict[str, Any]:
    """A table row's values as read (``model_dump`` warns on enum columns loaded as text)."""
    return {name: getattr(obj, name) for name in type(obj).model_fields}
