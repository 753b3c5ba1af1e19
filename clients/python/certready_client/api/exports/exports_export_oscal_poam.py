from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.exports_export_oscal_poam_response_200 import ExportsExportOscalPoamResponse200
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    org: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/orgs/{org}/exports/oscal/poam.json".format(
            org=quote(str(org), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ExportsExportOscalPoamResponse200 | Problem | None:
    if response.status_code == 200:
        response_200 = ExportsExportOscalPoamResponse200.from_dict(response.json())

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
) -> Response[ExportsExportOscalPoamResponse200 | Problem]:
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
) -> Response[ExportsExportOscalPoamResponse200 | Problem]:
    """Export Oscal Poam

     Download the corrective measures as an OSCAL plan of action and milestones: a
    poam-item per measure with its findings, a risk with deadline and status, the planned
    actions as milestones. 409 while there is no measure (OSCAL needs one item).

    Args:
        org (str): Organisation slug.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ExportsExportOscalPoamResponse200 | Problem]
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
) -> ExportsExportOscalPoamResponse200 | Problem | None:
    """Export Oscal Poam

     Download the corrective measures as an OSCAL plan of action and milestones: a
    poam-item per measure with its findings, a risk with deadline and status, the planned
    actions as milestones. 409 while there is no measure (OSCAL needs one item).

    Args:
        org (str): Organisation slug.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ExportsExportOscalPoamResponse200 | Problem
    """

    return sync_detailed(
        org=org,
        client=client,
    ).parsed


async def asyncio_detailed(
    org: str,
    *,
    client: AuthenticatedClient,
) -> Response[ExportsExportOscalPoamResponse200 | Problem]:
    """Export Oscal Poam

     Download the corrective measures as an OSCAL plan of action and milestones: a
    poam-item per measure with its findings, a risk with deadline and status, the planned
    actions as milestones. 409 while there is no measure (OSCAL needs one item).

    Args:
        org (str): Organisation slug.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ExportsExportOscalPoamResponse200 | Problem]
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
) -> ExportsExportOscalPoamResponse200 | Problem | None:
    """Export Oscal Poam

     Download the corrective measures as an OSCAL plan of action and milestones: a
    poam-item per measure with its findings, a risk with deadline and status, the planned
    actions as milestones. 409 while there is no measure (OSCAL needs one item).

    Args:
        org (str): Organisation slug.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ExportsExportOscalPoamResponse200 | Problem
    """

    return (
        await asyncio_detailed(
            org=org,
            client=client,
        )
    ).parsed
