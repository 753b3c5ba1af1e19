from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from certready.sso.oidc import OidcClients

BROWSER_COOKIE = "certready_sso"
COOKIE_PATH = "/api/v1/auth/oidc"


def get_clients(request: Request) -> OidcClients:
    """The app's providers (one per process and app: the discovery and key caches)."""
    clients: OidcClients | None = getattr(request.app.state, "oidc_clients", None)
    if clients is None:
        clients = OidcClients(request.app.state.settings)
        request.app.state.oidc_clients = clients
    return clients


ClientsDep = Annotated[OidcClients, Depends(get_clients)]
