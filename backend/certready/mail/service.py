"""Mail: render a template and queue it in the caller's transaction (the outbox).

``queue`` adds an ``OutboxMail`` row to the session; nothing is sent inside the
transaction. When the transaction commits, one delivery attempt starts as a background
task (``worker.deliver``); if the transaction rolls back, the row and the mail are gone.
Failed attempts are retried with backoff by the in-process mail worker (``worker.run``),
which also picks up rows left by a process that stopped. Delivery is at least once.
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections.abc import Mapping
from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession
from sqlalchemy.orm import Session

from certready.config import Settings
from certready.core.clock import utcnow
from certready.mail.content import seal
from certready.mail.models import OutboxMail
from certready.mail.smtp import Message
from certready.mail.worker import deliver_once

log = logging.getLogger("certready.mail")

# session.info keys: the mails this transaction queued, and how to deliver them after commit.
_QUEUED = "certready.mail.queued"
_DELIVERY = "certready.mail.delivery"
# Background delivery tasks, kept referenced until they finish (``settle`` awaits them).
_TASKS: set[asyncio.Task[Any]] = set()


@cache
def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("certready.mail", "templates"),
        autoescape=select_autoescape(["html"]),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )


def render(template: str, context: Mapping[str, Any], to: str) -> Message:
    """``<template>.subject.txt``, ``.txt`` and ``.html`` rendered with ``context``
    (HTML autoescaped; a missing variable is an error, never an empty string)."""
    env = _environment()
    subject = env.get_template(f"{template}.subject.txt").render(context).strip()
    values = {**context, "subject": subject}
    return Message(
        to=to,
        subject=subject,
        text=env.get_template(f"{template}.txt").render(values),
        html=env.get_template(f"{template}.html").render(values),
    )


def enabled(settings: Settings) -> bool:
    """Mail is configured (an SMTP host is set); otherwise the UI shows links instead."""
    return bool(settings.smtp_host)


def queue(
    session: AsyncSession,
    settings: Settings,
    *,
    to: str,
    template: str,
    context: Mapping[str, Any],
) -> OutboxMail:
    """Queue one mail in the session's transaction; it is sent after the commit."""
    message = render(template, context, to)
    now = utcnow()
    row = OutboxMail(
        kind=template,
        to_address=to,
        content=seal(settings, message),
        created_at=now,
        next_attempt_at=now,
    )
    session.add(row)
    session.info.setdefault(_QUEUED, []).append(row.id)
    bind = session.bind
    if isinstance(bind, AsyncEngine):
        session.info[_DELIVERY] = (bind, settings)
    return row


@event.listens_for(Session, "after_commit")
def _deliver_after_commit(session: Session) -> None:
    queued: list[uuid.UUID] | None = session.info.pop(_QUEUED, None)
    delivery = session.info.pop(_DELIVERY, None)
    if not queued or delivery is None:
        return
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:  # a synchronous caller: the worker delivers it
        return
    engine, settings = delivery
    task = loop.create_task(deliver_once(engine, settings, queued), name="mail-after-commit")
    _TASKS.add(task)
    task.add_done_callback(_TASKS.discard)


@event.listens_for(Session, "after_rollback")
def _forget_queued(session: Session) -> None:
    session.info.pop(_QUEUED, None)
    session.info.pop(_DELIVERY, None)


async def settle() -> None:
    """Wait for the after-commit delivery attempts started so far (CLI, tests, shutdown)."""
    while _TASKS:
        await asyncio.gather(*list(_TASKS), return_exceptions=True)
