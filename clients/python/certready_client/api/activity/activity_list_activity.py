from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.activity_list_activity_format_type_0 import ActivityListActivityFormatType0
from ...models.activity_page import ActivityPage
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    org: str,
    *,
    object_type: None | str | Unset = UNSET,
    object_id: None | str | Unset = UNSET,
    actor_id: None | Unset | UUID = UNSET,
    action: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    format_: ActivityListActivityFormatType0 | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_object_type: None | str | Unset
    if isinstance(object_type, Unset):
        json_object_type = UNSET
    else:
        json_object_type = object_type
    params["object_type"] = json_object_type

    json_object_id: None | str | Unset
    if isinstance(object_id, Unset):
        json_object_id = UNSET
    else:
        json_object_id = object_id
    params["object_id"] = json_object_id

    json_actor_id: None | str | Unset
    if isinstance(actor_id, Unset):
        json_actor_id = UNSET
    elif isinstance(actor_id, UUID):
        json_actor_id = str(actor_id)
    else:
        json_actor_id = actor_id
    params["actor_id"] = json_actor_id

    json_action: None | str | Unset
    if isinstance(action, Unset):
        json_action = UNSET
    else:
        json_action = action
    params["action"] = json_action

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
    elif isinstance(format_, ActivityListActivityFormatType0):
        json_format_ = format_.value
    else:
        json_format_ = format_
    params["format"] = json_format_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/orgs/{org}/activity".format(
            org=quote(str(org), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ActivityPage | Problem | None:
    if response.status_code == 200:
        response_200 = ActivityPage.from_dict(response.json())

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
) -> Response[ActivityPage | Problem]:
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
    object_type: None | str | Unset = UNSET,
    object_id: None | str | Unset = UNSET,
    actor_id: None | Unset | UUID = UNSET,
    action: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    format_: ActivityListActivityFormatType0 | None | Unset = UNSET,
) -> Response[ActivityPage | Problem]:
    """List Activity

     List the organisation's activity log, newest first (who, what, when, before/after).

    Args:
        org (str): Organisation slug.
        object_type (None | str | Unset):
        object_id (None | str | Unset):
        actor_id (None | Unset | UUID):
        action (None | str | Unset):
        limit (int | Unset): Page size, 1..500. Default: 50.
        cursor (None | str | Unset): Opaque cursor from `next_cursor`.
        format_ (ActivityListActivityFormatType0 | None | Unset): `csv`: every page as CSV (same
            as `Accept: text/csv`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ActivityPage | Problem]
    """

    kwargs = _get_kwargs(
        org=org,
        object_type=object_type,
        object_id=object_id,
        actor_id=actor_id,
        action=action,
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
    object_type: None | str | Unset = UNSET,
    object_id: None | str | Unset = UNSET,
    actor_id: None | Unset | UUID = UNSET,
    action: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    format_: ActivityListActivityFormatType0 | None | Unset = UNSET,
) -> ActivityPage | Problem | None:
    """List Activity

     List the organisation's activity log, newest first (who, what, when, before/after).

    Args:
        org (str): Organisation slug.
        object_type (None | str | Unset):
        object_id (None | str | Unset):
        actor_id (None | Unset | UUID):
        action (None | str | Unset):
        limit (int | Unset): Page size, 1..500. Default: 50.
        cursor (None | str | Unset): Opaque cursor from `next_cursor`.
        format_ (ActivityListActivityFormatType0 | None | Unset): `csv`: every page as CSV (same
            as `Accept: text/csv`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ActivityPage | Problem
    """

    return sync_detailed(
        org=org,
        client=client,
        object_type=object_type,
        object_id=object_id,
        actor_id=actor_id,
        action=action,
        limit=limit,
        cursor=cursor,
        format_=format_,
    ).parsed


async def asyncio_detailed(
    org: str,
    *,
    client: AuthenticatedClient,
    object_type: None | str | Unset = UNSET,
    object_id: None | str | Unset = UNSET,
    actor_id: None | Unset | UUID = UNSET,
    action: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    format_: ActivityListActivityFormatType0 | None | Unset = UNSET,
) -> Response[ActivityPage | Problem]:
    """List Activity

     List the organisation's activity log, newest first (who, what, when, before/after).

    Args:
        org (str): Organisation slug.
        object_type (None | str | Unset):
        object_id (None | str | Unset):
        actor_id (None | Unset | UUID):
        action (None | str | Unset):
        limit (int | Unset): Page size, 1..500. Default: 50.
        cursor (None | str | Unset): Opaque cursor from `next_cursor`.
        format_ (ActivityListActivityFormatType0 | None | Unset): `csv`: every page as CSV (same
            as `Accept: text/csv`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ActivityPage | Problem]
    """

    kwargs = _get_kwargs(
        org=org,
        object_type=object_type,
        object_id=object_id,
        actor_id=actor_id,
        action=action,
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
    object_type: None | str | Unset = UNSET,
    object_id: None | str | Unset = UNSET,
    actor_id: None | Unset | UUID = UNSET,
    action: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    format_: ActivityListActivityFormatType0 | None | Unset = UNSET,
) -> ActivityPage | Problem | None:
    """List Activity

     List the organisation's activity log, newest first (who, what, when, before/after).

    Args:
        org (str): Organisation slug.
        object_type (None | str | Unset):
        object_id (None | str | Unset):
        actor_id (None | Unset | UUID):
        action (None | str | Unset):
        limit (int | Unset): Page size, 1..500. Default: 50.
        cursor (None | str | Unset): Opaque cursor from `next_cursor`.
        format_ (ActivityListActivityFormatType0 | None | Unset): `csv`: every page as CSV (same
            as `Accept: text/csv`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ActivityPage | Problem
    """

    return (
        await asyncio_detailed(
            org=org,
            client=client,
            object_type=object_type,
            object_id=object_id,
            actor_id=actor_id,
            action=action,
            limit=limit,
            cursor=cursor,
            format_=format_,
        )
    ).parsed
