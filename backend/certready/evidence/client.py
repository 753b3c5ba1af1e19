"""``certready evidence upload | list`` (scripts and CI) through the generated client.

Every call goes through ``certready_client`` (clients/python, generated from the contract);
this module adds what a script needs around it: retries, progress and the report.

Configuration comes from ``CERTREADY_URL`` and ``CERTREADY_TOKEN`` (an API token,
``crt_...``); the token is never printed. Files are streamed from disk in 1 MiB
pieces, never read whole into memory. Each upload carries an ``Idempotency-Key``
derived from the organisation, the target and the file's SHA-256, so re-running
the same command never creates duplicates, and a retry after a timeout or a 5xx
is safe. 429 / 5xx / in-flight 409 are retried with backoff, honouring
``Retry-After``.

Exit codes: 0 ok, 1 failure, 2 usage, 3 partial (some files failed), 4 auth
(401/403), 5 rejected by the server (413/415/422/404 for every file).
"""

from __future__ import annotations

import glob
import hashlib
import io
import json
import os
import random
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date
from enum import IntEnum
from pathlib import Path
from typing import Any, TypeVar

import httpx
from certready_client import AuthenticatedClient
from certready_client.api.evidence import (
    evidence_list_evidence,
    evidence_upload_evidence,
    evidence_upload_evidence_version,
)
from certready_client.api.tokens import tokens_get_current_token
from certready_client.models import (
    CurrentTokenRead,
    EvidenceKind,
    EvidencePage,
    EvidenceRead,
    EvidenceStatus,
    EvidenceVersionRead,
    Problem,
)
from certready_client.types import UNSET, File, Response

CHUNK = 1024 * 1024
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
MAX_ATTEMPTS = 6
MAX_BACKOFF = 30.0
MAX_RETRY_AFTER = 120.0


T = TypeVar("T")


class ExitCode(IntEnum):
    ok = 0
    failure = 1
    usage = 2
    partial = 3
    auth = 4
    rejected = 5


class UsageError(Exception):
    """Bad arguments or configuration (exit 2)."""


class AuthError(Exception):
    """The server refused the credentials or their rights (exit 4)."""


@dataclass
class FileResult:
    path: str
    status: str  # uploaded | replayed | rejected | failed
    sha256: str | None = None
    size: int | None = None
    evidence: str | None = None
    evidence_id: str | None = None
    version: int | None = None
    error: dict[str, Any] | None = None


@dataclass
class UploadReport:
    org: str
    results: list[FileResult] = field(default_factory=list)

    @property
    def exit_code(self) -> ExitCode:
        ok = [r for r in self.results if r.status in {"uploaded", "replayed"}]
        if len(ok) == len(self.results):
            return ExitCode.ok
        if ok:
            return ExitCode.partial
        if any(r.status == "rejected" for r in self.results):
            return ExitCode.rejected
        return ExitCode.failure

    def as_json(self) -> str:
        return json.dumps(
            {
                "org": self.org,
                "ok": self.exit_code == ExitCode.ok,
                "exit_code": int(self.exit_code),
                "results": [asdict(r) for r in self.results],
            },
            indent=2,
        )


@dataclass
class UploadOptions:
    title: str | None = None
    kind: str = "record"
    requirements: Sequence[str] = ()
    fulfils: Sequence[str] = ()
    tags: Sequence[str] = ()
    valid_until: str | None = None
    external_ref: str | None = None
    description: str | None = None
    evidence: str | None = None  # add versions to this item instead of creating items


@dataclass
class EvidenceFilters:
    requirement: str | None = None
    status: str | None = None
    kind: str | None = None
    q: str | None = None


def expand_paths(patterns: Sequence[str]) -> list[Path]:
    """Files, directories (recursively, hidden entries skipped) and glob patterns."""
    found: list[Path] = []
    for pattern in patterns:
        matches = (
            [Path(p) for p in sorted(glob.glob(pattern, recursive=True))]
            if glob.has_magic(pattern)
            else [Path(pattern)]
        )
        if not matches:
            raise UsageError(f"no file matches {pattern}")
        for path in matches:
            if path.is_dir():
                found.extend(
                    p
                    for p in sorted(path.rglob("*"))
                    if p.is_file()
                    and not any(part.startswith(".") for part in p.relative_to(path).parts)
                )
            elif path.is_file():
                found.append(path)
            else:
                raise UsageError(f"not a file or directory: {path}")
    unique = list(dict.fromkeys(p.resolve() for p in found))
    if not unique:
        raise UsageError("no files to upload")
    return unique


def file_sha256(path: Path) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as fh:
        while chunk := fh.read(CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def idempotency_key(org: str, target: str, sha256: str) -> str:
    """Stable across re-runs of the same command: org + target + file content."""
    material = f"{org}\n{target}\n{sha256}".encode()
    return "cli-" + hashlib.sha256(material).hexdigest()


def _problem(response: Response[Any]) -> dict[str, Any]:
    try:
        body = json.loads(response.content)
    except ValueError:
        return {
            "status": int(response.status_code),
            "detail": response.content[:500].decode(errors="replace"),
        }
    if isinstance(body, dict):
        return {k: body[k] for k in ("type", "title", "status", "detail", "errors") if k in body}
    return {"status": int(response.status_code)}


class ProgressReader(io.BufferedReader):
    """The file as the generated client streams it (httpx reads it in 64 KiB pieces, and
    takes Content-Length from the descriptor); every piece read is reported."""

    def __init__(self, path: Path, progress: Callable[[int], None] | None) -> None:
        super().__init__(io.FileIO(path, "rb"), buffer_size=CHUNK)
        self._progress = progress

    def read(self, size: int | None = -1, /) -> bytes:
        chunk = super().read(size)
        if chunk and self._progress:
            self._progress(len(chunk))
        return chunk


class Client:
    """The CLI's calls, every one through the generated client (clients/python), with
    retries: 429/5xx/in-flight-409 and connection errors, backing off, honouring
    ``Retry-After``; 401/403 raise :class:`AuthError`."""

    def __init__(
        self,
        url: str,
        token: str,
        *,
        sleep: Callable[[float], None] = time.sleep,
        timeout: httpx.Timeout | None = None,
    ) -> None:
        if not url:
            raise UsageError("set CERTREADY_URL (e.g. https://certready.example.com)")
        if not token:
            raise UsageError("set CERTREADY_TOKEN to an API token (crt_...)")
        self.api = AuthenticatedClient(
            base_url=url.rstrip("/"),
            token=token,
            headers={"User-Agent": "certready-cli"},
            timeout=timeout or httpx.Timeout(connect=10.0, read=600.0, write=120.0, pool=30.0),
            follow_redirects=False,
        )
        self._sleep = sleep

    def close(self) -> None:
        self.api.get_httpx_client().close()

    def __enter__(self) -> Client:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- retries ----------------------------------------------------------------------

    def call(self, send: Callable[[], Response[T]]) -> Response[T]:
        """``send()`` (one generated-client call) until it is not worth retrying.

        ``send`` opens its body anew on each attempt: a streamed body cannot be replayed.
        """
        for attempt in range(1, MAX_ATTEMPTS + 1):
            try:
                response = send()
            except (httpx.TransportError, OSError):
                if attempt == MAX_ATTEMPTS:
                    raise
                self._sleep(self._backoff(attempt, None))
                continue
            status = int(response.status_code)
            retry = status in RETRY_STATUSES or (
                status == 409 and b"idempotency-key-in-flight" in response.content[:300]
            )
            if not retry or attempt == MAX_ATTEMPTS:
                if status in {401, 403}:
                    raise AuthError(_problem(response).get("detail") or "not authorised")
                return response
            self._sleep(self._backoff(attempt, response.headers.get("retry-after")))
        raise AssertionError("unreachable")

    @staticmethod
    def _backoff(attempt: int, retry_after: str | None) -> float:
        if retry_after is not None:
            try:
                return min(max(float(retry_after), 0.0), MAX_RETRY_AFTER)
            except ValueError:
                pass
        delay: float = min(MAX_BACKOFF, 0.5 * 2.0 ** (attempt - 1))
        return delay * (0.5 + random.random() / 2)  # noqa: S311

    # --- API calls ----------------------------------------------------------------------

    def current_token(self) -> CurrentTokenRead:
        r = self.call(lambda: tokens_get_current_token.sync_detailed(client=self.api))
        if r.status_code == 404:
            raise UsageError("this credential is not an API token: give --org")
        if not isinstance(r.parsed, CurrentTokenRead):
            raise RuntimeError(json.dumps(_problem(r)))
        return r.parsed

    def org_slug(self, org: str | None) -> str:
        """The organisation to act in: given, or the API token's own."""
        if org:
            return org
        return str(self.current_token().org_slug)

    def upload(
        self,
        org: str,
        path: Path,
        options: UploadOptions,
        title: str,
        progress: Callable[[int], None] | None = None,
    ) -> FileResult:
        sha, size = file_sha256(path)
        result = FileResult(path=str(path), status="failed", sha256=sha, size=size)
        target = (
            f"version:{options.evidence}"
            if options.evidence
            else f"new:{options.kind}:{title}:{path.name}"
        )
        key = idempotency_key(org, target, sha)

        def send() -> Response[Any]:
            sent = 0

            def count(n: int) -> None:
                nonlocal sent
                sent += n
                if progress:
                    progress(n)

            with ProgressReader(path, count) as reader:
                body = File(payload=reader, file_name=path.name)
                response = self._send_upload(org, options, title, body, sha, key)
            if progress and sent < size:  # the file shrank while it was read
                progress(size - sent)
            return response

        try:
            r = self.call(send)
        except (httpx.TransportError, OSError) as exc:
            result.error = {"detail": f"{type(exc).__name__}: {exc}"}
            return result
        if r.status_code == 201 and isinstance(r.parsed, EvidenceRead | EvidenceVersionRead):
            replayed = r.headers.get("idempotent-replayed") == "true"
            result.status = "replayed" if replayed else "uploaded"
            if isinstance(r.parsed, EvidenceVersionRead):
                result.evidence_id = str(r.parsed.evidence_id)
                result.evidence = options.evidence
                result.version = r.parsed.number
            else:
                result.evidence_id = str(r.parsed.id)
                result.evidence = r.parsed.key
                current = r.parsed.current_version
                result.version = (
                    current.number if isinstance(current, EvidenceVersionRead) else None
                )
            return result
        result.error = _problem(r)
        result.status = "rejected" if 400 <= r.status_code < 500 else "failed"
        return result

    def _send_upload(
        self,
        org: str,
        options: UploadOptions,
        title: str,
        body: File,
        sha: str,
        key: str,
    ) -> Response[Any]:
        headers = {"x_content_sha256": sha, "idempotency_key": key}
        if options.evidence:
            return evidence_upload_evidence_version.sync_detailed(
                org,
                options.evidence,
                client=self.api,
                body=body,
                filename=body.file_name,
                **headers,
            )
        return evidence_upload_evidence.sync_detailed(
            org,
            client=self.api,
            body=body,
            title=title,
            kind=EvidenceKind(options.kind),
            source="cli",
            filename=body.file_name,
            requirement=list(options.requirements),
            fulfils=list(options.fulfils),
            tag=list(options.tags),
            valid_until=date.fromisoformat(options.valid_until) if options.valid_until else UNSET,
            external_ref=options.external_ref or UNSET,
            description=options.description or UNSET,
            x_content_sha256=sha,
            idempotency_key=key,
        )

    def list_evidence(self, org: str, filters: EvidenceFilters) -> Iterator[EvidenceRead]:
        def page(after: str | None) -> Callable[[], Response[EvidencePage | Problem]]:
            return lambda: evidence_list_evidence.sync_detailed(
                org,
                client=self.api,
                limit=200,
                cursor=after or UNSET,
                requirement=filters.requirement or UNSET,
                status=EvidenceStatus(filters.status) if filters.status else UNSET,
                kind=EvidenceKind(filters.kind) if filters.kind else UNSET,
                q=filters.q or UNSET,
            )

        cursor: str | None = None
        while True:
            r = self.call(page(cursor))
            if not isinstance(r.parsed, EvidencePage):
                raise RuntimeError(json.dumps(_problem(r)))
            yield from r.parsed.items
            cursor = r.parsed.next_cursor if isinstance(r.parsed.next_cursor, str) else None
            if not cursor:
                return


def default_title(path: Path, given: str | None, many: bool) -> str:
    if given and not many:
        return given
    if given:
        return f"{given}: {path.name}"[:200]
    return path.name[:200]


def env(name: str) -> str:
    return os.environ.get(name, "")
