from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.report_page import ReportPage
from ...models.service_reports_list_produced_reports_format_type_0 import (
    ServiceReportsListProducedReportsFormatType0,
)
from ...types import UNSET, Response, Unset


def _get_kwargs(
    org: str,
    definition_id: UUID,
    *,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    format_: None | ServiceReportsListProducedReportsFormatType0 | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

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
    elif isinstance(format_, ServiceReportsListProducedReportsFormatType0):
        json_format_ = format_.value
    else:
        json_format_ = format_
    params["format"] = json_format_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/orgs/{org}/report-definitions/{definition_id}/reports".format(
            org=quote(str(org), safe=""),
            definition_id=quote(str(definition_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | ReportPage | None:
    if response.status_code == 200:
        response_200 = ReportPage.from_dict(response.json())

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
) -> Response[Problem | ReportPage]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    org: str,
    definition_id: UUID,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    format_: None | ServiceReportsListProducedReportsFormatType0 | Unset = UNSET,
) -> Response[Problem | ReportPage]:
    """List Produced Reports

     List the reports produced for a definition, the latest period first.

    Args:
        org (str): Organisation slug.
        definition_id (UUID):
        limit (int | Unset): Page size, 1..500. Default: 50.
        cursor (None | str | Unset): Opaque cursor from `next_cursor`.
        format_ (None | ServiceReportsListProducedReportsFormatType0 | Unset): `csv`: every page
            as CSV (same as `Accept: text/csv`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ReportPage]
    """

    kwargs = _get_kwargs(
        org=org,
        definition_id=definition_id,
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
    definition_id: UUID,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    format_: None | ServiceReportsListProducedReportsFormatType0 | Unset = UNSET,
) -> Problem | ReportPage | None:
    """List Produced Reports

     List the reports produced for a definition, the latest period first.

    Args:
        org (str): Organisation slug.
        definition_id (UUID):
        limit (int | Unset): Page size, 1..500. Default: 50.
        cursor (None | str | Unset): Opaque cursor from `next_cursor`.
        format_ (None | ServiceReportsListProducedReportsFormatType0 | Unset): `csv`: every page
            as CSV (same as `Accept: text/csv`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ReportPage
    """

    return sync_detailed(
        org=org,
        definition_id=definition_id,
        client=client,
        limit=limit,
        cursor=cursor,
        format_=format_,
    ).parsed


async def asyncio_detailed(
    org: str,
    definition_id: UUID,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    format_: None | ServiceReportsListProducedReportsFormatType0 | Unset = UNSET,
) -> Response[Problem | ReportPage]:
    """List Produced Reports

     List the reports produced for a definition, the latest period first.

    Args:
        org (str): Organisation slug.
        definition_id (UUID):
        limit (int | Unset): Page size, 1..500. Default: 50.
        cursor (None | str | Unset): Opaque cursor from `next_cursor`.
        format_ (None | ServiceReportsListProducedReportsFormatType0 | Unset): `csv`: every page
            as CSV (same as `Accept: text/csv`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ReportPage]
    """

    kwargs = _get_kwargs(
        org=org,
        definition_id=definition_id,
        limit=limit,
        cursor=cursor,
        format_=format_,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    org: str,
    definition_id: UUID,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    format_: None | ServiceReportsListProducedReportsFormatType0 | Unset = UNSET,
) -> Problem | ReportPage | None:
    """List Produced Reports

     List the reports produced for a definition, the latest period first.

    Args:
        org (str): Organisation slug.
        definition_id (UUID):
        limit (int | Unset): Page size, 1..500. Default: 50.
        cursor (None | str | Unset): Opaque cursor from `next_cursor`.
        format_ (None | ServiceReportsListProducedReportsFormatType0 | Unset): `csv`: every page
            as CSV (same as `Accept: text/csv`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ReportPage
    """

    return (
        await asyncio_detailed(
            org=org,
            definition_id=definition_id,
            client=client,
            limit=limit,
            cursor=cursor,
            format_=format_,
        )
    ).parsed
