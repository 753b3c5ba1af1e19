"""Read models of the evidence pack's JSON endpoints."""

from __future__ import annotations

import uuid
from datetime import datetime
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


class PackJobStatus(StrEnum):
    """Where a pack job is: queued, running, done (downloadable) or failed."""

    queued = "queued"
    running = "running"
    done = "done"
    failed = "failed"


class PackJobRead(BaseModel):
    """An evidence pack being made in the background, with its progress."""

    id: uuid.UUID
    status: PackJobStatus
    filename: str = Field(description="The pack's file name once downloaded.")
    files_done: int = Field(description="Evidence files written into the pack so far.")
    files_total: int = Field(description="Evidence files the pack holds.")
    bytes_done: int = Field(description="Bytes of the ZIP written so far.")
    bytes_total: int | None = Field(
        description="The ZIP's exact size, known once the pack's contents are fixed."
    )
    sha256: str | None = Field(description="SHA-256 of the finished ZIP (done only).")
    size: int | None = Field(description="Size of the finished ZIP in bytes (done only).")
    pack_id: str | None = Field(description="The pack's id in its manifest.json.")
    error: str | None = Field(description="Why it failed (failed only).")
    download_url: str | None = Field(
        description="The finished pack's download (done only): send the Authorization "
        "header, or ask for a download ticket for this URL."
    )
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None
    expires_at: datetime | None = Field(
        description="When the finished pack and this job are removed (retention)."
    )
