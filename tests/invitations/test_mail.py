"""Invitation mail through a real SMTP server (aiosmtpd on a free local port)."""

from __future__ import annotations

import re
import socket
import time
from collections.abc import AsyncIterator, Iterator
from email import message_from_bytes
from email.message import Message

import httpx
import pytest
from aiosmtpd.controller import Controller
from certready.config import Settings
from certready.db.session import Database
from certready.main import create_app

from tests.factories.auth import PASSWORD, first_run, login


class Inbox:
    def __init__(self) -> None:
        self.messages: list[Message] = []

    async def handle_DATA(self, server, session, envelope):  # type: ignore[no-untyped-def]
        message = message_from_bytes(envelope.original_content)
        message["X-Envelope-To"] = ",".join(envelope.rcpt_tos)
        self.messages.append(message)
        return "250 OK"

    def wait(self, count: int, seconds: float = 15) -> list[Message]:
        deadline = time.monotonic() + seconds
        while len(self.messages) < count and time.monotonic() < deadline:
            time.sleep(0.05)
        return self.messages


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def smtp() -> Iterator[tuple[Inbox, int]]:
    inbox = Inbox()
    port = _free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield inbox, port
    finally:
        controller.stop()


async def _client(settings: Settings, database: Database) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(settings, database=database)
    transport = httpx.ASGITransport(app=app, client=("127.0.0.1", 50000))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
        yield c


async def test_with_smtp_the_link_is_mailed_and_never_shown(
    settings: Settings, database: Database, smtp: tuple[Inbox, int]
) -> None:
    inbox, port = smtp
    mailing = settings.model_copy(
        update={
            "smtp_host": "127.0.0.1",
            "smtp_port": port,
            "smtp_starttls": False,
            "smtp_from": "certready@acme.example",
            "public_url": "https://certready.acme.example",
        }
    )
    async for client in _client(mailing, database):
        org = await first_run(client)
        r = await client.post(
            f"/api/v1/orgs/{org.slug}/invitations",
            json={"email": "mia@acme.example", "role": "sms_manager"},
            headers=org.admin.headers,
        )
        assert r.status_code == 201, r.text
        assert r.json()["delivery"] == "email"
        assert r.json()["accept_url"] is None
        assert "cri_" not in r.text
        [mail] = inbox.wait(1)
        assert mail["X-Envelope-To"] == "mia@acme.example"
        assert mail["From"] == "certready@acme.example"
        assert "Acme IT" in mail["Subject"]
        body = mail.get_payload(decode=True).decode()  # type: ignore[union-attr]
        link = re.search(r"https://certready\.acme\.example/invite/(cri_[A-Za-z0-9_-]+)", body)
        assert link, body
        r = await client.post(
            "/api/v1/invitations/register",
            json={"token": link.group(1), "full_name": "Mia Manager", "password": PASSWORD},
        )
        assert r.status_code == 201, r.text
        assert (await login(client, "mia@acme.example")).email == "mia@acme.example"


async def test_a_mail_failure_keeps_the_invitation_open(
    settings: Settings, database: Database
) -> None:
    unreachable = settings.model_copy(
        update={"smtp_host": "127.0.0.1", "smtp_port": _free_port(), "smtp_starttls": False}
    )
    async for client in _client(unreachable, database):
        org = await first_run(client)
        r = await client.post(
            f"/api/v1/orgs/{org.slug}/invitations",
            json={"email": "mia@acme.example", "role": "viewer"},
            headers=org.admin.headers,
        )
        assert r.status_code == 201 and r.json()["delivery"] == "email"
        listed = await client.get(f"/api/v1/orgs/{org.slug}/invitations", headers=org.admin.headers)
        assert [i["email"] for i in listed.json()["items"]] == ["mia@acme.example"]
