"""Handing one message to the configured SMTP server (stdlib ``smtplib``, blocking: callers
run it in a worker thread)."""

from __future__ import annotations

import smtplib
import ssl
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import make_msgid

from certready.config import Settings

# What a failed delivery raises; anything else is a bug and propagates.
DELIVERY_ERRORS: tuple[type[Exception], ...] = (OSError, smtplib.SMTPException)


@dataclass(frozen=True)
class Message:
    to: str
    subject: str
    text: str
    html: str


def build(settings: Settings, message: Message) -> EmailMessage:
    """A multipart/alternative message: the plain text first, the HTML preferred."""
    mail = EmailMessage()
    mail["From"] = settings.smtp_from
    mail["To"] = message.to
    mail["Subject"] = message.subject
    mail["Message-ID"] = make_msgid(domain=settings.smtp_from.rpartition("@")[2] or None)
    mail.set_content(message.text)
    mail.add_alternative(message.html, subtype="html")
    return mail


def send(settings: Settings, message: Message) -> None:
    """Deliver through SMTP: implicit TLS (``smtp_ssl``), else STARTTLS when ``smtp_starttls``,
    and AUTH when a user is set. Raises one of ``DELIVERY_ERRORS`` on failure."""
    timeout = settings.smtp_timeout_seconds
    context = ssl.create_default_context()
    smtp: smtplib.SMTP
    if settings.smtp_ssl:
        smtp = smtplib.SMTP_SSL(
            settings.smtp_host, settings.smtp_port, timeout=timeout, context=context
        )
    else:
        smtp = smtplib.SMTP(settings.smtp_host, settings.smtp_port, timeout=timeout)
    with smtp:
        if not settings.smtp_ssl and settings.smtp_starttls:
            smtp.starttls(context=context)
        if settings.smtp_user:
            password = settings.smtp_password.get_secret_value() if settings.smtp_password else ""
            smtp.login(settings.smtp_user, password)
        smtp.send_message(build(settings, message))
