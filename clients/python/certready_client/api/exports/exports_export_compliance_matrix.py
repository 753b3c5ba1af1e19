from http import HTTPStatus
from io import BytesIO
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...types import File, Response


def _get_kwargs(
    org: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/orgs/{org}/exports/compliance-matrix.xlsx".format(
            org=quote(str(org), safe=""),
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
    *,
    client: AuthenticatedClient,
) -> Response[File | Problem]:
    """Export Compliance Matrix

     Download the compliance matrix as XLSX: one row per requirement leaf (status, owner,
    evidence with versions and SHA-256, last audit result, open findings, failing readiness
    rules), the registers as further sheets and an "Export" sheet with the data's SHA-256.

    `HEAD` answers the name and type without writing the workbook.

    Args:
        org (str): Organisation slug.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[File | Problem]
    """

    kwargs = _get_kwargs(
        org=org,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    org: str,
    *,
    client: AuthenticatedClient,
) -> File | Problem | None:
    """Export Compliance Matrix

     Download the compliance matrix as XLSX: one row per requirement leaf (status, owner,
    evidence with versions and SHA-256, last audit result, open findings, failing readiness
    rules), the registers as further sheets and an "Export" sheet with the data's SHA-256.

    `HEAD` answers the name and type without writing the workbook.

    Args:
        org (str): Organisation slug.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        File | Problem
    """

    return sync_detailed(
        org=org,
        client=client,
    ).parsed


async def asyncio_detailed(
    org: str,
    *,
    client: AuthenticatedClient,
) -> Response[File | Problem]:
    """Export Compliance Matrix

     Download the compliance matrix as XLSX: one row per requirement leaf (status, owner,
    evidence with versions and SHA-256, last audit result, open findings, failing readiness
    rules), the registers as further sheets and an "Export" sheet with the data's SHA-256.

    `HEAD` answers the name and type without writing the workbook.

    Args:
        org (str): Organisation slug.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[File | Problem]
    """

    kwargs = _get_kwargs(
        org=org,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    org: str,
    *,
    client: AuthenticatedClient,
) -> File | Problem | None:
    """Export Compliance Matrix

     Download the compliance matrix as XLSX: one row per requirement leaf (status, owner,
    evidence with versions and SHA-256, last audit result, open findings, failing readiness
    rules), the registers as further sheets and an "Export" sheet with the data's SHA-256.

    `HEAD` answers the name and type without writing the workbook.

    Args:
        org (str): Organisation slug.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        File | Problem
    """

    return (
        await asyncio_detailed(
            org=org,
            client=client,
        )
    ).parsed
