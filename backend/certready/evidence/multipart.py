"""``multipart/form-data`` parsed as a stream, the file part written straight to the store.

python-multipart's low-level ``MultipartParser`` runs over ``request.stream()``; its
callbacks only record events, which are then applied asynchronously: field values
are collected (bounded), the one file part is fed to a :class:`FileReceiver`. No
``UploadFile``, no spooled copy (PERFORMANCE.md 1.8). SECURITY.md U8 limits apply:
field count, field size and part headers are capped.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, cast

import anyio
from python_multipart.exceptions import MultipartParseError
from python_multipart.multipart import MultipartParser, parse_options_header

from certready.core.problems import BadRequest, PayloadTooLarge, Unprocessable
from certready.core.text import check_text
from certready.evidence.storage import EvidenceStore
from certready.evidence.uploads import FileReceiver, ReceivedFile, first_error

if TYPE_CHECKING:
    from python_multipart.multipart import MultipartCallbacks

MAX_FIELDS = 100
MAX_FIELD_BYTES = 64 * 1024
MAX_FIELDS_TOTAL = 1024 * 1024
FILE_FIELD = "file"


@dataclass
class FormData:
    fields: dict[str, list[str]] = field(default_factory=dict)
    file: ReceivedFile | None = None

    def first(self, name: str) -> str | None:
        values = self.fields.get(name)
        return values[0] if values else None


def boundary_of(content_type: str | None) -> bytes | None:
    if not content_type:
        return None
    media_type, params = parse_options_header(content_type)
    if media_type != b"multipart/form-data":
        return None
    boundary = params.get(b"boundary")
    if not boundary or len(boundary) > 200:
        raise BadRequest("The multipart body has no valid boundary.")
    return boundary


@dataclass
class _Part:
    headers: dict[bytes, bytes] = field(default_factory=dict)
    name: str = ""
    filename: str | None = None
    value: bytearray = field(default_factory=bytearray)


class _Events:
    """Synchronous parser callbacks that only queue what happened."""

    def __init__(self) -> None:
        self.queue: list[tuple[str, Any]] = []
        self._field = b""
        self._value = b""

    def callbacks(self) -> MultipartCallbacks:
        return cast(
            "MultipartCallbacks",
            {
                "on_part_begin": lambda: self.queue.append(("begin", None)),
                "on_header_field": self._on_header_field,
                "on_header_value": self._on_header_value,
                "on_header_end": self._on_header_end,
                "on_headers_finished": lambda: self.queue.append(("headers_done", None)),
                "on_part_data": self._on_part_data,
                "on_part_end": lambda: self.queue.append(("end", None)),
            },
        )

    def _on_header_field(self, data: bytes, start: int, end: int) -> None:
        self._field += data[start:end]

    def _on_header_value(self, data: bytes, start: int, end: int) -> None:
        self._value += data[start:end]

    def _on_header_end(self) -> None:
        self.queue.append(("header", (self._field.lower(), self._value)))
        self._field = b""
        self._value = b""

    def _on_part_data(self, data: bytes, start: int, end: int) -> None:
        # a view, not a copy: the chunk is immutable and kept alive by the view
        self.queue.append(("data", memoryview(data)[start:end]))


async def parse_form(
    chunks: AsyncIterator[bytes],
    boundary: bytes,
    store: EvidenceStore,
    limit: int,
    *,
    keep_file: bool = True,
) -> FormData:
    """Parse the whole body; the file part (``file``) streams into the store."""
    events = _Events()
    parser = MultipartParser(boundary, events.callbacks())
    form = FormData()
    receiver: FileReceiver | None = None
    part: _Part | None = None
    field_bytes = 0
    field_count = 0
    try:
        async with anyio.create_task_group() as tg:
            try:
                async for chunk in chunks:
                    try:
                        parser.write(chunk)
                    except MultipartParseError as exc:
                        raise BadRequest(f"The multipart body is malformed: {exc}") from exc
                    for kind, payload in events.queue:
                        if kind == "begin":
                            part = _Part()
                        elif kind == "header" and part is not None:
                            part.headers[payload[0]] = payload[1]
                        elif kind == "headers_done" and part is not None:
                            part.name, part.filename = _disposition(part.headers)
                            if part.filename is not None:
                                if part.name != FILE_FIELD or receiver is not None:
                                    raise Unprocessable(
                                        f"Send exactly one file, in the '{FILE_FIELD}' field.",
                                        loc=["body", part.name or FILE_FIELD],
                                    )
                                receiver = FileReceiver(store, part.filename, limit, keep=keep_file)
                                await receiver.start(tg)
                            else:
                                field_count += 1
                                if field_count > MAX_FIELDS:
                                    raise PayloadTooLarge(f"At most {MAX_FIELDS} form fields.")
                        elif kind == "data" and part is not None:
                            if part.filename is not None and receiver is not None:
                                await receiver.feed(payload)
                            else:
                                field_bytes += len(payload)
                                part.value += payload
                                if len(part.value) > MAX_FIELD_BYTES:
                                    raise PayloadTooLarge(
                                        f"The form field '{part.name}' is too large."
                                    )
                                if field_bytes > MAX_FIELDS_TOTAL:
                                    raise PayloadTooLarge("The form fields are too large.")
                        elif kind == "end" and part is not None:
                            if part.filename is None:
                                form.fields.setdefault(part.name, []).append(
                                    _decode(part.name, part.value)
                                )
                            part = None
                    events.queue.clear()
                parser.finalize()
                if receiver is not None:
                    form.file = await receiver.finish()
            except BaseException:
                if receiver is not None:
                    with anyio.CancelScope(shield=True):
                        await receiver.abort()
                raise
    except BaseExceptionGroup as group:
        raise first_error(group) from None
    return form


def _disposition(headers: dict[bytes, bytes]) -> tuple[str, str | None]:
    raw = headers.get(b"content-disposition")
    if raw is None:
        raise BadRequest("A multipart part has no Content-Disposition header.")
    kind, params = parse_options_header(raw)
    if kind != b"form-data" or b"name" not in params:
        raise BadRequest("A multipart part is not a form-data field.")
    name = check_text(params[b"name"].decode("utf-8", errors="replace"), ["body"])
    filename = params.get(b"filename")
    # browsers send filename="" for an empty file input: no file
    if filename is None or filename == b"":
        return name, None
    return name, check_text(filename.decode("utf-8", errors="replace"), ["body", name, "filename"])


def _decode(name: str, value: bytearray) -> str:
    try:
        text = value.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise Unprocessable("Form fields must be UTF-8 text.", loc=["body", name]) from exc
    # the streamed forms are not buffered by the request guard: the same rule, here
    return check_text(text, ["body", name])
