from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.service_read import ServiceRead
from ...types import UNSET, Response, Unset


def _get_kwargs(
    org: str,
    service_id: UUID,
    process_id: UUID,
    *,
    if_match: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["if-match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/api/v1/orgs/{org}/services/{service_id}/processes/{process_id}".format(
            org=quote(str(org), safe=""),
            service_id=quote(str(service_id), safe=""),
            process_id=quote(str(process_id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | ServiceRead | None:
    if response.status_code == 200:
        response_200 = ServiceRead.from_dict(response.json())

        return response_200

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
) -> Response[Problem | ServiceRead]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    org: str,
    service_id: UUID,
    process_id: UUID,
    *,
    client: AuthenticatedClient,
    if_match: None | str | Unset = UNSET,
) -> Response[Problem | ServiceRead]:
    """Remove Process

     Remove a process from the service (`If-Match` of the service).

    Args:
        org (str): Organisation slug.
        service_id (UUID):
        process_id (UUID):
        if_match (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ServiceRead]
    """

    kwargs = _get_kwargs(
        org=org,
        service_id=service_id,
        process_id=process_id,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    org: str,
    service_id: UUID,
    process_id: UUID,
    *,
    client: AuthenticatedClient,
    if_match: None | str | Unset = UNSET,
) -> Problem | ServiceRead | None:
    """Remove Process

     Remove a process from the service (`If-Match` of the service).

    Args:
        org (str): Organisation slug.
        service_id (UUID):
        process_id (UUID):
        if_match (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ServiceRead
    """

    return sync_detailed(
        org=org,
        service_id=service_id,
        process_id=process_id,
        client=client,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    org: str,
    service_id: UUID,
    process_id: UUID,
    *,
    client: AuthenticatedClient,
    if_match: None | str | Unset = UNSET,
) -> Response[Problem | ServiceRead]:
    """Remove Process

     Remove a process from the service (`If-Match` of the service).

    Args:
        org (str): Organisation slug.
        service_id (UUID):
        process_id (UUID):
        if_match (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ServiceRead]
    """

    kwargs = _get_kwargs(
        org=org,
        service_id=service_id,
        process_id=process_id,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    org: str,
    service_id: UUID,
    process_id: UUID,
    *,
    client: AuthenticatedClient,
    if_match: None | str | Unset = UNSET,
) -> Problem | ServiceRead | None:
    """Remove Process

     Remove a process from the service (`If-Match` of the service).

    Args:
        org (str): Organisation slug.
        service_id (UUID):
        process_id (UUID):
        if_match (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ServiceRead
    """

    return (
        await asyncio_detailed(
            org=org,
            service_id=service_id,
            process_id=process_id,
            client=client,
            if_match=if_match,
        )
    ).parsed
