from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    provider_id: str,
    *,
    code: None | str | Unset = UNSET,
    state: None | str | Unset = UNSET,
    error: None | str | Unset = UNSET,
    certready_sso: None | str | Unset = UNSET,
) -> dict[str, Any]:

    cookies = {}
    if certready_sso is not UNSET:
        cookies["certready_sso"] = certready_sso

    params: dict[str, Any] = {}

    json_code: None | str | Unset
    if isinstance(code, Unset):
        json_code = UNSET
    else:
        json_code = code
    params["code"] = json_code

    json_state: None | str | Unset
    if isinstance(state, Unset):
        json_state = UNSET
    else:
        json_state = state
    params["state"] = json_state

    json_error: None | str | Unset
    if isinstance(error, Unset):
        json_error = UNSET
    else:
        json_error = error
    params["error"] = json_error

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/auth/oidc/{provider_id}/callback".format(
            provider_id=quote(str(provider_id), safe=""),
        ),
        "params": params,
        "cookies": cookies,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | Problem | None:
    if response.status_code == 303:
        response_303 = cast(Any, None)
        return response_303

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    provider_id: str,
    *,
    client: AuthenticatedClient | Client,
    code: None | str | Unset = UNSET,
    state: None | str | Unset = UNSET,
    error: None | str | Unset = UNSET,
    certready_sso: None | str | Unset = UNSET,
) -> Response[Any | Problem]:
    """Finish Login

     The provider sends the browser back here; on to the SPA with a one-time code (or why not).

    Args:
        provider_id (str):
        code (None | str | Unset):
        state (None | str | Unset):
        error (None | str | Unset):
        certready_sso (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        provider_id=provider_id,
        code=code,
        state=state,
        error=error,
        certready_sso=certready_sso,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    provider_id: str,
    *,
    client: AuthenticatedClient | Client,
    code: None | str | Unset = UNSET,
    state: None | str | Unset = UNSET,
    error: None | str | Unset = UNSET,
    certready_sso: None | str | Unset = UNSET,
) -> Any | Problem | None:
    """Finish Login

     The provider sends the browser back here; on to the SPA with a one-time code (or why not).

    Args:
        provider_id (str):
        code (None | str | Unset):
        state (None | str | Unset):
        error (None | str | Unset):
        certready_sso (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return sync_detailed(
        provider_id=provider_id,
        client=client,
        code=code,
        state=state,
        error=error,
        certready_sso=certready_sso,
    ).parsed


async def asyncio_detailed(
    provider_id: str,
    *,
    client: AuthenticatedClient | Client,
    code: None | str | Unset = UNSET,
    state: None | str | Unset = UNSET,
    error: None | str | Unset = UNSET,
    certready_sso: None | str | Unset = UNSET,
) -> Response[Any | Problem]:
    """Finish Login

     The provider sends the browser back here; on to the SPA with a one-time code (or why not).

    Args:
        provider_id (str):
        code (None | str | Unset):
        state (None | str | Unset):
        error (None | str | Unset):
        certready_sso (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        provider_id=provider_id,
        code=code,
        state=state,
        error=error,
        certready_sso=certready_sso,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    provider_id: str,
    *,
    client: AuthenticatedClient | Client,
    code: None | str | Unset = UNSET,
    state: None | str | Unset = UNSET,
    error: None | str | Unset = UNSET,
    certready_sso: None | str | Unset = UNSET,
) -> Any | Problem | None:
    """Finish Login

     The provider sends the browser back here; on to the SPA with a one-time code (or why not).

    Args:
        provider_id (str):
        code (None | str | Unset):
        state (None | str | Unset):
        error (None | str | Unset):
        certready_sso (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return (
        await asyncio_detailed(
            provider_id=provider_id,
            client=client,
            code=code,
            state=state,
            error=error,
            certready_sso=certready_sso,
        )
    ).parsed
