from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.evidence_add_evidence_version_body import EvidenceAddEvidenceVersionBody
from ...models.evidence_version_read import EvidenceVersionRead
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    org: str,
    evidence_id: str,
    *,
    body: EvidenceAddEvidenceVersionBody,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/orgs/{org}/evidence/{evidence_id}/versions".format(
            org=quote(str(org), safe=""),
            evidence_id=quote(str(evidence_id), safe=""),
        ),
    }

    _kwargs["files"] = body.to_multipart()

    headers["Content-Type"] = "multipart/form-data; boundary=+++"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> EvidenceVersionRead | Problem | None:
    if response.status_code == 201:
        response_201 = EvidenceVersionRead.from_dict(response.json())

        return response_201

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

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())

        return response_415

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
) -> Response[EvidenceVersionRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    org: str,
    evidence_id: str,
    *,
    client: AuthenticatedClient,
    body: EvidenceAddEvidenceVersionBody,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[EvidenceVersionRead | Problem]:
    """Add Evidence Version

     Add a new version from a multipart form (field `file`); the item returns to draft.

    Args:
        org (str): Organisation slug.
        evidence_id (str): The evidence id (UUID) or its key (`E-12`).
        idempotency_key (None | str | Unset): Repeat the request safely: the same key and request
            return the first result.
        body (EvidenceAddEvidenceVersionBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EvidenceVersionRead | Problem]
    """

    kwargs = _get_kwargs(
        org=org,
        evidence_id=evidence_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    org: str,
    evidence_id: str,
    *,
    client: AuthenticatedClient,
    body: EvidenceAddEvidenceVersionBody,
    idempotency_key: None | str | Unset = UNSET,
) -> EvidenceVersionRead | Problem | None:
    """Add Evidence Version

     Add a new version from a multipart form (field `file`); the item returns to draft.

    Args:
        org (str): Organisation slug.
        evidence_id (str): The evidence id (UUID) or its key (`E-12`).
        idempotency_key (None | str | Unset): Repeat the request safely: the same key and request
            return the first result.
        body (EvidenceAddEvidenceVersionBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EvidenceVersionRead | Problem
    """

    return sync_detailed(
        org=org,
        evidence_id=evidence_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    org: str,
    evidence_id: str,
    *,
    client: AuthenticatedClient,
    body: EvidenceAddEvidenceVersionBody,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[EvidenceVersionRead | Problem]:
    """Add Evidence Version

     Add a new version from a multipart form (field `file`); the item returns to draft.

    Args:
        org (str): Organisation slug.
        evidence_id (str): The evidence id (UUID) or its key (`E-12`).
        idempotency_key (None | str | Unset): Repeat the request safely: the same key and request
            return the first result.
        body (EvidenceAddEvidenceVersionBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EvidenceVersionRead | Problem]
    """

    kwargs = _get_kwargs(
        org=org,
        evidence_id=evidence_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    org: str,
    evidence_id: str,
    *,
    client: AuthenticatedClient,
    body: EvidenceAddEvidenceVersionBody,
    idempotency_key: None | str | Unset = UNSET,
) -> EvidenceVersionRead | Problem | None:
    """Add Evidence Version

     Add a new version from a multipart form (field `file`); the item returns to draft.

    Args:
        org (str): Organisation slug.
        evidence_id (str): The evidence id (UUID) or its key (`E-12`).
        idempotency_key (None | str | Unset): Repeat the request safely: the same key and request
            return the first result.
        body (EvidenceAddEvidenceVersionBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EvidenceVersionRead | Problem
    """

    return (
        await asyncio_detailed(
            org=org,
            evidence_id=evidence_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
