from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.assessable_filter import AssessableFilter
from ...models.implementation_status import ImplementationStatus
from ...models.problem import Problem
from ...models.requirement_page import RequirementPage
from ...models.requirements_list_requirements_format_type_0 import (
    RequirementsListRequirementsFormatType0,
)
from ...types import UNSET, Response, Unset


def _get_kwargs(
    org: str,
    *,
    clause: None | str | Unset = UNSET,
    status: list[ImplementationStatus] | None | Unset = UNSET,
    owner_id: None | Unset | UUID = UNSET,
    not_occurring: bool | None | Unset = UNSET,
    q: None | str | Unset = UNSET,
    assessable: AssessableFilter | Unset = UNSET,
    framework: str | Unset = "iso20000-1:2018",
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    format_: None | RequirementsListRequirementsFormatType0 | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_clause: None | str | Unset
    if isinstance(clause, Unset):
        json_clause = UNSET
    else:
        json_clause = clause
    params["clause"] = json_clause

    json_status: list[str] | None | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, list):
        json_status = []
        for status_type_0_item_data in status:
            status_type_0_item = status_type_0_item_data.value
            json_status.append(status_type_0_item)

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

    json_not_occurring: bool | None | Unset
    if isinstance(not_occurring, Unset):
        json_not_occurring = UNSET
    else:
        json_not_occurring = not_occurring
    params["not_occurring"] = json_not_occurring

    json_q: None | str | Unset
    if isinstance(q, Unset):
        json_q = UNSET
    else:
        json_q = q
    params["q"] = json_q

    json_assessable: str | Unset = UNSET
    if not isinstance(assessable, Unset):
        json_assessable = assessable.value

    params["assessable"] = json_assessable

    params["framework"] = framework

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
    elif isinstance(format_, RequirementsListRequirementsFormatType0):
        json_format_ = format_.value
    else:
        json_format_ = format_
    params["format"] = json_format_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/orgs/{org}/requirements".format(
            org=quote(str(org), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | RequirementPage | None:
    if response.status_code == 200:
        response_200 = RequirementPage.from_dict(response.json())

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
) -> Response[Problem | RequirementPage]:
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
    clause: None | str | Unset = UNSET,
    status: list[ImplementationStatus] | None | Unset = UNSET,
    owner_id: None | Unset | UUID = UNSET,
    not_occurring: bool | None | Unset = UNSET,
    q: None | str | Unset = UNSET,
    assessable: AssessableFilter | Unset = UNSET,
    framework: str | Unset = "iso20000-1:2018",
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    format_: None | RequirementsListRequirementsFormatType0 | Unset = UNSET,
) -> Response[Problem | RequirementPage]:
    """List Requirements

     List the organisation's requirements with their implementation status, in clause order.

    Args:
        org (str): Organisation slug.
        clause (None | str | Unset): Clause prefix: `8.5` matches 8.5 and 8.5.x, not 8.50.
        status (list[ImplementationStatus] | None | Unset): Repeat to match any of several.
        owner_id (None | Unset | UUID):
        not_occurring (bool | None | Unset):
        q (None | str | Unset): Case-insensitive text in ref or title.
        assessable (AssessableFilter | Unset): Which catalogue nodes an organisation's requirement
            list includes.
        framework (str | Unset): Framework code. Default: 'iso20000-1:2018'.
        limit (int | Unset): Page size, 1..500. Default: 50.
        cursor (None | str | Unset): Opaque cursor from `next_cursor`.
        format_ (None | RequirementsListRequirementsFormatType0 | Unset): `csv`: every page as CSV
            (same as `Accept: text/csv`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RequirementPage]
    """

    kwargs = _get_kwargs(
        org=org,
        clause=clause,
        status=status,
        owner_id=owner_id,
        not_occurring=not_occurring,
        q=q,
        assessable=assessable,
        framework=framework,
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
    clause: None | str | Unset = UNSET,
    status: list[ImplementationStatus] | None | Unset = UNSET,
    owner_id: None | Unset | UUID = UNSET,
    not_occurring: bool | None | Unset = UNSET,
    q: None | str | Unset = UNSET,
    assessable: AssessableFilter | Unset = UNSET,
    framework: str | Unset = "iso20000-1:2018",
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    format_: None | RequirementsListRequirementsFormatType0 | Unset = UNSET,
) -> Problem | RequirementPage | None:
    """List Requirements

     List the organisation's requirements with their implementation status, in clause order.

    Args:
        org (str): Organisation slug.
        clause (None | str | Unset): Clause prefix: `8.5` matches 8.5 and 8.5.x, not 8.50.
        status (list[ImplementationStatus] | None | Unset): Repeat to match any of several.
        owner_id (None | Unset | UUID):
        not_occurring (bool | None | Unset):
        q (None | str | Unset): Case-insensitive text in ref or title.
        assessable (AssessableFilter | Unset): Which catalogue nodes an organisation's requirement
            list includes.
        framework (str | Unset): Framework code. Default: 'iso20000-1:2018'.
        limit (int | Unset): Page size, 1..500. Default: 50.
        cursor (None | str | Unset): Opaque cursor from `next_cursor`.
        format_ (None | RequirementsListRequirementsFormatType0 | Unset): `csv`: every page as CSV
            (same as `Accept: text/csv`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RequirementPage
    """

    return sync_detailed(
        org=org,
        client=client,
        clause=clause,
        status=status,
        owner_id=owner_id,
        not_occurring=not_occurring,
        q=q,
        assessable=assessable,
        framework=framework,
        limit=limit,
        cursor=cursor,
        format_=format_,
    ).parsed


async def asyncio_detailed(
    org: str,
    *,
    client: AuthenticatedClient,
    clause: None | str | Unset = UNSET,
    status: list[ImplementationStatus] | None | Unset = UNSET,
    owner_id: None | Unset | UUID = UNSET,
    not_occurring: bool | None | Unset = UNSET,
    q: None | str | Unset = UNSET,
    assessable: AssessableFilter | Unset = UNSET,
    framework: str | Unset = "iso20000-1:2018",
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    format_: None | RequirementsListRequirementsFormatType0 | Unset = UNSET,
) -> Response[Problem | RequirementPage]:
    """List Requirements

     List the organisation's requirements with their implementation status, in clause order.

    Args:
        org (str): Organisation slug.
        clause (None | str | Unset): Clause prefix: `8.5` matches 8.5 and 8.5.x, not 8.50.
        status (list[ImplementationStatus] | None | Unset): Repeat to match any of several.
        owner_id (None | Unset | UUID):
        not_occurring (bool | None | Unset):
        q (None | str | Unset): Case-insensitive text in ref or title.
        assessable (AssessableFilter | Unset): Which catalogue nodes an organisation's requirement
            list includes.
        framework (str | Unset): Framework code. Default: 'iso20000-1:2018'.
        limit (int | Unset): Page size, 1..500. Default: 50.
        cursor (None | str | Unset): Opaque cursor from `next_cursor`.
        format_ (None | RequirementsListRequirementsFormatType0 | Unset): `csv`: every page as CSV
            (same as `Accept: text/csv`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RequirementPage]
    """

    kwargs = _get_kwargs(
        org=org,
        clause=clause,
        status=status,
        owner_id=owner_id,
        not_occurring=not_occurring,
        q=q,
        assessable=assessable,
        framework=framework,
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
    clause: None | str | Unset = UNSET,
    status: list[ImplementationStatus] | None | Unset = UNSET,
    owner_id: None | Unset | UUID = UNSET,
    not_occurring: bool | None | Unset = UNSET,
    q: None | str | Unset = UNSET,
    assessable: AssessableFilter | Unset = UNSET,
    framework: str | Unset = "iso20000-1:2018",
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    format_: None | RequirementsListRequirementsFormatType0 | Unset = UNSET,
) -> Problem | RequirementPage | None:
    """List Requirements

     List the organisation's requirements with their implementation status, in clause order.

    Args:
        org (str): Organisation slug.
        clause (None | str | Unset): Clause prefix: `8.5` matches 8.5 and 8.5.x, not 8.50.
        status (list[ImplementationStatus] | None | Unset): Repeat to match any of several.
        owner_id (None | Unset | UUID):
        not_occurring (bool | None | Unset):
        q (None | str | Unset): Case-insensitive text in ref or title.
        assessable (AssessableFilter | Unset): Which catalogue nodes an organisation's requirement
            list includes.
        framework (str | Unset): Framework code. Default: 'iso20000-1:2018'.
        limit (int | Unset): Page size, 1..500. Default: 50.
        cursor (None | str | Unset): Opaque cursor from `next_cursor`.
        format_ (None | RequirementsListRequirementsFormatType0 | Unset): `csv`: every page as CSV
            (same as `Accept: text/csv`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RequirementPage
    """

    return (
        await asyncio_detailed(
            org=org,
            client=client,
            clause=clause,
            status=status,
            owner_id=owner_id,
            not_occurring=not_occurring,
            q=q,
            assessable=assessable,
            framework=framework,
            limit=limit,
            cursor=cursor,
            format_=format_,
        )
    ).parsed
