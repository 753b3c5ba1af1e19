"""A real SMTP server for the tests (aiosmtpd in its own thread, on a free local port)."""

from __future__ import annotations

import re
import socket
import time
from email import message_from_bytes, policy
from email.message import EmailMessage

import anyio
from aiosmtpd.controller import Controller
from certready.config import Settings


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Inbox:
    """The SMTP server's handler: every message received, parsed, with its envelope."""

    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []

    async def handle_DATA(self, server, session, envelope):  # type: ignore[no-untyped-def]
        message = message_from_bytes(envelope.original_content, policy=policy.default)
        assert isinstance(message, EmailMessage)
        message["X-Envelope-To"] = ",".join(envelope.rcpt_tos)
        self.messages.append(message)
        return "250 OK"

    async def wait(self, count: int, seconds: float = 15) -> list[EmailMessage]:
        """At least ``count`` messages (the event loop keeps running: deliveries progress)."""
        deadline = time.monotonic() + seconds
        # messages arrive on the SMTP server's own thread: polled, not an anyio.Event
        while len(self.messages) < count and time.monotonic() < deadline:  # noqa: ASYNC110
            await anyio.sleep(0.05)
        assert len(self.messages) >= count, f"{len(self.messages)} of {count} mails arrived"
        return self.messages

    def wait_sync(self, count: int, seconds: float = 15) -> list[EmailMessage]:
        """The same for a test that is not async (a browser test with a server elsewhere)."""
        deadline = time.monotonic() + seconds
        while len(self.messages) < count and time.monotonic() < deadline:
            time.sleep(0.05)
        assert len(self.messages) >= count, f"{len(self.messages)} of {count} mails arrived"
        return self.messages


def text_of(message: EmailMessage) -> str:
    part = message.get_body(preferencelist=("plain",))
    assert part is not None
    return str(part.get_content())


def html_of(message: EmailMessage) -> str:
    part = message.get_body(preferencelist=("html",))
    assert part is not None
    return str(part.get_content())


def link_in(message: EmailMessage, pattern: str) -> str:
    """The first link matching ``pattern`` in the text part (the HTML part has it too)."""
    found = re.search(pattern, text_of(message))
    assert found, text_of(message)
    assert found.group(0) in html_of(message)
    return found.group(0)


class SmtpServer:
    def __init__(self, port: int | None = None) -> None:
        self.inbox = Inbox()
        self.port = port or free_port()
        self.controller = Controller(self.inbox, hostname="127.0.0.1", port=self.port)

    def start(self) -> SmtpServer:
        self.controller.start()
        return self

    def stop(self) -> None:
        self.controller.stop()

    def settings(self, settings: Settings, **extra: object) -> Settings:
        """``settings`` sending through this server (plain SMTP on localhost)."""
        return settings.model_copy(
            update={
                "smtp_host": "127.0.0.1",
                "smtp_port": self.port,
                "smtp_starttls": False,
                "smtp_from": "certready@acme.example",
                "public_url": "https://certready.acme.example",
                **extra,
            }
        )
