from http import HTTPStatus
from io import BytesIO
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...types import File, Response


def _get_kwargs(
    org: str,
    job_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/orgs/{org}/exports/evidence-pack/jobs/{job_id}/evidence-pack.zip".format(
            org=quote(str(org), safe=""),
            job_id=quote(str(job_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> File | Problem | None:
    if response.status_code == 200:
        response_200 = File(payload=BytesIO(response.content))

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

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

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
) -> Response[File | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    org: str,
    job_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[File | Problem]:
    """Download Evidence Pack Job

     The finished pack of a `done` job (409 before; 404 once removed after the
    retention period). A browser navigates here with a download ticket.

    Args:
        org (str): Organisation slug.
        job_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[File | Problem]
    """

    kwargs = _get_kwargs(
        org=org,
        job_id=job_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    org: str,
    job_id: UUID,
    *,
    client: AuthenticatedClient,
) -> File | Problem | None:
    """Download Evidence Pack Job

     The finished pack of a `done` job (409 before; 404 once removed after the
    retention period). A browser navigates here with a download ticket.

    Args:
        org (str): Organisation slug.
        job_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        File | Problem
    """

    return sync_detailed(
        org=org,
        job_id=job_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    org: str,
    job_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[File | Problem]:
    """Download Evidence Pack Job

     The finished pack of a `done` job (409 before; 404 once removed after the
    retention period). A browser navigates here with a download ticket.

    Args:
        org (str): Organisation slug.
        job_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[File | Problem]
    """

    kwargs = _get_kwargs(
        org=org,
        job_id=job_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    org: str,
    job_id: UUID,
    *,
    client: AuthenticatedClient,
) -> File | Problem | None:
    """Download Evidence Pack Job

     The finished pack of a `done` job (409 before; 404 once removed after the
    retention period). A browser navigates here with a download ticket.

    Args:
        org (str): Organisation slug.
        job_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        File | Problem
    """

    return (
        await asyncio_detailed(
            org=org,
            job_id=job_id,
            client=client,
        )
    ).parsed
