from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.action import Action
from ...models.member_page import MemberPage
from ...models.members_list_members_format_type_0 import MembersListMembersFormatType0
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    org: str,
    *,
    can: Action | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    format_: MembersListMembersFormatType0 | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_can: None | str | Unset
    if isinstance(can, Unset):
        json_can = UNSET
    elif isinstance(can, Action):
        json_can = can.value
    else:
        json_can = can
    params["can"] = json_can

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
    elif isinstance(format_, MembersListMembersFormatType0):
        json_format_ = format_.value
    else:
        json_format_ = format_
    params["format"] = json_format_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/orgs/{org}/members".format(
            org=quote(str(org), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> MemberPage | Problem | None:
    if response.status_code == 200:
        response_200 = MemberPage.from_dict(response.json())

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
) -> Response[MemberPage | Problem]:
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
    can: Action | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    format_: MembersListMembersFormatType0 | None | Unset = UNSET,
) -> Response[MemberPage | Problem]:
    """List Members

     List the members and their roles; `can` keeps those whose role allows that action.

    Args:
        org (str): Organisation slug.
        can (Action | None | Unset): Only members whose role allows this action (e.g.
            `measures:write`).
        limit (int | Unset): Page size, 1..500. Default: 50.
        cursor (None | str | Unset): Opaque cursor from `next_cursor`.
        format_ (MembersListMembersFormatType0 | None | Unset): `csv`: every page as CSV (same as
            `Accept: text/csv`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MemberPage | Problem]
    """

    kwargs = _get_kwargs(
        org=org,
        can=can,
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
    can: Action | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    format_: MembersListMembersFormatType0 | None | Unset = UNSET,
) -> MemberPage | Problem | None:
    """List Members

     List the members and their roles; `can` keeps those whose role allows that action.

    Args:
        org (str): Organisation slug.
        can (Action | None | Unset): Only members whose role allows this action (e.g.
            `measures:write`).
        limit (int | Unset): Page size, 1..500. Default: 50.
        cursor (None | str | Unset): Opaque cursor from `next_cursor`.
        format_ (MembersListMembersFormatType0 | None | Unset): `csv`: every page as CSV (same as
            `Accept: text/csv`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MemberPage | Problem
    """

    return sync_detailed(
        org=org,
        client=client,
        can=can,
        limit=limit,
        cursor=cursor,
        format_=format_,
    ).parsed


async def asyncio_detailed(
    org: str,
    *,
    client: AuthenticatedClient,
    can: Action | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    format_: MembersListMembersFormatType0 | None | Unset = UNSET,
) -> Response[MemberPage | Problem]:
    """List Members

     List the members and their roles; `can` keeps those whose role allows that action.

    Args:
        org (str): Organisation slug.
        can (Action | None | Unset): Only members whose role allows this action (e.g.
            `measures:write`).
        limit (int | Unset): Page size, 1..500. Default: 50.
        cursor (None | str | Unset): Opaque cursor from `next_cursor`.
        format_ (MembersListMembersFormatType0 | None | Unset): `csv`: every page as CSV (same as
            `Accept: text/csv`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MemberPage | Problem]
    """

    kwargs = _get_kwargs(
        org=org,
        can=can,
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
    can: Action | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    format_: MembersListMembersFormatType0 | None | Unset = UNSET,
) -> MemberPage | Problem | None:
    """List Members

     List the members and their roles; `can` keeps those whose role allows that action.

    Args:
        org (str): Organisation slug.
        can (Action | None | Unset): Only members whose role allows this action (e.g.
            `measures:write`).
        limit (int | Unset): Page size, 1..500. Default: 50.
        cursor (None | str | Unset): Opaque cursor from `next_cursor`.
        format_ (MembersListMembersFormatType0 | None | Unset): `csv`: every page as CSV (same as
            `Accept: text/csv`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MemberPage | Problem
    """

    return (
        await asyncio_detailed(
            org=org,
            client=client,
            can=can,
            limit=limit,
            cursor=cursor,
            format_=format_,
        )
    ).parsed
