from http import HTTPStatus
from io import BytesIO
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...types import UNSET, File, Response, Unset


def _get_kwargs(
    org: str,
    evidence_id: str,
    number: int,
    *,
    range_: None | str | Unset = UNSET,
    if_range: None | str | Unset = UNSET,
    if_none_match: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(range_, Unset):
        headers["Range"] = range_

    if not isinstance(if_range, Unset):
        headers["if-range"] = if_range

    if not isinstance(if_none_match, Unset):
        headers["if-none-match"] = if_none_match

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/orgs/{org}/evidence/{evidence_id}/versions/{number}/content".format(
            org=quote(str(org), safe=""),
            evidence_id=quote(str(evidence_id), safe=""),
            number=quote(str(number), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | File | Problem | None:
    if response.status_code == 200:
        response_200 = File(payload=BytesIO(response.content))

        return response_200

    if response.status_code == 206:
        response_206 = File(payload=BytesIO(response.content))

        return response_206

    if response.status_code == 304:
        response_304 = cast(Any, None)
        return response_304

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 416:
        response_416 = Problem.from_dict(response.json())

        return response_416

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
) -> Response[Any | File | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    org: str,
    evidence_id: str,
    number: int,
    *,
    client: AuthenticatedClient,
    range_: None | str | Unset = UNSET,
    if_range: None | str | Unset = UNSET,
    if_none_match: None | str | Unset = UNSET,
) -> Response[Any | File | Problem]:
    """Download Evidence Version

     Download a version's file, verified against its SHA-256 first (`ETag`), as an attachment.

    A single `Range` is honoured (206); a file that fails verification is refused (409).

    Args:
        org (str): Organisation slug.
        evidence_id (str): The evidence id (UUID) or its key (`E-12`).
        number (int):
        range_ (None | str | Unset):
        if_range (None | str | Unset):
        if_none_match (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | File | Problem]
    """

    kwargs = _get_kwargs(
        org=org,
        evidence_id=evidence_id,
        number=number,
        range_=range_,
        if_range=if_range,
        if_none_match=if_none_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    org: str,
    evidence_id: str,
    number: int,
    *,
    client: AuthenticatedClient,
    range_: None | str | Unset = UNSET,
    if_range: None | str | Unset = UNSET,
    if_none_match: None | str | Unset = UNSET,
) -> Any | File | Problem | None:
    """Download Evidence Version

     Download a version's file, verified against its SHA-256 first (`ETag`), as an attachment.

    A single `Range` is honoured (206); a file that fails verification is refused (409).

    Args:
        org (str): Organisation slug.
        evidence_id (str): The evidence id (UUID) or its key (`E-12`).
        number (int):
        range_ (None | str | Unset):
        if_range (None | str | Unset):
        if_none_match (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | File | Problem
    """

    return sync_detailed(
        org=org,
        evidence_id=evidence_id,
        number=number,
        client=client,
        range_=range_,
        if_range=if_range,
        if_none_match=if_none_match,
    ).parsed


async def asyncio_detailed(
    org: str,
    evidence_id: str,
    number: int,
    *,
    client: AuthenticatedClient,
    range_: None | str | Unset = UNSET,
    if_range: None | str | Unset = UNSET,
    if_none_match: None | str | Unset = UNSET,
) -> Response[Any | File | Problem]:
    """Download Evidence Version

     Download a version's file, verified against its SHA-256 first (`ETag`), as an attachment.

    A single `Range` is honoured (206); a file that fails verification is refused (409).

    Args:
        org (str): Organisation slug.
        evidence_id (str): The evidence id (UUID) or its key (`E-12`).
        number (int):
        range_ (None | str | Unset):
        if_range (None | str | Unset):
        if_none_match (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | File | Problem]
    """

    kwargs = _get_kwargs(
        org=org,
        evidence_id=evidence_id,
        number=number,
        range_=range_,
        if_range=if_range,
        if_none_match=if_none_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    org: str,
    evidence_id: str,
    number: int,
    *,
    client: AuthenticatedClient,
    range_: None | str | Unset = UNSET,
    if_range: None | str | Unset = UNSET,
    if_none_match: None | str | Unset = UNSET,
) -> Any | File | Problem | None:
    """Download Evidence Version

     Download a version's file, verified against its SHA-256 first (`ETag`), as an attachment.

    A single `Range` is honoured (206); a file that fails verification is refused (409).

    Args:
        org (str): Organisation slug.
        evidence_id (str): The evidence id (UUID) or its key (`E-12`).
        number (int):
        range_ (None | str | Unset):
        if_range (None | str | Unset):
        if_none_match (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | File | Problem
    """

    return (
        await asyncio_detailed(
            org=org,
            evidence_id=evidence_id,
            number=number,
            client=client,
            range_=range_,
            if_range=if_range,
            if_none_match=if_none_match,
        )
    ).parsed
