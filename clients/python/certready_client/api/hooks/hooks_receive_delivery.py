from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.hook_accepted import HookAccepted
from ...models.problem import Problem
from ...models.source_type import SourceType
from ...types import UNSET, Response, Unset


def _get_kwargs(
    integration_id: UUID,
    source: SourceType,
    *,
    itemtype: str | Unset = "Ticket",
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["itemtype"] = itemtype

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/hooks/{integration_id}/{source}".format(
            integration_id=quote(str(integration_id), safe=""),
            source=quote(str(source), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> HookAccepted | Problem | None:
    if response.status_code == 200:
        response_200 = HookAccepted.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

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
) -> Response[HookAccepted | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    integration_id: UUID,
    source: SourceType,
    *,
    client: AuthenticatedClient | Client,
    itemtype: str | Unset = "Ticket",
) -> Response[HookAccepted | Problem]:
    """Receive Delivery

     Receive a signed delivery from an ITSM tool (the signature is the credential).

    Args:
        integration_id (UUID):
        source (SourceType):
        itemtype (str | Unset): GLPI itemtype. Default: 'Ticket'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[HookAccepted | Problem]
    """

    kwargs = _get_kwargs(
        integration_id=integration_id,
        source=source,
        itemtype=itemtype,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    integration_id: UUID,
    source: SourceType,
    *,
    client: AuthenticatedClient | Client,
    itemtype: str | Unset = "Ticket",
) -> HookAccepted | Problem | None:
    """Receive Delivery

     Receive a signed delivery from an ITSM tool (the signature is the credential).

    Args:
        integration_id (UUID):
        source (SourceType):
        itemtype (str | Unset): GLPI itemtype. Default: 'Ticket'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        HookAccepted | Problem
    """

    return sync_detailed(
        integration_id=integration_id,
        source=source,
        client=client,
        itemtype=itemtype,
    ).parsed


async def asyncio_detailed(
    integration_id: UUID,
    source: SourceType,
    *,
    client: AuthenticatedClient | Client,
    itemtype: str | Unset = "Ticket",
) -> Response[HookAccepted | Problem]:
    """Receive Delivery

     Receive a signed delivery from an ITSM tool (the signature is the credential).

    Args:
        integration_id (UUID):
        source (SourceType):
        itemtype (str | Unset): GLPI itemtype. Default: 'Ticket'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[HookAccepted | Problem]
    """

    kwargs = _get_kwargs(
        integration_id=integration_id,
        source=source,
        itemtype=itemtype,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    integration_id: UUID,
    source: SourceType,
    *,
    client: AuthenticatedClient | Client,
    itemtype: str | Unset = "Ticket",
) -> HookAccepted | Problem | None:
    """Receive Delivery

     Receive a signed delivery from an ITSM tool (the signature is the credential).

    Args:
        integration_id (UUID):
        source (SourceType):
        itemtype (str | Unset): GLPI itemtype. Default: 'Ticket'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        HookAccepted | Problem
    """

    return (
        await asyncio_detailed(
            integration_id=integration_id,
            source=source,
            client=client,
            itemtype=itemtype,
        )
    ).parsed
