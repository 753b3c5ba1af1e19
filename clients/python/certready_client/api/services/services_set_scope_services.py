from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.scope_services_read import ScopeServicesRead
from ...models.scope_services_update import ScopeServicesUpdate
from ...types import UNSET, Response, Unset


def _get_kwargs(
    org: str,
    *,
    body: ScopeServicesUpdate,
    if_match: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["if-match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/api/v1/orgs/{org}/scope/services".format(
            org=quote(str(org), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | ScopeServicesRead | None:
    if response.status_code == 200:
        response_200 = ScopeServicesRead.from_dict(response.json())

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
) -> Response[Problem | ScopeServicesRead]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    org: str,
    *,
    client: AuthenticatedClient,
    body: ScopeServicesUpdate,
    if_match: None | str | Unset = UNSET,
) -> Response[Problem | ScopeServicesRead]:
    """Set Scope Services

     Replace the services the scope statement names (`If-Match` of the organisation).

    Args:
        org (str): Organisation slug.
        if_match (None | str | Unset):
        body (ScopeServicesUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ScopeServicesRead]
    """

    kwargs = _get_kwargs(
        org=org,
        body=body,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    org: str,
    *,
    client: AuthenticatedClient,
    body: ScopeServicesUpdate,
    if_match: None | str | Unset = UNSET,
) -> Problem | ScopeServicesRead | None:
    """Set Scope Services

     Replace the services the scope statement names (`If-Match` of the organisation).

    Args:
        org (str): Organisation slug.
        if_match (None | str | Unset):
        body (ScopeServicesUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ScopeServicesRead
    """

    return sync_detailed(
        org=org,
        client=client,
        body=body,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    org: str,
    *,
    client: AuthenticatedClient,
    body: ScopeServicesUpdate,
    if_match: None | str | Unset = UNSET,
) -> Response[Problem | ScopeServicesRead]:
    """Set Scope Services

     Replace the services the scope statement names (`If-Match` of the organisation).

    Args:
        org (str): Organisation slug.
        if_match (None | str | Unset):
        body (ScopeServicesUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ScopeServicesRead]
    """

    kwargs = _get_kwargs(
        org=org,
        body=body,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    org: str,
    *,
    client: AuthenticatedClient,
    body: ScopeServicesUpdate,
    if_match: None | str | Unset = UNSET,
) -> Problem | ScopeServicesRead | None:
    """Set Scope Services

     Replace the services the scope statement names (`If-Match` of the organisation).

    Args:
        org (str): Organisation slug.
        if_match (None | str | Unset):
        body (ScopeServicesUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ScopeServicesRead
    """

    return (
        await asyncio_detailed(
            org=org,
            client=client,
            body=body,
            if_match=if_match,
        )
    ).parsed
