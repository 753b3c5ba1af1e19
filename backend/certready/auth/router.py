from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request, status
from fastapi.security import OAuth2PasswordRequestForm

from certready.api.deps import DatabaseDep, PrincipalDep, SessionDep, SettingsDep
from certready.auth import service
from certready.auth.schemas import (
    LogoutRequest,
    MeRead,
    PasswordChange,
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
