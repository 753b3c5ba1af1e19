from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.record_import_result import RecordImportResult
from ...models.training_import_training_records_files_body import (
    TrainingImportTrainingRecordsFilesBody,
)
from ...types import Response


def _get_kwargs(
    org: str,
    *,
    body: TrainingImportTrainingRecordsFilesBody,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/orgs/{org}/training/records/import".format(
            org=quote(str(org), safe=""),
        ),
    }

    _kwargs["files"] = body.to_multipart()

    headers["Content-Type"] = "multipart/form-data; boundary=+++"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | RecordImportResult | None:
    if response.status_code == 200:
        response_200 = RecordImportResult.from_dict(response.json())

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
) -> Response[Problem | RecordImportResult]:
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
    body: TrainingImportTrainingRecordsFilesBody,
) -> Response[Problem | RecordImportResult]:
    """Import Training Records

     Import completion records from CSV (email, course, completed_on[, evaluation_method,
    evaluation_result]); all or nothing, with an error per bad cell.

    Args:
        org (str): Organisation slug.
        body (TrainingImportTrainingRecordsFilesBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RecordImportResult]
    """

    kwargs = _get_kwargs(
        org=org,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    org: str,
    *,
    client: AuthenticatedClient,
    body: TrainingImportTrainingRecordsFilesBody,
) -> Problem | RecordImportResult | None:
    """Import Training Records

     Import completion records from CSV (email, course, completed_on[, evaluation_method,
    evaluation_result]); all or nothing, with an error per bad cell.

    Args:
        org (str): Organisation slug.
        body (TrainingImportTrainingRecordsFilesBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RecordImportResult
    """

    return sync_detailed(
        org=org,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    org: str,
    *,
    client: AuthenticatedClient,
    body: TrainingImportTrainingRecordsFilesBody,
) -> Response[Problem | RecordImportResult]:
    """Import Training Records

     Import completion records from CSV (email, course, completed_on[, evaluation_method,
    evaluation_result]); all or nothing, with an error per bad cell.

    Args:
        org (str): Organisation slug.
        body (TrainingImportTrainingRecordsFilesBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RecordImportResult]
    """

    kwargs = _get_kwargs(
        org=org,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    org: str,
    *,
    client: AuthenticatedClient,
    body: TrainingImportTrainingRecordsFilesBody,
) -> Problem | RecordImportResult | None:
    """Import Training Records

     Import completion records from CSV (email, course, completed_on[, evaluation_method,
    evaluation_result]); all or nothing, with an error per bad cell.

    Args:
        org (str): Organisation slug.
        body (TrainingImportTrainingRecordsFilesBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RecordImportResult
    """

    return (
        await asyncio_detailed(
            org=org,
            client=client,
            body=body,
        )
    ).parsed
