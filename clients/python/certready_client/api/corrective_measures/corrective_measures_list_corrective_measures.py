from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.corrective_measure_page import CorrectiveMeasurePage
from ...models.corrective_measures_list_corrective_measures_format_type_0 import (
    CorrectiveMeasuresListCorrectiveMeasuresFormatType0,
)
from ...models.measure_status import MeasureStatus
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    org: str,
    *,
    status: MeasureStatus | None | Unset = UNSET,
    owner_id: None | Unset | UUID = UNSET,
    finding_id: None | Unset | UUID = UNSET,
    overdue: bool | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    format_: CorrectiveMeasuresListCorrectiveMeasuresFormatType0 | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, MeasureStatus):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

    json_owner_id: None | str | Unset
    if isinstance(owner_id, Unset):
        json_owner_id = UNSET
    elif isinstance(owner_id, UUID):
        json_owner_id = str(owner_id)
    else:
        json_owner_id = owner_id
    params["owner_id"] = json_owner_id

    json_finding_id: None | str | Unset
    if isinstance(finding_id, Unset):
        json_finding_id = UNSET
    elif isinstance(finding_id, UUID):
        json_finding_id = str(finding_id)
    else:
        json_finding_id = finding_id
    params["finding_id"] = json_finding_id

    json_overdue: bool | None | Unset
    if isinstance(overdue, Unset):
        json_overdue = UNSET
    else:
        json_overdue = overdue
    params["overdue"] = json_overdue

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
    elif isinstance(format_, CorrectiveMeasuresListCorrectiveMeasuresFormatType0):
        json_format_ = format_.value
    else:
        json_format_ = format_
    params["format"] = json_format_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/orgs/{org}/corrective-measures".format(
            org=quote(str(org), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CorrectiveMeasurePage | Problem | None:
    if response.status_code == 200:
        response_200 = CorrectiveMeasurePage.from_dict(response.json())

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
) -> Response[CorrectiveMeasurePage | Problem]:
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
    status: MeasureStatus | None | Unset = UNSET,
    owner_id: None | Unset | UUID = UNSET,
    finding_id: None | Unset | UUID = UNSET,
    overdue: bool | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    format_: CorrectiveMeasuresListCorrectiveMeasuresFormatType0 | None | Unset = UNSET,
) -> Response[CorrectiveMeasurePage | Problem]:
    """List Corrective Measures

     List corrective measures, newest first, filtered by status, owner, finding or overdue.

    Args:
        org (str): Organisation slug.
        status (MeasureStatus | None | Unset):
        owner_id (None | Unset | UUID):
        finding_id (None | Unset | UUID):
        overdue (bool | None | Unset): Due date passed and not yet implemented.
        limit (int | Unset): Page size, 1..500. Default: 50.
        cursor (None | str | Unset): Opaque cursor from `next_cursor`.
        format_ (CorrectiveMeasuresListCorrectiveMeasuresFormatType0 | None | Unset): `csv`: every
            page as CSV (same as `Accept: text/csv`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CorrectiveMeasurePage | Problem]
    """

    kwargs = _get_kwargs(
        org=org,
        status=status,
        owner_id=owner_id,
        finding_id=finding_id,
        overdue=overdue,
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
    status: MeasureStatus | None | Unset = UNSET,
    owner_id: None | Unset | UUID = UNSET,
    finding_id: None | Unset | UUID = UNSET,
    overdue: bool | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    format_: CorrectiveMeasuresListCorrectiveMeasuresFormatType0 | None | Unset = UNSET,
) -> CorrectiveMeasurePage | Problem | None:
    """List Corrective Measures

     List corrective measures, newest first, filtered by status, owner, finding or overdue.

    Args:
        org (str): Organisation slug.
        status (MeasureStatus | None | Unset):
        owner_id (None | Unset | UUID):
        finding_id (None | Unset | UUID):
        overdue (bool | None | Unset): Due date passed and not yet implemented.
        limit (int | Unset): Page size, 1..500. Default: 50.
        cursor (None | str | Unset): Opaque cursor from `next_cursor`.
        format_ (CorrectiveMeasuresListCorrectiveMeasuresFormatType0 | None | Unset): `csv`: every
            page as CSV (same as `Accept: text/csv`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CorrectiveMeasurePage | Problem
    """

    return sync_detailed(
        org=org,
        client=client,
        status=status,
        owner_id=owner_id,
        finding_id=finding_id,
        overdue=overdue,
        limit=limit,
        cursor=cursor,
        format_=format_,
    ).parsed


async def asyncio_detailed(
    org: str,
    *,
    client: AuthenticatedClient,
    status: MeasureStatus | None | Unset = UNSET,
    owner_id: None | Unset | UUID = UNSET,
    finding_id: None | Unset | UUID = UNSET,
    overdue: bool | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    format_: CorrectiveMeasuresListCorrectiveMeasuresFormatType0 | None | Unset = UNSET,
) -> Response[CorrectiveMeasurePage | Problem]:
    """List Corrective Measures

     List corrective measures, newest first, filtered by status, owner, finding or overdue.

    Args:
        org (str): Organisation slug.
        status (MeasureStatus | None | Unset):
        owner_id (None | Unset | UUID):
        finding_id (None | Unset | UUID):
        overdue (bool | None | Unset): Due date passed and not yet implemented.
        limit (int | Unset): Page size, 1..500. Default: 50.
        cursor (None | str | Unset): Opaque cursor from `next_cursor`.
        format_ (CorrectiveMeasuresListCorrectiveMeasuresFormatType0 | None | Unset): `csv`: every
            page as CSV (same as `Accept: text/csv`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CorrectiveMeasurePage | Problem]
    """

    kwargs = _get_kwargs(
        org=org,
        status=status,
        owner_id=owner_id,
        finding_id=finding_id,
        overdue=overdue,
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
    status: MeasureStatus | None | Unset = UNSET,
    owner_id: None | Unset | UUID = UNSET,
    finding_id: None | Unset | UUID = UNSET,
    overdue: bool | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    format_: CorrectiveMeasuresListCorrectiveMeasuresFormatType0 | None | Unset = UNSET,
) -> CorrectiveMeasurePage | Problem | None:
    """List Corrective Measures

     List corrective measures, newest first, filtered by status, owner, finding or overdue.

    Args:
        org (str): Organisation slug.
        status (MeasureStatus | None | Unset):
        owner_id (None | Unset | UUID):
        finding_id (None | Unset | UUID):
        overdue (bool | None | Unset): Due date passed and not yet implemented.
        limit (int | Unset): Page size, 1..500. Default: 50.
        cursor (None | str | Unset): Opaque cursor from `next_cursor`.
        format_ (CorrectiveMeasuresListCorrectiveMeasuresFormatType0 | None | Unset): `csv`: every
            page as CSV (same as `Accept: text/csv`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CorrectiveMeasurePage | Problem
    """

    return (
        await asyncio_detailed(
            org=org,
            client=client,
            status=status,
            owner_id=owner_id,
            finding_id=finding_id,
            overdue=overdue,
            limit=limit,
            cursor=cursor,
            format_=format_,
        )
    ).parsed
