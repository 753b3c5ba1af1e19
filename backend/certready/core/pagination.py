"""Cursor pagination shared by every list: ``{items, next_cursor, total}``.

Keyset pagination over the statement's ordering columns; the cursor is an
opaque URL-safe token that encodes the last row's sort key. ``limit`` is
1..500 and anything else is a 422, never clamped.
"""

from __future__ import annotations

import base64
import json
import uuid
from collections.abc import Sequence
from datetime import date, datetime
from typing import Annotated, Any, Generic, TypeVar

from fastapi import Depends, Query
from pydantic import BaseModel
from sqlalchemy import and_, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

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


def _decode_value(value: Any) -> Any:
    if isinstance(value, dict):
        kind, raw = value.get("t"), str(value.get("v"))
        if kind == "dt":
            return datetime.fromisoformat(raw)
        if kind == "d":
            return date.fromisoformat(raw)
        if kind == "u":
            return uuid.UUID(raw)
        raise ValueError("unknown cursor value")
    return value


def encode_cursor(values: Sequence[Any]) -> str:
    raw = json.dumps([_encode_value(v) for v in values], separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(cursor: str, width: int) -> list[Any]:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        values = json.loads(base64.urlsafe_b64decode(padded.encode()))
        if not isinstance(values, list) or len(values) != width:
            raise ValueError("bad width")
        return [_decode_value(v) for v in values]
    except (ValueError, TypeError, json.JSONDecodeError) as exc:
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
        values = decode_cursor(params.cursor, len(keys))
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
