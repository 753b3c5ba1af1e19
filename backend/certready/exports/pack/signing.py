"""The deployment's Ed25519 key that signs evidence packs (``cryptography``).

The private key comes from ``CERTREADY_PACK_SIGNING_KEY`` (PKCS#8 PEM) or, when that is
unset, from ``DATA_DIR/pack_signing_key.pem``, generated on first use with an exclusive
create (two processes starting together agree on one key) and mode 0600, as the
development JWT secret is. Only the public key ever leaves: as PEM (SubjectPublicKeyInfo,
what ``openssl pkeyutl -verify -pubin`` reads) and its fingerprint, the SHA-256 of the DER
encoding (``openssl pkey -pubin -in key.pem -outform DER | sha256sum``).

The signature is over the bytes of ``SHA256SUMS`` (Ed25519 signs the message itself,
no pre-hash: ``openssl pkeyutl -verify -rawin``).
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from certready.config import Settings

ALGORITHM = "Ed25519"
KEY_FILE = "pack_signing_key.pem"


class SigningKeyError(ValueError):
    """The configured key is not an Ed25519 private key in PEM."""


def _load_private(pem: bytes) -> Ed25519PrivateKey:
    try:
        key = serialization.load_pem_private_key(pem, password=None)
    except (ValueError, TypeError) as exc:
        raise SigningKeyError(f"not a PEM private key: {exc}") from None
    if not isinstance(key, Ed25519PrivateKey):
        raise SigningKeyError("the pack signing key must be an Ed25519 key")
    return key


def _private_pem(key: Ed25519PrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )


def _stored_key(data_dir: Path) -> Ed25519PrivateKey:
    path = data_dir / KEY_FILE
    if path.exists():
        return _load_private(path.read_bytes())
    data_dir.mkdir(parents=True, exist_ok=True)
    key = Ed25519PrivateKey.generate()
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return _load_private(path.read_bytes())
    with os.fdopen(fd, "wb") as fh:
        fh.write(_private_pem(key))
        fh.flush()
        os.fsync(fh.fileno())
    return key


def public_pem(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )


def fingerprint(key: Ed25519PublicKey) -> str:
    """SHA-256 (hex) of the DER SubjectPublicKeyInfo."""
    der = key.public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return hashlib.sha256(der).hexdigest()


def load_public_pem(pem: bytes) -> Ed25519PublicKey:
    """An Ed25519 public key from PEM (SubjectPublicKeyInfo); ``SigningKeyError`` otherwise."""
    try:
        key = serialization.load_pem_public_key(pem)
    except (ValueError, TypeError) as exc:
        raise SigningKeyError(f"not a PEM public key: {exc}") from None
    if not isinstance(key, Ed25519PublicKey):
        raise SigningKeyError("not an Ed25519 public key")
    return key


def verify(key: Ed25519PublicKey, signature: bytes, message: bytes) -> bool:
    try:
        key.verify(signature, message)
    except InvalidSignature:
        return False
    return True


@dataclass(frozen=True)
class PackSigner:
    """Signs with the deployment's key; ``public_key_pem`` and ``fingerprint`` are public."""

    private_key: Ed25519PrivateKey

    @classmethod
    def from_settings(cls, settings: Settings) -> PackSigner:
        if settings.pack_signing_key is not None:
            pem = settings.pack_signing_key.get_secret_value().encode()
            return cls(_load_private(pem))
        return cls(_stored_key(settings.data_dir))

    @property
    def public_key(self) -> Ed25519PublicKey:
        return self.private_key.public_key()

    @property
    def public_key_pem(self) -> bytes:
        return public_pem(self.public_key)

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.public_key)

    def sign(self, message: bytes) -> bytes:
        """The 64-byte Ed25519 signature of ``message``."""
        return self.private_key.sign(message)
