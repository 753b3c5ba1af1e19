"""TOTP (RFC 6238, pyotp) and recovery codes: the pure parts, no database.

Codes are 6 digits over 30-second steps (what every authenticator app shows); one step
either side is accepted for clock drift, and the caller stores the step of the accepted
code so the same code (or an older one) is refused afterwards.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from datetime import datetime

import pyotp
import segno

ISSUER = "Certready"
DIGITS = 6
INTERVAL = 30
DRIFT_STEPS = 1
RECOVERY_CODES = 10
_RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # no 0/o, 1/l/i
_CODE = re.compile(r"^\d{6}$")


def new_secret() -> str:
    """160 random bits in base32 (RFC 4226's recommended length)."""
    return pyotp.random_base32(32)


def otpauth_uri(secret: str, email: str) -> str:
    return pyotp.TOTP(secret, digits=DIGITS, interval=INTERVAL).provisioning_uri(
        name=email, issuer_name=ISSUER
    )


def qr_svg_data_uri(uri: str) -> str:
    """The otpauth URI as a QR code, an SVG data URI (no external request to show it)."""
    return str(segno.make(uri, error="m").svg_data_uri(scale=5, border=2))


def matching_counter(secret: str, code: str, now: datetime, after: int | None) -> int | None:
    """The time step ``code`` is valid for (within the drift), if newer than ``after``."""
    code = code.strip().replace(" ", "")
    if not _CODE.match(code):
        return None
    totp = pyotp.TOTP(secret, digits=DIGITS, interval=INTERVAL)
    current = totp.timecode(now)
    found = None
    for counter in range(current - DRIFT_STEPS, current + DRIFT_STEPS + 1):
        # compare every candidate (constant work), keep the newest match
        if hmac.compare_digest(totp.generate_otp(counter), code):
            found = counter
    if found is None or (after is not None and found <= after):
        return None
    return found


def new_recovery_codes() -> list[str]:
    """Ten codes like ``k7qm-2xhv-9c`` (50 bits each), shown once."""
    codes = []
    for _ in range(RECOVERY_CODES):
        raw = "".join(secrets.choice(_RECOVERY_ALPHABET) for _ in range(10))
        codes.append(f"{raw[:4]}-{raw[4:8]}-{raw[8:]}")
    return codes


def normalise_recovery_code(code: str) -> str:
    return re.sub(r"[\s-]", "", code).lower()


def recovery_code_hash(code: str) -> str:
    return hashlib.sha256(normalise_recovery_code(code).encode()).hexdigest()
