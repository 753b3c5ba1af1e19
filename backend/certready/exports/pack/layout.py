"""What is inside an evidence pack, as bytes and names (no I/O, no database).

::

    certready-acme-evidence-pack-20261203/
      VERIFY.txt              how to check the pack offline
      manifest.json           organisation, who, when, filters, every file with its metadata
      SHA256SUMS              ``sha256sum -c`` lines for every other file (manifest included)
      SHA256SUMS.sig          Ed25519 signature of SHA256SUMS (64 raw bytes)
      signing-key.pem         the public key that made it
      compliance-matrix.xlsx  the XLSX compliance matrix (when asked for)
      evidence/E-12 Incident procedure/v3 incident-procedure.pdf
      ...

Names are readable and safe on every unzip tool: NFC, no separators, control or format
characters, nothing ``sha256sum`` would escape (backslash, newline), no leading dots, a
bounded length; the key and version keep every path unique.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

MANIFEST = "manifest.json"
SUMS = "SHA256SUMS"
SIGNATURE = "SHA256SUMS.sig"
PUBLIC_KEY = "signing-key.pem"
VERIFY = "VERIFY.txt"
EVIDENCE_DIR = "evidence"
FORMAT = "certready-evidence-pack/1"
MAX_SEGMENT_CHARS = 80
_UNSAFE = re.compile(r'[\\/:*?"<>|]')
_DROPPED = {"Cc", "Cf", "Cs", "Co", "Zl", "Zp"}


def safe_segment(text: str, fallback: str = "file") -> str:
    """One path segment: readable, never a separator, escape or hidden name."""
    name = unicodedata.normalize("NFC", text)
    name = "".join(c for c in name if unicodedata.category(c) not in _DROPPED)
    name = " ".join(_UNSAFE.sub("_", name).split()).strip(". ")
    if len(name) > MAX_SEGMENT_CHARS:
        stem, dot, ext = name.rpartition(".")
        suffix = f".{ext}" if dot and stem and len(ext) <= 10 else ""
        keep = (stem if suffix else name)[: MAX_SEGMENT_CHARS - len(suffix)].rstrip(". ")
        name = keep + suffix
    return name or fallback


@dataclass(frozen=True)
class PackFile:
    """One stored evidence file (a version) as it goes into the pack."""

    evidence_id: Any
    key: str
    title: str
    kind: str
    version: int
    current: bool
    sha256: str
    size: int
    media_type: str
    filename: str
    uploaded_at: datetime
    status: str
    approved_on: date | None
    approved_at: datetime | None
    approved_by: str | None
    effective_date: date | None
    valid_until: date | None
    clauses: Sequence[str] = ()
    documents: Sequence[str] = ()

    @property
    def path(self) -> str:
        """``evidence/E-12 Incident procedure/v3 incident.pdf`` (under the pack's folder)."""
        folder = safe_segment(f"{self.key} {self.title}", self.key)
        return f"{EVIDENCE_DIR}/{folder}/{safe_segment(f'v{self.version} {self.filename}')}"

    def manifest_entry(self) -> dict[str, Any]:
        approval = None
        if self.current:
            approval = {
                "status": self.status,
                "approved_on": _iso(self.approved_on),
                "approved_at": _iso(self.approved_at),
                "approved_by": self.approved_by,
            }
        return {
            "path": self.path,
            "evidence_key": self.key,
            "title": self.title,
            "kind": self.kind,
            "version": self.version,
            "current_version": self.current,
            "sha256": self.sha256,
            "size": self.size,
            "media_type": self.media_type,
            "original_filename": self.filename,
            "uploaded_at": _iso(self.uploaded_at),
            # the item's approval applies to its current version (null: a superseded one)
            "approval": approval,
            "effective_date": _iso(self.effective_date),
            "valid_until": _iso(self.valid_until),
            "clauses": list(self.clauses),
            "documented_information": list(self.documents),
        }


def _iso(value: date | datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


@dataclass
class Manifest:
    """``manifest.json``: the export metadata and one entry per file."""

    pack_id: str
    meta_rows: dict[str, Any]
    framework: dict[str, str]
    signing: dict[str, str]
    files: list[PackFile] = field(default_factory=list)
    without_files: list[str] = field(default_factory=list)
    generated: list[dict[str, Any]] = field(default_factory=list)

    def to_bytes(self) -> bytes:
        body = {
            "format": FORMAT,
            "pack_id": self.pack_id,
            **self.meta_rows,
            "framework": self.framework,
            "signature": self.signing,
            "file_count": len(self.files),
            "total_bytes": sum(f.size for f in self.files),
            "files": [f.manifest_entry() for f in self.files],
            # items in scope that have no stored file (statements without an attachment)
            "items_without_files": self.without_files,
            # files Certready generated for the pack (the compliance matrix when asked for)
            "generated_files": self.generated,
        }
        return (json.dumps(body, ensure_ascii=False, indent=2) + "\n").encode()


def sums_text(entries: Iterable[tuple[str, str]]) -> bytes:
    """``<sha256>  <path>`` lines (GNU ``sha256sum`` text format, ``sha256sum -c`` reads it)."""
    return "".join(f"{sha}  {path}\n" for path, sha in entries).encode()


def parse_sums(text: bytes) -> list[tuple[str, str]]:
    """(path, sha256) of every line; ``ValueError`` on a line that is not one."""
    out = []
    for number, line in enumerate(text.decode().splitlines(), 1):
        match = re.fullmatch(r"([0-9a-f]{64}) [ *](.+)", line)
        if match is None:
            raise ValueError(f"{SUMS} line {number} is not '<sha256>  <path>'")
        out.append((match.group(2), match.group(1)))
    return out


def verify_text(root: str, organisation: str, fingerprint: str, generated_at: str) -> bytes:
    """``VERIFY.txt``: how an auditor checks the pack with standard tools, offline."""
    return f"""Certready evidence pack: {organisation}, generated {generated_at}

This pack can be checked offline with standard tools (GNU coreutils and OpenSSL 3).

1. Unzip it and change into its folder:

     unzip {root}.zip && cd {root}

2. Check every file against the list of SHA-256 digests (each line must say OK):

     sha256sum -c {SUMS}

   {SUMS} covers every file in the pack except itself and its signature, the
   manifest included. On macOS: shasum -a 256 -c {SUMS}

3. Check that {SUMS} was signed by the deployment's key (Ed25519):

     openssl pkeyutl -verify -pubin -inkey {PUBLIC_KEY} -rawin -in {SUMS} -sigfile {SIGNATURE}

   It prints "Signature Verified Successfully".

4. Check that the key is the deployment's. Its SHA-256 fingerprint is

     {fingerprint}

   Compare it with what the Certready server publishes (GET
   /api/v1/orgs/<organisation>/exports/signing-key, or ask the organisation), and with:

     openssl pkey -pubin -in {PUBLIC_KEY} -outform DER | sha256sum

Or, with Certready installed: certready pack verify {root}.zip [--key server-key.pem]

{MANIFEST} lists every file with its evidence key, version, SHA-256, size, approval and
the clauses it supports.
""".encode()
