"""Evidence pack jobs: a pack made in the background into the exports area, with progress."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import BigInteger, Index, Text
from sqlmodel import Field

from certready.db.base import IdMixin, utc_field


class PackJob(IdMixin, table=True):
    """One pack being made (or made) for one caller of one organisation.

    ``status``: queued -> running -> done | failed. ``owner`` is the process making it
    (``<host>:<pid>:<random>``): a job whose process is gone is marked failed on start.
    The file is ``<exports dir>/<org_id>/<id>.zip`` once done; it and the row are removed
    ``pack_job_retention_hours`` after the job finished."""

    __tablename__ = "export_pack_job"
    __table_args__ = (
        Index("ix_export_pack_job_org_created", "org_id", "created_at"),
        Index("ix_export_pack_job_status_finished", "status", "finished_at"),
    )

    org_id: uuid.UUID = Field(foreign_key="organisation.id", ondelete="RESTRICT")
    # the credential that started it (user or API token): only it sees the job
    requested_by: uuid.UUID
    requested_by_name: str = Field(max_length=200)
    status: str = Field(max_length=16)
    filters: str = Field(sa_type=Text)
    filename: str = Field(max_length=200)
    files_total: int = 0
    files_done: int = 0
    bytes_total: int | None = Field(default=None, sa_type=BigInteger)
    bytes_done: int = Field(default=0, sa_type=BigInteger)
    sha256: str | None = Field(default=None, max_length=64)
    size: int | None = Field(default=None, sa_type=BigInteger)
    pack_id: str | None = Field(default=None, max_length=36)
    error: str | None = Field(default=None, max_length=500)
    owner: str = Field(max_length=200)
    created_at: datetime = utc_field()
    started_at: datetime | None = utc_field(default=None)
    finished_at: datetime | None = utc_field(default=None)
