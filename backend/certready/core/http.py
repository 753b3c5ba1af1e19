"""ETag / If-Match helpers (RFC 9110): 428 when missing, 412 when stale; HEAD answers."""

from __future__ import annotations

from collections.abc import Mapping

from fastapi import Response

from certready.core.problems import PreconditionFailed, PreconditionRequired


def etag_for(version: int) -> str:
    return f'"{version}"'


def set_etag(response: Response, version: int) -> None:
    response.headers["ETag"] = etag_for(version)


def check_if_match(if_match: str | None, version: int) -> None:
    if not if_match:
        raise PreconditionRequired("Send If-Match with the ETag from your last read.")
    candidates = [c.strip() for c in if_match.split(",")]
    current = etag_for(version)
    if "*" in candidates:
        return
    if not any(c.removeprefix("W/") == current for c in candidates):
        raise PreconditionFailed(
            "The resource was changed by someone else. Reload it and try again.",
            extra={"current_etag": current},
        )


class HeadResponse(Response):
    """The headers of a download without its body (a HEAD, RFC 9110 9.3.2): the
    Content-Length is the one the GET would send, or none when unknown (never 0)."""

    def init_headers(self, headers: Mapping[str, str] | None = None) -> None:
        super().init_headers(headers)
        if headers is None or "Content-Length" not in headers:
            self.raw_headers = [(k, v) for k, v in self.raw_headers if k != b"content-length"]
