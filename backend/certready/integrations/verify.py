"""Signature schemes of the sending tools, checked over the raw request bytes.

Each scheme is the vendor's as documented (``shared/INTEGRATIONS.md``); every comparison is
``hmac.compare_digest``. A scheme returns the name of what verified, or None.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from certready.integrations.enums import SourceType

# What a rejected request is told (one text: no hint which part failed).
REJECTED = "The request's signature or token did not verify for this integration."


@dataclass(frozen=True)
class Request:
    """What a scheme sees: lower-cased headers, the raw body, the time and the windows."""

    headers: Mapping[str, str]
    body: bytes
    now: int  # Unix seconds
    glpi_tolerance: int
    standard_tolerance: int


def _hmac_hex(key: bytes, message: bytes, digest: str = "sha256") -> str:
    return hmac.new(key, message, digest).hexdigest()


def _equal(given: str, expected: str) -> bool:
    return hmac.compare_digest(given.encode(), expected.encode())


def _prefixed(header: str | None, prefix: str, key: bytes, body: bytes, digest: str) -> bool:
    if not header or not header.startswith(prefix):
        return False
    return _equal(header[len(prefix) :].strip().lower(), _hmac_hex(key, body, digest))


def _bearer(req: Request, secret: str) -> bool:
    value = req.headers.get("authorization", "")
    scheme, _, token = value.partition(" ")
    return scheme.lower() == "bearer" and _equal(token.strip(), secret)


def jira(req: Request, secret: str) -> str | None:
    """Admin webhook: ``X-Hub-Signature: sha256=<hex>``; Automation: our bearer token."""
    key = secret.encode()
    if _prefixed(req.headers.get("x-hub-signature"), "sha256=", key, req.body, "sha256"):
        return "hmac-sha256"
    return "bearer" if _bearer(req, secret) else None


def servicenow(req: Request, secret: str) -> str | None:
    """``X-Signature: sha256=<hex>``, ``X-HMAC-Signature: <base64>`` (generateMac) or bearer."""
    key = secret.encode()
    if _prefixed(req.headers.get("x-signature"), "sha256=", key, req.body, "sha256"):
        return "hmac-sha256"
    given = req.headers.get("x-hmac-signature")
    if given:
        expected = base64.b64encode(hmac.new(key, req.body, "sha256").digest()).decode()
        if _equal(given.strip(), expected):
            return "hmac-sha256-base64"
    return "bearer" if _bearer(req, secret) else None


def glpi(req: Request, secret: str) -> str | None:
    """``X-GLPI-signature`` = hex HMAC-SHA256 over body + ``X-GLPI-timestamp``, in the window."""
    given = req.headers.get("x-glpi-signature")
    stamp = req.headers.get("x-glpi-timestamp", "")
    if not given or not stamp.isdigit() or abs(req.now - int(stamp)) > req.glpi_tolerance:
        return None
    expected = _hmac_hex(secret.encode(), req.body + stamp.encode())
    return "hmac-sha256" if _equal(given.strip().lower(), expected) else None


def zammad(req: Request, secret: str) -> str | None:
    """Trigger webhook: ``X-Hub-Signature: sha1=<hex>`` over the raw body."""
    header = req.headers.get("x-hub-signature")
    return "hmac-sha1" if _prefixed(header, "sha1=", secret.encode(), req.body, "sha1") else None


def standard_key(secret: str) -> bytes:
    """A ``whsec_<base64>`` secret's key bytes (any other secret is used as it is)."""
    if secret.startswith("whsec_"):
        try:
            return base64.b64decode(secret.removeprefix("whsec_"), validate=True)
        except (binascii.Error, ValueError):
            return secret.encode()
    return secret.encode()


def generic(req: Request, secret: str) -> str | None:
    """Standard Webhooks: ``v1,<base64 HMAC-SHA256 of id.timestamp.body>``, in the window."""
    msg_id = req.headers.get("webhook-id", "")
    stamp = req.headers.get("webhook-timestamp", "")
    signatures = req.headers.get("webhook-signature", "")
    if not msg_id or not stamp.isdigit() or not signatures:
        return None
    if abs(req.now - int(stamp)) > req.standard_tolerance:
        return None
    message = f"{msg_id}.{stamp}.".encode() + req.body
    expected = base64.b64encode(hmac.new(standard_key(secret), message, "sha256").digest())
    for candidate in signatures.split():
        version, _, value = candidate.partition(",")
        if version == "v1" and hmac.compare_digest(value.encode(), expected):
            return "standard-webhooks-v1"
    return None


SCHEMES: dict[SourceType, Callable[[Request, str], str | None]] = {
    SourceType.jira: jira,
    SourceType.servicenow: servicenow,
    SourceType.glpi: glpi,
    SourceType.zammad: zammad,
    SourceType.generic: generic,
}


def verify(source: SourceType, req: Request, secrets: list[tuple[str, str]]) -> str | None:
    """The first ``(label, secret)`` that verifies, as ``scheme`` or ``scheme (label)``."""
    scheme = SCHEMES[source]
    for label, secret in secrets:
        result = scheme(req, secret)
        if result is not None:
            return result if not label else f"{result} ({label})"
    return None


def glpi_challenge(secret: str, token: str) -> str:
    """GLPI's challenge-response: the hex HMAC-SHA256 of the ``crc_token``."""
    return _hmac_hex(secret.encode(), token.encode())


def body_sha256(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()
