from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.evidence_read import EvidenceRead
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    org: str,
    evidence_id: str,
    ref: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/orgs/{org}/evidence/{evidence_id}/requirements/{ref}".format(
            org=quote(str(org), safe=""),
            evidence_id=quote(str(evidence_id), safe=""),
            ref=quote(str(ref), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> EvidenceRead | Problem | None:
    if response.status_code == 200:
        response_200 = EvidenceRead.from_dict(response.json())

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
) -> Response[EvidenceRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    org: str,
    evidence_id: str,
    ref: str,
    *,
    client: AuthenticatedClient,
) -> Response[EvidenceRead | Problem]:
    """Link Evidence Requirement

     Link the item to a requirement (by ref); linking twice changes nothing.

    Args:
        org (str): Organisation slug.
        evidence_id (str): The evidence id (UUID) or its key (`E-12`).
        ref (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EvidenceRead | Problem]
    """

    kwargs = _get_kwargs(
        org=org,
        evidence_id=evidence_id,
        ref=ref,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    org: str,
    evidence_id: str,
    ref: str,
    *,
    client: AuthenticatedClient,
) -> EvidenceRead | Problem | None:
    """Link Evidence Requirement

     Link the item to a requirement (by ref); linking twice changes nothing.

    Args:
        org (str): Organisation slug.
        evidence_id (str): The evidence id (UUID) or its key (`E-12`).
        ref (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EvidenceRead | Problem
    """

    return sync_detailed(
        org=org,
        evidence_id=evidence_id,
        ref=ref,
        client=client,
    ).parsed


async def asyncio_detailed(
    org: str,
    evidence_id: str,
    ref: str,
    *,
    client: AuthenticatedClient,
) -> Response[EvidenceRead | Problem]:
    """Link Evidence Requirement

     Link the item to a requirement (by ref); linking twice changes nothing.

    Args:
        org (str): Organisation slug.
        evidence_id (str): The evidence id (UUID) or its key (`E-12`).
        ref (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EvidenceRead | Problem]
    """

    kwargs = _get_kwargs(
        org=org,
        evidence_id=evidence_id,
        ref=ref,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    org: str,
    evidence_id: str,
    ref: str,
    *,
    client: AuthenticatedClient,
) -> EvidenceRead | Problem | None:
    """Link Evidence Requirement

     Link the item to a requirement (by ref); linking twice changes nothing.

    Args:
        org (str): Organisation slug.
        evidence_id (str): The evidence id (UUID) or its key (`E-12`).
        ref (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EvidenceRead | Problem
    """

    return (
        await asyncio_detailed(
            org=org,
            evidence_id=evidence_id,
            ref=ref,
            client=client,
        )
    ).parsed
