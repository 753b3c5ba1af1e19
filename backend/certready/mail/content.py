"""The outbox row's content: subject, text and HTML, encrypted at rest (one-time links)."""

from __future__ import annotations

import json

from certready.config import Settings
from certready.integrations.secrets import decrypt, encrypt
from certready.mail.models import OutboxMail
from certready.mail.smtp import Message


def seal(settings: Settings, message: Message) -> str:
    plain = json.dumps({"subject": message.subject, "text": message.text, "html": message.html})
    return encrypt(settings, plain)


def unseal(settings: Settings, row: OutboxMail) -> Message:
    data = json.loads(decrypt(settings, row.content))
    return Message(to=row.to_address, subject=data["subject"], text=data["text"], html=data["html"])
