from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.corrective_measure_read import CorrectiveMeasureRead
from ...models.effectiveness_review_create import EffectivenessReviewCreate
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    org: str,
    measure_id: UUID,
    *,
    body: EffectivenessReviewCreate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/orgs/{org}/corrective-measures/{measure_id}/effectiveness-review".format(
            org=quote(str(org), safe=""),
            measure_id=quote(str(measure_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CorrectiveMeasureRead | Problem | None:
    if response.status_code == 200:
        response_200 = CorrectiveMeasureRead.from_dict(response.json())

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

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

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
) -> Response[CorrectiveMeasureRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    org: str,
    measure_id: UUID,
    *,
    client: AuthenticatedClient,
    body: EffectivenessReviewCreate,
) -> Response[CorrectiveMeasureRead | Problem]:
    """Record Effectiveness Review

     Record the caller's effectiveness review; not effective returns the measure to analysis.

    Args:
        org (str): Organisation slug.
        measure_id (UUID):
        body (EffectivenessReviewCreate): The caller is the reviewer; a not-effective result sends
            the measure back to analysis.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CorrectiveMeasureRead | Problem]
    """

    kwargs = _get_kwargs(
        org=org,
        measure_id=measure_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    org: str,
    measure_id: UUID,
    *,
    client: AuthenticatedClient,
    body: EffectivenessReviewCreate,
) -> CorrectiveMeasureRead | Problem | None:
    """Record Effectiveness Review

     Record the caller's effectiveness review; not effective returns the measure to analysis.

    Args:
        org (str): Organisation slug.
        measure_id (UUID):
        body (EffectivenessReviewCreate): The caller is the reviewer; a not-effective result sends
            the measure back to analysis.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CorrectiveMeasureRead | Problem
    """

    return sync_detailed(
        org=org,
        measure_id=measure_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    org: str,
    measure_id: UUID,
    *,
    client: AuthenticatedClient,
    body: EffectivenessReviewCreate,
) -> Response[CorrectiveMeasureRead | Problem]:
    """Record Effectiveness Review

     Record the caller's effectiveness review; not effective returns the measure to analysis.

    Args:
        org (str): Organisation slug.
        measure_id (UUID):
        body (EffectivenessReviewCreate): The caller is the reviewer; a not-effective result sends
            the measure back to analysis.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CorrectiveMeasureRead | Problem]
    """

    kwargs = _get_kwargs(
        org=org,
        measure_id=measure_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    org: str,
    measure_id: UUID,
    *,
    client: AuthenticatedClient,
    body: EffectivenessReviewCreate,
) -> CorrectiveMeasureRead | Problem | None:
    """Record Effectiveness Review

     Record the caller's effectiveness review; not effective returns the measure to analysis.

    Args:
        org (str): Organisation slug.
        measure_id (UUID):
        body (EffectivenessReviewCreate): The caller is the reviewer; a not-effective result sends
            the measure back to analysis.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CorrectiveMeasureRead | Problem
    """

    return (
        await asyncio_detailed(
            org=org,
            measure_id=measure_id,
            client=client,
            body=body,
        )
    ).parsed
