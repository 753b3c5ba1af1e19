"""Generated files that go into a pack whole: the compliance matrix (XLSX), spooled first.

A spooled file's size and SHA-256 must be known before the ZIP starts (``SHA256SUMS`` is
signed and the size announced up front), so it is written to an anonymous temporary file,
hashed there, then streamed from it in 1 MiB pieces; the pack closes it when done.
"""

from __future__ import annotations

import hashlib
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO

import anyio
from sqlalchemy.ext.asyncio import AsyncSession

from certready.context import OrgContext
from certready.evidence.storage import PIECE
from certready.exports import matrix
from certready.exports.meta import ExportMeta

MATRIX_NAME = "compliance-matrix.xlsx"


@dataclass
class Spooled:
    """One generated file in the pack (``name`` relative to the pack's folder)."""

    name: str
    spool: IO[bytes]
    size: int
    sha256: str
    data_sha256: str

    def chunks(self) -> Iterator[bytes]:
        self.spool.seek(0)
        while chunk := self.spool.read(PIECE):
            yield chunk

    def close(self) -> None:
        self.spool.close()

    def manifest_entry(self) -> dict[str, object]:
        return {
            "path": self.name,
            "sha256": self.sha256,
            "size": self.size,
            "data_sha256": self.data_sha256,
        }


def _digest(spool: IO[bytes]) -> tuple[int, str]:
    spool.seek(0)
    digest = hashlib.sha256()
    size = 0
    while chunk := spool.read(PIECE):
        digest.update(chunk)
        size += len(chunk)
    return size, digest.hexdigest()


async def compliance_matrix(session: AsyncSession, ctx: OrgContext) -> Spooled:
    """The whole organisation's compliance matrix, as the XLSX export writes it."""
    meta = ExportMeta.for_context(ctx, matrix.EXPORT)
    spool = tempfile.TemporaryFile()  # noqa: SIM115  (closed by the pack)
    try:
        await matrix.write_workbook(session, ctx, spool, meta)
        size, sha256 = await anyio.to_thread.run_sync(_digest, spool)
    except BaseException:
        spool.close()
        raise
    return Spooled(MATRIX_NAME, spool, size, sha256, meta.data_sha256)
