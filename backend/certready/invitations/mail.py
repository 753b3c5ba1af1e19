"""Invitation mail through the configured SMTP server (stdlib ``smtplib`` in a thread)."""

from __future__ import annotations

import logging
import smtplib
import ssl
from email.message import EmailMessage

import anyio

from certready.config import Settings
from certready.invitations.service import InvitationMail

log = logging.getLogger("certready.mail")


def _send(settings: Settings, mail: InvitationMail) -> None:
    message = EmailMessage()
    message["From"] = settings.smtp_from
    message["To"] = mail.to
    message["Subject"] = mail.subject
    message.set_content(mail.body)
    with smtplib.SMTP(
        settings.smtp_host, settings.smtp_port, timeout=settings.smtp_timeout_seconds
    ) as smtp:
        if settings.smtp_starttls:
            smtp.starttls(context=ssl.create_default_context())
        if settings.smtp_user:
            password = settings.smtp_password.get_secret_value() if settings.smtp_password else ""
            smtp.login(settings.smtp_user, password)
        smtp.send_message(message)


async def send_invitation(settings: Settings, mail: InvitationMail) -> None:
    """Send after the response (a background task); a failure is logged, never raised:
    the admin sees the invitation pending and can invite the address again."""
    try:
        await anyio.to_thread.run_sync(_send, settings, mail)
    except (OSError, smtplib.SMTPException) as exc:
        log.warning("invitation mail to %s not sent: %s", mail.to, type(exc).__name__)
    else:
        log.info("invitation mail sent to %s", mail.to)
