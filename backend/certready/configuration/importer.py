"""CSV import of a CMDB export: read the body as a stream, parse and validate every row.

The body is ``text/csv`` or ``multipart/form-data`` with a ``file`` part; both are read
from ``request.stream()`` with a byte count (413 past :data:`MAX_BYTES`), the multipart
form through python-multipart's incremental parser (no spooled ``UploadFile``).

Columns (header row required, any order, case-insensitive): ``key``, ``name``, ``type``,
optionally ``status``, ``owner`` (a member's e-mail), ``last_verified`` (YYYY-MM-DD),
``description``, ``service`` (the keys of the services the item supports, ``SVC-3``, several
separated by ``;``; a filled cell replaces the item's services, an empty one keeps them).
Nothing is rewritten on the way in; every cell is validated and errors name the line of
the file (the header is line 1) and the column: ``loc = ["body", line, column]``.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import date
from typing import Any, cast

from fastapi import Request
from python_multipart.exceptions import MultipartParseError
from python_multipart.multipart import MultipartParser, parse_options_header

from certready.configuration.enums import CiStatus
from certready.configuration.schemas import KEY_PATTERN
from certready.core.problems import BadRequest, PayloadTooLarge, Unprocessable, UnsupportedMediaType
from certready.core.text import has_control

MAX_BYTES = 1024 * 1024
MAX_ROWS = 10_000
MAX_ERRORS = 200
REQUIRED_COLUMNS = ("key", "name", "type")
OPTIONAL_COLUMNS = ("status", "owner", "last_verified", "description", "service")
CSV_MEDIA_TYPES = frozenset({"text/csv", "application/csv", "text/plain"})
FILE_FIELD = "file"
_KEY = re.compile(KEY_PATTERN)
_LIMITS = {
    "key": 64,
    "name": 300,
    "type": 64,
    "owner": 320,
    "description": 10000,
    "service": 4000,
}
SERVICE_SEPARATOR = ";"
_SERVICE_KEY = re.compile(r"^SVC-[1-9][0-9]{0,8}$", re.IGNORECASE)


@dataclass
class CiRow:
    line: int
    key: str
    name: str
    type: str
    status: CiStatus | None
    owner: str | None
    last_verified: date | None
    description: str | None
    # service keys (upper case, each once); None: the cell was empty or the column absent
    services: tuple[str, ...] | None = None


def row_error(line: int, column: str, msg: str) -> dict[str, Any]:
    """An error naming the file's line and column."""
    return {"loc": ["body", line, column], "msg": msg, "type": "value_error"}


def refuse(errors: list[dict[str, Any]]) -> Unprocessable:
    """The 422 refusing the whole file, with the first :data:`MAX_ERRORS` errors."""
    return Unprocessable(
        f"{len(errors)} problem(s) in the file; nothing was imported.",
        errors=errors[:MAX_ERRORS],
    )


async def _limited(request: Request) -> Any:
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BYTES:
            raise PayloadTooLarge(f"The CSV file exceeds {MAX_BYTES} bytes.")
        yield chunk


class _FilePart:
    """Parser callbacks keeping the bytes of the one ``file`` part."""

    def __init__(self) -> None:
        self.data = bytearray()
        self.found = False
        self._in_file = False
        self._field = b""
        self._value = b""
        self._headers: dict[bytes, bytes] = {}

    def callbacks(self) -> Any:
        return {
            "on_part_begin": self._begin,
            "on_header_field": lambda d, s, e: self._add("_field", d[s:e]),
            "on_header_value": lambda d, s, e: self._add("_value", d[s:e]),
            "on_header_end": self._header_end,
            "on_headers_finished": self._headers_done,
            "on_part_data": self._data,
        }

    def _add(self, name: str, data: bytes) -> None:
        setattr(self, name, getattr(self, name) + data)

    def _begin(self) -> None:
        self._headers = {}
        self._in_file = False

    def _header_end(self) -> None:
        self._headers[self._field.lower()] = self._value
        self._field = self._value = b""

    def _headers_done(self) -> None:
        _kind, params = parse_options_header(self._headers.get(b"content-disposition", b""))
        if params.get(b"name") == FILE_FIELD.encode():
            if self.found:
                raise Unprocessable("Send one CSV file.", loc=["body", FILE_FIELD])
            self.found = self._in_file = True

    def _data(self, data: bytes, start: int, end: int) -> None:
        if self._in_file:
            self.data += data[start:end]


async def _multipart(request: Request, content_type: str) -> bytes:
    _media, params = parse_options_header(content_type)
    boundary = params.get(b"boundary")
    if not boundary or len(boundary) > 200:
        raise BadRequest("The multipart body has no valid boundary.")
    part = _FilePart()
    parser = MultipartParser(boundary, cast(Any, part.callbacks()))
    try:
        async for chunk in _limited(request):
            parser.write(chunk)
        parser.finalize()
    except MultipartParseError as exc:
        raise BadRequest(f"The multipart body is malformed: {exc}") from exc
    if not part.found:
        raise Unprocessable("Send the CSV as the form field 'file'.", loc=["body", FILE_FIELD])
    return bytes(part.data)


async def read_csv(request: Request) -> str:
    """The CSV text of a ``text/csv`` body or of the ``file`` part of a multipart form."""
    content_type = request.headers.get("content-type", "")
    media_type = content_type.split(";")[0].strip().lower()
    if media_type == "multipart/form-data":
        raw = await _multipart(request, content_type)
    elif media_type in CSV_MEDIA_TYPES:
        raw = b"".join([chunk async for chunk in _limited(request)])
    else:
        raise UnsupportedMediaType("Send text/csv, or multipart/form-data with a 'file' field.")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise Unprocessable("The CSV file must be UTF-8.", loc=["body"]) from exc


def _header(reader: Any) -> list[str]:
    try:
        header = [h.strip().lower() for h in next(reader)]
    except StopIteration:
        raise Unprocessable("The CSV file is empty.", loc=["body"]) from None
    except csv.Error as exc:
        raise Unprocessable(f"Not a CSV file: {exc}.", loc=["body", 1]) from None
    known = REQUIRED_COLUMNS + OPTIONAL_COLUMNS
    errors = [row_error(1, name, "Unknown column.") for name in header if name not in known]
    errors += [
        row_error(1, name, "Missing column.") for name in REQUIRED_COLUMNS if name not in header
    ]
    if len(set(header)) != len(header):
        errors.append(row_error(1, "header", "A column appears twice."))
    if errors:
        raise refuse(errors)
    return header


def parse(text: str) -> list[CiRow]:
    """Rows of the file; a 422 listing every bad cell (and repeated keys) when any is wrong."""
    reader = csv.reader(io.StringIO(text, newline=""))
    header = _header(reader)
    errors: list[dict[str, Any]] = []
    rows: list[CiRow] = []
    seen: dict[str, int] = {}
    try:
        for cells in reader:
            line = reader.line_num
            if not any(c.strip() for c in cells):
                continue
            if len(rows) >= MAX_ROWS:
                raise refuse([row_error(line, "row", f"More than {MAX_ROWS} rows.")])
            if len(cells) != len(header):
                errors.append(
                    row_error(line, "row", f"Expected {len(header)} cells, got {len(cells)}.")
                )
                continue
            parsed = _row(line, dict(zip(header, cells, strict=True)), errors)
            if parsed is None:
                continue
            if parsed.key in seen:
                errors.append(row_error(line, "key", f"Key repeated from line {seen[parsed.key]}."))
                continue
            seen[parsed.key] = line
            rows.append(parsed)
    except csv.Error as exc:
        errors.append(row_error(reader.line_num, "row", f"Not valid CSV: {exc}."))
    if errors:
        raise refuse(errors)
    if not rows:
        raise Unprocessable("The CSV file has no data rows.", loc=["body"])
    return rows


def _cells(line: int, raw: dict[str, str], errors: list[dict[str, Any]]) -> dict[str, str]:
    """The cells without surrounding blanks, each checked for length and control characters."""
    values = {}
    for name, cell in raw.items():
        value = cell.strip()
        if has_control(value):
            errors.append(row_error(line, name, "Control characters are not allowed."))
        elif len(value) > _LIMITS.get(name, 64):
            errors.append(row_error(line, name, f"At most {_LIMITS.get(name, 64)} characters."))
        values[name] = value
    return values


def _row(line: int, raw: dict[str, str], errors: list[dict[str, Any]]) -> CiRow | None:
    found = len(errors)
    values = _cells(line, raw, errors)
    for name in REQUIRED_COLUMNS:
        if not values.get(name):
            errors.append(row_error(line, name, "Required."))
    if values.get("key") and not _KEY.match(values["key"]):
        errors.append(row_error(line, "key", "Letters, digits and . _ : / - only, no spaces."))
    status: CiStatus | None = None
    if values.get("status"):
        try:
            status = CiStatus(values["status"].lower())
        except ValueError:
            errors.append(row_error(line, "status", f"One of: {', '.join(CiStatus)}."))
    verified: date | None = None
    if values.get("last_verified"):
        try:
            verified = date.fromisoformat(values["last_verified"])
        except ValueError:
            errors.append(row_error(line, "last_verified", "Not a date (YYYY-MM-DD)."))
    services = _services(line, values.get("service", ""), errors)
    if len(errors) > found:
        return None
    return CiRow(
        line=line,
        key=values["key"],
        name=values["name"],
        type=values["type"],
        status=status,
        owner=values.get("owner", "").lower() or None,
        last_verified=verified,
        description=values.get("description") if "description" in values else None,
        services=services,
    )


def _services(line: int, cell: str, errors: list[dict[str, Any]]) -> tuple[str, ...] | None:
    """The service keys of a ``service`` cell (``SVC-1; SVC-4``), each once, in order."""
    keys = [k.strip().upper() for k in cell.split(SERVICE_SEPARATOR) if k.strip()]
    if not keys:
        return None
    bad = [k for k in keys if not _SERVICE_KEY.match(k)]
    if bad:
        errors.append(
            row_error(line, "service", f"Not a service key (SVC-<n>): {', '.join(bad[:5])}.")
        )
        return None
    return tuple(dict.fromkeys(keys))
