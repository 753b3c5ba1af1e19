from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.integrations_record_page import IntegrationsRecordPage
from ...models.problem import Problem
from ...models.record_kind import RecordKind
from ...models.record_status import RecordStatus
from ...types import UNSET, Response, Unset


def _get_kwargs(
    org: str,
    *,
    integration_id: None | Unset | UUID = UNSET,
    kind: None | RecordKind | Unset = UNSET,
    status: None | RecordStatus | Unset = UNSET,
    service_key: None | str | Unset = UNSET,
    clause: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_integration_id: None | str | Unset
    if isinstance(integration_id, Unset):
        json_integration_id = UNSET
    elif isinstance(integration_id, UUID):
        json_integration_id = str(integration_id)
    else:
        json_integration_id = integration_id
    params["integration_id"] = json_integration_id

    json_kind: None | str | Unset
    if isinstance(kind, Unset):
        json_kind = UNSET
    elif isinstance(kind, RecordKind):
        json_kind = kind.value
    else:
        json_kind = kind
    params["kind"] = json_kind

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, RecordStatus):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

    json_service_key: None | str | Unset
    if isinstance(service_key, Unset):
        json_service_key = UNSET
    else:
        json_service_key = service_key
    params["service_key"] = json_service_key

    json_clause: None | str | Unset
    if isinstance(clause, Unset):
        json_clause = UNSET
    else:
        json_clause = clause
    params["clause"] = json_clause

    params["limit"] = limit

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/orgs/{org}/itsm-records".format(
            org=quote(str(org), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> IntegrationsRecordPage | Problem | None:
    if response.status_code == 200:
        response_200 = IntegrationsRecordPage.from_dict(response.json())

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
) -> Response[IntegrationsRecordPage | Problem]:
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
    integration_id: None | Unset | UUID = UNSET,
    kind: None | RecordKind | Unset = UNSET,
    status: None | RecordStatus | Unset = UNSET,
    service_key: None | str | Unset = UNSET,
    clause: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Response[IntegrationsRecordPage | Problem]:
    """List Records

     ITSM records received from the integrations, filtered by kind, status, service, clause.

    Args:
        org (str): Organisation slug.
        integration_id (None | Unset | UUID):
        kind (None | RecordKind | Unset):
        status (None | RecordStatus | Unset):
        service_key (None | str | Unset):
        clause (None | str | Unset):
        limit (int | Unset): Page size, 1..500. Default: 50.
        cursor (None | str | Unset): Opaque cursor from `next_cursor`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IntegrationsRecordPage | Problem]
    """

    kwargs = _get_kwargs(
        org=org,
        integration_id=integration_id,
        kind=kind,
        status=status,
        service_key=service_key,
        clause=clause,
        limit=limit,
        cursor=cursor,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    org: str,
    *,
    client: AuthenticatedClient,
    integration_id: None | Unset | UUID = UNSET,
    kind: None | RecordKind | Unset = UNSET,
    status: None | RecordStatus | Unset = UNSET,
    service_key: None | str | Unset = UNSET,
    clause: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> IntegrationsRecordPage | Problem | None:
    """List Records

     ITSM records received from the integrations, filtered by kind, status, service, clause.

    Args:
        org (str): Organisation slug.
        integration_id (None | Unset | UUID):
        kind (None | RecordKind | Unset):
        status (None | RecordStatus | Unset):
        service_key (None | str | Unset):
        clause (None | str | Unset):
        limit (int | Unset): Page size, 1..500. Default: 50.
        cursor (None | str | Unset): Opaque cursor from `next_cursor`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IntegrationsRecordPage | Problem
    """

    return sync_detailed(
        org=org,
        client=client,
        integration_id=integration_id,
        kind=kind,
        status=status,
        service_key=service_key,
        clause=clause,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    org: str,
    *,
    client: AuthenticatedClient,
    integration_id: None | Unset | UUID = UNSET,
    kind: None | RecordKind | Unset = UNSET,
    status: None | RecordStatus | Unset = UNSET,
    service_key: None | str | Unset = UNSET,
    clause: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Response[IntegrationsRecordPage | Problem]:
    """List Records

     ITSM records received from the integrations, filtered by kind, status, service, clause.

    Args:
        org (str): Organisation slug.
        integration_id (None | Unset | UUID):
        kind (None | RecordKind | Unset):
        status (None | RecordStatus | Unset):
        service_key (None | str | Unset):
        clause (None | str | Unset):
        limit (int | Unset): Page size, 1..500. Default: 50.
        cursor (None | str | Unset): Opaque cursor from `next_cursor`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IntegrationsRecordPage | Problem]
    """

    kwargs = _get_kwargs(
        org=org,
        integration_id=integration_id,
        kind=kind,
        status=status,
        service_key=service_key,
        clause=clause,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    org: str,
    *,
    client: AuthenticatedClient,
    integration_id: None | Unset | UUID = UNSET,
    kind: None | RecordKind | Unset = UNSET,
    status: None | RecordStatus | Unset = UNSET,
    service_key: None | str | Unset = UNSET,
    clause: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> IntegrationsRecordPage | Problem | None:
    """List Records

     ITSM records received from the integrations, filtered by kind, status, service, clause.

    Args:
        org (str): Organisation slug.
        integration_id (None | Unset | UUID):
        kind (None | RecordKind | Unset):
        status (None | RecordStatus | Unset):
        service_key (None | str | Unset):
        clause (None | str | Unset):
        limit (int | Unset): Page size, 1..500. Default: 50.
        cursor (None | str | Unset): Opaque cursor from `next_cursor`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IntegrationsRecordPage | Problem
    """

    return (
        await asyncio_detailed(
            org=org,
            client=client,
            integration_id=integration_id,
            kind=kind,
            status=status,
            service_key=service_key,
            clause=clause,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
