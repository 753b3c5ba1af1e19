from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.management_review_input_read import ManagementReviewInputRead
from ...models.management_review_input_update import ManagementReviewInputUpdate
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    org: str,
    review_id: UUID,
    topic_key: str,
    *,
    body: ManagementReviewInputUpdate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/api/v1/orgs/{org}/management-reviews/{review_id}/inputs/{topic_key}".format(
            org=quote(str(org), safe=""),
            review_id=quote(str(review_id), safe=""),
            topic_key=quote(str(topic_key), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ManagementReviewInputRead | Problem | None:
    if response.status_code == 200:
        response_200 = ManagementReviewInputRead.from_dict(response.json())

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
) -> Response[ManagementReviewInputRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    org: str,
    review_id: UUID,
    topic_key: str,
    *,
    client: AuthenticatedClient,
    body: ManagementReviewInputUpdate,
) -> Response[ManagementReviewInputRead | Problem]:
    """Update Management Review Input

     Record an input topic's notes and links, and mark it covered or not applicable.

    Args:
        org (str): Organisation slug.
        review_id (UUID):
        topic_key (str):
        body (ManagementReviewInputUpdate): Record how a topic was covered, or why it does not
            apply this time.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ManagementReviewInputRead | Problem]
    """

    kwargs = _get_kwargs(
        org=org,
        review_id=review_id,
        topic_key=topic_key,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    org: str,
    review_id: UUID,
    topic_key: str,
    *,
    client: AuthenticatedClient,
    body: ManagementReviewInputUpdate,
) -> ManagementReviewInputRead | Problem | None:
    """Update Management Review Input

     Record an input topic's notes and links, and mark it covered or not applicable.

    Args:
        org (str): Organisation slug.
        review_id (UUID):
        topic_key (str):
        body (ManagementReviewInputUpdate): Record how a topic was covered, or why it does not
            apply this time.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ManagementReviewInputRead | Problem
    """

    return sync_detailed(
        org=org,
        review_id=review_id,
        topic_key=topic_key,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    org: str,
    review_id: UUID,
    topic_key: str,
    *,
    client: AuthenticatedClient,
    body: ManagementReviewInputUpdate,
) -> Response[ManagementReviewInputRead | Problem]:
    """Update Management Review Input

     Record an input topic's notes and links, and mark it covered or not applicable.

    Args:
        org (str): Organisation slug.
        review_id (UUID):
        topic_key (str):
        body (ManagementReviewInputUpdate): Record how a topic was covered, or why it does not
            apply this time.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ManagementReviewInputRead | Problem]
    """

    kwargs = _get_kwargs(
        org=org,
        review_id=review_id,
        topic_key=topic_key,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    org: str,
    review_id: UUID,
    topic_key: str,
    *,
    client: AuthenticatedClient,
    body: ManagementReviewInputUpdate,
) -> ManagementReviewInputRead | Problem | None:
    """Update Management Review Input

     Record an input topic's notes and links, and mark it covered or not applicable.

    Args:
        org (str): Organisation slug.
        review_id (UUID):
        topic_key (str):
        body (ManagementReviewInputUpdate): Record how a topic was covered, or why it does not
            apply this time.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ManagementReviewInputRead | Problem
    """

    return (
        await asyncio_detailed(
            org=org,
            review_id=review_id,
            topic_key=topic_key,
            client=client,
            body=body,
        )
    ).parsed
