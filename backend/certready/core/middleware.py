"""Pure ASGI middleware: security headers, the body limit, the request text guard and
the last-resort 500 that keeps the connection alive."""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable, Collection, Sequence
from itertools import accumulate
from typing import Any
from urllib.parse import parse_qsl

from python_multipart.exceptions import MultipartParseError
from python_multipart.multipart import MultipartParser, parse_options_header
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from certready.core.problems import (
    BadRequest,
    PayloadTooLarge,
    ProblemException,
    Unprocessable,
    problem_response,
)
from certready.core.text import CONTROL_MESSAGE, find_control, has_control

log = logging.getLogger("certready.problems")

API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'"
SPA_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
    "base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)
# Swagger UI (served from local files) boots with an inline script and inline styles.
DOCS_CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
    "form-action 'self'"
)


class SecurityHeadersMiddleware:
    """SECURITY.md I8: HSTS, nosniff, CSP, Referrer-Policy, no-store on the API."""

    def __init__(self, app: ASGIApp, docs_paths: Collection[str] = ()) -> None:
        self.app = app
        # exact paths, and none when the docs are off (production)
        self.docs_paths = frozenset(docs_paths)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains"
                headers["X-Content-Type-Options"] = "nosniff"
                headers["Referrer-Policy"] = "no-referrer"
                headers["X-Frame-Options"] = "DENY"
                headers["Cross-Origin-Opener-Policy"] = "same-origin"
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()"
                if "content-security-policy" not in headers:
                    if path in self.docs_paths:
                        headers["Content-Security-Policy"] = DOCS_CSP
                    elif path.startswith("/api/"):
                        headers["Content-Security-Policy"] = API_CSP
                    else:
                        headers["Content-Security-Policy"] = SPA_CSP
                if path.startswith("/api/"):
                    headers["Cache-Control"] = "no-store"
                    headers["Pragma"] = "no-cache"
                if "server" in headers:
                    del headers["server"]
            await send(message)

        await self.app(scope, receive, send_with_headers)


class BodyLimitMiddleware:
    """Refuse request bodies over ``limit`` bytes (413) unless the path streams uploads."""

    def __init__(
        self, app: ASGIApp, limit: int, exempt: Callable[[str], bool] = lambda _p: False
    ) -> None:
        self.app = app
        self.limit = limit
        self.exempt = exempt

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or self.exempt(scope["path"]):
            await self.app(scope, receive, send)
            return
        for name, value in scope.get("headers", []):
            if name == b"content-length" and value.isdigit() and int(value) > self.limit:
                await problem_response(self._problem())(scope, receive, send)
                return
        received = 0

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:
                    # raised inside the app, so the problem handler answers 413
                    raise self._problem()
            return message

        await self.app(scope, limited_receive, send)

    def _problem(self) -> PayloadTooLarge:
        return PayloadTooLarge(f"The request body exceeds {self.limit} bytes.")


def path_matcher(patterns: list[str]) -> Callable[[str], bool]:
    compiled = [re.compile(p) for p in patterns]
    return lambda path: any(p.match(path) for p in compiled)


# --- the request text guard ------------------------------------------------------------

MAX_JSON_DEPTH = 64
# A JSON string, unrolled so the regex engine runs in linear time on any input.
_JSON_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")
_STEP = [0] * 256
_STEP[ord("[")] = _STEP[ord("{")] = 1
_STEP[ord("]")] = _STEP[ord("}")] = -1
# an escape that may decode to a control character (confirmed on the parsed value)
_CONTROL_ESCAPE = re.compile(rb"\\(?:u00[01][0-9a-fA-F]|[bf])")
# headers whose values the API stores or uses as data
_DATA_HEADERS = (b"idempotency-key", b"content-disposition")


def json_depth(body: bytes) -> int:
    """Nesting depth of a JSON text, by one linear scan that skips strings (and their
    escapes): nothing is parsed, so a hostile body costs no recursion."""
    brackets = _JSON_STRING.sub(b"", body).translate(None, _NOT_BRACKETS)
    return max(accumulate(map(_STEP.__getitem__, brackets)), default=0)


def _media_type(scope: Scope) -> tuple[str, dict[bytes, bytes]]:
    for name, value in scope.get("headers", []):
        if name == b"content-type":
            media_type, params = parse_options_header(value)
            return media_type.decode("latin-1").lower(), params
    return "", {}


def _is_json(media_type: str) -> bool:
    return media_type == "application/json" or (
        media_type.startswith("application/") and media_type.endswith("+json")
    )


def _multipart_fields(body: bytes, boundary: bytes) -> list[tuple[list[str | int], str]]:
    """The text of a buffered multipart body: field names and values, file names."""
    texts: list[tuple[list[str | int], str]] = []
    part: dict[str, Any] = {}

    def on_header_field(data: bytes, start: int, end: int) -> None:
        part["field"] = part.get("field", b"") + data[start:end]

    def on_header_value(data: bytes, start: int, end: int) -> None:
        part["value"] = part.get("value", b"") + data[start:end]

    def on_header_end() -> None:
        if part.pop("field", b"").lower() == b"content-disposition":
            _kind, params = parse_options_header(part.get("value", b""))
            part["name"] = params.get(b"name", b"").decode("utf-8", "replace")
            part["filename"] = params.get(b"filename")
        part.pop("value", None)

    def on_part_data(data: bytes, start: int, end: int) -> None:
        if part.get("filename") is None:
            part["data"] = part.get("data", b"") + data[start:end]

    def on_part_end() -> None:
        name = part.get("name", "")
        texts.append((["body", name], name))
        if part.get("filename") is not None:
            texts.append((["body", name, "filename"], part["filename"].decode("utf-8", "replace")))
        else:
            texts.append((["body", name], part.get("data", b"").decode("utf-8", "replace")))
        part.clear()

    parser = MultipartParser(
        boundary,
        {
            "on_header_field": on_header_field,
            "on_header_value": on_header_value,
            "on_header_end": on_header_end,
            "on_part_data": on_part_data,
            "on_part_end": on_part_end,
        },
    )
    try:
        parser.write(body)
        parser.finalize()
    except MultipartParseError as exc:
        raise BadRequest(f"The multipart body is malformed: {exc}") from exc
    return texts


def _check_texts(texts: Sequence[tuple[list[str | int], str]]) -> None:
    for loc, value in texts:
        if has_control(value):
            raise Unprocessable(CONTROL_MESSAGE, loc=loc)


def _check_json(body: bytes) -> None:
    if json_depth(body) > MAX_JSON_DEPTH:
        raise BadRequest(f"The JSON body is nested deeper than {MAX_JSON_DEPTH} levels.")
    if not _CONTROL_ESCAPE.search(body):
        return
    try:
        data = json.loads(body)
    except ValueError as exc:  # also UnicodeDecodeError
        raise BadRequest("The body is not valid JSON.") from exc
    loc = find_control(data, ["body"])
    if loc is not None:
        raise Unprocessable(CONTROL_MESSAGE, loc=loc)


def _replay(message: Message) -> Receive:
    async def receive() -> Message:
        return message

    return receive


class RequestGuardMiddleware:
    """Refuse hostile input under ``/api/`` before any parser sees it.

    JSON bodies nested deeper than 64 levels are a 400 (found by a linear scan, so a
    10,000-deep body never reaches a recursive parser), and a C0 control character
    other than tab, LF or CR in the path, the query, a data header, a JSON string, a
    form field or a file name is a 422 naming where it is, the same on every database.
    Bodies are buffered up to ``limit`` (JSON and forms are capped there anyway); the
    streamed upload paths (``streamed``) keep their streams except for JSON, and check
    their multipart text as they parse it.
    """

    def __init__(
        self, app: ASGIApp, limit: int, streamed: Callable[[str], bool] = lambda _p: False
    ) -> None:
        self.app = app
        self.limit = limit
        self.streamed = streamed

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope["path"].startswith("/api/"):
            await self.app(scope, receive, send)
            return
        try:
            self._check_request_line(scope)
            media_type, params = _media_type(scope)
            streamed = self.streamed(scope["path"])
            checks_body = _is_json(media_type) or (
                not streamed
                and media_type in ("application/x-www-form-urlencoded", "multipart/form-data")
            )
            if not checks_body:
                await self.app(scope, receive, send)
                return
            body, replay = await self._buffer(receive)
            if _is_json(media_type):
                _check_json(body)
            elif media_type == "multipart/form-data":
                boundary = params.get(b"boundary")
                if boundary:
                    _check_texts(_multipart_fields(body, boundary))
            else:
                pairs = parse_qsl(body.decode("latin-1"), keep_blank_values=True)
                _check_texts([(["body", k], k) for k, _v in pairs])
                _check_texts([(["body", k], v) for k, v in pairs])
        except ProblemException as problem:
            await problem_response(problem)(scope, receive, send)
            return
        await self.app(scope, replay, send)

    def _check_request_line(self, scope: Scope) -> None:
        if has_control(scope["path"]):
            raise Unprocessable(CONTROL_MESSAGE, loc=["path"])
        query = scope.get("query_string", b"").decode("latin-1")
        pairs = parse_qsl(query, keep_blank_values=True)
        _check_texts([(["query", k], k) for k, _v in pairs])
        _check_texts([(["query", k], v) for k, v in pairs])
        for name, value in scope.get("headers", []):
            if name in _DATA_HEADERS and has_control(value.decode("latin-1")):
                raise Unprocessable(CONTROL_MESSAGE, loc=["header", name.decode()])

    async def _buffer(self, receive: Receive) -> tuple[bytes, Receive]:
        chunks: list[bytes] = []
        size = 0
        more = True
        while more:
            message = await receive()
            if message["type"] != "http.request":
                # the client left: the app sees the disconnect at its first read
                return b"", _replay(message)
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.limit:
                raise PayloadTooLarge(f"The request body exceeds {self.limit} bytes.")
            chunks.append(chunk)
            more = message.get("more_body", False)
        body = b"".join(chunks)
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        return body, replay


# --- the last resort ----------------------------------------------------------------------


class UnexpectedErrorMiddleware:
    """Answer a bug with a 500 problem and keep the connection (SECURITY.md I8).

    Starlette's outermost error middleware re-raises after sending its 500, and the
    server then closes the keep-alive connection the client may be reusing. Here the
    error is logged and answered, and only re-raised when the response had already
    started (then the connection is broken anyway and must be closed).
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, tracking_send)
        except Exception:
            if started:
                raise
            log.exception("unhandled error on %s %s", scope.get("method"), scope.get("path"))
            problem = ProblemException("An unexpected error occurred.")
            await problem_response(problem)(scope, receive, send)


# set in the scope of a HEAD request passed on as GET (see HeadMiddleware)
HEAD_SCOPE_KEY = "certready.head"


class HeadMiddleware:
    """``HEAD`` on an API path is its ``GET`` without the body (RFC 9110 9.3.2).

    FastAPI routes serve only the methods they declare; the headers (Content-Length,
    ETag) stay those of the GET. The scope is marked (``HEAD_SCOPE_KEY``) so a download
    route answers with its headers only, without generating the file (the evidence pack,
    the matrix, the PDFs: ``api.deps.is_head``).
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] != "http"
            or scope["method"] != "HEAD"
            or not scope["path"].startswith("/api/")
        ):
            await self.app(scope, receive, send)
            return
        finished = False

        async def send_without_body(message: Message) -> None:
            nonlocal finished
            if message["type"] != "http.response.body":
                await send(message)
            elif not finished:
                finished = True
                await send({"type": "http.response.body", "body": b"", "more_body": False})

        # routes that can answer HEAD without making the body (the downloads) look for this
        await self.app({**scope, "method": "GET", HEAD_SCOPE_KEY: True}, receive, send_without_body)
