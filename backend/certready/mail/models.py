"""The mail outbox: a message is a row written in the transaction that wants it sent."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index, Text
from sqlmodel import Field

from certready.db.base import IdMixin, utc_field


class OutboxMail(IdMixin, table=True):
    """One message to deliver. ``content`` (subject, text and HTML) is encrypted at rest,
    because it may carry a one-time link, and emptied once the message is sent or given up."""

    __tablename__ = "mail_outbox"
    __table_args__ = (Index("ix_mail_outbox_due", "sent_at", "failed_at", "next_attempt_at"),)

    kind: str = Field(max_length=64)
    to_address: str = Field(max_length=320)
    content: str = Field(sa_type=Text)
    created_at: datetime = utc_field()
    next_attempt_at: datetime = utc_field()
    attempts: int = 0
    sent_at: datetime | None = utc_field(default=None)
    failed_at: datetime | None = utc_field(default=None)
    last_error: str | None = Field(default=None, max_length=500)
