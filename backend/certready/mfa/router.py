"""The second factor's routes: the caller's own (``/me/mfa``), the sign-in step
(``/auth/mfa``, public: the challenge token is the credential) and an admin's reset."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Request, status

from certready.api.deps import DatabaseDep, PrincipalDep, Requires, SessionDep, SettingsDep
from certready.auth.schemas import TokenPair
from certready.context import OrgContext
from certready.core.problems import problem_responses
from certready.mfa import service
from certready.mfa.schemas import (
    CodeConfirm,
    MfaEnrolConfirm,
    MfaEnrolled,
    MfaEnrolStart,
    MfaProof,
    MfaVerify,
    RecoveryCodes,
    TotpEnrolment,
)
from certready.orgs.permissions import Action

me_router = APIRouter(prefix="/me/mfa", tags=["me"])
auth_router = APIRouter(prefix="/auth/mfa", tags=["auth"])
members_router = APIRouter(prefix="/orgs/{org}/members", tags=["members"])

MembersManager = Annotated[OrgContext, Depends(Requires(Action.members_manage))]


def _client(request: Request) -> str:
    return request.client.host if request.client else "unknown"


@me_router.post(
    "/totp",
    response_model=TotpEnrolment,
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(409),
)
async def start_totp(
    principal: PrincipalDep, session: SessionDep, settings: SettingsDep
) -> TotpEnrolment:
    """Start enrolling an authenticator app: a new secret as QR code and manual key."""
    return await service.start_enrolment(session, settings, principal.user)


@me_router.post(
    "/totp/confirm", response_model=RecoveryCodes, responses=problem_responses(409, 422)
)
async def confirm_totp(
    data: CodeConfirm, principal: PrincipalDep, session: SessionDep, settings: SettingsDep
) -> RecoveryCodes:
    """Confirm the enrolment with the app's first code; returns the recovery codes, once."""
    codes = await service.confirm_enrolment(
        session, settings, principal.user, data.code, principal.actor
    )
    return RecoveryCodes(codes=codes)


@me_router.post(
    "/totp/disable",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(409, 422, 429),
)
async def disable_totp(
    data: MfaProof,
    request: Request,
    principal: PrincipalDep,
    session: SessionDep,
    settings: SettingsDep,
) -> None:
    """Remove your second factor and recovery codes (a current code or your password)."""
    await service.disable(session, settings, principal.user, data, _client(request))


@me_router.post(
    "/recovery-codes", response_model=RecoveryCodes, responses=problem_responses(409, 422, 429)
)
async def renew_recovery_codes(
    data: MfaProof,
    request: Request,
    principal: PrincipalDep,
    session: SessionDep,
    settings: SettingsDep,
) -> RecoveryCodes:
    """Replace every recovery code with ten new ones (a current code or your password)."""
    codes = await service.renew_recovery_codes(
        session, settings, principal.user, data, _client(request)
    )
    return RecoveryCodes(codes=codes)


@auth_router.post("", response_model=TokenPair, responses=problem_responses(401, 422, 429))
async def verify_mfa(
    data: MfaVerify, request: Request, db: DatabaseDep, settings: SettingsDep
) -> TokenPair:
    """Complete a sign-in: the challenge from `/auth/token` with a code or a recovery code."""
    return await service.verify(db, settings, data, _client(request))


@auth_router.post(
    "/enrol",
    response_model=TotpEnrolment,
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(401, 409),
)
async def enrol_at_sign_in(
    data: MfaEnrolStart, db: DatabaseDep, settings: SettingsDep
) -> TotpEnrolment:
    """Enrolment required by an organisation, at sign-in: a new secret for the app."""
    return await service.enrol_start(db, settings, data)


@auth_router.post(
    "/enrol/confirm", response_model=MfaEnrolled, responses=problem_responses(401, 409, 422)
)
async def confirm_enrol_at_sign_in(
    data: MfaEnrolConfirm, db: DatabaseDep, settings: SettingsDep
) -> MfaEnrolled:
    """Confirm the enrolment at sign-in: the tokens, and the recovery codes shown once."""
    return await service.enrol_confirm(db, settings, data)


@members_router.delete(
    "/{user_id}/mfa",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(403, 404, 409),
)
async def reset_member_mfa(user_id: uuid.UUID, ctx: MembersManager, session: SessionDep) -> None:
    """Reset a member's second factor (lost device): their sessions end, they enrol again."""
    await service.reset_member(session, ctx, user_id)
