"""The evidence file store: write-once, content-addressed, one namespace per organisation.

Layout under ``settings.evidence_dir``::

    tmp/<host>-<pid>-<random>.part      uploads being received (same filesystem)
    <org_id>/<sha[:2]>/<sha256>         published blobs, read-only

A blob is published by an exclusive hard link from its fsynced temp file, then the
directory is fsynced (DESIGN.md "Evidence uploads"): a version row is only flushed
after that, so a committed row never lacks its file, and a crash leaves at most an
orphan blob that ``certready evidence verify`` reports. Nothing here deletes a blob.

Every function is blocking; callers run them in worker threads.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import socket
import stat
import time
import uuid
from collections import OrderedDict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from certready.core.clock import utcnow

PIECE = 1024 * 1024  # hand blocking work to threads in ~1 MiB pieces (STYLE.md)
SHA256_RE = re.compile(r"^[0-9a-f]{64}$")
TEMP_SUFFIX = ".part"
# Temp files untouched for this long belong to no live upload.
STALE_TEMP_SECONDS = 6 * 3600
_HOST = re.sub(r"[^A-Za-z0-9.]", "_", socket.gethostname())[:64] or "host"


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def hash_file(path: Path) -> tuple[str, int]:
    """SHA-256 and size of a stored file, read in 1 MiB pieces."""
    digest = hashlib.sha256()
    size = 0
    with path.open("rb", buffering=0) as fh:
        while chunk := fh.read(PIECE):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


@dataclass
class TempBlob:
    """A file being received: every piece is hashed and counted as it is written."""

    path: Path
    fd: int
    hasher: hashlib._Hash = field(default_factory=hashlib.sha256)
    size: int = 0
    closed: bool = False

    def write(self, data: bytes) -> None:
        view = memoryview(data)
        self.hasher.update(view)
        while view:
            written = os.write(self.fd, view)
            view = view[written:]
        self.size += len(data)

    def finish(self) -> tuple[str, int]:
        """fsync and close; the content is durable before anything points to it."""
        os.fsync(self.fd)
        os.close(self.fd)
        self.closed = True
        return self.hasher.hexdigest(), self.size

    def discard(self) -> None:
        if not self.closed:
            os.close(self.fd)
            self.closed = True
        self.path.unlink(missing_ok=True)


FileIdentity = tuple[int, int, int, int, int]


def file_identity(fd: int) -> FileIdentity:
    """What changes whenever a file's bytes may have: device, inode, size, mtime, ctime.

    ctime is in it because a process can set mtime back (``touch -d``), never ctime.
    """
    st = os.fstat(fd)
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)


class VerifiedHashes:
    """Blobs whose SHA-256 was verified, by path, with the file identity seen then.

    A range request for a blob verified since its last change streams without
    re-hashing the whole file (a 1-byte request must not cost a full read). Full
    downloads and ``certready evidence verify`` always re-hash. One per process, bounded
    (least recently used first out); ``hits`` counts the skipped re-hashes.
    """

    def __init__(self, max_entries: int = 10_000) -> None:
        self.max_entries = max_entries
        self.hits = 0
        self._entries: OrderedDict[str, tuple[str, FileIdentity]] = OrderedDict()

    def is_verified(self, path: Path, sha256: str, identity: FileIdentity) -> bool:
        key = str(path)
        if self._entries.get(key) != (sha256, identity):
            return False
        self._entries.move_to_end(key)
        self.hits += 1
        return True

    def remember(self, path: Path, sha256: str, identity: FileIdentity) -> None:
        self._entries[str(path)] = (sha256, identity)
        self._entries.move_to_end(str(path))
        while len(self._entries) > self.max_entries:
            self._entries.popitem(last=False)

    def forget(self, path: Path) -> None:
        self._entries.pop(str(path), None)


class EvidenceStore:
    def __init__(self, root: Path, verified: VerifiedHashes | None = None) -> None:
        self.root = root
        self.tmp = root / "tmp"
        # None (the CLI scrubber): every check re-hashes
        self.verified = verified

    # --- writing ---------------------------------------------------------------

    def new_temp(self) -> TempBlob:
        self.tmp.mkdir(parents=True, exist_ok=True)
        path = self.tmp / f"{_HOST}-{os.getpid()}-{uuid.uuid4().hex}{TEMP_SUFFIX}"
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
        return TempBlob(path=path, fd=fd)

    def blob_path(self, org_id: uuid.UUID, sha256: str) -> Path:
        if not SHA256_RE.match(sha256):
            raise ValueError("not a SHA-256 hex digest")
        return self.root / str(org_id) / sha256[:2] / sha256

    def publish(self, temp: TempBlob, org_id: uuid.UUID, sha256: str) -> Path:
        """Make the fsynced temp file the org's blob for ``sha256`` (exclusive, read-only).

        The same content uploaded twice in one organisation shares one blob. An existing
        blob that no longer matches its name (corrupted) is moved aside, never deleted,
        and replaced by the fresh copy.
        """
        target = self.blob_path(org_id, sha256)
        created = self._make_dirs(target.parent)
        os.chmod(temp.path, stat.S_IRUSR | stat.S_IRGRP)
        try:
            self._link_exclusive(temp.path, target)
        except FileExistsError:
            if hash_file(target)[0] != sha256:
                aside = target.with_name(f"{sha256}.corrupt-{utcnow():%Y%m%dT%H%M%S%f}")
                os.rename(target, aside)
                self._link_exclusive(temp.path, target)
        temp.path.unlink(missing_ok=True)
        _fsync_dir(target.parent)
        for directory in created:
            _fsync_dir(directory.parent)
        return target

    def _make_dirs(self, directory: Path) -> list[Path]:
        created: list[Path] = []
        for parent in [directory, *directory.parents]:
            if parent.exists() or parent == self.root.parent:
                break
            created.append(parent)
        directory.mkdir(parents=True, exist_ok=True)
        return created

    @staticmethod
    def _link_exclusive(source: Path, target: Path) -> None:
        try:
            os.link(source, target)
        except FileExistsError:
            raise
        except OSError:
            # filesystems without hard links: rename is atomic but not exclusive
            if target.exists():
                raise FileExistsError(target) from None
            os.replace(source, target)

    # --- reading and checking ---------------------------------------------------

    def open_blob(self, org_id: uuid.UUID, sha256: str) -> int | None:
        """An open descriptor on the blob, or None when the file is missing."""
        try:
            return os.open(self.blob_path(org_id, sha256), os.O_RDONLY | getattr(os, "O_BINARY", 0))
        except FileNotFoundError:
            return None

    def iter_blobs(self, org_id: uuid.UUID | None = None) -> Iterator[tuple[str, str, Path]]:
        """``(org directory name, sha256, path)`` of every published blob."""
        if not self.root.is_dir():
            return
        orgs = [self.root / str(org_id)] if org_id else sorted(self.root.iterdir())
        for org_dir in orgs:
            if not org_dir.is_dir() or org_dir == self.tmp:
                continue
            for shard in sorted(org_dir.iterdir()):
                if not shard.is_dir():
                    continue
                for blob in sorted(shard.iterdir()):
                    yield org_dir.name, blob.name, blob

    def sweep_temp(self, now: float | None = None) -> int:
        """Remove temp files of dead processes on this host, or untouched for hours.

        Run at start-up: an upload cut off by a crash leaves only such a file, never
        a version row (DESIGN.md). A live process's uploads are left alone.
        """
        if not self.tmp.is_dir():
            return 0
        now = now or time.time()
        removed = 0
        for entry in self.tmp.iterdir():
            if not entry.name.endswith(TEMP_SUFFIX):
                continue
            parts = entry.name.split("-")
            dead = False
            if len(parts) >= 3 and parts[-2].isdigit():
                pid = int(parts[-2])
                dead = "-".join(parts[:-2]) == _HOST and (
                    pid != os.getpid() and not _pid_alive(pid)
                )
            with contextlib.suppress(FileNotFoundError):
                if dead or now - entry.stat().st_mtime > STALE_TEMP_SECONDS:
                    entry.unlink()
                    removed += 1
        return removed


def process_identity() -> str:
    """``<host>:<pid>:<random>``: who holds an idempotency reservation."""
    return f"{_HOST}:{os.getpid()}:{uuid.uuid4().hex[:12]}"


def owner_is_dead(owner: str, me: str) -> bool:
    """True when ``owner`` (``<process identity>:<request>``) is a dead process of this host.

    Used to release reservations left by a killed server; owners on other hosts,
    or still running, are left to the heartbeat lease. A reused pid (containers
    restart as pid 1) is recognised by the random part of the process identity.
    """
    parts = owner.split(":")
    if len(parts) < 3 or parts[0] != _HOST or not parts[1].isdigit():
        return False
    if ":".join(parts[:3]) == me:
        return False
    pid = int(parts[1])
    return pid == os.getpid() or not _pid_alive(pid)


_IDENTITY: tuple[int, str] | None = None


def current_process_identity() -> str:
    """This process's identity, made once per process (recomputed after a fork)."""
    global _IDENTITY  # noqa: PLW0603 - one value per process
    if _IDENTITY is None or _IDENTITY[0] != os.getpid():
        _IDENTITY = (os.getpid(), process_identity())
    return _IDENTITY[1]
