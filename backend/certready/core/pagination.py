"""Cursor pagination shared by every list: ``{items, next_cursor, total}``.

Keyset pagination over the statement's ordering columns; the cursor is an
opaque URL-safe token that encodes the last row's sort key. ``limit`` is
1..500 and anything else is a 422, never clamped.
"""

from __future__ import annotations

import base64
import binascii
import json
import uuid
from collections.abc import Sequence
from datetime import date, datetime
from typing import Annotated, Any, Generic, TypeVar

from fastapi import Depends, Query
from pydantic import BaseModel
from sqlalchemy import and_, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql import sqltypes
from sqlalchemy.types import TypeDecorator, TypeEngine

from certready.core.problems import Unprocessable

MAX_LIMIT = 500
DEFAULT_LIMIT = 50

ItemT = TypeVar("ItemT", bound=BaseModel)


class PageParams(BaseModel):
    limit: int = DEFAULT_LIMIT
    cursor: str | None = None


def page_params(
    limit: Annotated[
        int, Query(ge=1, le=MAX_LIMIT, description="Page size, 1..500.")
    ] = DEFAULT_LIMIT,
    cursor: Annotated[
        str | None, Query(max_length=512, description="Opaque cursor from `next_cursor`.")
    ] = None,
) -> PageParams:
    return PageParams(limit=limit, cursor=cursor)


PageDep = Annotated[PageParams, Depends(page_params)]


class Page(BaseModel, Generic[ItemT]):
    items: list[ItemT]
    next_cursor: str | None
    total: int


def _encode_value(value: Any) -> Any:
    if isinstance(value, datetime):
        return {"t": "dt", "v": value.isoformat()}
    if isinstance(value, date):
        return {"t": "d", "v": value.isoformat()}
    if isinstance(value, uuid.UUID):
        return {"t": "u", "v": str(value)}
    if hasattr(value, "value") and isinstance(value.value, str):  # enums
        return value.value
    return value


class _InvalidCursor(ValueError):
    pass


class UnsupportedKey(Exception):
    """A list keyed by a column type the cursor cannot carry: a programming error."""


# The widest integer each column type stores on both databases (PostgreSQL's sizes).
_INT_BOUNDS: list[tuple[type[sqltypes.Integer], int]] = [
    (sqltypes.SmallInteger, 2**15 - 1),
    (sqltypes.BigInteger, 2**63 - 1),
    (sqltypes.Integer, 2**31 - 1),
]
_TAGGED_MAX = 64  # longest ISO datetime / UUID text a cursor may carry


def _column_type(key: Any) -> TypeEngine[Any]:
    column_type: TypeEngine[Any] = getattr(key, "type", None) or key.expression.type
    while isinstance(column_type, TypeDecorator):
        column_type = column_type.impl_instance
    return column_type


def _tagged(value: Any, tag: str) -> str:
    if (
        not isinstance(value, dict)
        or set(value) != {"t", "v"}
        or value["t"] != tag
        or not isinstance(value["v"], str)
        or len(value["v"]) > _TAGGED_MAX
    ):
        raise _InvalidCursor(f"expected a {tag} value")
    raw: str = value["v"]
    return raw


def _decode_value(value: Any, key: Any) -> Any:
    """One cursor value, checked against the key column's type (never trusted as is).

    A forged cursor must be a 422, never a database error: no null, no nested
    containers, integers within the column's range, strings within its length.
    """
    column_type = _column_type(key)
    if isinstance(column_type, sqltypes.Boolean):
        if not isinstance(value, bool):
            raise _InvalidCursor("expected a boolean")
        return value
    if isinstance(column_type, sqltypes.Integer):
        if not isinstance(value, int) or isinstance(value, bool):
            raise _InvalidCursor("expected an integer")
        bound = next(b for cls, b in _INT_BOUNDS if isinstance(column_type, cls))
        if not -bound - 1 <= value <= bound:
            raise _InvalidCursor("integer out of range")
        return value
    if isinstance(column_type, sqltypes.DateTime):
        parsed = datetime.fromisoformat(_tagged(value, "dt"))
        if (parsed.tzinfo is None) == bool(column_type.timezone):
            raise _InvalidCursor("datetime with the wrong time zone form")
        return parsed
    if isinstance(column_type, sqltypes.Date):
        return date.fromisoformat(_tagged(value, "d"))
    if isinstance(column_type, sqltypes.Uuid):
        return uuid.UUID(_tagged(value, "u"))
    if isinstance(column_type, sqltypes.String):
        if not isinstance(value, str):
            raise _InvalidCursor("expected a string")
        length = column_type.length
        if (length is not None and len(value) > length) or any(ord(c) < 32 for c in value):
            raise _InvalidCursor("string not storable in the column")
        if isinstance(column_type, sqltypes.Enum) and value not in column_type.enums:
            raise _InvalidCursor("unknown enum value")
        return value
    raise UnsupportedKey(f"paginate() cannot key on a {column_type!r} column")


def encode_cursor(values: Sequence[Any]) -> str:
    raw = json.dumps([_encode_value(v) for v in values], separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(cursor: str, keys: Sequence[Any]) -> list[Any]:
    """The cursor's values for ``keys``, or a 422 when it was not made for this list."""
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        values = json.loads(base64.b64decode(padded.encode(), altchars=b"-_", validate=True))
        if not isinstance(values, list) or len(values) != len(keys):
            raise _InvalidCursor("bad width")
        return [_decode_value(v, k) for v, k in zip(values, keys, strict=True)]
    except (ValueError, TypeError, RecursionError, binascii.Error) as exc:
        raise Unprocessable(
            "The cursor is not valid for this list.", loc=["query", "cursor"]
        ) from exc


def _after(keys: Sequence[Any], values: Sequence[Any], desc: bool) -> Any:
    # (k1, k2, ...) > (v1, v2, ...) expanded so it works on every database
    clauses = []
    for i, key in enumerate(keys):
        equal = [keys[j] == values[j] for j in range(i)]
        cmp = key < values[i] if desc else key > values[i]
        clauses.append(and_(*equal, cmp))
    return or_(*clauses)


async def paginate(
    session: AsyncSession,
    stmt: Any,  # a SQLAlchemy or SQLModel Select of entities or rows
    *,
    keys: Sequence[Any],
    params: PageParams,
    descending: bool = False,
    with_total: bool = True,
    rows_as_tuples: bool = False,
) -> tuple[list[Any], str | None, int]:
    """Run one page of ``stmt`` ordered by ``keys`` (unique together): two statements.

    ``keys`` are read back from each row by attribute name; with ``rows_as_tuples``
    the rows are tuples and each key is looked up in the tuple's entities in order.
    """
    total = 0
    if with_total:
        count_stmt = select(func.count()).select_from(stmt.order_by(None).subquery())
        total = int((await session.execute(count_stmt)).scalar_one())
    page_stmt = stmt
    if params.cursor:
        values = decode_cursor(params.cursor, keys)
        page_stmt = page_stmt.where(_after(keys, values, descending))
    order = [k.desc() if descending else k.asc() for k in keys]
    page_stmt = page_stmt.order_by(None).order_by(*order).limit(params.limit + 1)
    result = await session.execute(page_stmt)
    rows: list[Any] = list(result.all()) if rows_as_tuples else list(result.scalars().all())
    next_cursor = None
    if len(rows) > params.limit:
        rows = rows[: params.limit]
        next_cursor = encode_cursor([_key_value(rows[-1], k, rows_as_tuples) for k in keys])
    return rows, next_cursor, total


def _key_value(row: Any, key: Any, is_tuple: bool) -> Any:
    if not is_tuple:
        return getattr(row, key.key)
    owner = key.class_
    for entity in row:
        if isinstance(entity, owner):
            return getattr(entity, key.key)
    raise LookupError(f"{key} not found in row")
