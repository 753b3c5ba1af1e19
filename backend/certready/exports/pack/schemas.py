"""Read models of the evidence pack's JSON endpoints."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, Field


class PackVersions(StrEnum):
    """Which versions of each item go into the pack."""

    current = "current"
    all = "all"


class PackSigningKeyRead(BaseModel):
    """The deployment's public key that signs evidence packs (``SHA256SUMS.sig``)."""

    algorithm: str = Field(examples=["Ed25519"])
    public_key_pem: str = Field(description="SubjectPublicKeyInfo, PEM (`signing-key.pem`).")
    fingerprint_sha256: str = Field(
        description="SHA-256 (hex) of the DER public key: "
        "`openssl pkey -pubin -in signing-key.pem -outform DER | sha256sum`."
    )
