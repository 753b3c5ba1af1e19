"""Receiving files: names, types, and the streaming writer (SECURITY.md 2.2 Uploads).

Bytes go from the request stream straight into a temp file in the store, hashed on
the way, in ~1 MiB pieces written by a worker thread while the next piece arrives.
The size limit is enforced as bytes arrive (413), the type is decided from the first
bytes and the extension (415), and nothing is kept when anything fails.
"""

from __future__ import annotations

import base64
import binascii
import re
import unicodedata
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote

import anyio
import puremagic

from certready.core.problems import PayloadTooLarge, Unprocessable, UnsupportedMediaType
from certready.core.text import check_text
from certready.evidence.storage import PIECE, EvidenceStore, TempBlob

SNIFF_BYTES = 8192
MAX_FILENAME_BYTES = 255
FALLBACK_FILENAME = "upload"
# Pieces queued for the writer thread: bounds memory per upload to a few MiB.
QUEUED_PIECES = 2

# --- file names ----------------------------------------------------------------

_SEPARATORS = re.compile(r"[/\\]")


def sanitize_filename(raw: str | None) -> str:
    """The original name as safe metadata (SECURITY.md U4).

    NFC; control, format (bidi overrides, zero-width) and separator characters
    removed; only the last path segment kept; at most 255 UTF-8 bytes with the
    extension preserved. Never used to build a storage path.
    """
    name = unicodedata.normalize("NFC", raw or "")
    name = "".join(
        c for c in name if unicodedata.category(c) not in {"Cc", "Cf", "Cs", "Co", "Zl", "Zp"}
    )
    name = _SEPARATORS.split(name)[-1].strip().strip(".").strip()
    if not name:
        return FALLBACK_FILENAME
    if len(name.encode()) > MAX_FILENAME_BYTES:
        stem, dot, ext = name.rpartition(".")
        if not dot or len(ext.encode()) > 16:
            stem, ext = name, ""
        suffix = f".{ext}" if ext else ""
        budget = MAX_FILENAME_BYTES - len(suffix.encode())
        stem = stem.encode()[:budget].decode(errors="ignore").rstrip()
        name = stem + suffix
    return name


def extension(filename: str) -> str:
    stem, dot, ext = filename.rpartition(".")
    return ext.lower() if dot and stem else ""


def content_disposition(filename: str) -> str:
    """``attachment`` with an ASCII fallback and the RFC 6266 / 5987 UTF-8 form."""
    fallback = "".join(c if 32 <= ord(c) < 127 and c not in '"\\%;' else "_" for c in filename)
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(filename, safe='')}"


_PARAM = re.compile(
    r';\s*(?P<key>[A-Za-z0-9*!#$&+.^_`|~-]+)\s*=\s*(?P<value>"(?:[^"\\]|\\.)*"|[^;]*)'
)
# RFC 8187 ext-value: charset'[language]'value-chars (attr-char or %XX only)
_EXT_VALUE = re.compile(
    r"^(?P<charset>[A-Za-z0-9!#$%&+^_`{}~-]+)'(?P<lang>[A-Za-z0-9-]*)'"
    r"(?P<value>(?:[A-Za-z0-9!#$&+.^_`|~-]|%[0-9A-Fa-f]{2})*)$"
)
# The charsets RFC 8187 names; any other (punycode, utf-7, ...) is ignored, never decoded.
_EXT_CHARSETS = {"utf-8": "utf-8", "iso-8859-1": "iso-8859-1"}
DISPOSITION_LOC = ["header", "content-disposition"]


def _extended_filename(value: str) -> str | None:
    match = _EXT_VALUE.match(value.strip())
    if match is None:
        return None
    charset = _EXT_CHARSETS.get(match.group("charset").lower())
    if charset is None:
        return None
    try:
        return unquote(match.group("value"), encoding=charset, errors="strict")
    except UnicodeError:  # percent-encoded bytes that are not text in that charset
        return None


def filename_from_disposition(header: str | None) -> str | None:
    """The file name of a ``Content-Disposition`` header (``filename*`` preferred).

    Never raises on a malformed header: an undecodable ``filename*`` (unknown charset,
    bad percent-encoding) falls back to ``filename``; no name at all is None (the caller
    answers 422); a name with a control character is a 422.
    """
    if not header:
        return None
    params: dict[str, str] = {}
    for match in _PARAM.finditer(header):
        value = match.group("value").strip()
        if value.startswith('"') and value.endswith('"') and len(value) >= 2:
            value = re.sub(r"\\(.)", r"\1", value[1:-1])
        params.setdefault(match.group("key").lower(), value)
    extended = params.get("filename*")
    name = _extended_filename(extended) if extended else None
    if not name:
        name = params.get("filename") or None
    return None if name is None else check_text(name, DISPOSITION_LOC)


# --- declared digests --------------------------------------------------------------

_HEX64 = re.compile(r"^[0-9a-fA-F]{64}$")
_DIGEST_ITEM = re.compile(r"sha-256\s*=\s*:?([A-Za-z0-9+/=]+):?", re.IGNORECASE)


def declared_sha256(x_content_sha256: str | None, digest: str | None) -> str | None:
    """The client's SHA-256 from ``X-Content-SHA256`` (hex) or a ``Digest`` /
    ``Repr-Digest`` / ``Content-Digest`` header (``sha-256=<base64>``)."""
    if x_content_sha256:
        value = x_content_sha256.strip()
        if not _HEX64.match(value):
            raise Unprocessable(
                "X-Content-SHA256 must be 64 hex digits.", loc=["header", "x-content-sha256"]
            )
        return value.lower()
    if digest:
        match = _DIGEST_ITEM.search(digest)
        if match:
            try:
                raw = base64.b64decode(match.group(1), validate=True)
            except (binascii.Error, ValueError):
                raw = b""
            if len(raw) != 32:
                raise Unprocessable("The sha-256 digest is not valid.", loc=["header", "digest"])
            return raw.hex()
    return None


# --- media types ----------------------------------------------------------------

_ZIP_TYPES = {
    "zip": "application/zip",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "odp": "application/vnd.oasis.opendocument.presentation",
}
_TEXT_TYPES = {
    "txt": "text/plain",
    "log": "text/plain",
    "csv": "text/csv",
    "md": "text/markdown",
    "json": "application/json",
    "xml": "application/xml",
}
_IMAGE_EXTENSIONS = {
    "png": ({".png"}, "image/png"),
    "jpg": ({".jpg", ".jpeg", ".jpe", ".jfif"}, "image/jpeg"),
    "jpeg": ({".jpg", ".jpeg", ".jpe", ".jfif"}, "image/jpeg"),
    "gif": ({".gif"}, "image/gif"),
}
ALLOWED_EXTENSIONS = frozenset({"pdf", *_ZIP_TYPES, *_TEXT_TYPES, *_IMAGE_EXTENSIONS})
# Content a browser would run (HTML, SVG, scripts) or an executable: always refused.
_ACTIVE_EXTENSIONS = frozenset(
    {".html", ".htm", ".xhtml", ".svg", ".svgz", ".js", ".exe", ".dll", ".sys", ".drv", ".msi"}
)
_EXECUTABLE_MAGIC = (b"\x7fELF", b"MZ", b"\xca\xfe\xba\xbe", b"\xcf\xfa\xed\xfe", b"#!")
# WHATWG MIME sniffing: these openings make a browser treat text as HTML.
_HTML_OPENINGS = re.compile(
    rb"^\s*<(!doctype\s+html|html|head|body|script|iframe|h1|div|font|table|a|style|title|b|br|p"
    rb"|svg|\?xml-stylesheet|!--)[\s>/]",
    re.IGNORECASE,
)
_ACTIVE_XML = re.compile(
    rb"<(svg|html|script)[\s>/:]|http://www\.w3\.org/(2000/svg|1999/xhtml)|<!doctype\s+html",
    re.IGNORECASE,
)


def _candidates(head: bytes) -> set[str]:
    try:
        return {m.extension.lower() for m in puremagic.magic_string(head) if m.extension}
    except (puremagic.PureError, ValueError):
        return set()


def sniff_media_type(head: bytes, filename: str) -> str:
    """The media type of a file from its first bytes and its extension, or 415.

    The extension must be in the allowlist and the content must be what the
    extension says (puremagic for binary formats; text must not be HTML, SVG or
    binary). HTML, SVG, scripts and executables are refused whatever their name.
    """
    ext = extension(filename)
    if ext not in ALLOWED_EXTENSIONS:
        allowed = ", ".join(sorted(ALLOWED_EXTENSIONS))
        raise UnsupportedMediaType(
            f"Files of type '.{ext or '(none)'}' are not accepted. Allowed: {allowed}.",
            extra={"allowed_extensions": sorted(ALLOWED_EXTENSIONS)},
        )
    found = _candidates(head)
    if found & _ACTIVE_EXTENSIONS or head.startswith(_EXECUTABLE_MAGIC):
        raise UnsupportedMediaType(
            f"The content of '{filename}' is active content or a program, which is not accepted."
        )
    mismatch = UnsupportedMediaType(f"The content of '{filename}' is not a valid .{ext} file.")
    if ext == "pdf":
        if not head.startswith(b"%PDF-"):
            raise mismatch
        return "application/pdf"
    if ext in _IMAGE_EXTENSIONS:
        expected, media_type = _IMAGE_EXTENSIONS[ext]
        if not found & expected:
            raise mismatch
        return media_type
    if ext in _ZIP_TYPES:
        if not head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
            raise mismatch
        return _ZIP_TYPES[ext]
    # text formats
    if b"\x00" in head or _HTML_OPENINGS.match(head.removeprefix(b"\xef\xbb\xbf")):
        raise mismatch
    body = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    if ext == "json" and body[:1] not in (b"{", b"["):
        raise mismatch
    if ext == "xml" and (body[:1] != b"<" or _ACTIVE_XML.search(head)):
        raise mismatch
    return _TEXT_TYPES[ext]


# --- the streaming writer ----------------------------------------------------------


@dataclass
class ReceivedFile:
    """A fully received, hashed and fsynced file waiting to be published."""

    temp: TempBlob | None
    sha256: str
    size: int
    media_type: str
    filename: str

    async def discard(self) -> None:
        if self.temp is not None:
            temp, self.temp = self.temp, None
            await anyio.to_thread.run_sync(temp.discard)


class FileReceiver:
    """Feed chunks as they arrive; ``finish()`` returns the hashed, fsynced file.

    With ``keep=False`` the bytes are only hashed and counted (an idempotent replay
    whose fingerprint must be checked needs the hash, not the file).
    """

    def __init__(self, store: EvidenceStore, filename: str, limit: int, *, keep: bool = True):
        self.store = store
        self.filename = sanitize_filename(filename)
        self.limit = limit
        self.keep = keep
        self.media_type: str | None = None
        self.received = 0
        self._pending: list[bytes | memoryview] = []
        self._pending_size = 0
        self._temp: TempBlob | None = None
        self._hasher: Any = None
        self._send: Any = None
        self._writer_error: BaseException | None = None
        self._done: anyio.Event | None = None

    async def start(self, task_group: anyio.abc.TaskGroup) -> None:
        if self.keep:
            self._temp = await anyio.to_thread.run_sync(self.store.new_temp)
        else:
            import hashlib

            self._hasher = hashlib.sha256()
        send, receive = anyio.create_memory_object_stream[bytes](QUEUED_PIECES)
        self._send = send
        self._done = anyio.Event()
        task_group.start_soon(self._writer, receive)

    async def _writer(self, receive: Any) -> None:
        assert self._done is not None
        try:
            async with receive:
                async for piece in receive:
                    if self._writer_error is None:
                        try:
                            await anyio.to_thread.run_sync(self._write, piece)
                        except OSError as exc:
                            self._writer_error = exc
        finally:
            self._done.set()

    def _write(self, piece: bytes) -> None:
        if self._temp is not None:
            self._temp.write(piece)
        else:
            self._hasher.update(piece)

    async def feed(self, chunk: bytes | memoryview) -> None:
        if not chunk:
            return
        self.received += len(chunk)
        if self.received > self.limit:
            raise PayloadTooLarge(
                f"The file exceeds the upload limit of {self.limit} bytes.",
                extra={"limit": self.limit},
            )
        self._pending.append(chunk)
        self._pending_size += len(chunk)
        if self.media_type is None and self._pending_size >= SNIFF_BYTES:
            self._sniff()
        if self._pending_size >= PIECE:
            await self._flush()

    def _sniff(self) -> None:
        head = b"".join(self._pending)[:SNIFF_BYTES]
        self.media_type = sniff_media_type(head, self.filename) if self.keep else ""

    async def _flush(self) -> None:
        if self._writer_error is not None:
            raise self._writer_error
        piece = b"".join(self._pending)
        self._pending.clear()
        self._pending_size = 0
        await self._send.send(piece)

    async def finish(self) -> ReceivedFile:
        if self.received == 0:
            raise Unprocessable("The file is empty.", loc=["body", "file"])
        if self.media_type is None:
            self._sniff()
        if self._pending:
            await self._flush()
        await self._send.aclose()
        assert self._done is not None
        await self._done.wait()
        if self._writer_error is not None:
            raise self._writer_error
        if self._temp is not None:
            temp, self._temp = self._temp, None
            sha, size = await anyio.to_thread.run_sync(temp.finish)
            return ReceivedFile(temp, sha, size, self.media_type or "", self.filename)
        return ReceivedFile(
            None, self._hasher.hexdigest(), self.received, self.media_type or "", self.filename
        )

    async def abort(self) -> None:
        """Drop everything received so far (413, 415, client gone, any error)."""
        if self._send is not None:
            await self._send.aclose()
        if self._done is not None:
            await self._done.wait()
        if self._temp is not None:
            temp, self._temp = self._temp, None
            await anyio.to_thread.run_sync(temp.discard)


async def receive_stream(
    store: EvidenceStore,
    chunks: AsyncIterator[bytes],
    filename: str,
    limit: int,
    *,
    keep: bool = True,
) -> ReceivedFile:
    """Stream a raw request body into the store (or just hash it with ``keep=False``)."""
    receiver = FileReceiver(store, filename, limit, keep=keep)
    try:
        async with anyio.create_task_group() as tg:
            await receiver.start(tg)
            try:
                async for chunk in chunks:
                    await receiver.feed(chunk)
                received = await receiver.finish()
            except BaseException:
                with anyio.CancelScope(shield=True):
                    await receiver.abort()
                raise
    except BaseExceptionGroup as group:
        raise first_error(group) from None
    return received


def first_error(group: BaseExceptionGroup[Any]) -> BaseException:
    """The exception that matters in a task group's group (problems first)."""
    leaves: list[BaseException] = []

    def walk(exc: BaseException) -> None:
        if isinstance(exc, BaseExceptionGroup):
            for inner in exc.exceptions:
                walk(inner)
        else:
            leaves.append(exc)

    walk(group)
    from certready.core.problems import ProblemException

    for exc in leaves:
        if isinstance(exc, ProblemException):
            return exc
    return leaves[0]


def safe_unlink(path: Path) -> None:
    path.unlink(missing_ok=True)
