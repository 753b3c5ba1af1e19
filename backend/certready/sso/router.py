from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Cookie, Depends, Query, Request, status
from fastapi.responses import RedirectResponse

from certready.api.deps import DatabaseDep, Requires, SessionDep, SettingsDep
from certready.auth.schemas import TokenPair
from certready.config import Settings
from certready.context import OrgContext
from certready.core.problems import NotFound, problem_responses
from certready.orgs.permissions import Action
from certready.sso import service
from certready.sso.deps import BROWSER_COOKIE, COOKIE_PATH, ClientsDep
from certready.sso.oidc import OidcError
from certready.sso.schemas import OrgSsoRead, OrgSsoUpdate, ProviderList, SsoExchange

router = APIRouter(prefix="/auth/oidc", tags=["sso"])
org_router = APIRouter(prefix="/orgs/{org}/sso", tags=["sso"])

SsoReader = Annotated[OrgContext, Depends(Requires(Action.members_read))]
SsoManager = Annotated[OrgContext, Depends(Requires(Action.members_manage))]
BrowserCookie = Annotated[str | None, Cookie(alias=BROWSER_COOKIE)]
REDIRECT: dict[int | str, dict[str, Any]] = {
    303: {"description": "Redirect (to the provider, or to the SPA's /sso/callback)."}
}


def _base(settings: Settings, request: Request) -> str:
    return (settings.public_url or str(request.base_url)).rstrip("/")


def _spa(settings: Settings, fragment: str) -> RedirectResponse:
    # the fragment never reaches a server log or a Referer header
    base = settings.public_url.rstrip("/")
    return RedirectResponse(f"{base}/sso/callback#{fragment}", status.HTTP_303_SEE_OTHER)


@router.get("/providers", response_model=ProviderList)
async def list_providers(settings: SettingsDep) -> ProviderList:
    """The deployment's identity providers, for the login page's buttons."""
    return ProviderList(items=service.providers(settings, "/api/v1"))


@router.get(
    "/{provider_id}/login",
    status_code=status.HTTP_303_SEE_OTHER,
    response_class=RedirectResponse,
    responses={**REDIRECT, **problem_responses(404)},
)
async def start_login(
    provider_id: str, request: Request, db: DatabaseDep, settings: SettingsDep, clients: ClientsDep
) -> RedirectResponse:
    """Start signing in with a provider: redirects the browser there (PKCE, state, nonce)."""
    if clients.get(provider_id) is None:
        raise NotFound("There is no such identity provider.")
    redirect_uri = f"{_base(settings, request)}/api/v1/auth/oidc/{provider_id}/callback"
    try:
        started = await service.start(db, settings, clients, provider_id, redirect_uri)
    except OidcError as exc:
        return _spa(settings, f"error={exc.reason}")
    response = RedirectResponse(started.url, status.HTTP_303_SEE_OTHER)
    response.set_cookie(
        BROWSER_COOKIE,
        started.browser_secret,
        max_age=settings.oidc_login_minutes * 60,
        path=COOKIE_PATH,
        httponly=True,
        secure=request.url.scheme == "https",
        samesite="lax",
    )
    return response


@router.get(
    "/{provider_id}/callback",
    status_code=status.HTTP_303_SEE_OTHER,
    response_class=RedirectResponse,
    responses=REDIRECT,
)
async def finish_login(
    provider_id: str,
    db: DatabaseDep,
    settings: SettingsDep,
    clients: ClientsDep,
    browser: BrowserCookie = None,
    code: Annotated[str | None, Query(max_length=2048)] = None,
    state: Annotated[str | None, Query(max_length=256)] = None,
    error: Annotated[str | None, Query(max_length=256)] = None,
) -> RedirectResponse:
    """The provider sends the browser back here; on to the SPA with a one-time code (or why not)."""
    try:
        handoff = await service.callback(
            db, settings, clients, provider_id, code=code, state=state, error=error, browser=browser
        )
    except OidcError as exc:
        return _spa(settings, f"error={exc.reason}")
    return _spa(settings, f"code={handoff}")


@router.post("/exchange", response_model=TokenPair, responses=problem_responses(401))
async def exchange_code(
    data: SsoExchange, db: DatabaseDep, settings: SettingsDep, browser: BrowserCookie = None
) -> TokenPair:
    """Trade the callback's one-time code for our token pair (same browser, within a minute)."""
    return await service.exchange(db, settings, data.code, browser)


@org_router.get("", response_model=OrgSsoRead)
async def get_org_sso(ctx: SsoReader, session: SessionDep, settings: SettingsDep) -> OrgSsoRead:
    """The organisation's single sign-on: provider, e-mail domains, default role, role mapping."""
    return await service.get_org_sso(session, settings, ctx)


@org_router.put("", response_model=OrgSsoRead)
async def put_org_sso(
    data: OrgSsoUpdate, ctx: SsoManager, session: SessionDep, settings: SettingsDep
) -> OrgSsoRead:
    """Set the organisation's single sign-on (admins; a domain belongs to one organisation)."""
    return await service.put_org_sso(session, settings, ctx, data)


@org_router.delete("", status_code=status.HTTP_204_NO_CONTENT)
async def delete_org_sso(ctx: SsoManager, session: SessionDep, settings: SettingsDep) -> None:
    """Turn single sign-on off for the organisation (linked identities stay)."""
    await service.delete_org_sso(session, settings, ctx)
