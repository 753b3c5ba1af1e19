"""Responses built by hand: verified downloads (attachment, sandboxed, ranges, ETag =
SHA-256) and create/upload outcomes (possibly replayed for an Idempotency-Key)."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator

import anyio
from fastapi import Response
from fastapi.responses import JSONResponse, StreamingResponse
from starlette.background import BackgroundTask

from certready.core.problems import RangeNotSatisfiable, problem_response
from certready.evidence.idempotency import REPLAYED_HEADER
from certready.evidence.ranges import parse_range
from certready.evidence.service import Download, Outcome
from certready.evidence.storage import PIECE
from certready.evidence.uploads import content_disposition

DOWNLOAD_CSP = "sandbox; default-src 'none'"


async def _pieces(download: Download, start: int, end: int) -> AsyncIterator[bytes]:
    try:
        offset = start
        while offset <= end:
            length = min(PIECE, end - offset + 1)
            chunk = await anyio.to_thread.run_sync(os.pread, download.fd, length, offset)
            if not chunk:
                break
            offset += len(chunk)
            yield chunk
    finally:
        download.close()


def file_response(
    download: Download,
    range_header: str | None,
    if_range: str | None,
    if_none_match: str | None,
) -> Response:
    etag = f'"{download.sha256}"'
    headers = {
        "Content-Disposition": content_disposition(download.filename),
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": DOWNLOAD_CSP,
        "ETag": etag,
        "Accept-Ranges": "bytes",
    }
    if if_none_match and etag in [t.strip().removeprefix("W/") for t in if_none_match.split(",")]:
        download.close()
        return Response(status_code=304, headers=headers)
    wanted = parse_range(range_header, download.size)
    if if_range is not None and if_range.strip() != etag:
        wanted = None  # the client's copy is another file: send it whole
    if wanted is False:
        download.close()
        response = problem_response(RangeNotSatisfiable(download.size))
        response.headers.update({k: v for k, v in headers.items() if k != "Content-Disposition"})
        response.headers["Content-Range"] = f"bytes */{download.size}"
        return response
    status = 200
    start, end = 0, download.size - 1
    if isinstance(wanted, tuple):
        start, end = wanted
        status = 206
        headers["Content-Range"] = f"bytes {start}-{end}/{download.size}"
    headers["Content-Length"] = str(end - start + 1)
    return StreamingResponse(
        _pieces(download, start, end),
        status_code=status,
        media_type=download.media_type,
        headers=headers,
        # closes the file even when the client leaves before the first byte
        background=BackgroundTask(download.close),
    )


def outcome_response(outcome: Outcome) -> JSONResponse:
    """The create/upload result; a replay carries ``Idempotent-Replayed: true``."""
    headers = {REPLAYED_HEADER: "true"} if outcome.replayed else None
    return JSONResponse(outcome.body, status_code=outcome.status, headers=headers)
