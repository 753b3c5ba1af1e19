from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.exports_export_oscal_assessment_results_response_200 import (
    ExportsExportOscalAssessmentResultsResponse200,
)
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    org: str,
    audit_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/orgs/{org}/exports/audits/{audit_id}/oscal/assessment-results.json".format(
            org=quote(str(org), safe=""),
            audit_id=quote(str(audit_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ExportsExportOscalAssessmentResultsResponse200 | Problem | None:
    if response.status_code == 200:
        response_200 = ExportsExportOscalAssessmentResultsResponse200.from_dict(response.json())

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
) -> Response[ExportsExportOscalAssessmentResultsResponse200 | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    org: str,
    audit_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[ExportsExportOscalAssessmentResultsResponse200 | Problem]:
    """Export Oscal Assessment Results

     Download one audit as OSCAL assessment-results: the audit as the result, its
    checklist lines as reviewed controls and observations, every finding (nonconformities,
    observations, OFIs) targeting the catalog's control objectives.

    Args:
        org (str): Organisation slug.
        audit_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ExportsExportOscalAssessmentResultsResponse200 | Problem]
    """

    kwargs = _get_kwargs(
        org=org,
        audit_id=audit_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    org: str,
    audit_id: UUID,
    *,
    client: AuthenticatedClient,
) -> ExportsExportOscalAssessmentResultsResponse200 | Problem | None:
    """Export Oscal Assessment Results

     Download one audit as OSCAL assessment-results: the audit as the result, its
    checklist lines as reviewed controls and observations, every finding (nonconformities,
    observations, OFIs) targeting the catalog's control objectives.

    Args:
        org (str): Organisation slug.
        audit_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ExportsExportOscalAssessmentResultsResponse200 | Problem
    """

    return sync_detailed(
        org=org,
        audit_id=audit_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    org: str,
    audit_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[ExportsExportOscalAssessmentResultsResponse200 | Problem]:
    """Export Oscal Assessment Results

     Download one audit as OSCAL assessment-results: the audit as the result, its
    checklist lines as reviewed controls and observations, every finding (nonconformities,
    observations, OFIs) targeting the catalog's control objectives.

    Args:
        org (str): Organisation slug.
        audit_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ExportsExportOscalAssessmentResultsResponse200 | Problem]
    """

    kwargs = _get_kwargs(
        org=org,
        audit_id=audit_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    org: str,
    audit_id: UUID,
    *,
    client: AuthenticatedClient,
) -> ExportsExportOscalAssessmentResultsResponse200 | Problem | None:
    """Export Oscal Assessment Results

     Download one audit as OSCAL assessment-results: the audit as the result, its
    checklist lines as reviewed controls and observations, every finding (nonconformities,
    observations, OFIs) targeting the catalog's control objectives.

    Args:
        org (str): Organisation slug.
        audit_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ExportsExportOscalAssessmentResultsResponse200 | Problem
    """

    return (
        await asyncio_detailed(
            org=org,
            audit_id=audit_id,
            client=client,
        )
    ).parsed
