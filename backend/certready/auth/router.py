from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, BackgroundTasks, Depends, Request, status
from fastapi.security import OAuth2PasswordRequestForm

from certready.api.deps import DatabaseDep, PrincipalDep, SessionDep, SettingsDep
from certready.auth import service
from certready.auth.schemas import (
    LogoutRequest,
    MeRead,
    PasswordChange,
    PasswordResetAccepted,
    PasswordResetConfirm,
    PasswordResetRequest,
    RefreshRequest,
    SetupRequest,
    SetupResult,
    SetupStatus,
    TokenPair,
    UserRead,
)
from certready.core.problems import problem_responses
from certready.orgs.schemas import OrgRead

router = APIRouter(tags=["auth"])
setup_router = APIRouter(prefix="/setup", tags=["setup"])
me_router = APIRouter(prefix="/me", tags=["me"])


@setup_router.get("", response_model=SetupStatus)
async def get_setup_status(session: SessionDep) -> SetupStatus:
    """Tell whether first-run setup is still needed (no user exists yet)."""
    return SetupStatus(needed=await service.setup_needed(session))


@setup_router.post(
    "",
    response_model=SetupResult,
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(409),
)
async def run_setup(data: SetupRequest, session: SessionDep, settings: SettingsDep) -> SetupResult:
    """Create the first organisation and its admin; refused once anyone exists."""
    org, user = await service.run_setup(session, settings, data)
    return SetupResult(organisation=OrgRead.model_validate(org), user=UserRead.model_validate(user))


def _client(request: Request) -> str:
    return request.client.host if request.client else "unknown"


@router.post("/auth/token", response_model=TokenPair, responses=problem_responses(401, 403, 429))
async def create_token(
    request: Request,
    form: Annotated[OAuth2PasswordRequestForm, Depends()],
    db: DatabaseDep,
    settings: SettingsDep,
) -> TokenPair:
    """Log in with e-mail and password (OAuth2 password form); returns access and refresh tokens.

    With a second factor (or in an organisation requiring one) a right password answers 403
    `urn:certready:problem:mfa-required` with `mfa_token` (a 5-minute challenge, not an
    access token), `mfa_step` and `expires_in`. `mfa_step` `verify`: send the challenge with
    a code to `POST /auth/mfa`; `enrol`: set the factor up with `POST /auth/mfa/enrol` and
    `POST /auth/mfa/enrol/confirm`, which returns the tokens."""
    return await service.login(db, settings, form.username, form.password, _client(request))


@router.post("/auth/refresh", response_model=TokenPair, responses=problem_responses(401))
async def refresh_token(data: RefreshRequest, db: DatabaseDep, settings: SettingsDep) -> TokenPair:
    """Exchange a refresh token for a new pair; the old refresh token stops working."""
    return await service.refresh(db, settings, data.refresh_token)


@router.post(
    "/auth/logout", status_code=status.HTTP_204_NO_CONTENT, responses=problem_responses(401)
)
async def logout(data: LogoutRequest, principal: PrincipalDep, session: SessionDep) -> None:
    """End this session (and with `all`, every session of the user)."""
    await service.logout(
        session,
        principal.user,
        principal.jti,
        principal.token_expires_at,
        data.refresh_token,
        data.all,
    )


RESET_ACCEPTED = (
    "If an active account has this address, a link to choose a new password is on its way. "
    "It is valid for a limited time and once."
)


@router.post(
    "/auth/password-reset",
    response_model=PasswordResetAccepted,
    status_code=status.HTTP_202_ACCEPTED,
    responses=problem_responses(429),
)
async def request_password_reset(
    data: PasswordResetRequest,
    request: Request,
    background: BackgroundTasks,
    db: DatabaseDep,
    settings: SettingsDep,
) -> PasswordResetAccepted:
    """Ask for a password reset link by e-mail. Always 202 with the same body, whether or not
    the address has an account (the lookup and the mail happen after the answer); a few
    requests per address and hour are mailed, more answer the same 202 and send nothing.
    429 only for too many requests from one client (any addresses)."""
    if await service.request_reset(db, settings, data.email, _client(request)):
        base = settings.public_url or str(request.base_url)
        background.add_task(service.send_reset, db, settings, data.email, base)
    return PasswordResetAccepted(detail=RESET_ACCEPTED)


@router.post(
    "/auth/password-reset/confirm",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(400, 422, 429),
)
async def confirm_password_reset(
    data: PasswordResetConfirm, request: Request, db: DatabaseDep, settings: SettingsDep
) -> None:
    """Set a new password with the token of a reset link; every session of the account ends.
    An unknown, used, replaced or expired token answers 400
    `urn:certready:problem:reset-token-invalid` and changes nothing; a password the policy
    refuses answers 422 (the link stays usable)."""
    await service.confirm_reset(db, settings, data, _client(request))


@me_router.get("", response_model=MeRead)
async def get_me(principal: PrincipalDep, session: SessionDep) -> MeRead:
    """Return the caller and the organisations they belong to, with their roles."""
    return await service.me(session, principal.user)


@me_router.post(
    "/password", status_code=status.HTTP_204_NO_CONTENT, responses=problem_responses(422)
)
async def change_password(
    data: PasswordChange, principal: PrincipalDep, session: SessionDep, settings: SettingsDep
) -> None:
    """Change your password; every existing session ends."""
    await service.change_password(session, settings, principal.user, data)
