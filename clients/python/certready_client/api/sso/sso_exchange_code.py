from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.sso_exchange import SsoExchange
from ...models.token_pair import TokenPair
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: SsoExchange,
    certready_sso: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    cookies = {}
    if certready_sso is not UNSET:
        cookies["certready_sso"] = certready_sso

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/auth/oidc/exchange",
        "cookies": cookies,
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | TokenPair | None:
    if response.status_code == 200:
        response_200 = TokenPair.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | TokenPair]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: SsoExchange,
    certready_sso: None | str | Unset = UNSET,
) -> Response[Problem | TokenPair]:
    """Exchange Code

     Trade the callback's one-time code for our token pair (same browser, within a minute).

    Args:
        certready_sso (None | str | Unset):
        body (SsoExchange):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TokenPair]
    """

    kwargs = _get_kwargs(
        body=body,
        certready_sso=certready_sso,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: SsoExchange,
    certready_sso: None | str | Unset = UNSET,
) -> Problem | TokenPair | None:
    """Exchange Code

     Trade the callback's one-time code for our token pair (same browser, within a minute).

    Args:
        certready_sso (None | str | Unset):
        body (SsoExchange):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TokenPair
    """

    return sync_detailed(
        client=client,
        body=body,
        certready_sso=certready_sso,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: SsoExchange,
    certready_sso: None | str | Unset = UNSET,
) -> Response[Problem | TokenPair]:
    """Exchange Code

     Trade the callback's one-time code for our token pair (same browser, within a minute).

    Args:
        certready_sso (None | str | Unset):
        body (SsoExchange):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TokenPair]
    """

    kwargs = _get_kwargs(
        body=body,
        certready_sso=certready_sso,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: SsoExchange,
    certready_sso: None | str | Unset = UNSET,
) -> Problem | TokenPair | None:
    """Exchange Code

     Trade the callback's one-time code for our token pair (same browser, within a minute).

    Args:
        certready_sso (None | str | Unset):
        body (SsoExchange):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TokenPair
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            certready_sso=certready_sso,
        )
    ).parsed
