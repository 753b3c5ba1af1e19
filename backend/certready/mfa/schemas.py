from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from certready.auth.schemas import TokenPair

Code = Field(max_length=16, description="The 6-digit code the authenticator app shows now.")


class TotpEnrolment(BaseModel):
    """A new secret to scan (QR code) or type (manual key); confirm it with a first code."""

    secret: str = Field(description="The base32 key, for typing into the app by hand.")
    otpauth_uri: str
    qr_svg: str = Field(description="The otpauth URI as a QR code (an SVG data URI).")


class CodeConfirm(BaseModel):
    model_config = ConfigDict(extra="forbid")

    code: str = Code


class RecoveryCodes(BaseModel):
    """Single-use codes for when the authenticator is lost: shown this once, stored hashed."""

    codes: list[str]


class MfaProof(BaseModel):
    """A current TOTP code or the password: needed to disable the factor or renew codes."""

    model_config = ConfigDict(extra="forbid")

    code: str | None = Field(default=None, max_length=16)
    password: str | None = Field(default=None, max_length=1024)


class MfaVerify(BaseModel):
    """The sign-in's second step: the challenge with a TOTP code or a recovery code."""

    model_config = ConfigDict(extra="forbid")

    mfa_token: str = Field(max_length=4096)
    code: str | None = Field(default=None, max_length=16)
    recovery_code: str | None = Field(default=None, max_length=64)


class MfaEnrolStart(BaseModel):
    model_config = ConfigDict(extra="forbid")

    mfa_token: str = Field(max_length=4096)


class MfaEnrolConfirm(BaseModel):
    model_config = ConfigDict(extra="forbid")

    mfa_token: str = Field(max_length=4096)
    code: str = Code


class MfaEnrolled(TokenPair):
    """The sign-in's token pair, with the recovery codes shown this once."""

    recovery_codes: list[str]
