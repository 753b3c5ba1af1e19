"""The HTTP client behind ``certready evidence upload | list`` (scripts and CI).

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
import json
import os
import random
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from enum import IntEnum
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx

CHUNK = 1024 * 1024
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
MAX_ATTEMPTS = 6
MAX_BACKOFF = 30.0
MAX_RETRY_AFTER = 120.0


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


def _problem(response: httpx.Response) -> dict[str, Any]:
    try:
        body = response.json()
    except ValueError:
        return {"status": response.status_code, "detail": response.text[:500]}
    if isinstance(body, dict):
        return {k: body[k] for k in ("type", "title", "status", "detail", "errors") if k in body}
    return {"status": response.status_code}


class Client:
    def __init__(
        self,
        url: str,
        token: str,
        *,
        transport: httpx.BaseTransport | None = None,
        sleep: Callable[[float], None] = time.sleep,
        timeout: httpx.Timeout | None = None,
    ) -> None:
        if not url:
            raise UsageError("set CERTREADY_URL (e.g. https://certready.example.com)")
        if not token:
            raise UsageError("set CERTREADY_TOKEN to an API token (crt_...)")
        self._http = httpx.Client(
            base_url=url.rstrip("/"),
            headers={"Authorization": f"Bearer {token}", "User-Agent": "certready-cli"},
            timeout=timeout or httpx.Timeout(connect=10.0, read=600.0, write=120.0, pool=30.0),
            transport=transport,
            follow_redirects=False,
        )
        self._sleep = sleep

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> Client:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- transport with retries ------------------------------------------------------

    def request(
        self,
        method: str,
        path: str,
        *,
        body: Callable[[], Iterator[bytes]] | None = None,
        **kwargs: Any,
    ) -> httpx.Response:
        """Send, retrying 429/5xx/in-flight-409 and connection errors with backoff.

        ``body`` is a factory: a streamed body cannot be replayed, so every attempt
        opens the file again.
        """
        for attempt in range(1, MAX_ATTEMPTS + 1):
            try:
                content = body() if body is not None else kwargs.pop("content", None)
                response = self._http.request(method, path, content=content, **kwargs)
            except (httpx.TransportError, OSError):
                if attempt == MAX_ATTEMPTS:
                    raise
                self._sleep(self._backoff(attempt, None))
                continue
            retry = response.status_code in RETRY_STATUSES or (
                response.status_code == 409
                and "idempotency-key-in-flight"
                in response.headers.get("content-type", "") + response.text[:200]
            )
            if not retry or attempt == MAX_ATTEMPTS:
                if response.status_code in {401, 403}:
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

    def current_token(self) -> dict[str, Any]:
        r = self.request("GET", "/api/v1/tokens/current")
        if r.status_code == 404:
            raise UsageError("this credential is not an API token: give --org")
        r.raise_for_status()
        data: dict[str, Any] = r.json()
        return data

    def org_slug(self, org: str | None) -> str:
        """The organisation to act in: given, or the API token's own."""
        if org:
            return org
        return str(self.current_token()["org_slug"])

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
        if options.evidence:
            target = f"version:{options.evidence}"
            url = f"/api/v1/orgs/{org}/evidence/{quote(options.evidence, safe='')}/versions/new"
            params: dict[str, Any] = {"filename": path.name}
        else:
            target = f"new:{options.kind}:{title}:{path.name}"
            url = f"/api/v1/orgs/{org}/evidence/upload"
            params = {
                "title": title,
                "kind": options.kind,
                "source": "cli",
                "filename": path.name,
                "requirement": list(options.requirements),
                "fulfils": list(options.fulfils),
                "tag": list(options.tags),
            }
            for name in ("valid_until", "external_ref", "description"):
                value = getattr(options, name)
                if value:
                    params[name] = value

        def stream() -> Iterator[bytes]:
            sent = 0
            with path.open("rb") as fh:
                while chunk := fh.read(CHUNK):
                    sent += len(chunk)
                    if progress:
                        progress(len(chunk))
                    yield chunk
            if progress and sent < size:
                progress(size - sent)

        headers = {
            "Content-Type": "application/octet-stream",
            "Content-Length": str(size),
            "X-Content-SHA256": sha,
            "Idempotency-Key": idempotency_key(org, target, sha),
        }
        try:
            r = self.request("PUT", url, params=params, headers=headers, body=stream)
        except (httpx.TransportError, OSError) as exc:
            result.error = {"detail": f"{type(exc).__name__}: {exc}"}
            return result
        if r.status_code == 201:
            body = r.json()
            replayed = r.headers.get("idempotent-replayed") == "true"
            result.status = "replayed" if replayed else "uploaded"
            if options.evidence:
                result.evidence_id = str(body["evidence_id"])
                result.evidence = options.evidence
                result.version = int(body["number"])
            else:
                result.evidence_id = str(body["id"])
                result.evidence = str(body["key"])
                result.version = int(body["current_version"]["number"])
            return result
        result.error = _problem(r)
        result.status = "rejected" if 400 <= r.status_code < 500 else "failed"
        return result

    def list_evidence(self, org: str, params: dict[str, Any]) -> Iterator[dict[str, Any]]:
        cursor: str | None = None
        while True:
            query = {**params, "limit": 200, **({"cursor": cursor} if cursor else {})}
            r = self.request("GET", f"/api/v1/orgs/{org}/evidence", params=query)
            if r.status_code != 200:
                raise RuntimeError(json.dumps(_problem(r)))
            page = r.json()
            yield from page["items"]
            cursor = page.get("next_cursor")
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
