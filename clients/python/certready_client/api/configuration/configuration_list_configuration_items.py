from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.ci_page import CiPage
from ...models.ci_status import CiStatus
from ...models.configuration_list_configuration_items_format_type_0 import (
    ConfigurationListConfigurationItemsFormatType0,
)
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    org: str,
    *,
    status: CiStatus | None | Unset = UNSET,
    type_: None | str | Unset = UNSET,
    owner_id: None | Unset | UUID = UNSET,
    service_id: None | Unset | UUID = UNSET,
    q: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    format_: ConfigurationListConfigurationItemsFormatType0 | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, CiStatus):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

    json_type_: None | str | Unset
    if isinstance(type_, Unset):
        json_type_ = UNSET
    else:
        json_type_ = type_
    params["type"] = json_type_

    json_owner_id: None | str | Unset
    if isinstance(owner_id, Unset):
        json_owner_id = UNSET
    elif isinstance(owner_id, UUID):
        json_owner_id = str(owner_id)
    else:
        json_owner_id = owner_id
    params["owner_id"] = json_owner_id

    json_service_id: None | str | Unset
    if isinstance(service_id, Unset):
        json_service_id = UNSET
    elif isinstance(service_id, UUID):
        json_service_id = str(service_id)
    else:
        json_service_id = service_id
    params["service_id"] = json_service_id

    json_q: None | str | Unset
    if isinstance(q, Unset):
        json_q = UNSET
    else:
        json_q = q
    params["q"] = json_q

    params["limit"] = limit

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    json_format_: None | str | Unset
    if isinstance(format_, Unset):
        json_format_ = UNSET
    elif isinstance(format_, ConfigurationListConfigurationItemsFormatType0):
        json_format_ = format_.value
    else:
        json_format_ = format_
    params["format"] = json_format_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/orgs/{org}/configuration-items".format(
            org=quote(str(org), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CiPage | Problem | None:
    if response.status_code == 200:
        response_200 = CiPage.from_dict(response.json())

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

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CiPage | Problem]:
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
    status: CiStatus | None | Unset = UNSET,
    type_: None | str | Unset = UNSET,
    owner_id: None | Unset | UUID = UNSET,
    service_id: None | Unset | UUID = UNSET,
    q: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    format_: ConfigurationListConfigurationItemsFormatType0 | None | Unset = UNSET,
) -> Response[CiPage | Problem]:
    """List Configuration Items

     List configuration items by key, filtered by status, type, owner, service or text.

    Args:
        org (str): Organisation slug.
        status (CiStatus | None | Unset):
        type_ (None | str | Unset):
        owner_id (None | Unset | UUID):
        service_id (None | Unset | UUID): Only items supporting this service.
        q (None | str | Unset): Key or name contains.
        limit (int | Unset): Page size, 1..500. Default: 50.
        cursor (None | str | Unset): Opaque cursor from `next_cursor`.
        format_ (ConfigurationListConfigurationItemsFormatType0 | None | Unset): `csv`: every page
            as CSV (same as `Accept: text/csv`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CiPage | Problem]
    """

    kwargs = _get_kwargs(
        org=org,
        status=status,
        type_=type_,
        owner_id=owner_id,
        service_id=service_id,
        q=q,
        limit=limit,
        cursor=cursor,
        format_=format_,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    org: str,
    *,
    client: AuthenticatedClient,
    status: CiStatus | None | Unset = UNSET,
    type_: None | str | Unset = UNSET,
    owner_id: None | Unset | UUID = UNSET,
    service_id: None | Unset | UUID = UNSET,
    q: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    format_: ConfigurationListConfigurationItemsFormatType0 | None | Unset = UNSET,
) -> CiPage | Problem | None:
    """List Configuration Items

     List configuration items by key, filtered by status, type, owner, service or text.

    Args:
        org (str): Organisation slug.
        status (CiStatus | None | Unset):
        type_ (None | str | Unset):
        owner_id (None | Unset | UUID):
        service_id (None | Unset | UUID): Only items supporting this service.
        q (None | str | Unset): Key or name contains.
        limit (int | Unset): Page size, 1..500. Default: 50.
        cursor (None | str | Unset): Opaque cursor from `next_cursor`.
        format_ (ConfigurationListConfigurationItemsFormatType0 | None | Unset): `csv`: every page
            as CSV (same as `Accept: text/csv`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CiPage | Problem
    """

    return sync_detailed(
        org=org,
        client=client,
        status=status,
        type_=type_,
        owner_id=owner_id,
        service_id=service_id,
        q=q,
        limit=limit,
        cursor=cursor,
        format_=format_,
    ).parsed


async def asyncio_detailed(
    org: str,
    *,
    client: AuthenticatedClient,
    status: CiStatus | None | Unset = UNSET,
    type_: None | str | Unset = UNSET,
    owner_id: None | Unset | UUID = UNSET,
    service_id: None | Unset | UUID = UNSET,
    q: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    format_: ConfigurationListConfigurationItemsFormatType0 | None | Unset = UNSET,
) -> Response[CiPage | Problem]:
    """List Configuration Items

     List configuration items by key, filtered by status, type, owner, service or text.

    Args:
        org (str): Organisation slug.
        status (CiStatus | None | Unset):
        type_ (None | str | Unset):
        owner_id (None | Unset | UUID):
        service_id (None | Unset | UUID): Only items supporting this service.
        q (None | str | Unset): Key or name contains.
        limit (int | Unset): Page size, 1..500. Default: 50.
        cursor (None | str | Unset): Opaque cursor from `next_cursor`.
        format_ (ConfigurationListConfigurationItemsFormatType0 | None | Unset): `csv`: every page
            as CSV (same as `Accept: text/csv`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CiPage | Problem]
    """

    kwargs = _get_kwargs(
        org=org,
        status=status,
        type_=type_,
        owner_id=owner_id,
        service_id=service_id,
        q=q,
        limit=limit,
        cursor=cursor,
        format_=format_,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    org: str,
    *,
    client: AuthenticatedClient,
    status: CiStatus | None | Unset = UNSET,
    type_: None | str | Unset = UNSET,
    owner_id: None | Unset | UUID = UNSET,
    service_id: None | Unset | UUID = UNSET,
    q: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    format_: ConfigurationListConfigurationItemsFormatType0 | None | Unset = UNSET,
) -> CiPage | Problem | None:
    """List Configuration Items

     List configuration items by key, filtered by status, type, owner, service or text.

    Args:
        org (str): Organisation slug.
        status (CiStatus | None | Unset):
        type_ (None | str | Unset):
        owner_id (None | Unset | UUID):
        service_id (None | Unset | UUID): Only items supporting this service.
        q (None | str | Unset): Key or name contains.
        limit (int | Unset): Page size, 1..500. Default: 50.
        cursor (None | str | Unset): Opaque cursor from `next_cursor`.
        format_ (ConfigurationListConfigurationItemsFormatType0 | None | Unset): `csv`: every page
            as CSV (same as `Accept: text/csv`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CiPage | Problem
    """

    return (
        await asyncio_detailed(
            org=org,
            client=client,
            status=status,
            type_=type_,
            owner_id=owner_id,
            service_id=service_id,
            q=q,
            limit=limit,
            cursor=cursor,
            format_=format_,
        )
    ).parsed
