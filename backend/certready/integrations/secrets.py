"""Integration secrets: generated, shown once, stored encrypted with a key from settings.

The receiver has to compute an HMAC with the secret, so a hash cannot be kept: the secret is
encrypted with Fernet (AES-128-CBC + HMAC-SHA256, from ``cryptography``) under
``CERTREADY_INTEGRATIONS_KEY``, or under a key derived from ``CERTREADY_SECRET_KEY`` by
HKDF-SHA256 when none is set. A database dump alone does not reveal any secret.
"""

from __future__ import annotations

import base64
import secrets
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from certready.config import Settings
from certready.integrations.enums import SourceType

MIN_SECRET_LENGTH = 16
_HKDF_INFO = b"certready integrations secrets v1"


class SecretUnreadable(Exception):
    """The stored secret does not decrypt with the configured key (the key changed)."""


@lru_cache(maxsize=16)
def _fernet(material: str, explicit: bool) -> Fernet:
    if explicit:
        return Fernet(material.encode())
    derived = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_HKDF_INFO).derive(
        material.encode()
    )
    return Fernet(base64.urlsafe_b64encode(derived))


def cipher(settings: Settings) -> Fernet:
    if settings.integrations_key is not None:
        return _fernet(settings.integrations_key.get_secret_value(), True)
    return _fernet(settings.jwt_secret(), False)


def encrypt(settings: Settings, secret: str) -> str:
    return cipher(settings).encrypt(secret.encode()).decode()


def decrypt(settings: Settings, token: str) -> str:
    """The secret in ``token``; the receivers call this per delivery, so the plaintext is
    kept per process keyed on the key material and the ciphertext itself: a rotation
    stores a new ciphertext (a new entry), a changed key another material."""
    if settings.integrations_key is not None:
        return _decrypt(settings.integrations_key.get_secret_value(), True, token)
    return _decrypt(settings.jwt_secret(), False, token)


@lru_cache(maxsize=1024)
def _decrypt(material: str, explicit: bool, token: str) -> str:
    try:
        return _fernet(material, explicit).decrypt(token.encode()).decode()
    except InvalidToken as exc:  # not cached: raised again on every call
        raise SecretUnreadable() from exc


def generate_secret(source: SourceType) -> str:
    """A new random secret; Standard Webhooks secrets carry their ``whsec_`` base64 form."""
    if source == SourceType.generic:
        return "whsec_" + base64.b64encode(secrets.token_bytes(32)).decode()
    return secrets.token_urlsafe(32)
