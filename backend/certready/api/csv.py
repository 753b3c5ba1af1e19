"""CSV of every list endpoint: ``?format=csv`` or ``Accept: text/csv`` (issue 16).

One mechanism for all lists: a route takes ``ListFormatDep`` and hands its page function to
``list_or_csv``. As JSON that is the usual page; as CSV every page from the request's cursor
to the end is read (500 items per statement group, the list's own service and filters)
and written as RFC 4180 (CRLF, quotes doubled), UTF-8 with a BOM, ISO-8601 dates and
neutralised formulas. The file is spooled (memory holds one page; beyond 1 MiB it is on
disk) because the request's session ends before a response body is sent; the spooled file
is then streamed.
"""

from __future__ import annotations

import csv
import io
import re
import tempfile
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import IO, Annotated, Any, Literal, TypeVar, get_args

from fastapi import Depends, Query, Request
from fastapi.responses import StreamingResponse
from pydantic import BaseModel

from certready.core.pagination import MAX_LIMIT, Page, PageParams
from certready.exports.neutralise import cell_text
from certready.exports.table import columns, row

CSV_MEDIA_TYPE = "text/csv; charset=utf-8"
CSV_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {
        "content": {"text/csv": {"schema": {"type": "string"}}},
        "description": "The list as JSON, or with `format=csv` / `Accept: text/csv` every "
        "page as RFC 4180 CSV (UTF-8 with BOM, ISO-8601 dates, formulas neutralised).",
    }
}
SPOOL_BYTES = 1024 * 1024
CHUNK = 64 * 1024
_SAFE_NAME = re.compile(r"[^a-z0-9-]+")

PageT = TypeVar("PageT", bound=Page[Any])
Fetch = Callable[[PageParams], Awaitable[tuple[list[Any], str | None, int]]]


class ListFormat(BaseModel):
    csv: bool
    name: str


def list_format(
    request: Request,
    format: Annotated[
        Literal["json", "csv"] | None,
        Query(description="`csv`: every page as CSV (same as `Accept: text/csv`)."),
    ] = None,
) -> ListFormat:
    """JSON unless ``format=csv`` or an ``Accept`` that names ``text/csv`` (not ``*/*``)."""
    wants = format == "csv" if format else "text/csv" in request.headers.get("accept", "")
    parts = [p for p in request.url.path.split("/") if p]
    org = request.path_params.get("org", "")
    stem = "-".join(p for p in parts[parts.index(org) + 1 :] if p) if org in parts else parts[-1]
    name = _SAFE_NAME.sub("-", f"{org}-{stem}".lower()).strip("-") or "export"
    return ListFormat(csv=wants, name=name)


ListFormatDep = Annotated[ListFormat, Depends(list_format)]


def _item_model(page_model: type[Page[Any]]) -> type[BaseModel]:
    (item,) = get_args(page_model.model_fields["items"].annotation)
    model: type[BaseModel] = item
    return model


async def write_csv(fetch: Fetch, model: type[BaseModel], start: PageParams, out: IO[str]) -> int:
    """Every page from ``start`` as CSV rows into ``out``; the number of items written."""
    writer = csv.writer(out, lineterminator="\r\n")
    names = columns(model)
    writer.writerow(names)
    params, written = PageParams(limit=MAX_LIMIT, cursor=start.cursor), 0
    while True:
        items, next_cursor, _ = await fetch(params)
        for item in items:
            writer.writerow([cell_text(c) for c in row(item, names)])
        written += len(items)
        if next_cursor is None:
            return written
        params = PageParams(limit=MAX_LIMIT, cursor=next_cursor)


def _converted(fetch: Fetch, item: Callable[[Any], BaseModel]) -> Fetch:
    async def converted(params: PageParams) -> tuple[list[Any], str | None, int]:
        rows, next_cursor, total = await fetch(params)
        return [item(r) for r in rows], next_cursor, total

    return converted


async def _chunks(spool: IO[bytes]) -> AsyncIterator[bytes]:
    try:
        while chunk := spool.read(CHUNK):
            yield chunk
    finally:
        spool.close()


async def list_or_csv(
    fmt: ListFormat,
    page: PageParams,
    fetch: Fetch,
    page_model: type[PageT],
    item: Callable[[Any], BaseModel] | None = None,
) -> PageT | StreamingResponse:
    """The page as ``page_model``, or every page as a CSV download.

    ``item`` turns what ``fetch`` returns (ORM rows) into the page's item model."""
    if item is not None:
        fetch = _converted(fetch, item)
    if not fmt.csv:
        items, next_cursor, total = await fetch(page)
        return page_model(items=items, next_cursor=next_cursor, total=total)
    spool = tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES, mode="w+b")  # noqa: SIM115
    text = io.TextIOWrapper(spool, encoding="utf-8-sig", newline="")  # the BOM first
    await write_csv(fetch, _item_model(page_model), page, text)
    text.flush()
    text.detach()
    spool.seek(0)
    return StreamingResponse(
        _chunks(spool),
        media_type=CSV_MEDIA_TYPE,
        headers={"Content-Disposition": f'attachment; filename="{fmt.name}.csv"'},
    )
