from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.integration_secret import IntegrationSecret
from ...models.problem import Problem
from ...models.secret_rotation import SecretRotation
from ...types import UNSET, Response, Unset


def _get_kwargs(
    org: str,
    integration_id: UUID,
    *,
    body: SecretRotation,
    if_match: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["if-match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/orgs/{org}/integrations/{integration_id}/rotate-secret".format(
            org=quote(str(org), safe=""),
            integration_id=quote(str(integration_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> IntegrationSecret | Problem | None:
    if response.status_code == 200:
        response_200 = IntegrationSecret.from_dict(response.json())

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

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 412:
        response_412 = Problem.from_dict(response.json())

        return response_412

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 428:
        response_428 = Problem.from_dict(response.json())

        return response_428

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[IntegrationSecret | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    org: str,
    integration_id: UUID,
    *,
    client: AuthenticatedClient,
    body: SecretRotation,
    if_match: None | str | Unset = UNSET,
) -> Response[IntegrationSecret | Problem]:
    """Rotate Secret

     A new secret (shown once); the previous one verifies during `grace_hours`.

    Args:
        org (str): Organisation slug.
        integration_id (UUID):
        if_match (None | str | Unset):
        body (SecretRotation):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IntegrationSecret | Problem]
    """

    kwargs = _get_kwargs(
        org=org,
        integration_id=integration_id,
        body=body,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    org: str,
    integration_id: UUID,
    *,
    client: AuthenticatedClient,
    body: SecretRotation,
    if_match: None | str | Unset = UNSET,
) -> IntegrationSecret | Problem | None:
    """Rotate Secret

     A new secret (shown once); the previous one verifies during `grace_hours`.

    Args:
        org (str): Organisation slug.
        integration_id (UUID):
        if_match (None | str | Unset):
        body (SecretRotation):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IntegrationSecret | Problem
    """

    return sync_detailed(
        org=org,
        integration_id=integration_id,
        client=client,
        body=body,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    org: str,
    integration_id: UUID,
    *,
    client: AuthenticatedClient,
    body: SecretRotation,
    if_match: None | str | Unset = UNSET,
) -> Response[IntegrationSecret | Problem]:
    """Rotate Secret

     A new secret (shown once); the previous one verifies during `grace_hours`.

    Args:
        org (str): Organisation slug.
        integration_id (UUID):
        if_match (None | str | Unset):
        body (SecretRotation):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IntegrationSecret | Problem]
    """

    kwargs = _get_kwargs(
        org=org,
        integration_id=integration_id,
        body=body,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    org: str,
    integration_id: UUID,
    *,
    client: AuthenticatedClient,
    body: SecretRotation,
    if_match: None | str | Unset = UNSET,
) -> IntegrationSecret | Problem | None:
    """Rotate Secret

     A new secret (shown once); the previous one verifies during `grace_hours`.

    Args:
        org (str): Organisation slug.
        integration_id (UUID):
        if_match (None | str | Unset):
        body (SecretRotation):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IntegrationSecret | Problem
    """

    return (
        await asyncio_detailed(
            org=org,
            integration_id=integration_id,
            client=client,
            body=body,
            if_match=if_match,
        )
    ).parsed
