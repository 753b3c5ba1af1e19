"""Check an evidence pack offline, as ``sha256sum -c`` and ``openssl pkeyutl -verify`` do.

Nothing is extracted: every file named in ``SHA256SUMS`` is read from the ZIP and hashed
(1 MiB at a time), files in the ZIP that ``SHA256SUMS`` does not list are reported (an
added file), and the Ed25519 signature of ``SHA256SUMS`` is checked with the pack's key or,
better, with the key the server publishes (``--key``), which the pack's key must equal.
"""

from __future__ import annotations

import hashlib
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from certready.exports.pack import layout
from certready.exports.pack.signing import (
    SigningKeyError,
    fingerprint,
    load_public_pem,
    verify,
)

PIECE = 1024 * 1024


class PackUnreadable(Exception):
    """Not a ZIP, or no ``SHA256SUMS`` in it."""


@dataclass
class PackReport:
    checked: int = 0
    problems: list[tuple[str, str]] = field(default_factory=list)
    signature_ok: bool = False
    fingerprint: str = ""

    @property
    def ok(self) -> bool:
        return not self.problems and self.signature_ok


def _root(names: list[str]) -> str:
    """The folder holding ``SHA256SUMS`` (``certready-...-evidence-pack-.../``) or ''."""
    candidates = [n for n in names if n == layout.SUMS or n.endswith("/" + layout.SUMS)]
    if not candidates:
        raise PackUnreadable(f"no {layout.SUMS} in the pack")
    best = min(candidates, key=lambda n: n.count("/"))
    return best.removesuffix(layout.SUMS)


def _sha256(archive: zipfile.ZipFile, name: str) -> str:
    digest = hashlib.sha256()
    with archive.open(name) as fh:
        while chunk := fh.read(PIECE):
            digest.update(chunk)
    return digest.hexdigest()


def _check_sums(archive: zipfile.ZipFile, root: str, sums: bytes, report: PackReport) -> None:
    try:
        listed = layout.parse_sums(sums)
    except (ValueError, UnicodeDecodeError) as exc:
        report.problems.append((layout.SUMS, str(exc)))
        return
    names = set(archive.namelist())
    for path, expected in listed:
        report.checked += 1
        if root + path not in names:
            report.problems.append((path, "missing from the pack"))
            continue
        try:
            actual = _sha256(archive, root + path)
        except zipfile.BadZipFile as exc:
            report.problems.append((path, f"damaged in the ZIP ({exc})"))
            continue
        if actual != expected:
            report.problems.append((path, "SHA-256 does not match SHA256SUMS"))
    covered = {root + p for p, _ in listed} | {root + layout.SUMS, root + layout.SIGNATURE}
    for name in sorted(names - covered):
        if not name.endswith("/"):
            report.problems.append((name.removeprefix(root), f"not listed in {layout.SUMS}"))
    if layout.MANIFEST not in {p for p, _ in listed}:
        report.problems.append((layout.MANIFEST, f"not listed in {layout.SUMS}"))


def _check_signature(
    archive: zipfile.ZipFile, root: str, sums: bytes, key_pem: bytes | None, report: PackReport
) -> None:
    names = set(archive.namelist())
    if root + layout.SIGNATURE not in names:
        report.problems.append((layout.SIGNATURE, "missing from the pack"))
        return
    signature = archive.read(root + layout.SIGNATURE)
    try:
        packed = (
            load_public_pem(archive.read(root + layout.PUBLIC_KEY))
            if root + layout.PUBLIC_KEY in names
            else None
        )
        given = load_public_pem(key_pem) if key_pem is not None else None
    except SigningKeyError as exc:
        report.problems.append((layout.PUBLIC_KEY, str(exc)))
        return
    key = given or packed
    if key is None:
        report.problems.append((layout.PUBLIC_KEY, "missing from the pack (pass --key)"))
        return
    report.fingerprint = fingerprint(key)
    if given is not None and packed is not None and fingerprint(packed) != report.fingerprint:
        report.problems.append((layout.PUBLIC_KEY, "is not the key given with --key"))
    report.signature_ok = verify(key, signature, sums)
    if not report.signature_ok:
        report.problems.append((layout.SIGNATURE, f"is not a valid signature of {layout.SUMS}"))


def verify_pack(path: Path, key_pem: bytes | None = None) -> PackReport:
    """Every check on the pack at ``path``; ``PackUnreadable`` when it is not one."""
    report = PackReport()
    try:
        with zipfile.ZipFile(path) as archive:
            root = _root(archive.namelist())
            sums = archive.read(root + layout.SUMS)
            _check_sums(archive, root, sums, report)
            _check_signature(archive, root, sums, key_pem, report)
    except (zipfile.BadZipFile, OSError) as exc:
        raise PackUnreadable(str(exc)) from exc
    return report
