from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.finding_read import FindingRead
from ...models.finding_update import FindingUpdate
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    org: str,
    finding_id: UUID,
    *,
    body: FindingUpdate,
    if_match: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["if-match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/api/v1/orgs/{org}/findings/{finding_id}".format(
            org=quote(str(org), safe=""),
            finding_id=quote(str(finding_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> FindingRead | Problem | None:
    if response.status_code == 200:
        response_200 = FindingRead.from_dict(response.json())

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

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

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
) -> Response[FindingRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    org: str,
    finding_id: UUID,
    *,
    client: AuthenticatedClient,
    body: FindingUpdate,
    if_match: None | str | Unset = UNSET,
) -> Response[FindingRead | Problem]:
    """Update Finding

     Change a finding that is not closed (send `If-Match`).

    Args:
        org (str): Organisation slug.
        finding_id (UUID):
        if_match (None | str | Unset):
        body (FindingUpdate): Fields to change; the grade changes only while the finding is open.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FindingRead | Problem]
    """

    kwargs = _get_kwargs(
        org=org,
        finding_id=finding_id,
        body=body,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    org: str,
    finding_id: UUID,
    *,
    client: AuthenticatedClient,
    body: FindingUpdate,
    if_match: None | str | Unset = UNSET,
) -> FindingRead | Problem | None:
    """Update Finding

     Change a finding that is not closed (send `If-Match`).

    Args:
        org (str): Organisation slug.
        finding_id (UUID):
        if_match (None | str | Unset):
        body (FindingUpdate): Fields to change; the grade changes only while the finding is open.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FindingRead | Problem
    """

    return sync_detailed(
        org=org,
        finding_id=finding_id,
        client=client,
        body=body,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    org: str,
    finding_id: UUID,
    *,
    client: AuthenticatedClient,
    body: FindingUpdate,
    if_match: None | str | Unset = UNSET,
) -> Response[FindingRead | Problem]:
    """Update Finding

     Change a finding that is not closed (send `If-Match`).

    Args:
        org (str): Organisation slug.
        finding_id (UUID):
        if_match (None | str | Unset):
        body (FindingUpdate): Fields to change; the grade changes only while the finding is open.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FindingRead | Problem]
    """

    kwargs = _get_kwargs(
        org=org,
        finding_id=finding_id,
        body=body,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    org: str,
    finding_id: UUID,
    *,
    client: AuthenticatedClient,
    body: FindingUpdate,
    if_match: None | str | Unset = UNSET,
) -> FindingRead | Problem | None:
    """Update Finding

     Change a finding that is not closed (send `If-Match`).

    Args:
        org (str): Organisation slug.
        finding_id (UUID):
        if_match (None | str | Unset):
        body (FindingUpdate): Fields to change; the grade changes only while the finding is open.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FindingRead | Problem
    """

    return (
        await asyncio_detailed(
            org=org,
            finding_id=finding_id,
            client=client,
            body=body,
            if_match=if_match,
        )
    ).parsed
