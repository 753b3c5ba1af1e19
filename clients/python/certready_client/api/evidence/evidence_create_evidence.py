from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.evidence_create_evidence_files_body import EvidenceCreateEvidenceFilesBody
from ...models.evidence_create_evidence_json_evidence_create import (
    EvidenceCreateEvidenceJsonEvidenceCreate,
)
from ...models.evidence_read import EvidenceRead
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    org: str,
    *,
    body: EvidenceCreateEvidenceJsonEvidenceCreate
    | EvidenceCreateEvidenceFilesBody
    | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/orgs/{org}/evidence".format(
            org=quote(str(org), safe=""),
        ),
    }

    if isinstance(body, EvidenceCreateEvidenceJsonEvidenceCreate):
        _kwargs["json"] = body.to_dict()

        headers["Content-Type"] = "application/json"
    if isinstance(body, EvidenceCreateEvidenceFilesBody):
        _kwargs["files"] = body.to_multipart()

        headers["Content-Type"] = "multipart/form-data; boundary=+++"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> EvidenceRead | Problem | None:
    if response.status_code == 201:
        response_201 = EvidenceRead.from_dict(response.json())

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
) -> Response[EvidenceRead | Problem]:
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
    body: EvidenceCreateEvidenceJsonEvidenceCreate
    | EvidenceCreateEvidenceFilesBody
    | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[EvidenceRead | Problem]:
    """Create Evidence

     Create an evidence item from JSON, or from a multipart form with its first file.

    The multipart file (field `file`) streams straight into the store; lists are
    repeated fields. `Idempotency-Key` makes a retry return the first result.

    Args:
        org (str): Organisation slug.
        idempotency_key (None | str | Unset): Repeat the request safely: the same key and request
            return the first result.
        body (EvidenceCreateEvidenceJsonEvidenceCreate): A new evidence item; a file, if any,
            comes with it (multipart or raw upload).
        body (EvidenceCreateEvidenceFilesBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EvidenceRead | Problem]
    """

    kwargs = _get_kwargs(
        org=org,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    org: str,
    *,
    client: AuthenticatedClient,
    body: EvidenceCreateEvidenceJsonEvidenceCreate
    | EvidenceCreateEvidenceFilesBody
    | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> EvidenceRead | Problem | None:
    """Create Evidence

     Create an evidence item from JSON, or from a multipart form with its first file.

    The multipart file (field `file`) streams straight into the store; lists are
    repeated fields. `Idempotency-Key` makes a retry return the first result.

    Args:
        org (str): Organisation slug.
        idempotency_key (None | str | Unset): Repeat the request safely: the same key and request
            return the first result.
        body (EvidenceCreateEvidenceJsonEvidenceCreate): A new evidence item; a file, if any,
            comes with it (multipart or raw upload).
        body (EvidenceCreateEvidenceFilesBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EvidenceRead | Problem
    """

    return sync_detailed(
        org=org,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    org: str,
    *,
    client: AuthenticatedClient,
    body: EvidenceCreateEvidenceJsonEvidenceCreate
    | EvidenceCreateEvidenceFilesBody
    | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[EvidenceRead | Problem]:
    """Create Evidence

     Create an evidence item from JSON, or from a multipart form with its first file.

    The multipart file (field `file`) streams straight into the store; lists are
    repeated fields. `Idempotency-Key` makes a retry return the first result.

    Args:
        org (str): Organisation slug.
        idempotency_key (None | str | Unset): Repeat the request safely: the same key and request
            return the first result.
        body (EvidenceCreateEvidenceJsonEvidenceCreate): A new evidence item; a file, if any,
            comes with it (multipart or raw upload).
        body (EvidenceCreateEvidenceFilesBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EvidenceRead | Problem]
    """

    kwargs = _get_kwargs(
        org=org,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    org: str,
    *,
    client: AuthenticatedClient,
    body: EvidenceCreateEvidenceJsonEvidenceCreate
    | EvidenceCreateEvidenceFilesBody
    | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> EvidenceRead | Problem | None:
    """Create Evidence

     Create an evidence item from JSON, or from a multipart form with its first file.

    The multipart file (field `file`) streams straight into the store; lists are
    repeated fields. `Idempotency-Key` makes a retry return the first result.

    Args:
        org (str): Organisation slug.
        idempotency_key (None | str | Unset): Repeat the request safely: the same key and request
            return the first result.
        body (EvidenceCreateEvidenceJsonEvidenceCreate): A new evidence item; a file, if any,
            comes with it (multipart or raw upload).
        body (EvidenceCreateEvidenceFilesBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EvidenceRead | Problem
    """

    return (
        await asyncio_detailed(
            org=org,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
