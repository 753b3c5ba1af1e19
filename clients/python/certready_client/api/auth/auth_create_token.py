from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.body_auth_create_token import BodyAuthCreateToken
from ...models.problem import Problem
from ...models.token_pair import TokenPair
from ...types import Response


def _get_kwargs(
    *,
    body: BodyAuthCreateToken,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/auth/token",
    }

    _kwargs["data"] = body.to_dict()
    headers["Content-Type"] = "application/x-www-form-urlencoded"

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

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())

        return response_429

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
    body: BodyAuthCreateToken,
) -> Response[Problem | TokenPair]:
    """Create Token

     Log in with e-mail and password (OAuth2 password form); returns access and refresh tokens.

    With a second factor (or in an organisation requiring one) a right password answers 403
    `urn:certready:problem:mfa-required` with `mfa_token` (a 5-minute challenge, not an
    access token), `mfa_step` and `expires_in`. `mfa_step` `verify`: send the challenge with
    a code to `POST /auth/mfa`; `enrol`: set the factor up with `POST /auth/mfa/enrol` and
    `POST /auth/mfa/enrol/confirm`, which returns the tokens.

    Args:
        body (BodyAuthCreateToken):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TokenPair]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: BodyAuthCreateToken,
) -> Problem | TokenPair | None:
    """Create Token

     Log in with e-mail and password (OAuth2 password form); returns access and refresh tokens.

    With a second factor (or in an organisation requiring one) a right password answers 403
    `urn:certready:problem:mfa-required` with `mfa_token` (a 5-minute challenge, not an
    access token), `mfa_step` and `expires_in`. `mfa_step` `verify`: send the challenge with
    a code to `POST /auth/mfa`; `enrol`: set the factor up with `POST /auth/mfa/enrol` and
    `POST /auth/mfa/enrol/confirm`, which returns the tokens.

    Args:
        body (BodyAuthCreateToken):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TokenPair
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: BodyAuthCreateToken,
) -> Response[Problem | TokenPair]:
    """Create Token

     Log in with e-mail and password (OAuth2 password form); returns access and refresh tokens.

    With a second factor (or in an organisation requiring one) a right password answers 403
    `urn:certready:problem:mfa-required` with `mfa_token` (a 5-minute challenge, not an
    access token), `mfa_step` and `expires_in`. `mfa_step` `verify`: send the challenge with
    a code to `POST /auth/mfa`; `enrol`: set the factor up with `POST /auth/mfa/enrol` and
    `POST /auth/mfa/enrol/confirm`, which returns the tokens.

    Args:
        body (BodyAuthCreateToken):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TokenPair]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: BodyAuthCreateToken,
) -> Problem | TokenPair | None:
    """Create Token

     Log in with e-mail and password (OAuth2 password form); returns access and refresh tokens.

    With a second factor (or in an organisation requiring one) a right password answers 403
    `urn:certready:problem:mfa-required` with `mfa_token` (a 5-minute challenge, not an
    access token), `mfa_step` and `expires_in`. `mfa_step` `verify`: send the challenge with
    a code to `POST /auth/mfa`; `enrol`: set the factor up with `POST /auth/mfa/enrol` and
    `POST /auth/mfa/enrol/confirm`, which returns the tokens.

    Args:
        body (BodyAuthCreateToken):

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
        )
    ).parsed
