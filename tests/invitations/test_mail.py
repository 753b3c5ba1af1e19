"""Invitation mail through a real SMTP server (the ``smtp`` fixture: aiosmtpd on a free port)."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
from certready.config import Settings
from certready.db.session import Database
from certready.mail.models import OutboxMail
from certready.mail.service import settle
from certready.main import create_app
from sqlmodel import select

from tests.factories.auth import PASSWORD, first_run, login
from tests.factories.smtp import SmtpServer, free_port, html_of, link_in


async def _client(settings: Settings, database: Database) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(settings, database=database)
    transport = httpx.ASGITransport(app=app, client=("127.0.0.1", 50000))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
        yield c


async def test_with_smtp_the_link_is_mailed_and_never_shown(
    mail_settings: Settings, database: Database, smtp: SmtpServer
) -> None:
    async for client in _client(mail_settings, database):
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
        [mail] = await smtp.inbox.wait(1)
        assert mail["X-Envelope-To"] == "mia@acme.example"
        assert mail["From"] == "certready@acme.example"
        assert "Acme IT" in mail["Subject"]
        assert "<strong>Acme IT</strong>" in html_of(mail)
        link = link_in(mail, r"https://certready\.acme\.example/invite/cri_[A-Za-z0-9_-]+")
        r = await client.post(
            "/api/v1/invitations/register",
            json={
                "token": link.rsplit("/", 1)[1],
                "full_name": "Mia Manager",
                "password": PASSWORD,
            },
        )
        assert r.status_code == 201, r.text
        assert (await login(client, "mia@acme.example")).email == "mia@acme.example"


async def test_a_mail_failure_keeps_the_invitation_open_and_the_mail_queued(
    settings: Settings, database: Database
) -> None:
    unreachable = SmtpServer(free_port()).settings(settings)
    async for client in _client(unreachable, database):
        org = await first_run(client)
        r = await client.post(
            f"/api/v1/orgs/{org.slug}/invitations",
            json={"email": "mia@acme.example", "role": "viewer"},
            headers=org.admin.headers,
        )
        assert r.status_code == 201 and r.json()["delivery"] == "email"
        await settle()
        listed = await client.get(f"/api/v1/orgs/{org.slug}/invitations", headers=org.admin.headers)
        assert [i["email"] for i in listed.json()["items"]] == ["mia@acme.example"]
    async with database.read_sessions() as session:
        [row] = (await session.execute(select(OutboxMail))).scalars()
    assert (row.kind, row.attempts, row.sent_at, row.failed_at) == ("invitation", 1, None, None)
    assert row.last_error and "Connection" in row.last_error
    assert "cri_" not in row.content  # the link is encrypted at rest
